"""What reading an article costs, measured in Chromium on a built site: the Tab presses from the top of the page to
the first back-link, where the first paragraph starts on a 390x844 phone, the words a claim's card shows before
its details, and how many claims have a margin note beside their passage on a 1680-pixel screen.

    .venv/bin/python tools/reading_figures.py [SITE_DIR]

SITE_DIR is a site built by `make build` (default `site/`); it is served on 127.0.0.1 as a static host serves it.
The browser tests (tests/test_reading_surfaces.py) run the same measures on both editions and hold them to the
targets below.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from urllib.parse import urlsplit

from static_server import serve, site_url

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 3}
WIDE = {"viewport": {"width": 1680, "height": 1000}}
DESKTOP = {"viewport": {"width": 1400, "height": 1000}}

#: The targets: at most this many Tab presses to the first back-link, the first paragraph at most this far down
#: the phone's screen, a card's median words before its details under this.
MAX_TABS, MAX_FIRST_PARAGRAPH_Y, MAX_CARD_WORDS = 60, 450, 80

FIRST_PARAGRAPH_Y = """() => {
    const paragraph = document.querySelector('article p[id^="p-"]');
    return paragraph.getBoundingClientRect().top;
}"""

#: For each claim marker, the words its card shows before its details (its title and the links to copy aside).
CARD_WORDS = """() => [...document.querySelectorAll("a.claim-marker")].map(marker => {
    document.dispatchEvent(new CustomEvent("claimcard:open", {detail: {marker}}));
    const body = document.querySelector("#claim-card .claim-card__body");
    let words = 0;
    for (const part of body.children) {
        if (part.matches(".claim-card__details, .claim-card__actions")) break;
        words += part.textContent.trim().split(/\\s+/).filter(Boolean).length;
    }
    return words;
})"""

#: Each margin note: whether it is level with some line of its passage, and whether it overlaps another note.
MARGIN_NOTES = """() => {
    const notes = [...document.querySelectorAll(".margin-note")].filter(note => note.getClientRects().length);
    const boxes = notes.map(note => note.getBoundingClientRect());
    return {
        claims: document.querySelectorAll("a.claim-marker").length,
        notes: notes.length,
        beside: notes.filter((note, index) => {
            const box = boxes[index];
            return [...document.getElementById(note.dataset.claim).getClientRects()]
                .some(line => line.top < box.bottom && box.top < line.bottom);
        }).length,
        overlapping: boxes.filter((a, i) => boxes.some((b, j) => i !== j && a.top < b.bottom && b.top < a.bottom)).length,
        rightOfText: notes.every((note, index) => boxes[index].left >= document.getElementById(note.dataset.claim)
            .closest("p, li, blockquote").getBoundingClientRect().right),
    };
}"""


def tabs_to_first_back_link(page, limit: int = 400) -> int:
    """Tab presses from the top of the loaded page until the first back-link has the focus."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement === document.querySelector('[role=\"doc-backlink\"]')"):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached a back-link")


def measure(browser, article_url: str) -> dict:
    """Every figure, for the article at `article_url`."""
    figures: dict = {}
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(article_url)
    figures["tabs_to_first_back_link"] = tabs_to_first_back_link(page)
    page.goto(article_url)
    words = page.evaluate(CARD_WORDS)
    figures["card_words"] = words
    figures["card_words_median"] = statistics.median(words)
    context.close()
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(article_url)
    figures["phone_first_paragraph_y"] = round(page.evaluate(FIRST_PARAGRAPH_Y))
    context.close()
    context = browser.new_context(**WIDE)
    page = context.new_page()
    page.goto(article_url)
    page.wait_for_load_state("load")
    figures["margin_at_1680"] = page.evaluate(MARGIN_NOTES)
    context.close()
    return figures


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    site_dir = Path(argv[0]) if argv else PROJECT / "site"
    article = next(iter(sorted((PROJECT / "data" / "articles").glob("*.yml")))).stem
    with serve(site_dir, base_path=urlsplit(site_url(PROJECT / "mkdocs.yml")).path or "/") as root, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        figures = measure(browser, f"{root}articles/{article}/")
        browser.close()
    margin = figures["margin_at_1680"]
    print(f"Tab presses from the top to the first back-link: {figures['tabs_to_first_back_link']} "
          f"(target at most {MAX_TABS})")
    print(f"First paragraph on a 390x844 phone: y = {figures['phone_first_paragraph_y']} px "
          f"(target at most {MAX_FIRST_PARAGRAPH_Y})")
    print(f"Card words before the details: median {figures['card_words_median']} (each: {figures['card_words']}; "
          f"target under {MAX_CARD_WORDS})")
    print(f"Margin at 1680 px: {margin['beside']} of {margin['claims']} claims have a note beside their passage "
          f"({margin['notes']} notes, {margin['overlapping']} overlapping another, all right of the text: "
          f"{margin['rightOfText']})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
