"""The site on a 390-pixel-wide phone, and on paper."""

from __future__ import annotations

from playwright.sync_api import expect

from browser_fixtures import DESKTOP, PHONE, reading
from conftest import ARTICLE
from test_reading_in_browser import PAGE_OF_EVERY_KIND, RUTTE, RUTTE_MARKER

#: Elements whose right edge passes the viewport, unless a container clips or scrolls them on purpose.
OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth, found = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
        let parent = element.parentElement, contained = false;
        for (; parent && parent !== document.body; parent = parent.parentElement) {
            if (getComputedStyle(parent).overflowX !== "visible") { contained = true; break; }
        }
        if (!contained) found.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(box.right)}px`);
    }
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls to ${document.documentElement.scrollWidth}px`);
    return found;
}"""


def test_nothing_overflows_a_390_pixel_screen(browser, hosted):
    with reading(browser, hosted, **PHONE) as reader:
        overflowing = {}
        for url in map(hosted.url, PAGE_OF_EVERY_KIND):
            reader.page.goto(url)
            overflowing[url] = reader.page.evaluate(OVERFLOWING)
        assert {url: found for url, found in overflowing.items() if found} == {}


def test_print_keeps_the_footnotes_their_attributions_and_where_links_go(browser, hosted):
    with reading(browser, hosted, **DESKTOP) as reader:
        page = reader.page
        page.goto(hosted.url(ARTICLE))
        page.emulate_media(media="print")
        notes = page.locator('[role="doc-endnotes"]')
        expect(notes).to_be_visible()
        expect(page.locator(RUTTE_MARKER)).to_be_visible()
        entry = notes.locator(f'[id="cite:{RUTTE}"]')
        expect(entry).to_be_visible()
        for words in ("Who: Mark Rutte", "How: direct quote", "How sure: confirmed", "Editor’s note:"):
            expect(entry).to_contain_text(words)
        printed_targets = page.evaluate("""() => [...document.querySelectorAll('[role="doc-endnotes"] a[href^="http"]')]
            .map(link => [link.getAttribute("href"), getComputedStyle(link, "::after").content])""")
        assert len(printed_targets) >= 10
        assert [href for href, after in printed_targets if href not in after] == []
        page.emulate_media(media="screen")
        assert page.evaluate("getComputedStyle(document.querySelector('[role=\"doc-endnotes\"] a[href^=\"http\"]'), "
                             "'::after').content") == "none"
