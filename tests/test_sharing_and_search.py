"""Links to a paragraph or a quote, copied and opened, and search results that land on what matched,
in Chromium on both editions (desktop and phone)."""

from __future__ import annotations

import html
import json
import re

import pytest
from playwright.sync_api import expect

from browser_fixtures import DESKTOP, PHONE, reading
from conftest import ARTICLE
from test_claim_cards import assert_highlighted, claims_sharing_a_source, marker
from test_reading_in_browser import RUTTE, focus_is_visible, tab_to

PARAGRAPHS = 'article p[id^="p-"]'


@pytest.fixture
def copying_reader(browser, edition, request):
    """A reader allowed to write and read the clipboard (a copied link is read back from it)."""
    options = getattr(request, "param", DESKTOP)
    with reading(browser, edition, **options) as opened:
        opened.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield opened


@pytest.mark.parametrize("options", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_paragraph_ends_in_a_link_to_it_that_shows_when_it_is_reached(browser, edition, options):
    with reading(browser, edition, **options) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        paragraphs = page.locator(PARAGRAPHS)
        assert paragraphs.count() > 1
        ids = paragraphs.evaluate_all("ps => ps.map(p => p.id)")
        links = paragraphs.evaluate_all("ps => ps.map(p => p.querySelector(':scope > a.paragraph-link:last-child')"
                                        "?.getAttribute('href'))")
        assert links == [f"#{id_}" for id_ in ids]
        link = page.locator(f'[id="{ids[1]}"] > a.paragraph-link')
        expect(link).to_have_accessible_name("Copy link to this paragraph")
        if options is PHONE:  # no pointer to hover with: always shown
            expect(link).to_have_css("opacity", "1")
        tab_to(page, f'[id="{ids[1]}"] > a.paragraph-link')
        assert focus_is_visible(page)
        expect(link).to_have_css("opacity", "1")


def test_every_quote_has_a_copy_link_in_its_card_that_the_keyboard_reaches(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    passages = page.locator(".annotated-passage").evaluate_all("spans => spans.map(span => span.id)")
    assert passages
    for claim in passages[:3]:
        tab_to(page, f'[id="fnref:{claim}"] > a')
        copy = page.get_by_role("dialog").get_by_role("link", name="Copy link to this quote")
        expect(copy).to_have_attribute("href", f"#{claim}")
        page.keyboard.press("Enter")  # into the card
        tab_to(page, '[role="dialog"] a.copy-link')
        assert focus_is_visible(page)
        page.keyboard.press("Escape")


@pytest.mark.parametrize("copying_reader", [DESKTOP, PHONE], ids=["desktop", "phone"], indirect=True)
def test_a_copied_paragraph_link_opens_on_that_paragraph_highlighted(copying_reader):
    page, edition = copying_reader.page, copying_reader.edition
    page.goto(edition.url(ARTICLE))
    paragraph = page.locator(PARAGRAPHS).nth(-2)
    paragraph_id = paragraph.get_attribute("id")
    link = paragraph.locator("a.paragraph-link")
    link.tap() if page.viewport_size["width"] < 500 else link.click()
    expect(page.get_by_role("status")).to_have_text("Link copied")
    expect(page).to_have_url(edition.url(ARTICLE))  # copied, not followed
    copied = page.evaluate("navigator.clipboard.readText()")
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert copied == f"{canonical}#{paragraph_id}"  # the hosted page's address, in both editions
    page.goto(edition.url("index.md"))
    page.goto(edition.url(f"{ARTICLE}#{paragraph_id}"))
    expect(page.locator(f'[id="{paragraph_id}"]')).to_be_in_viewport()
    assert_highlighted(page, paragraph_id)


def test_a_copied_quote_link_opens_on_that_quote_highlighted(copying_reader):
    page, edition = copying_reader.page, copying_reader.edition
    page.goto(edition.url(ARTICLE))
    claim = claims_sharing_a_source(page)[-1]
    marker(page, claim).hover()
    page.get_by_role("dialog").get_by_role("link", name="Copy link to this quote").click()
    expect(page.get_by_role("status")).to_have_text("Link copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator('link[rel="canonical"]').get_attribute("href") + f"#{claim}"
    page.goto(edition.url("index.md"))
    page.goto(edition.url(f"{ARTICLE}#{claim}"))
    expect(page.locator(f'[id="{claim}"]')).to_be_in_viewport()
    page.wait_for_function("id => document.getElementById(id).matches(':target')", arg=claim)
    assert page.locator(f'[id="{claim}"]').evaluate("passage => getComputedStyle(passage).backgroundColor") \
        != "rgba(0, 0, 0, 0)"


# Search


def search(page, words: str):
    """Type `words` into the search box once its index is loaded; the dialog's result links."""
    search_box = page.get_by_role("textbox", name="Search")
    search_box.click()
    expect(page.get_by_role("dialog", name="Search")).to_contain_text("Type to start searching")
    search_box.press_sequentially(words)
    return page.get_by_role("dialog", name="Search").get_by_role("link")


def follow_result(page, words: str, result: str) -> None:
    """Search `words` and follow the result that `result` (a CSS selector) picks, among the further results
    of its page if it is one of those."""
    expect(search(page, words).first).to_be_visible()
    dialog = page.get_by_role("dialog", name="Search")
    more = dialog.locator("details", has=page.locator(result))
    if more.count():
        more.locator("summary").click()
    dialog.locator(result).first.click()


def test_a_search_result_lands_on_the_paragraph_that_matched(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    paragraph_id = page.locator(PARAGRAPHS).filter(has=page.locator(f'[id="{RUTTE}"]')).get_attribute("id")
    page.goto(reader.edition.url("index.md"))
    follow_result(page, "Rutte", f'a[href*="#{paragraph_id}"]')
    expect(page).to_have_url(re.compile(f"#{paragraph_id}$"))
    expect(page.locator(f'[id="{paragraph_id}"]')).to_be_in_viewport()
    assert_highlighted(page, paragraph_id)
    expect(page.locator(f'[id="{RUTTE}"] mark')).to_have_text("Rutte")


def search_documents(edition) -> list[dict]:
    """The search index of the edition as built: a JSON file, or for the offline edition a script."""
    folder = edition.site_dir / "search"
    if (folder / "search_index.js").is_file():
        text = (folder / "search_index.js").read_text(encoding="utf-8").removeprefix("var __index = ")
    else:
        text = (folder / "search_index.json").read_text(encoding="utf-8")
    return json.loads(text)["docs"]


def test_an_article_is_searched_by_paragraph_and_by_claim_with_its_words_apart(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    location = reader.edition.url(ARTICLE).removeprefix(reader.edition.root)
    docs = [doc for doc in search_documents(reader.edition) if doc["location"].startswith(location)]
    fragments = [doc["location"].partition("#")[2] for doc in docs]
    paragraphs = page.locator(PARAGRAPHS).evaluate_all("ps => ps.map(p => p.id)")
    claims = page.locator("sup.annotation-marker").evaluate_all("sups => sups.map(sup => 'cite:' + sup.id.slice(6))")
    assert [f for f in fragments if f.startswith("p-")] == paragraphs
    assert sorted(f for f in fragments if f.startswith("cite:")) == sorted(claims)
    # Every word a snippet shows is a word of the page as Chromium lays it out (less its markers and
    # links to paragraphs): none run together.
    page.evaluate("""() => document.querySelectorAll("sup.annotation-marker, a.paragraph-link")
        .forEach(element => element.remove())""")
    shown = set(page.locator("article").inner_text().split())
    run_together = {word for doc in docs for word in html.unescape(re.sub(r"<[^>]+>", " ", doc["text"])).split()
                    if word not in shown}
    assert run_together == set()
