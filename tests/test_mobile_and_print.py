"""The site on a 390-pixel-wide phone, and on paper."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

import static_server
from browser_fixtures import Edition, reading
from conftest import ARTICLE, PROJECT, copy_project, run_mkdocs_build, site_url
from test_reading_in_browser import PAGE_OF_EVERY_KIND, RUTTE, RUTTE_MARKER

#: How long footnote-taps.js waits for a tooltip before a tap follows the link.
TAP_PATIENCE_MS = int(re.search(r"PATIENCE = (\d+);", (PROJECT / "docs/assets/footnote-taps.js").read_text()).group(1))
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}

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


def tap_rutte_marker(page, edition):
    """Open the article on the phone and tap the marker after Rutte's words: (marker, its footnote's tooltip)."""
    page.goto(edition.url(ARTICLE))
    marker = page.locator(RUTTE_MARKER)
    marker.tap()
    footnote = page.get_by_role("dialog", name=marker.get_attribute("aria-label"))
    expect(footnote).to_be_visible()
    return marker, footnote


def test_a_tap_on_a_footnote_marker_opens_the_footnote_beside_the_sentence(browser, edition):
    with reading(browser, edition, **PHONE) as reader:
        _, footnote = tap_rutte_marker(reader.page, edition)
        expect(footnote).to_be_in_viewport()
        expect(footnote).to_contain_text("Mark Rutte")
        reader.page.wait_for_timeout(TAP_PATIENCE_MS + 200)  # past the moment a tap with no tooltip follows the link
        expect(reader.page).to_have_url(edition.url(ARTICLE))  # the reader stays at the sentence
        expect(footnote).to_be_in_viewport()


def test_after_a_tap_the_keyboard_follows_the_marker_as_a_link(browser, hosted):
    with reading(browser, hosted, **PHONE) as reader:
        marker, _ = tap_rutte_marker(reader.page, hosted)
        expect(marker).to_be_focused()
        reader.page.keyboard.press("Enter")
        expect(reader.page).to_have_url(re.compile(r"#fn:nato-2024-10-28$"))


def test_a_second_tap_on_the_marker_goes_to_the_footnote_in_the_list(browser, edition):
    with reading(browser, edition, **PHONE) as reader:
        marker, _ = tap_rutte_marker(reader.page, edition)
        marker.tap()
        expect(reader.page).to_have_url(re.compile(r"#fn:nato-2024-10-28$"))
        attribution = reader.page.locator(f'[role="doc-endnotes"] [id="cite:{RUTTE}"]')
        expect(attribution).to_be_in_viewport()
        expect(attribution).to_contain_text("Who: Mark Rutte")


def test_a_mouse_click_on_a_marker_still_goes_straight_to_the_footnote(browser, hosted):
    with reading(browser, hosted) as reader:
        reader.page.goto(hosted.url(ARTICLE))
        reader.page.locator(RUTTE_MARKER).click()
        expect(reader.page).to_have_url(re.compile(r"#fn:nato-2024-10-28$"))


def test_without_tooltips_a_tap_still_reaches_the_footnote(browser, tmp_path):
    """A theme (or configuration) with no footnote tooltips: the tap must not be swallowed."""
    project = copy_project(tmp_path / "project")
    configuration = project / "mkdocs.yml"
    text = configuration.read_text(encoding="utf-8")
    assert "    - content.footnote.tooltips\n" in text
    configuration.write_text(text.replace("    - content.footnote.tooltips\n", ""), encoding="utf-8")
    site = tmp_path / "site"
    built = run_mkdocs_build(project, site)
    assert built.returncode == 0, built.stderr
    with static_server.serve(site, base_path=urlsplit(site_url()).path or "/") as root:
        edition = Edition("without tooltips", root, site, directory_urls=True)
        with reading(browser, edition, **PHONE) as reader:
            reader.page.goto(edition.url(ARTICLE))
            reader.page.locator(RUTTE_MARKER).tap()
            expect(reader.page).to_have_url(re.compile(r"#fn:nato-2024-10-28$"))
            expect(reader.page.locator(f'[role="doc-endnotes"] [id="cite:{RUTTE}"]')).to_be_in_viewport()


def test_print_keeps_the_footnotes_their_attributions_and_where_links_go(browser, hosted):
    with reading(browser, hosted) as reader:
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
