"""Quotes anchor in any block of running text: paragraphs, tight and loose list items, quotations, subheadings,
table cells. The third test article (tests/fixtures/third-article) has annotations in a subheading, a tight list and
a quotation; the seed with two annotated paragraphs made a tight list passes `make check`."""

from __future__ import annotations

import json
import re

import pytest

from annotated_article.article.loading import load_site
from annotated_article.article.text import TEXT_BLOCKS
from conftest import ARTICLE, THIRD_ARTICLE, article_html, copy_project_for_make, run_make, soup_of

THIRD = "articles/" + next((THIRD_ARTICLE / "docs" / "articles").glob("*.md")).name
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def third(second_article_project, second_article_site):
    """The third article as loaded, and its built page."""
    site = load_site(second_article_project / "data", second_article_project / "docs")
    return site.articles[THIRD], soup_of(second_article_site / article_html(THIRD))


def kind_of_block(passage) -> str:
    """What holds a passage on the page: the block of running text, or `blockquote` for a quotation's paragraph."""
    block = passage.find_parent(sorted(TEXT_BLOCKS))
    return "blockquote" if block.name == "p" and block.find_parent("blockquote") else block.name


def test_the_third_article_has_passages_in_a_subheading_a_tight_list_and_a_quotation(third):
    article, soup = third
    kinds = {kind_of_block(soup.find(id=id_)) for id_ in article.loaded_plan.passages}
    assert {"h2", "li", "blockquote"} <= kinds, kinds
    for id_ in article.loaded_plan.passages:  # each marker is in its passage, and leads to its claim
        passage = soup.find(id=id_)
        assert passage.select_one("sup.annotation-marker a")["href"] == f"#cite:{id_}"
    tight = [item for item in soup.select("article li[id^='p-']") if item.find("p") is None]
    assert tight and all(item.select_one(":scope > a.paragraph-link") for item in tight)


def test_a_subheading_is_named_by_its_words_in_the_contents_and_in_search(third, second_article_site):
    article, soup = third
    plan = article.loaded_plan
    headings = {id_: words for id_, words in plan.paragraphs() if soup.find(id=id_).name in HEADINGS}
    assert headings
    contents = soup.select_one(".md-nav--secondary")
    for id_, words in headings.items():
        assert " ".join(contents.select_one(f'a[href="#{id_}"]').get_text().split()) == words
    index = json.loads((second_article_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    page = article_html(THIRD).removesuffix("index.html")
    for id_, words in headings.items():
        (entry,) = [doc for doc in index["docs"] if doc["location"] == f"{page}#{id_}"]
        assert entry["text"] == words and "¶" not in entry["title"]


def test_two_annotated_paragraphs_of_the_seed_made_a_tight_list_pass_make_check(tmp_path):
    project = copy_project_for_make(tmp_path / "project")
    site = load_site(project / "data", project / "docs")
    plan = site.articles[ARTICLE].loaded_plan
    annotated = {plan.text.paragraph_at(*span) for span in plan.passages.values()}
    first = next(index for index in sorted(annotated) if index + 1 in annotated)
    wanted = [plan.text.paragraph_text(first), plan.text.paragraph_text(first + 1)]
    markdown = project / "docs" / ARTICLE
    blocks = markdown.read_text(encoding="utf-8").split("\n\n")
    found = [index for index, block in enumerate(blocks) if " ".join(block.split()) in wanted]
    assert len(found) == 2 and found[1] == found[0] + 1, "the two paragraphs are written as plain Markdown"
    blocks[found[0]:found[1] + 1] = ["- " + blocks[found[0]].strip() + "\n- " + blocks[found[1]].strip()]
    markdown.write_text("\n\n".join(blocks), encoding="utf-8")
    assert re.search(r"^- .*\n- ", markdown.read_text(encoding="utf-8"), re.MULTILINE)  # a tight list

    result = run_make(project, "check")
    assert result.returncode == 0, result.stderr
    listed = load_site(project / "data", project / "docs").articles[ARTICLE].loaded_plan
    assert {id_: listed.words(id_) for id_ in listed.passages} == {id_: plan.words(id_) for id_ in plan.passages}
    assert listed.paragraph_ids == plan.paragraph_ids  # the items keep the paragraphs' addresses
