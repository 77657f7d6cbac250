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


def test_every_page_opens_and_stays_on_the_site(reader):
    pages = reader.edition.pages()
    assert len(pages) >= 2
    for url in pages:
        reader.page.goto(url, wait_until="networkidle")
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
    passage = page.locator(f'[id="{RUTTE}"]')
    expect(passage).to_be_in_viewport()
    assert passage.evaluate("element => element.matches(':target')")


def test_searching_rutte_leads_to_the_passage(reader):
    page = reader.page
    page.goto(reader.edition.url("index.md"))
    page.get_by_role("textbox", name="Search").fill("Rutte")
    results = page.get_by_role("dialog", name="Search").get_by_role("link")
    result = results.filter(has_text="troop deployment to assist Russia")
    expect(result.first).to_be_visible()
    result.first.click()
    expect(page.locator(f'[id="{RUTTE}"] mark')).to_have_text("Rutte")
