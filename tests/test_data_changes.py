"""`make changes`: what the data changes between a git revision and the working tree, for a reviewer."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from annotated_article.article.anchoring import fold
from annotated_article.model import occurrences
from conftest import ARTICLE, PROJECT, copy_project_for_make, run_make
from mistakes import ARTICLE_DATA
from project_data import project_site

TOOL = PROJECT / "tools" / "data_changes.py"
GIT = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run([*GIT, "-C", str(repo), *arguments], capture_output=True, text=True, check=True).stdout


def changes(repo: Path, base: str = "main") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), "--repo", str(repo), base], capture_output=True, text=True,
                          timeout=60)


def summary(repo: Path, base: str = "main") -> str:
    result = changes(repo, base)
    assert result.returncode == 0, result.stderr
    return result.stdout


def load(repo: Path, name: str):
    return yaml.safe_load((repo / "data" / name).read_text(encoding="utf-8"))


def save(repo: Path, name: str, data) -> None:
    (repo / "data" / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def speaker_name(repo: Path, annotation: dict) -> str:
    people = {person["id"]: person["name"] for person in load(repo, "people.yml")}
    return people[annotation["speaker"]] if "speaker" in annotation else f"attributed to {annotation['attributed_to']}"


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository holding a copy of the project, its data committed on `main`."""
    repo = copy_project_for_make(tmp_path / "repo")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "The data as it is")
    return repo


def test_no_change_says_so(repo):
    assert "No change to the annotations" in summary(repo)


def test_an_added_annotation_shows_its_quote_speaker_judgements_and_what_was_said(repo):
    article = load(repo, ARTICLE_DATA)
    quoted = next(a for a in article["annotations"] if "speaker" in a and "source" in a)
    article["annotations"].append({"id": "a-second-look", "exact": "sign of Putin’s", "speaker": quoted["speaker"],
                                   "source": quoted["source"], "kind": "paraphrase", "source_seen": "report",
                                   "wording": "fair-paraphrase",
                                   "said": [{"source": quoted["source"], "words": "a sign of weakness"}]})
    save(repo, ARTICLE_DATA, article)
    found = summary(repo)
    assert (f"- Added `a-second-look`: “sign of Putin’s” ({speaker_name(repo, quoted)}; how: paraphrase; "
            f"source: report; wording: fair-paraphrase)\n  - what `{quoted['source']}` said: “a sign of weakness”\n"
            ) in found
    assert "Removed" not in found and "Renamed" not in found


def test_words_that_occur_more_than_once_are_shown_with_the_fewest_words_around_them_that_occur_once(repo):
    plan = project_site().articles[ARTICLE].loaded_plan
    text, folded = plan.text.text, fold(plan.text.text)
    # The shortest run of words of a paragraph that occurs elsewhere too: a quote a reviewer cannot place alone.
    exact, start = min(((match.group(1), plan.text.paragraphs[index].start + match.start())
                        for index, paragraph in enumerate(plan.text.paragraphs)
                        for match in re.finditer(r"(?=\b([A-Z][a-z]+ [A-Za-z]+ [a-z]+)\b)",
                                                 plan.text.paragraph_text(index))
                        if len(occurrences(folded, fold(match.group(1)))) > 1
                        and occurrences(folded, fold(match.group(1)))[0] != paragraph.start + match.start()),
                       key=lambda found: len(found[0]))
    prefix = text[:start].split()[-1]
    article = load(repo, ARTICLE_DATA)
    article["annotations"].append({"id": "told-apart", "exact": exact, "prefix": prefix,
                                   "attributed_to": "an editor", "kind": "report", "source_seen": "not-found",
                                   "wording": "not-checked", "note": "A note on words that occur twice."})
    save(repo, ARTICLE_DATA, article)
    line = next(line for line in summary(repo).splitlines() if line.startswith("- Added `told-apart`"))
    shown = re.fullmatch(r"- Added `told-apart`: “(.+?)” \(in “…?(.+?)…?”\) \(attributed to an editor; how: report; "
                         r"source: not-found; wording: not-checked\)", line)
    assert shown and shown.group(1) == exact, line
    context = shown.group(2)
    assert exact in context and text.index(context) < start < text.index(context) + len(context)
    assert len(occurrences(folded, fold(context))) == 1  # it tells the place apart...
    words = context.split()
    fewer = " ".join(words[1:-1])  # ...and one word fewer on each side does not
    assert exact not in fewer or len(occurrences(folded, fold(fewer))) > 1
    assert "  - `note`: “A note on words that occur twice.”" in summary(repo)


def test_who_is_named_as_the_page_names_them_speaker_and_attributed_to(repo):
    article = load(repo, ARTICLE_DATA)
    both = next(a for a in article["annotations"] if "speaker" in a)
    both["attributed_to"] = "Officials quoted by the article"
    save(repo, ARTICLE_DATA, article)
    found = summary(repo)
    assert f"({speaker_name(repo, both)}, attributed to Officials quoted by the article; how: {both['kind']};" in found
    assert "  - `attributed_to`: (none) → “Officials quoted by the article”" in found


@pytest.mark.parametrize("judgement, label", [("source_seen", "source"), ("wording", "wording")])
def test_a_changed_judgement_shows_old_and_new_and_the_other_changed_fields(repo, judgement, label):
    article = load(repo, ARTICLE_DATA)
    first = article["annotations"][0]
    values = {"source_seen": ("original", "report", "not-found"),
              "wording": ("same-words", "fair-paraphrase", "stronger-than-source", "weaker-than-source",
                          "not-in-source", "not-checked")}[judgement]
    old = first[judgement]
    new = next(value for value in values if value != old)
    first[judgement], first["note"] = new, "A new note."
    save(repo, ARTICLE_DATA, article)
    found = summary(repo)
    heading = f"- Changed `{first['id']}`: “{' '.join(first['exact'].split())}” ({speaker_name(repo, first)}; "
    other = "wording" if judgement == "source_seen" else "source_seen"
    both = {judgement: f"{label}: {old} → **{new}**", other: f"{'source' if other == 'source_seen' else other}: "
            f"{first[other]}"}
    assert heading + f"how: {first['kind']}; {both['source_seen']}; {both['wording']})" in found
    assert "  - `note`: “" in found and "” → “A new note.”" in found
    assert f"  - `{judgement}`" not in found  # said once, on the annotation's line


def test_a_change_to_the_words_a_source_said_is_reported_with_the_old_and_new_words(repo):
    article = load(repo, ARTICLE_DATA)
    annotation = next(a for a in article["annotations"] if any("words" in entry for entry in a.get("said", [])))
    entry = next(entry for entry in annotation["said"] if "words" in entry)
    old, entry["words"] = entry["words"], "words nobody said"
    added = {"source": entry["source"], "not_seen": "a second statement was not found"}
    annotation["said"].append(added)
    save(repo, ARTICLE_DATA, article)
    found = summary(repo)
    whose = f"what `{entry['source']}` said" + (f" (`{entry['speaker']}`)" if "speaker" in entry else "")
    assert f"- Changed `{annotation['id']}`: " in found
    assert f"  - {whose}: “{' '.join(old.split())}” → “words nobody said”\n" in found
    assert f"  - what `{entry['source']}` said: + not seen (a second statement was not found)\n" in found
    assert "  - `said`" not in found  # each entry on a line of its own, not the list at once
    annotation["said"].remove(added)
    annotation["said"].remove(entry)
    save(repo, ARTICLE_DATA, article)
    assert f"  - {whose}: − “{' '.join(old.split())}”\n" in summary(repo)


def test_a_removed_annotation_shows_what_it_said(repo):
    article = load(repo, ARTICLE_DATA)
    gone = article["annotations"].pop()
    save(repo, ARTICLE_DATA, article)
    found = summary(repo)
    assert f"- Removed `{gone['id']}`: “{' '.join(gone['exact'].split())}” ({speaker_name(repo, gone)}; " \
           f"how: {gone['kind']}; source: {gone['source_seen']}; wording: {gone['wording']})" in found
    assert "Added" not in found


def test_an_id_renamed_shows_as_a_rename_not_as_removed_and_added(repo):
    article = load(repo, ARTICLE_DATA)
    renamed = article["annotations"][1]
    old_id, renamed["id"] = renamed["id"], "renamed-annotation"
    save(repo, ARTICLE_DATA, article)
    people = load(repo, "people.yml")
    people[0]["id"], old_person = "someone-renamed", people[0]["id"]
    save(repo, "people.yml", people)
    found = summary(repo)
    assert f"- Renamed `{old_id}` → `renamed-annotation`: “" in found
    assert f"- Renamed `{old_person}` → `someone-renamed`: {people[0]['name']}" in found
    assert "Added" not in found and "Removed" not in found


def test_an_added_article_lists_where_it_was_published_and_its_annotations(repo):
    (repo / "docs" / "articles" / "second.md").write_text("# A second article\n\nThe minister said it twice.\n",
                                                          encoding="utf-8")
    speaker = load(repo, "people.yml")[0]
    save(repo, "articles/second.yml", {"article": "articles/second.md", "publisher": "The Example Gazette",
                                       "publisher_kind": "newspaper", "date": "2024-11-22",
                                       "rights": "© 2024 The Example Gazette", "annotations": [
        {"id": "minister-twice", "exact": "The minister said it twice.", "speaker": speaker["id"],
         "kind": "paraphrase", "source_seen": "not-found", "wording": "not-checked"}]})
    found = summary(repo)
    assert "### New article: A second article" in found
    assert ("- Where it was published:\n  - `publisher`: “The Example Gazette”\n  - `publisher_kind`: “newspaper”\n"
            "  - `date`: “2024-11-22”\n  - `rights`: “© 2024 The Example Gazette”\n") in found
    assert (f"- Added `minister-twice`: “The minister said it twice.” ({speaker['name']}; how: paraphrase; "
            "source: not-found; wording: not-checked)") in found
    # Committed, then removed: the article and its annotations show as removed.
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "A second article")
    (repo / "data" / "articles" / "second.yml").unlink()
    (repo / "docs" / "articles" / "second.md").unlink()
    found = summary(repo, "HEAD")
    assert "### Article removed: A second article" in found
    assert "- Removed `minister-twice`: “The minister said it twice.”" in found


def test_registry_entries_added_changed_and_removed(repo):
    actors = load(repo, "actors.yml")
    actors.append({"id": "belarus", "name": "Belarus", "kind": "country", "description": "A country."})
    save(repo, "actors.yml", actors)
    people = load(repo, "people.yml")
    person = people[-1]
    old_role, person["role"] = person["role"], "A new role"
    save(repo, "people.yml", people)
    sources = load(repo, "sources.yml")
    gone = sources.pop()
    save(repo, "sources.yml", sources)
    found = summary(repo)
    assert "### Actors\n\n- Added `belarus`: Belarus\n" in found
    assert f"### People\n\n- Changed `{person['id']}`: {person['name']}\n" \
           f"  - `role`: “{old_role}” → “A new role”\n" in found
    assert f"### Sources\n\n- Removed `{gone['id']}`: {gone['publisher']}" in found


def test_the_article_text_changing_is_said(repo):
    path = repo / "docs" / "articles" / "north-korea-troops-russia.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nA new closing paragraph.\n", encoding="utf-8")
    assert "- The article's text changed (`docs/articles/north-korea-troops-russia.md`)." in summary(repo)


def test_a_change_to_where_the_article_was_published_is_said(repo):
    article = load(repo, ARTICLE_DATA)
    old_note = article.pop("publisher_note")
    article["publisher"] = "Indo-Pacific Defense Forum"
    article["date"], article["rights"] = "2024-11-20", "Public domain"
    save(repo, ARTICLE_DATA, article)
    found = summary(repo)
    assert "- Where it was published:\n" in found
    assert f"  - `publisher_note`: “{old_note}” → (none)\n" in found
    assert "  - `publisher`: (none) → “Indo-Pacific Defense Forum”\n" in found
    assert "  - `date`: (none) → “2024-11-20”\n" in found and "  - `rights`: (none) → “Public domain”\n" in found


def test_a_file_that_cannot_be_read_is_named_and_the_rest_still_compared(repo):
    (repo / "data" / "sources.yml").write_text("- id: [unclosed\n", encoding="utf-8")
    actors = load(repo, "actors.yml")
    actors[0]["name"] = "Renamed actor"
    save(repo, "actors.yml", actors)
    found = summary(repo)
    assert "- data/sources.yml cannot be read: data/sources.yml:" in found
    assert f"- Changed `{actors[0]['id']}`: Renamed actor" in found


def test_text_from_the_data_never_becomes_markdown_or_html(repo):
    hostile = ('<img src="x" onerror="alert(1)"> **not bold** _not em_ [a link](https://example.org/x) '
               '`code` | a | table | ~~struck~~ $x$ &amp;')
    article = load(repo, ARTICLE_DATA)
    article["annotations"][0]["note"] = hostile
    article["annotations"][0]["attributed_to"] = hostile
    article["annotations"][0].pop("speaker", None)
    save(repo, ARTICLE_DATA, article)
    html = BeautifulSoup(markdown.markdown(summary(repo), extensions=["tables"]), "html.parser")
    assert not html.find_all(["img", "a", "em", "table", "del", "s"])
    ours = {"main", article["annotations"][0]["id"], "note", "attributed_to", "speaker",
            "https://example.org/x)"}  # a bare address: shown in code, where GitHub does not link it
    assert {code.get_text() for code in html.find_all("code")} <= ours
    assert [strong.get_text() for strong in html.find_all("strong")] == []  # no judgement changed
    assert hostile in html.get_text()


def test_mentions_references_and_addresses_from_the_data_link_nothing_and_notify_nobody(repo):
    """GitHub links `@name` (and notifies that user), `#12` and bare addresses in a job summary's text: from the data,
    each is shown in a code span, where GitHub links nothing."""
    hostile = ("ask @octocat and @github/security about #12, GH-7 and owner/repo#3; see https://evil.example/x?a=1 "
               "or www.evil.example, or write to someone@evil.example.")
    linkable = ["@octocat", "@github/security", "#12", "GH-7", "#3", "https://evil.example/x?a=1", "www.evil.example",
                "someone@evil.example"]
    article = load(repo, ARTICLE_DATA)
    article["annotations"][0]["note"] = hostile
    save(repo, ARTICLE_DATA, article)
    found = summary(repo)
    html = BeautifulSoup(markdown.markdown(found), "html.parser")
    outside_code = "".join(node for node in html.find_all(string=True) if node.parent.name != "code")
    assert [token for token in linkable if token in outside_code] == []
    assert set(linkable) <= {code.get_text().rstrip(".,;") for code in html.find_all("code")}
    assert " ".join(hostile.split()) in html.get_text()


def test_a_base_that_does_not_exist_is_a_clear_error(repo):
    result = changes(repo, "no-such-branch")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "`no-such-branch` is not a commit of the repository" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_make_changes_takes_base(repo):
    actors = load(repo, "actors.yml")
    actors[0]["name"] = "Renamed actor"
    save(repo, "actors.yml", actors)
    git(repo, "commit", "--quiet", "--all", "-m", "Rename an actor")
    result = run_make(repo, "changes", env={"BASE": "HEAD~1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## What the data changes since `HEAD~1`")
    assert f"- Changed `{actors[0]['id']}`: Renamed actor" in result.stdout
    assert "No change to the annotations" in run_make(repo, "changes", env={"BASE": "HEAD"}).stdout
    missing = run_make(repo, "changes", env={"BASE": "HEAD~5"})
    assert missing.returncode == 2 and "`HEAD~5` is not a commit" in missing.stderr


#: Values of BASE that a shell, or make itself, would run as a command if BASE were pasted into a recipe.
HOSTILE_BASES = ['main"; touch INJECTED; "', "fix`{touch,INJECTED}`", "$(touch INJECTED)",
                 "main$(shell touch INJECTED)", "main'; touch INJECTED; '"]


@pytest.mark.build
@pytest.mark.parametrize("base", HOSTILE_BASES, ids=range(len(HOSTILE_BASES)))
@pytest.mark.parametrize("passed", ["command line", "environment"])
def test_base_reaches_the_tool_as_it_is_and_is_never_run(repo, base, passed):
    """`make changes BASE=...` and `make check BASE=...` hand BASE to Python through the environment: no shell
    and no make function ever reads it as code, and a branch with such a name is compared like any other."""
    valid_branch = subprocess.run(["git", "check-ref-format", "--branch", base], capture_output=True).returncode == 0
    if valid_branch:
        git(repo, "branch", base)
    for target in ("changes", "check"):
        result = run_make(repo, target, **({"variables": {"BASE": base}} if passed == "command line"
                                           else {"env": {"BASE": base}}))
        assert not (repo / "INJECTED").exists(), (target, result.stdout, result.stderr)
        if valid_branch:
            assert result.returncode == 0, (target, result.stderr)
        else:
            assert result.returncode == 2 and f"`{base}` is not a commit" in result.stderr, (target, result.stderr)
    if valid_branch:
        commit = git(repo, "rev-parse", f"refs/heads/{base}").strip()
        header = run_make(repo, "changes", env={"BASE": base}).stdout.splitlines()[0]
        assert header.startswith("## What the data changes since ") and header.endswith(f"({commit[:12]})")


def test_works_on_this_repositorys_own_history():
    """Since the first commit with data: every annotation and registry entry added since is listed."""
    first = subprocess.run(["git", "-C", str(PROJECT), "log", "--reverse", "--format=%H", "--", "data"],
                           capture_output=True, text=True, check=True).stdout.split()[0]
    found = summary(PROJECT, first)

    def ids_then(path: str, key: str | None = None) -> set[str]:
        shown = subprocess.run(["git", "-C", str(PROJECT), "show", f"{first}:{path}"], capture_output=True, text=True)
        if shown.returncode != 0:
            return set()
        data = yaml.safe_load(shown.stdout)
        return {entry["id"] for entry in (data[key] if key else data)}

    for name in ("actors.yml", "people.yml", "sources.yml"):
        for entry in load(PROJECT, name):
            if entry["id"] not in ids_then(f"data/{name}"):
                assert f"`{entry['id']}`" in found, entry["id"]
    for path in sorted((PROJECT / "data" / "articles").glob("*.yml")):
        then = ids_then(f"data/articles/{path.name}", "annotations")
        for annotation in yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"]:
            if annotation["id"] not in then:
                assert f"`{annotation['id']}`" in found, annotation["id"]


def test_an_address_retired_or_dropped_is_said_and_new_ones_are_counted(repo):
    name = next((repo / "data" / "addresses").glob("*.yml")).name
    document = load(repo, f"addresses/{name}")
    retired, dropped = [entry for entry in document["addresses"] if not entry.get("retired")][:2]
    retired["retired"] = True
    document["addresses"].remove(dropped)
    document["addresses"].append({"id": "p-a-new-paragraph", "words": "A new paragraph."})
    save(repo, f"addresses/{name}", document)
    text = summary(repo)
    assert "### Published addresses" in text
    assert f"**Retired** `{retired['id']}`" in text and f"Dropped `{dropped['id']}`" in text
    assert "- New `p-a-new-paragraph` of " in text and ": “A new paragraph.”\n" in text
    assert "1 new address recorded" in text


def test_recorded_words_changed_and_a_new_address_are_shown_with_their_words(repo):
    """The words an address leads to are what a reviewer must see change: a count of new addresses hides an id
    added with the words of a published quote, and a changed `words` moves an old address."""
    name = next((repo / "data" / "addresses").glob("*.yml")).name
    document = load(repo, f"addresses/{name}")
    moved, other = [entry for entry in document["addresses"] if not entry.get("retired")][:2]
    old_words = moved["words"]
    moved["words"] = other["words"]
    document["addresses"].append({"id": "a-claim-by-hand", "words": other["words"]})
    save(repo, f"addresses/{name}", document)
    text = summary(repo)
    line = next(line for line in text.splitlines() if f"`{moved['id']}`" in line)
    assert line.startswith("- **Words changed** of ") and line.endswith(f"“{old_words}” → “{other['words']}”")
    assert f"- New `a-claim-by-hand` of {document['article']}: “{other['words']}”" in text
