"""axe-core, run in Chromium on the hosted edition: no violation of any impact on any page.

axe audits every article and, of every other kind of page (the home page, the Data page, each
index, actor, person and source pages), the largest: pages of one kind come from one template and
one generator, and the largest carries the most of what they can hold. On the seed's site that
selection applies the same 48 axe rules as auditing all 39 pages, in a third of the time.
"""

from __future__ import annotations

import contextlib

from axe_playwright_python.base import AXE_SCRIPT  # the axe-core build the package ships
from playwright.sync_api import expect

from browser_fixtures import reading
from conftest import ARTICLE
from project_data import project_site
from test_reading_in_browser import RUTTE_MARKER

#: Pages checked in the dark scheme too: the home page and the article (axe takes seconds on a long page).
DARK_SCHEME_PAGES = ["index.md", ARTICLE]


@contextlib.contextmanager
def auditing(browser, edition, **context_options):
    """`reading`, with axe-core loaded into every page as it opens (once per page, not per call)."""
    with reading(browser, edition, **context_options) as reader:
        reader.page.context.add_init_script(AXE_SCRIPT)
        yield reader


def violations(page, within: str | None = None) -> list[str]:
    """One line per rule axe finds broken on the page as it stands (or in the element `within`
    selects), naming the elements."""
    found = page.evaluate("within => axe.run(within || document, {resultTypes: ['violations']})"
                          ".then(results => results.violations)", within)
    return [f"{v['id']} ({v['impact']}): {v['help']}: " + ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in found]


def until_opaque(page, selector: str) -> None:
    """Wait until the element `selector` picks, and every element around it, is fully opaque: a
    tooltip fades in over a quarter of a second, and axe measures contrast against what it sees,
    so text caught half-faded fails a rule it passes once shown."""
    page.wait_for_function("""selector => {
        for (let node = document.querySelector(selector); node; node = node.parentElement) {
            if (getComputedStyle(node).opacity !== "1") return false;
        }
        return document.querySelector(selector) !== null;
    }""", arg=selector)


def violations_by_page(reader, urls: list[str]) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        reader.page.goto(url)
        found[url] = violations(reader.page)
    return {url: rules for url, rules in found.items() if rules}


def page_of_every_kind(edition) -> list[str]:
    """Every article, and the largest page of every other kind (a kind: a generated page's folder, or one page)."""
    kinds: dict[str, list[tuple[int, str]]] = {}
    for url in edition.pages():
        relative = url[len(edition.root):]
        path = edition.site_dir / (relative + "index.html" if edition.directory_urls else relative)
        folder, _, rest = relative.partition("/")
        is_article = folder == "articles" and rest not in ("", "index.html")
        kind = relative if is_article or not rest or rest == "index.html" else folder
        kinds.setdefault(kind, []).append((path.stat().st_size, url))
    return sorted(max(pages)[1] for pages in kinds.values())


def test_no_page_of_any_kind_and_no_article_has_an_accessibility_violation(browser, hosted):
    pages = page_of_every_kind(hosted)
    site = project_site()
    assert {hosted.url(path) for path in site.articles} <= set(pages)
    for kind, entries in (("actors", site.actors), ("people", site.people), ("sources", site.sources)):
        assert hosted.url(f"{kind}/index.md") in pages
        assert len([url for url in pages if url.startswith(hosted.url(f"{kind}/index.md"))]) == 1 + bool(entries)
    with auditing(browser, hosted) as reader:
        assert violations_by_page(reader, pages) == {}


def test_the_dark_scheme_has_no_accessibility_violation(browser, hosted):
    with auditing(browser, hosted, color_scheme="dark") as reader:
        assert violations_by_page(reader, [hosted.url(page) for page in DARK_SCHEME_PAGES]) == {}


def test_an_open_footnote_tooltip_has_no_accessibility_violation(browser, hosted):
    with auditing(browser, hosted) as reader:
        reader.page.goto(hosted.url(ARTICLE))
        marker = reader.page.locator(RUTTE_MARKER)
        marker.hover()
        name = marker.get_attribute("aria-label")
        expect(reader.page.get_by_role("dialog", name=name)).to_be_visible()
        dialog = f'[role="dialog"][aria-label="{name}"]'
        until_opaque(reader.page, dialog)
        assert violations(reader.page, within=dialog) == []


def test_a_missing_address_gets_the_404_page_with_no_violation_and_a_way_on(browser, hosted):
    with auditing(browser, hosted) as reader:
        response = reader.page.goto(hosted.root + "no-such-page/")
        assert response.status == 404
        expect(reader.page.get_by_role("heading", level=1)).to_have_text("Page not found")
        assert violations(reader.page) == []
        # Chromium logs the page's own 404 status as an error; any other error still fails the test.
        reader.console_errors.remove("Failed to load resource: the server responded with a status of 404 (Not Found)")
        reader.page.get_by_role("article").get_by_role("link", name="troop deployment to assist Russia").click()
        expect(reader.page).to_have_url(hosted.url(ARTICLE))
