"""Corrections on the record: a published claim changes only with a dated, explained correction, which readers see
on its card and footnote and in the article's "Corrections and updates", and machines in the JSON-LD, the W3C
annotations and the feed; a withdrawn claim stays at its address, marked. Each editor's mistake with corrections is
in tests/mistakes.py; here, the whole path, from the check to both editions."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
import yaml
from playwright.sync_api import expect

import offline_edition
import static_server
from annotated_article.article import check
from annotated_article.article.loading import load_site
from annotated_article.data.published_record import LEGACY, claims_of
from annotated_article.open_data.feed import CORRECTION
from annotated_article.render.attribution import format_date
from annotated_article.render.claims import article_claims
from annotated_article.render.corrections import SECTION_ID, notices
from annotated_article.site_urls import page_path
from browser_fixtures import DESKTOP, Edition, reading
from conftest import (
    ARTICLE,
    PROJECT,
    SECOND_ARTICLE,
    add_second_article,
    copy_project,
    run_mkdocs_build,
    site_url,
    soup_of,
)

sys.path.insert(0, str(PROJECT / "tools"))
import record_published  # noqa: E402

DATA_FILE = "data/articles/north-korea-troops-russia.yml"
RECORD = "data/published/north-korea-troops-russia.yml"
TODAY = datetime.date.today().isoformat()
WHAT = "the wording changed from same words to a fair paraphrase"
WHY = "the full text of the source, found since, words it otherwise"
WITHDRAWN_WHY = "the article does not attribute these words to anyone"


def run_check(root: Path, capsys, *options: str) -> tuple[int, list[str]]:
    status = check.main(["--data", str(root / "data"), "--docs", str(root / "docs"), *options])
    captured = capsys.readouterr()
    return status, captured.err.splitlines()


def record(root: Path) -> dict:
    return claims_of(yaml.safe_load((root / RECORD).read_text(encoding="utf-8")))


def annotations(root: Path) -> list[dict]:
    return yaml.safe_load((root / DATA_FILE).read_text(encoding="utf-8"))["annotations"]


def faithful_published_claim(root: Path) -> dict:
    """A published claim with no correction yet whose wording is the source's own words: the one to downgrade."""
    published = record(root)
    return next(a for a in annotations(root) if a["id"] in published and not a.get("corrections")
                and a["wording"] == "same-words")


def edit_annotation(root: Path, id_: str, before: str, after: str) -> None:
    """Replace `before` with `after` in the annotation `id_` of the seed's data file (its first occurrence there)."""
    path = root / DATA_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {id_}\n")
    end = text.find("\n  - id: ", start + 1)
    end = len(text) if end == -1 else end + 1
    block = text[start:end]
    assert before in block, (before, id_)
    path.write_text(text[:start] + block.replace(before, after, 1) + text[end:], encoding="utf-8")


def correction_lines(date: str = TODAY) -> str:
    return f"    corrections:\n      - date: {date}\n        what: {WHAT}\n        why: {WHY}\n"


def line_of(root: Path, words: str, after: str) -> int:
    lines = (root / DATA_FILE).read_text(encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if after in line)
    return next(number for number, line in enumerate(lines[start:], start + 1) if words in line)


# --- What the check knows was published --------------------------------------------------------------------------

def test_the_seed_record_is_the_claims_as_published_before_the_two_judgements_and_each_change_has_its_correction():
    """The record holds every claim with the one judgement published before the two; a claim whose two judgements do
    not say what that one did carries a correction of that day, the others none."""
    published = record(PROJECT)
    site = load_site(PROJECT / "data", PROJECT / "docs")
    article = site.articles[ARTICLE]
    assert set(published) == {a.id for a in article.annotations}
    for annotation in article.annotations:
        claim = published[annotation.id]
        assert claim.verification and not claim.source_seen and claim.corrections == 0
        assert claim.words == " ".join(article.words(annotation).split())
        changed = LEGACY.get(claim.verification) != (annotation.source_seen, annotation.wording)
        assert bool(annotation.corrections) == changed, annotation.id
        for correction in annotation.corrections:
            assert f"“{claim.verification.capitalize()}”" in correction.what, annotation.id


def test_a_downgrade_without_a_correction_is_refused_at_its_line_and_a_correction_lets_it_through(data_copy, capsys):
    claim = faithful_published_claim(data_copy)
    edit_annotation(data_copy, claim["id"], "    wording: same-words\n", "    wording: fair-paraphrase\n")
    status, lines = run_check(data_copy, capsys)
    assert status == 1
    line = line_of(data_copy, "source_seen:", f"- id: {claim['id']}")
    assert any(text.startswith(f"{DATA_FILE}:{line}:") and f"annotation `{claim['id']}` was published as" in text
               and "with no correction" in text and "Add under the annotation `corrections:`" in text
               for text in lines), lines
    edit_annotation(data_copy, claim["id"], "    wording: fair-paraphrase\n",
                    "    wording: fair-paraphrase\n" + correction_lines())
    assert run_check(data_copy, capsys) == (0, [])


def test_a_renamed_claim_is_followed_to_its_old_id_as_its_links_are(data_copy, capsys):
    claim = faithful_published_claim(data_copy)
    edit_annotation(data_copy, claim["id"], f"  - id: {claim['id']}\n", f"  - id: {claim['id']}-renamed\n")
    assert run_check(data_copy, capsys)[0] == 0
    edit_annotation(data_copy, f"{claim['id']}-renamed", "    wording: same-words\n", "    wording: fair-paraphrase\n")
    status, lines = run_check(data_copy, capsys)
    assert status == 1 and any(f"annotation `{claim['id']}-renamed` was published as" in line for line in lines)


def test_once_recorded_a_corrected_claim_needs_a_new_correction_for_its_next_change(data_copy, capsys):
    """`make published` writes what is published now, with how many corrections each claim had: the next change
    needs one more, and a published correction may not go."""
    assert record_published.main(["--data", str(data_copy / "data"), "--docs", str(data_copy / "docs")]) == 0
    capsys.readouterr()
    corrected = next(a for a in annotations(data_copy) if a.get("corrections"))
    now = record(data_copy)[corrected["id"]]
    assert (now.source_seen, now.wording, now.verification) == (corrected["source_seen"], corrected["wording"], "")
    assert now.corrections == len(corrected["corrections"])
    assert run_check(data_copy, capsys) == (0, [])
    other = "fair-paraphrase" if corrected["wording"] != "fair-paraphrase" else "weaker-than-source"
    edit_annotation(data_copy, corrected["id"], f"    wording: {corrected['wording']}\n", f"    wording: {other}\n")
    status, lines = run_check(data_copy, capsys)
    assert status == 1 and any(f"`wording` was published as `{corrected['wording']}`, and is `{other}` now" in line
                               for line in lines), lines
    edit_annotation(data_copy, corrected["id"], "    corrections:\n", correction_lines())
    assert run_check(data_copy, capsys) == (0, [])
    # Every correction taken out, the published ones with the new one: refused.
    path = data_copy / DATA_FILE
    text = path.read_text(encoding="utf-8")
    start = text.index("    corrections:\n", text.index(f"  - id: {corrected['id']}\n"))
    end = text.find("\n  - id: ", start)
    path.write_text(text[:start] + (text[end + 1:] if end != -1 else ""), encoding="utf-8")
    status, lines = run_check(data_copy, capsys)
    assert status == 1 and any(f"was published with {now.corrections} correction(s) and has 0 now" in line
                               for line in lines), lines


GIT = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]


def repository(tmp_path: Path, without_record: bool = False) -> Path:
    """What `make check` reads, committed on `main` of a git repository (without data/published/, if asked)."""
    root = tmp_path / "repo"
    for name in ("data", "docs"):
        shutil.copytree(PROJECT / name, root / name)
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    kept = root / "record"
    if without_record:
        shutil.move(root / "data" / "published", kept)
    for arguments in (["init", "--quiet", "--initial-branch=main"], ["add", "--all"], ["commit", "--quiet", "-m", "x"]):
        subprocess.run([*GIT, "-C", str(root), *arguments], check=True, capture_output=True)
    if without_record:
        shutil.move(kept, root / "data" / "published")
    return root


def test_an_article_the_base_has_no_record_of_is_checked_against_its_own(tmp_path, capsys):
    """Before the first deploy that records it (a new article, or the pull request that brings the record), the
    claims are compared with the record of the working tree: its corrections are not refused, its changes not
    let through."""
    root = repository(tmp_path, without_record=True)
    assert run_check(root, capsys, "--base=main")[0] == 0
    claim = faithful_published_claim(root)
    edit_annotation(root, claim["id"], "    wording: same-words\n", "    wording: fair-paraphrase\n")
    status, lines = run_check(root, capsys, "--base=main")
    assert status == 1 and any(f"annotation `{claim['id']}` was published as" in line for line in lines), lines


def test_against_the_base_an_edit_of_the_record_along_with_the_claim_is_caught(tmp_path, capsys):
    root = repository(tmp_path)
    claim = faithful_published_claim(root)
    edit_annotation(root, claim["id"], "    wording: same-words\n", "    wording: fair-paraphrase\n")
    # The record rewritten to say the claim was published so: the working tree agrees with itself...
    text = (root / RECORD).read_text(encoding="utf-8")
    entry = text.index(f"- id: {claim['id']}\n")
    end = text.find("\n- id: ", entry + 1)
    block = text[entry:end]
    rewritten = block.replace(block[block.index("  verification:"):].split("\n")[0],
                              f"  source_seen: {claim['source_seen']}\n  wording: fair-paraphrase")
    (root / RECORD).write_text(text[:entry] + rewritten + text[end:], encoding="utf-8")
    assert run_check(root, capsys) == (0, [])
    # ... but not with what was published, as the base's record has it.
    status, lines = run_check(root, capsys, "--base=main")
    assert status == 1
    assert any(f"annotation `{claim['id']}` was published at main as" in line for line in lines), lines
    edit_annotation(root, claim["id"], "    wording: fair-paraphrase\n", "    wording: fair-paraphrase\n"
                    + correction_lines())
    assert run_check(root, capsys, "--base=main")[0] == 0


def test_a_withdrawn_claim_passes_the_check(data_copy, capsys):
    claim = faithful_published_claim(data_copy)
    edit_annotation(data_copy, claim["id"], "    wording: same-words\n", "    wording: same-words\n    withdrawn:\n"
                    f"      date: {TODAY}\n      why: {WITHDRAWN_WHY}\n")
    assert run_check(data_copy, capsys) == (0, [])


# --- Readers and machines see it, in both editions -----------------------------------------------------------------

@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """The project with one published claim downgraded and corrected, and another withdrawn, built in both editions:
    the project, the corrected claim's id, the withdrawn one's, the hosted site and the unzipped offline one."""
    root = copy_project(tmp_path_factory.mktemp("corrected") / "project")
    downgraded = faithful_published_claim(root)
    edit_annotation(root, downgraded["id"], "    wording: same-words\n", "    wording: fair-paraphrase\n"
                    + correction_lines())
    withdrawn = next(a for a in annotations(root) if a["id"] in record(root) and a["id"] != downgraded["id"]
                     and not a.get("corrections"))
    edit_annotation(root, withdrawn["id"], f"    wording: {withdrawn['wording']}\n", f"    wording: "
                    f"{withdrawn['wording']}\n    withdrawn:\n      date: {TODAY}\n      why: {WITHDRAWN_WHY}\n")
    hosted = root / "site"
    result = run_mkdocs_build(root, hosted)
    assert result.returncode == 0, result.stderr
    archive = offline_edition.make_offline_zip(root / "offline.zip", root)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(root / "unzipped")
    return root, downgraded["id"], withdrawn["id"], hosted, root / "unzipped" / offline_edition.TOP_FOLDER


def page_of(site: Path, offline: bool = False):
    return soup_of(site / ("articles/north-korea-troops-russia.html" if offline else
                           "articles/north-korea-troops-russia/index.html"))


@pytest.mark.build
@pytest.mark.parametrize("offline", [False, True], ids=["hosted", "offline"])
def test_the_footnote_and_the_section_say_corrected_and_withdrawn_with_date_and_why(corrected, offline):
    root, downgraded, withdrawn, hosted, unzipped = corrected
    page = page_of(unzipped if offline else hosted, offline)
    day = format_date(TODAY)
    notice = " ".join(page.find(id=f"cite:{downgraded}").select_one(".claim-notices").get_text().split())
    assert notice.startswith(f"Corrected {day}:") and WHAT[1:] in notice and WHY[1:] in notice
    assert page.find(id=f"cite:{downgraded}").select_one(".judgement--fair-paraphrase")
    gone = " ".join(page.find(id=f"cite:{withdrawn}").select_one(".claim-notice--withdrawn").get_text().split())
    assert gone.startswith(f"Withdrawn {day}:") and WITHDRAWN_WHY[1:] in gone
    assert page.find(id=withdrawn) is not None  # its passage, the address readers' links lead to
    section = page.find(id=SECTION_ID).parent
    site = load_site(root / "data", root / "docs")
    expected = notices(article_claims(site.articles[ARTICLE], site))
    items = section.select("li")
    assert [item.select_one("a")["href"] for item in items] == [f"#{n.claim.id}" for n in expected]
    assert [item.select_one("data")["value"] for item in items] == sorted((n.date for n in expected), reverse=True)
    assert any(f"#{downgraded}" == item.select_one("a")["href"] and WHY[1:] in item.get_text() for item in items)
    policy = section.select_one(".corrections-policy a")["href"]
    assert (page_path := (unzipped if offline else hosted) / "articles" / ("north-korea-troops-russia.html" if offline
            else "north-korea-troops-russia/index.html")).is_file()
    target = (page_path.parent / policy).resolve()
    assert (target / "index.html" if target.is_dir() else target).is_file(), policy
    # Under the title, one line leads to the section: how many claims it holds, and its latest date.
    line = page.select_one("article .corrections-line a")
    assert line["href"] == f"#{SECTION_ID}"
    count = len({n.claim.id for n in expected})
    assert line.get_text() == (f"Corrections: {count} claim{'s' * (count != 1)}, latest "
                               f"{format_date(expected[0].date)}")
    assert line.find_parent("p").find_previous_sibling("h1") is not None
    # After the text and its notes: the notes stay beside the text, the record follows them.
    assert section.find_previous_sibling("div", class_="annotation-notes") is not None


@pytest.mark.build
def test_the_speakers_and_actors_pages_say_a_claim_was_withdrawn_or_corrected_where_they_list_it(corrected):
    root, downgraded, withdrawn, hosted, _ = corrected
    site = load_site(root / "data", root / "docs")
    claims = article_claims(site.articles[ARTICLE], site)
    for id_, kind in ((withdrawn, "Withdrawn"), (downgraded, "Corrected")):
        claim = claims.by_id[id_]
        pages = [page_path("actors", actor.id) for actor in claim.actors]
        if claim.annotation.speaker:
            pages.append(page_path("people", claim.annotation.speaker))
        assert pages, id_
        for path in pages:
            page = soup_of(hosted / path.removesuffix(".md") / "index.html")
            items = [item for item in page.select("li") if item.select_one(f'a[href$="#{id_}"]')]
            assert items, (path, id_)
            for item in items:
                assert f"{kind} {format_date(TODAY)}" in [s.get_text() for s in item.select("strong")], (path, str(item)[:600])


@pytest.mark.build
def test_the_json_ld_the_w3c_annotation_and_the_feed_carry_the_correction(corrected):
    root, downgraded, withdrawn, hosted, _ = corrected
    page = page_of(hosted)
    data = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
    article = next(node for item in data for node in item.get("@graph", [item]) if node.get("@type") == "NewsArticle")
    comments = article["correction"]
    assert all(comment["@type"] == "CorrectionComment" for comment in comments)
    mine = [c for c in comments if c["about"]["@id"].endswith(f"#{downgraded}")]
    assert [c["datePublished"] for c in mine] == [TODAY] and WHY[1:] in mine[0]["text"] and WHAT[1:] in mine[0]["text"]
    assert article["dateModified"] == max(c["datePublished"] for c in comments) == TODAY
    annotations_ = json.loads((hosted / "annotations.jsonld").read_text(encoding="utf-8"))
    items = [item for page_ in [annotations_["first"]] for item in page_["items"]]
    by_id = {item["id"].rsplit("/", 1)[-1].split("#")[-1]: item for item in items}
    modified = {key: item.get("modified") for key, item in by_id.items()}
    assert modified[downgraded] == modified[withdrawn] == f"{TODAY}T12:00:00Z"
    feed = feedparser.parse((hosted / "feed.xml").read_text(encoding="utf-8"))
    assert not feed.bozo
    mine_ = [e for e in feed.entries if CORRECTION in [t.term for t in e.get("tags", [])] and e.link.endswith(
        f"#correction:{downgraded}:1")]
    assert len(mine_) == 1 and WHY[1:] in mine_[0].summary and mine_[0].published.startswith(TODAY)
    assert mine_[0].link.startswith(site_url())
    assert any(e.link.endswith(f"#withdrawn:{withdrawn}") for e in feed.entries)


def test_a_withdrawn_claim_still_lands_on_its_address_and_the_card_says_corrected(corrected, browser):
    root, downgraded, withdrawn, hosted, unzipped = corrected
    with static_server.serve(hosted, base_path=urlsplit(site_url()).path or "/") as hosted_root:
        for edition in (Edition("hosted", hosted_root, hosted, True),
                        Edition("offline", unzipped.as_uri() + "/", unzipped, False)):
            with reading(browser, edition, **DESKTOP) as reader:
                page = reader.page
                page.goto(edition.url(f"{ARTICLE}#{withdrawn}"))
                passage = page.locator(f'[id="{withdrawn}"]')
                expect(passage).to_be_in_viewport()
                page.goto(edition.url(ARTICLE))
                for claim, words in ((downgraded, f"Corrected {format_date(TODAY)}"),
                                     (withdrawn, f"Withdrawn {format_date(TODAY)}")):
                    marker = page.locator(f'[id="fnref:{claim}"] > a')
                    marker.hover()
                    card = page.get_by_role("dialog", name=marker.get_attribute("aria-label"))
                    expect(card).to_be_visible()
                    expect(card).to_contain_text(words)
                    page.mouse.move(0, 0)
                    expect(card).to_be_hidden()


def test_a_correction_dated_before_its_article_was_published_is_refused(data_copy, capsys):
    """The second article of the tests has a date of publication (the seed's is not known): published, then
    corrected with a day before it."""
    add_second_article(data_copy)
    assert record_published.main(["--data", str(data_copy / "data"), "--docs", str(data_copy / "docs")]) == 0
    capsys.readouterr()
    path = next((SECOND_ARTICLE / "data" / "articles").glob("*.yml"))
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = content["annotations"][0]["id"]
    data_file = data_copy / "data" / "articles" / path.name
    text = data_file.read_text(encoding="utf-8")
    start = text.index(f"  - id: {first}\n")
    text = text[:start] + f"  - id: {first}\n" + correction_lines("2020-01-01") + text[start + len(f"  - id: {first}\n"):]
    data_file.write_text(text, encoding="utf-8")
    status, lines = run_check(data_copy, capsys)
    line = text.splitlines().index("      - date: 2020-01-01") + 1
    assert status == 1
    assert any(entry.startswith(f"data/articles/{path.name}:{line}:") and
               f"`date` is 2020-01-01, before the article was published ({content['date']})" in entry
               for entry in lines), lines


def test_make_changes_lists_the_corrections_and_withdrawals_first(tmp_path):
    root = repository(tmp_path)
    claim = faithful_published_claim(root)
    edit_annotation(root, claim["id"], "    wording: same-words\n", "    wording: fair-paraphrase\n"
                    + correction_lines())
    other = next(a for a in annotations(root) if a["id"] != claim["id"] and not a.get("corrections"))
    edit_annotation(root, other["id"], f"    wording: {other['wording']}\n", f"    wording: {other['wording']}\n"
                    f"    withdrawn:\n      date: {TODAY}\n      why: {WITHDRAWN_WHY}\n")
    result = subprocess.run([sys.executable, str(PROJECT / "tools" / "data_changes.py"), "--repo", str(root), "main"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    headings = [line for line in result.stdout.splitlines() if line.startswith("### ")]
    assert headings[0] == "### Corrections"
    section = result.stdout.split("### Corrections", 1)[1].split("\n### ", 1)[0]
    corrected = [line for line in section.splitlines() if f"`{claim['id']}`" in line]
    assert len(corrected) == 1 and corrected[0].startswith(f"- Corrected {TODAY}:") and WHAT in corrected[0] \
        and WHY in corrected[0]
    withdrawn = [line for line in section.splitlines() if f"`{other['id']}`" in line]
    assert len(withdrawn) == 1 and withdrawn[0].startswith(f"- **Withdrawn** {TODAY}:") and WITHDRAWN_WHY in withdrawn[0]
