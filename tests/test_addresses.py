"""Addresses that never break: an edit of a paragraph's first words, or a renamed annotation, keeps old links landing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

import record_addresses
import static_server
from annotated_article.article import check
from annotated_article.article.loading import load_site
from annotated_article.data.addresses import aliases
from annotated_article.data.errors import DataErrors
from annotated_article.data.yaml_loading import load_yaml_bytes
from conftest import PROJECT, copy_project, run_mkdocs_build, site_url, soup_of


def document(entries: list[dict], article: str = "articles/a.md"):
    text = yaml.safe_dump({"article": article, "addresses": entries}, allow_unicode=True, sort_keys=False)
    return load_yaml_bytes(text.encode(), "data/addresses/a.yml")


CURRENT = {"p-the-cat-sat-on-the": "The cat sat on the mat, and then it slept all day long.",
           "p-dogs-bark": "Dogs bark at night.",
           "cat-quote": "the mat, and then it slept"}


def test_an_address_still_produced_needs_nothing():
    assert aliases(document([{"id": "p-dogs-bark", "words": "Dogs bark at night."}]), CURRENT) == ({}, {}, [])


def test_an_old_paragraph_address_goes_to_the_paragraph_most_like_its_words():
    found, renamed, errors = aliases(document([{"id": "p-a-cat-sat-on-the",
                                                "words": "A cat sat on the mat, and then it slept all day."}]), CURRENT)
    assert (found, renamed, errors) == ({"p-the-cat-sat-on-the": ["p-a-cat-sat-on-the"]}, {}, [])


def test_an_old_passage_address_goes_to_a_passage_never_to_a_paragraph():
    found, _, _ = aliases(document([{"id": "old-quote", "words": "the mat, and then it slept"}]), CURRENT)
    assert found == {"cat-quote": ["old-quote"]}


def test_words_nothing_resembles_stop_the_build_at_the_entry_with_what_to_do():
    found, _, errors = aliases(document([{"id": "p-dogs-bark", "words": "Dogs bark at night."},
                                      {"id": "p-gone", "words": "Entirely different words about the weather."}]),
                            CURRENT)
    assert found == {}
    [error] = errors
    assert (error.file, error.line) == ("data/addresses/a.yml", 5)  # the line of `- id: p-gone`
    assert "`#p-gone`" in error.problem and "no paragraph of articles/a.md resembles" in error.problem
    assert "retired: true" in error.fix


def test_a_retired_address_is_left_alone_and_one_listed_twice_is_an_error():
    entries = [{"id": "p-gone", "words": "Entirely different words.", "retired": True},
               {"id": "p-dogs-bark", "words": "Dogs bark at night."}, {"id": "p-dogs-bark", "words": "Dogs bark."}]
    found, _, errors = aliases(document(entries), CURRENT)
    assert found == {} and [e.problem for e in errors] == ["the address `#p-dogs-bark` is listed twice"]


def test_a_paragraph_that_takes_another_ones_id_gets_its_own_and_the_address_follows_its_words():
    current = {"p-dogs-bark-at-night": "Dogs bark at night, said the new paragraph, which is another.",
               "p-dogs-bark-at-night-2": "Dogs bark at night. The cats sleep."}
    found, renamed, errors = aliases(document([{"id": "p-dogs-bark-at-night",
                                                "words": "Dogs bark at night. The cats sleep all day."}]), current)
    assert (found, renamed, errors) == ({"p-dogs-bark-at-night-2": ["p-dogs-bark-at-night"]},
                                        {"p-dogs-bark-at-night": "p-dogs-bark-at-night-3"}, [])


def test_an_annotation_id_used_again_for_other_words_is_an_error():
    current = {"cat-quote": "an entirely different claim about the weather"}
    _, _, [error] = aliases(document([{"id": "cat-quote", "words": "the mat, and then it slept"}]), current)
    assert "now quotes “an entirely different claim" in error.problem and "an id of its own" in error.fix


def test_an_annotation_that_could_not_be_placed_is_not_also_a_lost_address():
    found, renamed, errors = aliases(document([{"id": "typo-quote", "words": "the mat, and then it slept"}]), {},
                                     {"typo-quote"})
    assert (found, renamed, errors) == ({}, {}, [])


# --- On the real data: an edit and a rename, built ---------------------------------------------------------

def first_plain_paragraph(project: Path):
    """An article, the id and text of one of its paragraphs that the Markdown writes as it reads, and the article's
    first annotation."""
    site = load_site(project / "data", project / "docs")
    for article in site.articles.values():
        source = (project / "docs" / article.path).read_text(encoding="utf-8")
        for id_, paragraph in zip(article.plan.paragraph_ids, article.plan.text.paragraphs):
            text = article.plan.text.text[paragraph.start:paragraph.end]
            if "\n\n" + text[:40] in source and article.annotations:
                return article, id_, text, article.annotations[0].id
    pytest.skip("no article with a paragraph written plainly")


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The project with one paragraph's first words changed and one annotation renamed, its addresses recorded
    before the edit, and built."""
    project = copy_project(tmp_path_factory.mktemp("addresses") / "project")
    assert record_addresses.main(["--data", str(project / "data"), "--docs", str(project / "docs")]) == 0
    article, paragraph_id, text, annotation_id = first_plain_paragraph(project)
    markdown = project / "docs" / article.path
    markdown.write_text(markdown.read_text(encoding="utf-8").replace(
        "\n\n" + text[:40], "\n\nMeanwhile, " + text[:40], 1), encoding="utf-8")
    annotations = next(path for path in (project / "data" / "articles").glob("*.yml")
                       if f"article: {article.path}" in path.read_text(encoding="utf-8"))
    annotations.write_text(annotations.read_text(encoding="utf-8").replace(
        f"- id: {annotation_id}\n", f"- id: {annotation_id}-renamed\n", 1), encoding="utf-8")
    site = tmp_path_factory.mktemp("addresses-site")
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site, article.path, paragraph_id, annotation_id


def page_of(site: Path, article_path: str):
    return soup_of(site / article_path.removesuffix(".md") / "index.html")


@pytest.mark.build
def test_the_old_address_of_an_edited_paragraph_lands_on_it(edited):
    project, site, article_path, paragraph_id, _ = edited
    page = page_of(site, article_path)
    alias = page.find(id=paragraph_id)
    assert alias is not None and alias.name == "span" and "address-alias" in alias["class"]
    paragraph = alias.parent
    assert paragraph.name == "p" and paragraph["id"] != paragraph_id
    assert paragraph.get_text().startswith("Meanwhile, ")


@pytest.mark.build
def test_the_old_address_of_a_renamed_annotation_lands_on_its_passage(edited):
    project, site, article_path, _, annotation_id = edited
    alias = page_of(site, article_path).find(id=annotation_id)
    assert alias.parent["id"] == f"{annotation_id}-renamed" and "annotated-passage" in alias.parent["class"]


@pytest.mark.build
def test_recording_keeps_the_old_addresses_with_the_words_they_lead_to_now(edited, tmp_path):
    project, _, article_path, paragraph_id, annotation_id = edited
    data = tmp_path / "data"
    shutil.copytree(project / "data", data)
    assert record_addresses.main(["--data", str(data), "--docs", str(project / "docs")]) == 0
    path = data / "addresses" / Path(article_path).with_suffix(".yml").name
    entries = {entry["id"]: entry["words"] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["addresses"]}
    assert entries[paragraph_id].startswith("Meanwhile, ")
    assert entries[f"{annotation_id}-renamed"] == entries[annotation_id]
    before = path.read_bytes()
    assert record_addresses.main(["--data", str(data), "--docs", str(project / "docs")]) == 0
    assert path.read_bytes() == before  # nothing new: the file is as it was


@pytest.mark.build
def test_a_paragraph_removed_stops_the_build_until_its_address_is_retired(tmp_path):
    project = copy_project(tmp_path / "project")
    assert record_addresses.main(["--data", str(project / "data"), "--docs", str(project / "docs")]) == 0
    site = load_site(project / "data", project / "docs")
    article = next(a for a in site.articles.values() if len(a.plan.text.paragraphs) > 1)
    quoted = {i for id_ in article.plan.passages for i in [article.plan.text.paragraph_at(*article.plan.passages[id_])]}
    index = next(i for i in range(len(article.plan.text.paragraphs)) if i not in quoted)
    paragraph = article.plan.text.paragraphs[index]
    text, paragraph_id = article.plan.text.text[paragraph.start:paragraph.end], article.plan.paragraph_ids[index]
    markdown = project / "docs" / article.path
    source = markdown.read_text(encoding="utf-8")
    assert f"\n\n{text}\n" in source, "the test needs a paragraph written plainly on one line"
    markdown.write_text(source.replace(f"\n\n{text}\n", "\n", 1), encoding="utf-8")
    with pytest.raises(DataErrors) as failure:
        load_site(project / "data", project / "docs")
    addresses = project / "data" / "addresses" / Path(article.path).with_suffix(".yml").name
    lines = addresses.read_text(encoding="utf-8").splitlines()
    line = lines.index(f"- id: {paragraph_id}") + 1
    assert [str(e) for e in failure.value.errors if f"#{paragraph_id}" in e.problem] == [
        str(e) for e in failure.value.errors if str(e).startswith(f"data/addresses/{addresses.name}:{line}:")]
    assert len(failure.value.errors) == 1
    lines.insert(line, "  retired: true")
    addresses.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_site(project / "data", project / "docs")


@pytest.mark.build
def test_an_address_file_of_an_article_that_is_gone_is_an_error(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "data" / "addresses" / "gone.yml").write_text(
        "article: articles/gone.md\naddresses:\n  - id: p-x\n    words: Some words.\n", encoding="utf-8")
    with pytest.raises(DataErrors) as failure:
        load_site(project / "data", project / "docs")
    assert [str(e) for e in failure.value.errors] == [
        "data/addresses/gone.yml:1:10: there is no article `articles/gone.md` in docs/. "
        "Delete this file if the article was removed on purpose."]


def test_an_old_address_opened_in_the_browser_lands_on_the_paragraph_and_highlights_it(edited, browser):
    _, site, article_path, paragraph_id, annotation_id = edited
    with static_server.serve(site, 0, "/" + site_url().split("://", 1)[1].split("/", 1)[1]) as root:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            for old in (paragraph_id, annotation_id):
                page.goto(root + article_path.removesuffix(".md") + f"/#{old}")
                target = page.locator(f"#{old}").locator("xpath=..")
                expect(target).to_be_in_viewport()
                highlight = target.evaluate("element => getComputedStyle(element).backgroundColor")
                assert highlight not in ("rgba(0, 0, 0, 0)", "transparent"), old
        finally:
            page.close()


@pytest.mark.build
def test_a_new_paragraph_with_the_same_first_words_does_not_take_the_old_ones_address(tmp_path):
    project = copy_project(tmp_path / "project")
    assert record_addresses.main(["--data", str(project / "data"), "--docs", str(project / "docs")]) == 0
    article, paragraph_id, text, _ = first_plain_paragraph(project)
    first_words = " ".join(text.split()[:6])
    markdown = project / "docs" / article.path
    markdown.write_text(markdown.read_text(encoding="utf-8").replace(
        "\n\n" + text[:40], f"\n\n{first_words} were never said like this before.\n\n" + text[:40], 1), encoding="utf-8")
    plan = load_site(project / "data", project / "docs").articles[article.path].plan
    ids = dict(zip(plan.paragraph_ids, (plan.text.text[p.start:p.end] for p in plan.text.paragraphs)))
    holder = next(id_ for id_, olds in plan.aliases.items() if paragraph_id in olds)
    assert ids[holder] == text  # the address still leads to its own paragraph
    assert paragraph_id not in ids  # and the newcomer has an id of its own


@pytest.mark.build
def test_a_quote_that_cannot_be_found_is_not_also_reported_as_a_lost_address(tmp_path):
    project = copy_project(tmp_path / "project")
    assert record_addresses.main(["--data", str(project / "data"), "--docs", str(project / "docs")]) == 0
    article, _, _, annotation_id = first_plain_paragraph(project)
    path = project / article.data_file
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    next(a for a in content["annotations"] if a["id"] == annotation_id)["exact"] = "Zebra quartz words nobody wrote"
    path.write_text(yaml.dump(content, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataErrors) as failure:
        load_site(project / "data", project / "docs")
    assert [e.file for e in failure.value.errors] == [article.data_file]  # the quote's error, and no other


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


def test_address_files_are_named_after_the_whole_path_of_their_article():
    names = {record_addresses.file_name(path) for path in ("articles/x.md", "articles/2024/x.md", "articles/2025/x.md")}
    assert names == {"x.yml", "2024--x.yml", "2025--x.yml"}


# --- Recorded addresses only grow ---------------------------------------------------------------------------

GIT = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org", "-c", "commit.gpgsign=false"]


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run([*GIT, "-C", str(repo), *arguments], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(tmp_path) -> Path:
    """What `make check` reads, committed on `main` of a git repository."""
    root = tmp_path / "repo"
    for name in ("data", "docs"):
        shutil.copytree(PROJECT / name, root / name)
    shutil.copy2(PROJECT / "mkdocs.yml", root / "mkdocs.yml")
    git(root, "init", "--quiet", "--initial-branch=main")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "The data as it is")
    return root


def run_check(root: Path, capsys, *options: str) -> tuple[int, list[str]]:
    status = check.main(["--data", str(root / "data"), "--docs", str(root / "docs"), *options])
    captured = capsys.readouterr()
    return status, captured.err.splitlines() + captured.out.splitlines()


def address_file_of(root: Path) -> tuple[Path, dict]:
    path = sorted((root / "data" / "addresses").glob("*.yml"))[0]
    return path, yaml.safe_load(path.read_text(encoding="utf-8"))


def save_addresses(path: Path, content: dict) -> None:
    header = "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if line.startswith("#"))
    path.write_text(header + "\n" + yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100),
                    encoding="utf-8")


def line_of(path: Path, words: str, after: str = "") -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if after in line) if after else 0
    return next(number for number, line in enumerate(lines[start:], start + 1) if words in line)


def test_recorded_words_pointed_at_another_paragraph_pass_alone_and_are_refused_against_the_base(repo, capsys):
    """The report's attack: an address's words replaced by another paragraph's, and a new id given a quote's words."""
    path, content = address_file_of(repo)
    site = load_site(repo / "data", repo / "docs")
    plan = site.articles[content["article"]].plan
    paragraphs = [entry for entry in content["addresses"] if entry["id"] in plan.paragraph_ids]
    moved, other = paragraphs[1], paragraphs[2]
    passage = next(entry for entry in content["addresses"] if entry["id"] in plan.passages)
    moved["words"] = other["words"]
    content["addresses"].append({"id": "a-new-claim-on-old-words", "words": passage["words"]})
    save_addresses(path, content)
    assert run_check(repo, capsys)[0] == 0  # nothing in the working tree alone tells that the words were others
    status, lines = run_check(repo, capsys, "--base=main")
    after = f"id: {moved['id']}"
    place = f"data/addresses/{path.name}:{line_of(path, 'words:', after=after)}:"
    assert status == 1
    assert [line for line in lines if line.startswith("data/")] == [
        line for line in lines if line.startswith(place) and f"the words of `#{moved['id']}` changed since main" in line
        and "Put back the recorded words" in line]
    assert len([line for line in lines if line.startswith("data/")]) == 1  # the new id is not a problem


def test_an_address_dropped_or_its_file_deleted_is_refused_and_a_retired_one_is_not(repo, capsys):
    path, content = address_file_of(repo)
    kept = [entry for entry in content["addresses"] if not entry.get("retired")]
    kept[0]["retired"] = True
    save_addresses(path, content)
    assert run_check(repo, capsys, "--base=main")[0] == 0
    dropped = kept[1]
    content["addresses"].remove(dropped)
    save_addresses(path, content)
    status, lines = run_check(repo, capsys, "--base=main")
    assert status == 1 and any(line.startswith(f"data/addresses/{path.name}:{line_of(path, 'addresses:')}:1: "
                                               f"the address `#{dropped['id']}`") and "was recorded at main" in line
                               and f"git checkout main -- data/addresses/{path.name}" in line for line in lines), lines
    path.unlink()
    status, lines = run_check(repo, capsys, "--base=main")
    assert status == 1 and any(line.startswith(f"data/addresses/{path.name}:1:1: this file") and "is gone" in line
                               for line in lines), lines


def test_an_address_file_goes_with_its_article(repo, capsys):
    path, content = address_file_of(repo)
    data_file = next(p for p in (repo / "data" / "articles").glob("*.yml")
                     if f"article: {content['article']}" in p.read_text(encoding="utf-8"))
    for gone in (path, data_file, repo / "docs" / content["article"]):
        gone.unlink()
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "An article removed")
    assert run_check(repo, capsys, "--base=main~1")[0] in (0, 1)
    assert not [line for line in run_check(repo, capsys, "--base=main~1")[1] if "addresses" in line]


def test_a_base_that_is_not_a_commit_is_a_failure_of_the_run_not_of_the_data(repo, capsys):
    status, lines = run_check(repo, capsys, "--base=no-such-branch")
    assert status == 2 and any("`no-such-branch` is not a commit" in line for line in lines)


def test_a_second_address_file_for_one_article_is_refused(data_copy, capsys):
    path, _ = address_file_of(data_copy)
    copy = path.with_name("copy.yml")
    shutil.copy2(path, copy)
    status, lines = run_check(data_copy, capsys)
    assert status == 1
    problems = [line for line in lines if line.startswith("data/")]
    assert problems == [f"data/addresses/copy.yml:{line_of(copy, 'article:')}:10: the addresses of "
                        f"`{yaml.safe_load(path.read_text('utf-8'))['article']}` are recorded in "
                        f"data/addresses/{path.name} already. Keep one address file per article: move the entries "
                        "that are only here into that file, and delete this one."]


def test_an_address_file_named_after_another_article_is_refused(data_copy, capsys):
    path, _ = address_file_of(data_copy)
    path.rename(path.with_name("elsewhere.yml"))
    status, lines = run_check(data_copy, capsys)
    assert status == 1 and any(line.startswith("data/addresses/elsewhere.yml:") and f"belong in data/addresses/{path.name}"
                               in line for line in lines), lines


def test_two_articles_whose_address_files_would_have_one_name_are_refused(data_copy, capsys):
    article = sorted((data_copy / "data" / "articles").glob("*.yml"))[0]
    text = article.read_text(encoding="utf-8")
    markdown = data_copy / "docs" / yaml.safe_load(text)["article"]
    (data_copy / "docs" / "articles" / "a").mkdir()
    for path, name in (("articles/a--b.md", "a--b.yml"), ("articles/a/b.md", "a-b.yml")):
        shutil.copy2(markdown, data_copy / "docs" / path)
        (data_copy / "data" / "articles" / name).write_text(
            text.replace(f"article: {yaml.safe_load(text)['article']}", f"article: {path}"), encoding="utf-8")
    status, lines = run_check(data_copy, capsys)
    assert status == 1
    assert any(line.startswith("data/articles/a-b.yml:1:1: the addresses of `articles/a/b.md` and of "
                               "`articles/a--b.md` would both be recorded in data/addresses/a--b.yml") for line in lines) \
        or any(line.startswith("data/articles/a--b.yml:1:1: the addresses of `articles/a--b.md` and of "
                               "`articles/a/b.md`") for line in lines), lines


def test_recording_on_a_clean_clone_keeps_the_committed_entries_in_their_order(data_copy):
    """The first deploy of a clone committed a reshuffle of the seed's file: what is recorded only grows, at its end."""
    before = {path.name: path.read_bytes() for path in (data_copy / "data" / "addresses").glob("*.yml")}
    assert before
    assert record_addresses.main(["--data", str(data_copy / "data"), "--docs", str(data_copy / "docs")]) == 0
    for name, content in before.items():
        after = (data_copy / "data" / "addresses" / name).read_bytes()
        old = [entry["id"] for entry in yaml.safe_load(content)["addresses"]]
        new = [entry["id"] for entry in yaml.safe_load(after)["addresses"]]
        assert new[:len(old)] == old, name
        assert after.startswith(content.rstrip(b"\n")), name  # the same bytes, and new entries after them
