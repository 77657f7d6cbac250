"""Annotate by selecting, under `make serve`: words selected on an article's page give the YAML of a new annotation,
which, pasted into the article's data file with a speaker and a source, passes `make check`; never on the published
site nor in the offline edition.

The browser reads a running `make serve` of the project with the tests' second and third articles, with each page
given the content policy of the published site (the server itself sets none: its live-reload script is inline), so
that a script or style the policy refuses fails the test as a console error.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from playwright.sync_api import expect

from annotated_article.article.anchoring import AnchorError, anchor_quote, fold
from annotated_article.article.loading import load_site
from annotated_article.model import TextQuote, occurrences
from annotated_article.site import annotate_selection, finished_pages
from browser_fixtures import DESKTOP
from conftest import (ARTICLE, PROJECT, THIRD_ARTICLE, add_test_articles, article_html, copy_project,
                      copy_project_for_make, run_make)
from test_serve import Server, free_port

THIRD = "articles/" + next((THIRD_ARTICLE / "docs" / "articles").glob("*.md")).name

#: Selects `text[start:end]` of the block with id `id` (positions in its text as the build reads it: white space
#: collapsed, the apparatus left out), and returns that text, for the test to compare with the build's.
SELECT = """([id, start, end]) => {
  const block = document.getElementById(id);
  const skipped = ".annotation-marker, .paragraph-link, .address-alias";
  let text = "";
  const points = [];
  let stopped = false;
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      for (let i = 0; i < node.data.length; i++) {
        if (/\\s/.test(node.data[i])) {
          if (text.length && !text.endsWith(" ")) { points.push([node, i]); text += " "; }
        } else { points.push([node, i]); text += node.data[i]; }
      }
    } else if (node.nodeType === Node.ELEMENT_NODE && !node.matches(skipped)) {
      for (const child of node.childNodes) {
        if (stopped || child.nodeType === Node.ELEMENT_NODE && /^(UL|OL|P|BLOCKQUOTE|TABLE|PRE|DIV)$/.test(child.tagName)) {
          stopped = true;
          return;
        }
        walk(child);
      }
    }
  };
  walk(block);
  const range = document.createRange();
  range.setStart(points[start][0], points[start][1]);
  range.setEnd(points[end - 1][0], points[end - 1][1] + 1);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return text.trimEnd();
}"""


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`make serve` of the project with the test articles: the project, and the address it is served at."""
    project = add_test_articles(copy_project_for_make(tmp_path_factory.mktemp("annotate") / "project"))
    server = Server(project, free_port())
    try:
        (serving,) = server.wait_for("Serving on http://127.0.0.1:")[-1:]
        yield project, re.search(r"Serving on (http://\S+/)", serving).group(1)
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site(served):
    project, _ = served
    return load_site(project / "data", project / "docs")


@pytest.fixture(scope="module")
def checked_project(tmp_path_factory):
    """A second copy, where the YAML is pasted and `make check` run (the served one would rebuild on each paste)."""
    return add_test_articles(copy_project_for_make(tmp_path_factory.mktemp("annotate-check") / "project"))


@pytest.fixture
def page(browser, served):
    """A desktop tab on the served site, each page with the published site's content policy, that fails on any
    console error (a script or style the policy refuses is one)."""
    context = browser.new_context(**DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    errors: list[str] = []

    def with_policy(route):
        response = route.fetch()
        route.fulfill(response=response, body=finished_pages.finished(response.text()))

    context.route(re.compile(r".*/articles/[^/]+/$"), with_policy)  # the articles' pages, nothing the server streams
    tab = context.new_page()
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    try:
        yield tab
    finally:
        context.close()
    assert errors == []


def open_article(page, served, path: str) -> None:
    page.goto(served[1] + article_html(path).removesuffix("index.html"))
    assert "Content-Security-Policy" in page.content()  # the published site's, put on by the route
    expect(page.locator("script[data-annotate]")).to_have_count(1)


def offer(page, block_id: str, start: int, end: int, paragraph_text: str) -> dict:
    """Select `start:end` of the block, and read the panel: its message, and the YAML it copies, parsed."""
    assert page.evaluate(SELECT, [block_id, start, end]) == paragraph_text
    panel = page.locator(".annotate-selection")
    expect(panel).to_be_visible()
    expect(panel.get_by_role("status")).not_to_contain_text("Copied")  # this selection's offer, not the last one's
    copy = panel.get_by_role("button", name="Copy YAML")
    expect(copy).to_be_visible()
    copy.click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    text = page.evaluate("navigator.clipboard.readText()")
    (entry,) = yaml.safe_load("annotations:\n" + text)["annotations"]
    return {"yaml": text, **entry}


def paragraph_of(plan, position: int) -> tuple[str, int, str]:
    """The id, start and text of the paragraph that holds `position` of the article's text."""
    index = plan.text.paragraph_at(position, position)
    return plan.paragraph_ids[index], plan.text.paragraphs[index].start, plan.text.paragraph_text(index)


def make_check_with(project, article_path: str, *pasted: str) -> None:
    """`make check` passes with the YAML pasted at the end of the article's data file (then put back)."""
    data_file = project / "data" / "articles" / (article_path.removeprefix("articles/").removesuffix(".md") + ".yml")
    kept = data_file.with_suffix(".kept")
    shutil.copy2(data_file, kept)
    try:
        data_file.write_text(data_file.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + "\n".join(pasted),
                             encoding="utf-8")
        result = run_make(project, "check")
        assert result.returncode == 0, result.stderr + "\n" + "\n".join(pasted)
    finally:
        kept.replace(data_file)


def crosses(passages, start: int, end: int) -> bool:
    """Whether `start:end` overlaps a passage without one holding the other."""
    return any(s < start < e < end or start < s < end < e for s, e in passages.values())


def test_words_selected_across_a_marker_give_the_words_as_published_and_pass_the_check(page, served, site,
                                                                                      checked_project):
    plan = site.articles[ARTICLE].loaded_plan
    text = plan.text.text
    # From the start of a passage followed by more words in its paragraph, to the first place after its end that
    # cuts no other passage (the end of a passage after it, or of the paragraph): the selection runs over its marker.
    chosen = None
    for annotation_id in plan.in_marker_order():
        start, end = plan.passages[annotation_id]
        block_id, offset, paragraph = paragraph_of(plan, start)
        stops = sorted({offset + len(paragraph), *(e for s, e in plan.passages.values() if end < e)})
        stop = next((stop for stop in stops if not crosses(plan.passages, start, stop)), end)
        if end < stop <= offset + len(paragraph):
            chosen = start, stop
            break
    assert chosen, "no passage of the seed is followed by words in its paragraph"
    start, stop = chosen
    open_article(page, served, ARTICLE)
    entry = offer(page, block_id, start - offset, stop - offset, paragraph)
    assert entry["exact"] == text[start:stop]  # curly quotes and all, the marker's number left out
    once = len(occurrences(fold(text), fold(text[start:stop]))) == 1
    assert once == ("prefix" not in entry and "suffix" not in entry)  # told apart only when they need to be
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", entry["id"]) and entry["id"] not in plan.passages
    assert entry["speaker"] is None and entry["source"] is None  # to fill in, here by hand
    person, source = next(iter(site.people)), next(iter(site.sources))
    pasted = entry["yaml"].replace("    speaker:\n", f"    speaker: {person}\n").replace(
        "source:\n", f"source: {source}\n")
    make_check_with(checked_project, ARTICLE, pasted)


def test_words_that_occur_more_than_once_get_the_fewest_words_that_tell_them_apart(page, served, site,
                                                                                  checked_project):
    plan = site.articles[ARTICLE].loaded_plan
    text, folded = plan.text.text, fold(plan.text.text)
    # Two words of a paragraph that occur elsewhere too, at a place that is not their first.
    chosen = None
    for index, paragraph in enumerate(plan.text.paragraphs):
        for match in re.finditer(r"(?=\b([A-Za-z]+ [A-Za-z]+)\b)", text[paragraph.start:paragraph.end]):
            start = paragraph.start + match.start()
            end = start + len(match.group(1))
            places = occurrences(folded, match.group(1))
            if len(places) > 1 and places[0] != start and not crosses(plan.passages, start, end):
                chosen = start, end
                break
        if chosen:
            break
    assert chosen, "the seed has no two words that occur twice"
    start, end = chosen
    block_id, offset, paragraph = paragraph_of(plan, start)
    open_article(page, served, ARTICLE)
    entry = offer(page, block_id, start - offset, end - offset, paragraph)
    assert entry["exact"] == text[start:end]
    assert ("prefix" in entry) != ("suffix" in entry)  # one of the two
    part = "prefix" if "prefix" in entry else "suffix"
    quote = TextQuote(entry["exact"], entry.get("prefix", ""), entry.get("suffix", ""))
    assert anchor_quote(plan.text, quote) == (start, end)  # it tells the place apart, as the check reads it
    words = entry[part].split(" ")
    fewer = " ".join(words[1:] if part == "prefix" else words[:-1])
    if fewer:  # one word fewer no longer does
        with pytest.raises(AnchorError, match="occur"):
            anchor_quote(plan.text, TextQuote(entry["exact"], **{part: fewer}))
    person, source = next(iter(site.people)), next(iter(site.sources))
    page.get_by_label("Speaker").fill(person)  # chosen in the panel this time
    page.get_by_label("Source").fill(source)
    page.get_by_role("button", name="Copy YAML").click()
    make_check_with(checked_project, ARTICLE, page.evaluate("navigator.clipboard.readText()"))


def test_a_selection_inside_emphasis_or_a_link_takes_the_whole_of_it_and_passes_the_check(page, served, site,
                                                                                        checked_project):
    plan = site.articles[THIRD].loaded_plan
    open_article(page, served, THIRD)
    pasted = []
    for selector in ("em", "a:not(.actor-link):not(.paragraph-link):not(.claim-marker)"):
        inline = page.locator(f"article [id^='p-'] {selector}").first
        words = inline.inner_text()
        block_id = inline.evaluate("node => node.closest('[id^=\"p-\"]').id")
        index = plan.paragraph_ids.index(block_id)
        paragraph = plan.text.paragraph_text(index)
        first = paragraph.index(words)
        # From inside the element (its last word, or the second letter of its only word) to the word after it.
        inside = first + (words.rindex(" ") + 1 if " " in words else 1)
        following = paragraph[first + len(words):].split()[0]
        stop = paragraph.index(following, first + len(words)) + len(following)
        entry = offer(page, block_id, inside, stop, paragraph)
        assert entry["exact"] == paragraph[first:stop]  # the element whole, as published
        person, source = next(iter(site.people)), next(iter(site.sources))
        pasted.append(entry["yaml"].replace("    speaker:\n", f"    speaker: {person}\n").replace(
            "source:\n", f"source: {source}\n"))
    assert len({entry.split("\n")[0] for entry in pasted}) == 2  # two ids
    make_check_with(checked_project, THIRD, *pasted)


def test_a_selection_that_ends_inside_a_marker_ends_where_the_marker_stands(page, served, site):
    plan = site.articles[ARTICLE].loaded_plan
    annotation_id = plan.in_marker_order()[0]
    open_article(page, served, ARTICLE)
    page.evaluate("""(id) => {
      const passage = document.getElementById(id);
      const first = document.createTreeWalker(passage, NodeFilter.SHOW_TEXT).nextNode();
      const number = passage.querySelector(":scope > .annotation-marker a").firstChild;
      const range = document.createRange();
      range.setStart(first, 0);
      range.setEnd(number, 1);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }""", annotation_id)
    panel = page.locator(".annotate-selection")
    expect(panel.get_by_role("button", name="Copy YAML")).to_be_visible()
    (entry,) = yaml.safe_load("annotations:\n" + panel.locator("pre").inner_text())["annotations"]
    assert entry["exact"] == plan.words(annotation_id)


def test_words_of_two_paragraphs_are_refused_with_a_message(page, served, site):
    plan = site.articles[ARTICLE].loaded_plan
    open_article(page, served, ARTICLE)
    first, second = plan.paragraph_ids[:2]
    page.evaluate("""([first, second]) => {
      const text = (id) => document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT).nextNode();
      const range = document.createRange();
      range.setStart(text(first), 0);
      range.setEnd(text(second), 1);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }""", [first, second])
    panel = page.locator(".annotate-selection")
    expect(panel.get_by_role("status")).to_contain_text("run across 2 paragraphs")
    expect(panel.get_by_role("button", name="Copy YAML")).to_be_hidden()


def test_the_yaml_offers_every_field_of_the_schema_with_its_values():
    schema = json.loads((PROJECT / "data" / "schemas" / "article.schema.json").read_text(encoding="utf-8"))
    item = schema["properties"]["annotations"]["items"]
    fields = annotate_selection.template(schema)
    for name, spec in item["properties"].items():
        if name in annotate_selection.QUOTE_FIELDS:
            continue
        if name in annotate_selection.PUBLISHED_ONLY:  # a new annotation was never published: no correction yet
            assert not re.search(rf"^    (# )?{name}:", fields, re.MULTILINE), name
            continue
        written = re.search(rf"^    {name}:", fields, re.MULTILINE)
        commented = re.search(rf"^    # {name}:", fields, re.MULTILINE)
        assert written if name in item["required"] else written or commented, name
        for value in spec.get("enum", ()):
            assert re.search(rf"^    #.*\b{value}\b", fields, re.MULTILINE), (name, value)


def test_each_article_s_json_holds_its_own_data_then_what_every_article_shares(tmp_path):
    project = copy_project(tmp_path / "project")
    add_test_articles(project)
    site = load_site(project / "data", project / "docs")
    schemas = project / "data" / "schemas"
    served = annotate_selection.served_files(site, schemas)
    fields = annotate_selection.template(json.loads((schemas / "article.schema.json").read_text(encoding="utf-8")))
    shared = annotate_selection.shared_data(site, fields)
    assert len(served) == len(site.articles) > 1
    for path, article in site.articles.items():
        whole = {**annotate_selection.article_data(article), **shared}
        assert served[annotate_selection.data_path(path)] == json.dumps(whole, ensure_ascii=False)
        assert json.loads(served[annotate_selection.data_path(path)])["people"] == \
            [[person.id, f"{person.name}, {person.role}"] for person in site.people.values()]

@pytest.mark.build
def test_neither_the_published_site_nor_the_offline_edition_has_it(built_site, offline_site):
    for folder in (built_site, offline_site):
        assert not list(folder.rglob("annotate-selection*")), folder
        for page in folder.rglob("*.html"):
            assert "annotate-selection" not in page.read_text(encoding="utf-8"), page
