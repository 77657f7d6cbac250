"""The claim beside its words, in Chromium on both editions: the quoted words highlighted, margin notes on a wide
screen, a card that never covers its passage and leads with who, how and the judgements, a keyboard that enters a
card only when asked, one mark per claim with the sources listed once, a compact first screen, search that ranks
the article's words first, and copied links that name the hosted page. The figures come from
tools/reading_figures.py, which prints them (`.venv/bin/python tools/reading_figures.py site`).
"""

from __future__ import annotations

import datetime
import re
import zipfile

import pytest
from playwright.sync_api import expect

import reading_figures
from browser_fixtures import DESKTOP, PHONE, reading
from conftest import ARTICLE, ARTICLE_HTML
from test_claim_cards import card_of, marker
from test_sharing_and_search import search, search_documents

WIDE = reading_figures.WIDE

#: The background of an element, and of the paragraph around it.
BACKGROUNDS = """id => {
    const element = document.getElementById(id);
    return [getComputedStyle(element).backgroundColor, getComputedStyle(element.closest("p, li")).backgroundColor];
}"""


def first_claims(page, count: int = 3) -> list[str]:
    return page.locator("sup.annotation-marker").evaluate_all(
        f"sups => sups.slice(0, {count}).map(sup => sup.id.slice(6))")


def assert_passage_highlighted(page, claim: str) -> None:
    own, around = page.evaluate(BACKGROUNDS, claim)
    assert own not in ("rgba(0, 0, 0, 0)", around), (claim, own, around)


# 1. The quoted words highlighted


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_open_card_highlights_exactly_its_quoted_words(browser, edition, scheme):
    with reading(browser, edition, color_scheme=scheme, **DESKTOP) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        if scheme == "dark":  # the theme follows the system's scheme
            page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        claim = first_claims(page)[1]
        assert page.evaluate(BACKGROUNDS, claim)[0] == "rgba(0, 0, 0, 0)"
        marker(page, claim).hover()
        expect(card_of(page, claim)).to_be_visible()
        assert_passage_highlighted(page, claim)
        # Only its words: the rest of its paragraph keeps the page's background.
        assert page.evaluate(BACKGROUNDS, claim)[1] == page.evaluate(
            "() => getComputedStyle(document.querySelector('article p[id^=\"p-\"]')).backgroundColor")
        page.mouse.move(0, 0)
        expect(card_of(page, claim)).to_be_hidden()
        assert page.evaluate(BACKGROUNDS, claim)[0] == "rgba(0, 0, 0, 0)"


def test_a_back_link_and_a_shared_link_land_on_the_highlighted_words_also_in_forced_colours(reader):
    page = reader.page
    page.emulate_media(forced_colors="active")
    page.goto(reader.edition.url(ARTICLE))
    claim = first_claims(page)[2]
    page.locator(f'[id="cite:{claim}"] [role="doc-backlink"]').click()
    page.wait_for_function("id => document.getElementById(id).matches(':target')", arg=claim)
    expect(page.locator(f'[id="{claim}"]')).to_be_in_viewport()
    assert_passage_highlighted(page, claim)
    page.goto(reader.edition.url("index.md"))
    page.goto(reader.edition.url(f"{ARTICLE}#{claim}"))
    page.wait_for_function("id => document.getElementById(id).matches(':target')", arg=claim)
    assert_passage_highlighted(page, claim)


# 2. Margin notes


def test_at_1680_pixels_every_claim_has_a_margin_note_without_overlap_and_a_click_opens_its_card(browser, edition):
    with reading(browser, edition, **WIDE) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        page.wait_for_load_state("load")
        margin = page.evaluate(reading_figures.MARGIN_NOTES)
        assert margin["notes"] == margin["claims"] > 0
        assert margin["overlapping"] == 0 and margin["rightOfText"]
        assert margin["beside"] >= margin["claims"] * 3 // 4, margin  # stacked, as near their passages as they go
        # The table of contents gives way to the margin.
        expect(page.locator("[data-md-component='toc']")).to_have_count(0)
        claim = first_claims(page)[0]
        note = page.locator(f'.margin-note[data-claim="{claim}"]')
        expect(note).to_contain_text(page.locator(f'[id="cite:{claim}"] .attribution-how').inner_text()
                                     .removeprefix("How:").strip())
        note.click()
        expect(card_of(page, claim)).to_be_visible()
        assert_passage_highlighted(page, claim)


def test_narrower_screens_have_no_margin_notes_but_the_card_and_the_sheet(browser, edition):
    with reading(browser, edition, viewport={"width": 1100, "height": 900}) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        expect(page.locator(".margin-note").first).to_be_hidden()
        claim = first_claims(page)[0]
        marker(page, claim).hover()
        expect(card_of(page, claim)).to_be_visible()


# 3. The card beside its passage, leading with who, how and the judgements


def test_no_card_covers_its_passage_or_goes_under_the_header_and_each_leads_briefly(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    claims = page.locator("sup.annotation-marker").evaluate_all("sups => sups.map(sup => sup.id.slice(6))")
    header = page.evaluate("() => document.querySelector('header').getBoundingClientRect().bottom")
    for claim in claims:
        page.locator(f'[id="{claim}"]').scroll_into_view_if_needed()
        marker(page, claim).hover()
        card = card_of(page, claim)
        expect(card).to_be_visible()
        box = card.bounding_box()
        assert box["y"] >= header, (claim, box, header)
        lines = page.evaluate("id => [...document.getElementById(id).getClientRects()].map(r => [r.left, r.top, "
                              "r.right, r.bottom])", claim)
        covered = [line for line in lines if line[0] < box["x"] + box["width"] and box["x"] < line[2]
                   and line[1] < box["y"] + box["height"] and box["y"] < line[3]]
        assert covered == [], claim
        lead = card.locator(".claim-card__body > div").first
        expect(lead).to_contain_text("Who:")
        expect(card.locator("details.claim-card__details > summary")).to_be_visible()
        page.mouse.move(0, 0)
        expect(card).to_be_hidden()
    words = page.evaluate(reading_figures.CARD_WORDS)
    assert sorted(words)[len(words) // 2] < reading_figures.MAX_CARD_WORDS, words


# 4. The keyboard


def test_a_card_opens_on_focus_but_its_links_join_the_tab_order_only_when_entered(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    first, second = first_claims(page, 2)
    page.locator(f'[id="fnref:{first}"] > a').focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(card_of(page, first)).to_be_visible()
    page.keyboard.press("Tab")  # past the card, not into it
    assert page.evaluate("() => !document.activeElement.closest('[role=dialog]')")
    page.keyboard.press("Shift+Tab")
    expect(marker(page, first)).to_be_focused()
    page.keyboard.press("Enter")  # into the card
    card = card_of(page, first)
    assert page.evaluate("() => Boolean(document.activeElement.closest('[role=dialog]'))")
    controls = card.locator("a[href], button, summary").count()
    for _ in range(controls + 1):  # Tab goes round inside it
        page.keyboard.press("Tab")
        assert page.evaluate("() => Boolean(document.activeElement.closest('[role=dialog]'))")
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    expect(marker(page, first)).to_be_focused()
    page.keyboard.press("ArrowDown")  # an arrow key enters it too
    assert page.evaluate("() => Boolean(document.activeElement.closest('[role=dialog]'))")
    assert second


def test_the_first_back_link_is_at_most_60_tab_presses_from_the_top(reader):
    reader.page.goto(reader.edition.url(ARTICLE))
    assert reading_figures.tabs_to_first_back_link(reader.page) <= reading_figures.MAX_TABS


# 5. One mark per claim, the sources once


def test_marks_count_claims_in_reading_order_and_each_source_links_its_claims(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    marks = page.locator("a.claim-marker").all_inner_texts()
    assert marks == [str(number) for number in range(1, len(marks) + 1)]
    sources = page.locator("ol.bibliography > li")
    ids = sources.evaluate_all("items => items.map(item => item.id)")
    assert len(ids) == len(set(ids)) > 0
    supported = sources.locator(".source-claims a").evaluate_all("links => links.map(link => link.hash.slice(1))")
    notes = page.locator("ol.claim-notes > li").evaluate_all("items => items.map(item => item.id)")
    sourced = [note for note in notes if page.locator(f'[id="{note}"] .claim-source a').count()]
    assert sorted(supported) == sorted(sourced)
    link = sources.first.locator(".source-claims a").first
    target = link.get_attribute("href")[1:]
    link.click()
    page.wait_for_function("id => document.getElementById(id).matches(':target')", arg=target)


def test_a_marker_leaves_no_gap_after_its_word(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    # What each marker adds to its line beyond its digits: where an empty probe put right after it starts, less
    # where the word before it ends and the width of the digits.
    gaps = page.evaluate("""() => [...document.querySelectorAll("sup.annotation-marker")].map(sup => {
        const before = document.createRange(), digits = document.createRange(), probe = document.createElement("span");
        before.selectNodeContents(sup.parentElement);
        before.setEndBefore(sup);
        digits.selectNodeContents(sup.querySelector("a"));
        sup.after(probe);
        const word = [...before.getClientRects()].pop(), at = probe.getBoundingClientRect();
        probe.remove();
        if (!word || Math.abs(at.bottom - word.bottom) > 12) return 0;  // the marker starts a new line
        return at.left - word.right - digits.getBoundingClientRect().width;
    })""")
    assert gaps and max(gaps) < 6, gaps


# 6. A compact first screen


def test_on_a_phone_the_text_starts_in_the_first_half_with_one_compact_dateline(browser, edition):
    with reading(browser, edition, **PHONE) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        assert page.evaluate(reading_figures.FIRST_PARAGRAPH_Y) <= reading_figures.MAX_FIRST_PARAGRAPH_Y
        expect(page.locator("details.claims-summary")).not_to_have_attribute("open", "")
        details = page.locator("details.dateline-details")
        expect(details.locator("li").first).to_be_hidden()
        details.locator("summary").tap()
        expect(details.locator("li").first).to_be_visible()


# 7. Search


def test_search_ranks_the_articles_words_above_notes_that_mention_them_and_lands_highlighted(reader):
    page = reader.page
    location = reader.edition.url(ARTICLE).removeprefix(reader.edition.root)
    docs = [doc for doc in search_documents(reader.edition) if doc["location"].startswith(location + "#")]
    words_first = [doc for doc in docs if doc.get("boost", 1) > 1]
    # A name that the article's words and some note or source both hold: the speaker of a claim.
    page.goto(reader.edition.url(ARTICLE))
    names = page.locator(".claim-notes .attribution-who .speaker").all_inner_texts()
    query = next(name.split()[-1] for name in names
                 if any(name.split()[-1] in doc["text"] for doc in words_first)
                 and any(name.split()[-1] in doc["text"] for doc in docs if doc not in words_first))
    page.goto(reader.edition.url("index.md"))
    results = search(page, query)
    expect(results.first).to_be_visible()
    dialog = page.get_by_role("dialog", name="Search")
    for more in dialog.locator("details summary").all():
        more.click()
    # Each result as [its page's path, its fragment], in the order shown.
    shown = dialog.locator("a[href]").evaluate_all(
        "links => links.map(link => { const url = new URL(link.href); return [url.pathname, url.hash.slice(1)]; })")
    article_path = next(path for path, _ in shown if path.endswith("/" + location))
    fragments = {doc["location"].partition("#")[2] for doc in words_first}
    kinds = [fragment in fragments for path, fragment in shown if path == article_path and fragment]
    assert True in kinds and False in kinds, (query, shown)
    assert kinds.index(False) > max(i for i, kind in enumerate(kinds) if kind), (query, shown)
    # The article's own entry lands on the first place that holds the words, highlighted.
    own = [index for index, (path, fragment) in enumerate(shown) if path == article_path and not fragment][0]
    dialog.locator("a[href]").nth(own).click()
    page.wait_for_selector(".search-landed")
    landed = page.locator(".search-landed")
    expect(landed).to_be_in_viewport()
    expect(landed).to_contain_text(query)
    assert page.evaluate("() => getComputedStyle(document.querySelector('.search-landed')).backgroundColor") \
        != "rgba(0, 0, 0, 0)"


# 8. Copied links and one date


def test_copy_link_copies_the_hosted_canonical_address(browser, edition):
    with reading(browser, edition, **DESKTOP) as reader:
        page = reader.page
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        page.goto(edition.url(ARTICLE))
        canonical = page.locator('link[rel="canonical"]').get_attribute("href")
        assert canonical.startswith("http") and not canonical.endswith(".html")
        claim = first_claims(page)[0]
        marker(page, claim).hover()
        card_of(page, claim).get_by_role("link", name="Copy link to this quote").click()
        expect(page.get_by_role("status")).to_have_text("Link copied")
        assert page.evaluate("navigator.clipboard.readText()") == f"{canonical}#{claim}"


def test_the_zip_and_every_page_of_both_editions_give_one_date(offline_zip, built_site, offline_site):
    with zipfile.ZipFile(offline_zip) as archive:
        zipped = {datetime.date(*entry.date_time[:3]) for entry in archive.infolist()}
    assert len(zipped) == 1
    (date,) = zipped
    for article in (built_site / ARTICLE_HTML, offline_site / ARTICLE.replace(".md", ".html")):
        built = re.findall(r'Site built <data value="([\d-]+)">', article.read_text(encoding="utf-8"))
        assert built == [date.isoformat()], article
    offer = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"built {date.day} " in offer
