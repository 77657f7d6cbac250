"""A card per claim, and the footnote list it comes from, in Chromium on both editions: desktop
(1400x1000) with mouse and keyboard, and a 390-pixel phone with touch.

Every expected value is read from the page's own footnote list, so the tests hold for any article.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from annotated_article.render.claims import JUDGEMENT_LABELS, JUDGEMENTS
from browser_fixtures import DESKTOP, PHONE, reading
from conftest import ARTICLE, PROJECT
from test_reading_in_browser import tab_to

#: How long claim-cards.js keeps a card open once the pointer has left it and its marker.
CLOSE_DELAY_MS = int(re.search(r"CLOSE_DELAY = (\d+);", (PROJECT / "docs/assets/claim-cards.js").read_text()).group(1))

#: For each source of the list, the ids of the claims it supports.
CLAIMS_BY_FOOTNOTE = """() => [...document.querySelectorAll('[role="doc-endnotes"] ol.bibliography > li')]
    .map(source => [...source.querySelectorAll('.source-claims a')].map(link => link.hash.slice(6)))"""


def marker(page, claim: str):
    return page.locator(f'[id="fnref:{claim}"] > a')


def card_of(page, claim: str):
    return page.get_by_role("dialog", name=marker(page, claim).get_attribute("aria-label"))


def hover_open(page, claim: str):
    """Point at the claim's marker: its card, once open."""
    marker(page, claim).hover()
    card = card_of(page, claim)
    expect(card).to_be_visible()
    return card


def claims_sharing_a_source(page) -> list[str]:
    """The claims of the first footnote that has more than one."""
    groups = [group for group in page.evaluate(CLAIMS_BY_FOOTNOTE) if len(group) > 1]
    assert groups, "the article has no source cited from two places"
    return groups[0]


def entry_text(page, claim: str, part: str) -> str:
    """The text of one part (`.editor-note`, `.attribution-who`…) of a claim's entry in the list."""
    return page.locator(f'[id="cite:{claim}"] {part}').inner_text().strip()


def test_a_card_shows_its_own_claim_and_not_the_others_of_its_source(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    claims = claims_sharing_a_source(page)
    notes = {claim: entry_text(page, claim, ".editor-note") for claim in claims}
    for claim in claims[:2]:
        card = hover_open(page, claim)
        box, window = card.bounding_box(), page.viewport_size
        assert box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= window["width"] \
            and box["y"] + box["height"] <= window["height"], "the card leaves the window"
        expect(card).to_contain_text(entry_text(page, claim, ".attribution-who"))
        expect(card).to_contain_text(notes[claim])
        for other in claims:
            if other != claim and notes[other] != notes[claim]:
                expect(card).not_to_contain_text(notes[other])
        page.mouse.move(0, 0)
        expect(card).to_be_hidden()


def test_a_card_says_who_how_both_judgements_and_what_they_mean_with_the_source_and_links(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    claim = claims_sharing_a_source(page)[0]
    card = hover_open(page, claim)
    card.locator("details.claim-card__details > summary").click()
    for name, part in (("source_seen", ".attribution-source-seen"), ("wording", ".attribution-wording")):
        badge = page.locator(f'[id="cite:{claim}"] {part} .judgement')
        value = badge.get_attribute("class").split("judgement--")[1]
        meaning = page.locator(f'.judgement-key .judgement--{value} + .judgement-meaning').inner_text()
        expect(card).to_contain_text(f"{JUDGEMENT_LABELS[name]}: {badge.text_content()} ({meaning})")
        expect(card.locator(f"{part} .judgement")).to_have_class(re.compile(f"judgement--{value}"))
    expect(card).to_contain_text(entry_text(page, claim, ".attribution-how"))
    # The source, with its first (best) link only.
    source = page.locator(f'[id="cite:{claim}"] .claim-source a').get_attribute("href")[1:]
    citation = page.locator(f'[id="{source}"] .source-citation')
    links = citation.locator(".source-links a")
    best = card.locator(".claim-card__source .source-links a")
    expect(best).to_have_count(1)
    expect(best).to_have_attribute("href", links.first.get_attribute("href"))
    speaker = page.locator(f'[id="cite:{claim}"] .attribution-who a')
    if speaker.count():
        expect(card.locator(".attribution-who a").first).to_have_attribute("href", speaker.first.get_attribute("href"))
    expect(card.get_by_role("link", name="Copy link to this quote")).to_have_attribute("href", f"#{claim}")
    full = card.get_by_role("link", name=re.compile("^Full note"))
    expect(full).to_have_attribute("href", f"#cite:{claim}")
    full.click()
    expect(page).to_have_url(re.compile(f"#cite:{claim}$"))


def test_the_pointer_can_move_onto_the_card_and_leaving_both_closes_it(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    claim = claims_sharing_a_source(page)[0]
    card = hover_open(page, claim)
    box = card.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(CLOSE_DELAY_MS + 300)  # past the moment a card left by the pointer closes
    expect(card).to_be_visible()
    page.mouse.move(box["x"] + box["width"] + 300, box["y"] - 200, steps=4)
    expect(card).to_be_hidden()


def test_esc_closes_a_card_opened_with_the_keyboard_and_returns_the_focus_to_its_marker(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    claim = claims_sharing_a_source(page)[0]
    selector = f'[id="fnref:{claim}"] > a'
    tab_to(page, selector)
    card = card_of(page, claim)
    expect(card).to_be_visible()
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    expect(marker(page, claim)).to_be_focused()
    # Into the card with Enter, then Esc: the focus goes back to the marker.
    page.keyboard.press("Shift+Tab")
    tab_to(page, selector)
    expect(card).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.closest('[role=dialog]') !== null")
    page.keyboard.press("Escape")
    expect(card).to_be_hidden()
    expect(marker(page, claim)).to_be_focused()


@pytest.fixture(params=["light", "dark"])
def phone_reader(request, browser, edition):
    with reading(browser, edition, color_scheme=request.param, **PHONE) as opened:
        yield opened


def tap_open(page, claim: str):
    marker(page, claim).tap()
    card = card_of(page, claim)
    expect(card).to_be_visible()
    return card


def test_a_tap_opens_a_sheet_below_the_passage_with_a_close_button(phone_reader):
    page = phone_reader.page
    page.goto(phone_reader.edition.url(ARTICLE))
    claim = claims_sharing_a_source(page)[-1]
    card = tap_open(page, claim)
    expect(page).to_have_url(phone_reader.edition.url(ARTICLE))  # the reader stays at the sentence
    sheet, height = card.bounding_box(), page.viewport_size["height"]
    assert abs(sheet["y"] + sheet["height"] - height) < 1 and sheet["width"] == page.viewport_size["width"]
    passage_end = marker(page, claim).bounding_box()
    assert 0 <= passage_end["y"] and passage_end["y"] + passage_end["height"] <= sheet["y"], "the sheet hides the words"
    card.get_by_role("button", name="Close").tap()
    expect(card).to_be_hidden()
    expect(marker(page, claim)).to_be_focused()


def test_a_tap_outside_the_sheet_only_closes_it_and_scrolling_away_closes_it(phone_reader):
    page = phone_reader.page
    page.goto(phone_reader.edition.url(ARTICLE))
    claim = claims_sharing_a_source(page)[0]
    card = tap_open(page, claim)
    paragraph_links = page.locator("article p a[href]:not(.claim-marker):not(.paragraph-link)")
    above = [index for index in range(paragraph_links.count())
             if 0 < (paragraph_links.nth(index).bounding_box() or {"y": -1})["y"] < card.bounding_box()["y"] - 30]
    assert above, "no link on screen above the sheet"
    link = paragraph_links.nth(above[-1])
    link.tap()
    expect(card).to_be_hidden()
    expect(page).to_have_url(phone_reader.edition.url(ARTICLE))
    tap_open(page, claim)
    page.mouse.wheel(0, 3 * page.viewport_size["height"])
    expect(card).to_be_hidden()


def test_a_second_tap_on_the_marker_goes_to_its_claim_in_the_list(phone_reader):
    page = phone_reader.page
    page.goto(phone_reader.edition.url(ARTICLE))
    claim = claims_sharing_a_source(page)[-1]
    tap_open(page, claim)
    marker(page, claim).tap()
    expect(page).to_have_url(re.compile(f"#cite:{claim}$"))
    expect(page.locator(f'[id="cite:{claim}"]')).to_be_in_viewport()


def test_after_a_tap_the_keyboard_enters_the_card_and_its_link_leads_to_the_note(browser, hosted):
    with reading(browser, hosted, **PHONE) as reader:
        reader.page.goto(hosted.url(ARTICLE))
        claim = claims_sharing_a_source(reader.page)[0]
        card = tap_open(reader.page, claim)
        expect(marker(reader.page, claim)).to_be_focused()
        reader.page.keyboard.press("Enter")
        assert reader.page.evaluate("() => Boolean(document.activeElement.closest('[role=dialog]'))")
        card.get_by_role("link", name=re.compile("^Full note")).focus()
        reader.page.keyboard.press("Enter")
        expect(reader.page).to_have_url(re.compile(f"#cite:{claim}$"))


def test_a_mouse_click_on_a_marker_goes_straight_to_its_claim(reader):
    reader.page.goto(reader.edition.url(ARTICLE))
    claim = claims_sharing_a_source(reader.page)[-1]
    marker(reader.page, claim).click()
    expect(reader.page).to_have_url(re.compile(f"#cite:{claim}$"))


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_without_javascript_a_marker_leads_to_its_claim_and_highlights_it(browser, edition, device):
    options = PHONE if device == "phone" else DESKTOP
    with reading(browser, edition, java_script_enabled=False, **options) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        claim = claims_sharing_a_source(page)[-1]
        marker(page, claim).tap() if device == "phone" else marker(page, claim).click()
        expect(page).to_have_url(re.compile(f"#cite:{claim}$"))
        entry = page.locator(f'[id="cite:{claim}"]')
        expect(entry).to_be_in_viewport()
        assert_highlighted(page, f"cite:{claim}")


def assert_highlighted(page, element_id: str) -> None:
    """The element is the page's target and has a background that the elements around it do not."""
    # From file:// the fragment can become the target a moment after the page shows: wait for it.
    page.wait_for_function("id => document.getElementById(id).matches(':target')", arg=element_id)
    backgrounds = page.evaluate("""id => {
        const element = document.getElementById(id);
        return [element.matches(":target"), getComputedStyle(element).backgroundColor,
                getComputedStyle(element.parentElement).backgroundColor];
    }""", element_id)
    targeted, own, around = backgrounds
    assert targeted and own not in ("rgba(0, 0, 0, 0)", around), backgrounds


# The footnote list


@pytest.mark.parametrize("options", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_marker_and_back_link_is_a_target_of_at_least_24_pixels(browser, edition, options):
    with reading(browser, edition, **options) as reader:
        reader.page.goto(edition.url(ARTICLE))
        sizes = reader.page.evaluate("""() => [...document.querySelectorAll(
                '[role="doc-noteref"], [role="doc-backlink"], a.paragraph-link')]
            .map(link => { const box = link.getBoundingClientRect();
                           return [link.getAttribute("href"), Math.round(box.width * 10) / 10, Math.round(box.height * 10) / 10]; })""")
        assert sizes
        assert [size for size in sizes if size[1] < 24 or size[2] < 24] == []


def test_back_links_are_visible_one_per_claim(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    for claims in page.evaluate(CLAIMS_BY_FOOTNOTE):
        for claim in claims:
            back = page.locator(f'[id="cite:{claim}"] [role="doc-backlink"]')
            expect(back).to_have_text("^")
            expect(back).to_be_visible()
            expect(back).to_have_css("opacity", "1")
            assert float(back.evaluate("link => getComputedStyle(link).fontSize").removesuffix("px")) >= 12


def test_a_marker_lands_on_its_own_claim_and_the_key_comes_before_the_list(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    claim = claims_sharing_a_source(page)[-1]
    page.locator(f'[id="fnref:{claim}"] > a').evaluate("link => link.click()")
    expect(page.locator(f'[id="cite:{claim}"]')).to_be_in_viewport()
    assert_highlighted(page, f"cite:{claim}")
    for name, (_, meanings) in JUDGEMENTS.items():
        key = page.locator(f'[role="doc-endnotes"] .judgement-key--{name.replace("_", "-")}')
        expect(key).to_be_visible()
        assert key.evaluate("""key => key.compareDocumentPosition(key.parentElement.querySelector("ol"))
                              & Node.DOCUMENT_POSITION_FOLLOWING""")
        for value, meaning in meanings.items():
            expect(key.locator(f".judgement--{value} + .judgement-meaning")).to_have_text(meaning)


# The summary of claims under the title


@pytest.mark.parametrize("options", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_summary_opens_without_javascript_on_a_table_whose_rows_lead_to_the_passages(browser, edition, options):
    with reading(browser, edition, java_script_enabled=False, **options) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        summary = page.locator("details.claims-summary")
        expect(summary).to_be_in_viewport()
        rows = summary.locator("tbody tr")
        expect(rows.first).to_be_hidden()
        summary.locator("summary").click()
        expect(rows).to_have_count(page.locator("sup.annotation-marker").count())
        right = summary.evaluate("""summary => Math.max(...[summary, ...summary.querySelectorAll("*")]
            .map(element => element.getBoundingClientRect().right))""")
        assert right <= page.viewport_size["width"]
        row = rows.last
        claim = row.get_by_role("link").get_attribute("href")[1:]
        row.get_by_role("link").click()
        expect(page).to_have_url(re.compile(f"#{claim}$"))
        expect(page.locator(f'[id="{claim}"]')).to_be_in_viewport()
        assert_highlighted(page, claim)


@pytest.mark.parametrize("note_id", ["fn:50%", "fn:100%25", "fn:é"])
def test_a_footnote_whose_id_holds_a_percent_sign_opens_its_card_without_an_error(reader, note_id):
    """An article's own footnote `[^50%]` gets the id `fn:50%`, which the marker's hash holds as it is: decoding
    it as a URI threw, and no card opened. (The console stays free of errors: `reader` fails the test otherwise.)"""
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    page.evaluate("""id => {
        const paragraph = document.querySelector("article p");
        const sup = document.createElement("sup");
        sup.id = "fnref:made";
        sup.innerHTML = '<a class="footnote-ref" href="#">9</a>';
        sup.firstChild.setAttribute("href", "#" + id);
        paragraph.append(sup);
        const note = document.createElement("li");
        note.id = id;
        note.textContent = "A note of the article's own.";
        document.querySelector("article").append(note);
    }""", note_id)
    page.locator('[id="fnref:made"] > a').hover()
    expect(page.locator("#claim-card")).to_contain_text("A note of the article's own.")
