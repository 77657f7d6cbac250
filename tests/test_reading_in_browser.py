"""Reading the site in Debian's Chromium, as hosted on 127.0.0.1 and as unzipped on file://.

Every test here runs on both editions; the `reader` fixture fails a test whose pages asked for
anything outside the edition or logged a console error.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from conftest import ARTICLE

RUTTE = "rutte-growing-desperation"
RUTTE_MARKER = f'[id="fnref:{RUTTE}"] a'
RUTTE_BACK_LINK = f'[id="cite:{RUTTE}"] [role="doc-backlink"]'
#: One page of each template and kind (the accessibility test opens every page).
PAGE_OF_EVERY_KIND = ["index.md", ARTICLE, "data.md", "actors/index.md", "actors/nato.md", "people/index.md",
                      "people/mark-rutte.md", "sources/index.md", "sources/nato-2024-10-28.md"]


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement === document.querySelector(selector)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def focus_is_visible(page) -> bool:
    """The focused element shows a solid outline at least 2 CSS pixels thick (WCAG's focus appearance)."""
    return page.evaluate("""() => {
        const element = document.activeElement, style = getComputedStyle(element);
        return element.matches(":focus-visible") && style.outlineStyle === "solid" && parseFloat(style.outlineWidth) >= 2;
    }""")


def test_a_page_of_every_kind_opens_and_stays_on_the_site(reader):
    for number, page in enumerate(PAGE_OF_EVERY_KIND):
        # The first page waits for the network to go quiet, so that what loads after the page
        # (the search worker and its index) is recorded too; the others load the same.
        reader.page.goto(reader.edition.url(page), wait_until="networkidle" if number == 0 else "load")
        expect(reader.page.locator("article h1")).to_be_visible()


def test_hovering_a_footnote_marker_shows_the_attribution(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    marker = page.locator(RUTTE_MARKER)
    marker.hover()
    tooltip = page.get_by_role("dialog", name=marker.get_attribute("aria-label"))
    expect(tooltip).to_be_visible()
    for words in ("NATO", "Who: Mark Rutte", "How: direct quote", "How sure: confirmed"):
        expect(tooltip).to_contain_text(words)


def expect_landed_on_rutte_passage(page) -> None:
    """The passage of Rutte's words is on screen and is the page's target (highlighted)."""
    passage = page.locator(f'[id="{RUTTE}"]')
    expect(passage).to_be_in_viewport()
    # From file:// the fragment can become the target a moment after the page shows: wait for it.
    page.wait_for_function("id => document.getElementById(id).matches(':target')", arg=RUTTE)


def test_the_keyboard_alone_reaches_the_attribution_and_returns_to_the_exact_passage(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    tab_to(page, RUTTE_MARKER)
    assert focus_is_visible(page)
    tooltip = page.get_by_role("dialog", name=page.locator(RUTTE_MARKER).get_attribute("aria-label"))
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Who: Mark Rutte")

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#fn:nato-2024-10-28$"))
    expect(page.locator('[id="fn:nato-2024-10-28"]')).to_be_in_viewport()

    tab_to(page, RUTTE_BACK_LINK)
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#{RUTTE}$"))
    expect_landed_on_rutte_passage(page)


def test_searching_rutte_leads_to_the_passage(reader):
    page = reader.page
    page.goto(reader.edition.url("index.md"))
    search_box = page.get_by_role("textbox", name="Search")
    search_box.click()
    # The search says so once its index is loaded; words typed before that are not searched.
    expect(page.get_by_role("dialog", name="Search")).to_contain_text("Type to start searching")
    search_box.press_sequentially("Rutte")
    results = page.get_by_role("dialog", name="Search").get_by_role("link")
    result = results.filter(has_text="troop deployment to assist Russia")
    expect(result.first).to_be_visible()
    result.first.click()
    expect(page.locator(f'[id="{RUTTE}"] mark')).to_have_text("Rutte")


def test_an_actor_link_leads_to_the_actor_page_and_its_entry_back_to_the_exact_passage(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    paragraph = page.locator("p").filter(has=page.locator(f'[id="{RUTTE}"]'))
    paragraph.get_by_role("link", name="NATO", exact=True).click()
    expect(page).to_have_url(reader.edition.url("actors/nato.md"))
    expect(page.get_by_role("heading", level=1)).to_have_text("NATO")

    page.get_by_role("article").get_by_role("link", name="growing desperation").click()
    expect(page).to_have_url(reader.edition.url(f"{ARTICLE}#{RUTTE}"))
    expect_landed_on_rutte_passage(page)


def test_the_relations_map_is_reached_by_keyboard_and_its_nodes_lead_to_the_actors(reader):
    page = reader.page
    page.goto(reader.edition.url("actors/index.md"))
    node = 'svg a[href*="north-korea"]'
    tab_to(page, node)
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(reader.edition.url("actors/north-korea.md"))
    expect(page.get_by_role("heading", level=1)).to_have_text("North Korea")
