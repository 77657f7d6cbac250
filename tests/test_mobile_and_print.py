"""The site on a 390-pixel-wide phone, and on paper."""

from __future__ import annotations

import datetime
import io
import unicodedata

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

import offline_edition

from browser_fixtures import DESKTOP, PHONE, reading
from conftest import ARTICLE
from project_data import site_urls
from test_reading_in_browser import PAGE_OF_EVERY_KIND, RUTTE, RUTTE_MARKER, judgements_said

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
        for words in ("Who: Mark Rutte", "How: direct quote", *judgements_said(), "What was said:", "Editor’s note:"):
            expect(entry).to_contain_text(words)
        printed_targets = page.evaluate("""() => [...document.querySelectorAll('[role="doc-endnotes"] a[href^="http"]')]
            .map(link => [link.getAttribute("href"), getComputedStyle(link, "::after").content])""")
        assert len(printed_targets) >= 10
        assert [href for href, after in printed_targets if href not in after] == []
        page.emulate_media(media="screen")
        assert page.evaluate("getComputedStyle(document.querySelector('[role=\"doc-endnotes\"] a[href^=\"http\"]'), "
                             "'::after').content") == "none"


def printed_pages(page, paper: str) -> list[str]:
    """The text of each page of the PDF that Chromium prints the open page to, white space folded."""
    pdf = PdfReader(io.BytesIO(page.pdf(format=paper, margin={side: "1cm" for side in ("top", "right", "bottom", "left")})))
    return [" ".join(sheet.extract_text().split()) for sheet in pdf.pages]


@pytest.mark.parametrize("paper", ["A4", "Letter", "A5"])
def test_on_paper_the_sources_start_with_their_first_footnote_and_every_glyph_prints(browser, edition, paper):
    with reading(browser, edition, **DESKTOP) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        heading = page.locator('[role="doc-endnotes"] h2').inner_text()
        first_footnote = " ".join(page.locator('[role="doc-endnotes"] > ol.claim-notes > li .claim-lead').first
                                  .inner_text().split()[:4])
        sheets = printed_pages(page, paper)
        starts = [number for number, text in enumerate(sheets) if heading in text]
        assert len(starts) == 1
        assert first_footnote in sheets[starts[0]].split(heading, 1)[1], "the heading is left at the foot of a page"
        # A character no font on the machine can draw prints as the empty box of glyph 0, read back as U+0000;
        # and no symbol beyond ASCII (arrows, pictographs) that another machine's fonts may lack is printed.
        assert [text for text in sheets if "\x00" in text or "\ufffd" in text] == []
        assert {c for text in sheets for c in text if unicodedata.category(c) in ("Sm", "So") and not c.isascii()} == set()


def test_the_first_printed_page_says_where_the_page_is_published_and_when_the_site_was_built(browser, edition):
    with reading(browser, edition, **DESKTOP) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        address = site_urls().page(ARTICLE)  # the hosted page, in the offline edition too (whose pages end in .html)
        expect(page.locator(".printed-from")).to_be_hidden()  # on screen
        first = "".join(printed_pages(page, "A4")[0].split())
        assert f"Thispage:{address}" in first
        built = datetime.date.fromisoformat(page.locator(".printed-from data").get_attribute("value"))
        if edition.name == "offline":  # built at the date of the last commit (SOURCE_DATE_EPOCH)
            commit = datetime.datetime.fromtimestamp(offline_edition.source_date_epoch(), datetime.timezone.utc)
            assert built == commit.date()
        assert f"Sitebuilt{built.day}{built.strftime('%B')}{built.year}" in first


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_word_of_the_article_prints_black(browser, edition, scheme):
    with reading(browser, edition, color_scheme=scheme, **DESKTOP) as reader:
        page = reader.page
        page.goto(edition.url(ARTICLE))
        page.emulate_media(media="print")
        page.wait_for_function("() => document.getAnimations().length === 0")  # links fade to their print colour
        colours = page.evaluate("""() => {
            const found = {};
            for (const element of document.querySelectorAll("article *")) {
                const words = [...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
                if (!words || !element.checkVisibility()) continue;
                const colour = getComputedStyle(element).color;
                found[colour] = (found[colour] || []).concat(element.tagName.toLowerCase() + "." + element.className);
            }
            return found;
        }""")
        assert list(colours) == ["rgb(0, 0, 0)"], {colour: names[:5] for colour, names in colours.items()}
