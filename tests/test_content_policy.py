"""A Content Security Policy on every page of both editions: only the site's own scripts and styles run.

The policy is a `<meta http-equiv>` first in each page's head, with the SHA-256 of each inline script
the page carries. In Chromium, a page of every kind, search (a Web Worker, or on file:// a frame that
stands in for one) and the footnote tooltips run without one violation; a script that is not the
page's own is refused.
"""

from __future__ import annotations

import base64
import hashlib

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser_fixtures import reading
from conftest import ARTICLE, soup_of
from test_reading_in_browser import PAGE_OF_EVERY_KIND, RUTTE_MARKER

REQUIRED = ["default-src 'self'", "style-src 'self'", "img-src 'self' data:", "object-src 'none'",
            "base-uri 'self'", "form-action 'none'"]
#: Run in every document and frame before its own scripts: records each violation in the top window.
RECORD_VIOLATIONS = """addEventListener("securitypolicyviolation", event => {
    (top.__violations = top.__violations || []).push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
}, true);"""


def policy_of(soup) -> str:
    (meta,) = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
    return meta["content"]


@pytest.mark.parametrize("edition_site", ["built_site", "offline_site"])
@pytest.mark.build  # the site comes from a fixture asked for by name
def test_every_page_has_the_policy_before_any_script_with_the_hash_of_each_inline_script(request, edition_site):
    site = request.getfixturevalue(edition_site)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    for path in pages:
        soup = soup_of(path)
        policy = policy_of(soup)
        assert all(directive in policy for directive in REQUIRED), (path, policy)
        meta = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta.find_all_previous("script") == [] and meta.parent.name == "head", path
        script_sources = next(d for d in policy.split("; ") if d.startswith("script-src")).split()[1:]
        assert "'unsafe-inline'" not in script_sources and "'unsafe-eval'" not in script_sources
        inline = [script.string or "" for script in soup.find_all("script", src=False)
                  if script.get("type", "text/javascript") in ("text/javascript", "module")]
        expected = {"'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
                    for text in inline}
        assert set(script_sources) == {"'self'"} | expected, path


def violations(page) -> list[str]:
    return page.evaluate("() => top.__violations || []")


def test_every_kind_of_page_search_and_tooltips_run_without_a_violation(browser, edition):
    with reading(browser, edition) as reader:
        page = reader.page
        page.context.add_init_script(RECORD_VIOLATIONS)
        found = {}
        for kind in PAGE_OF_EVERY_KIND:
            page.goto(edition.url(kind), wait_until="networkidle")
            expect(page.locator("article h1")).to_be_visible()
            found[kind] = violations(page)
        page.goto(edition.url(ARTICLE))
        page.locator(RUTTE_MARKER).hover()
        expect(page.get_by_role("dialog", name=page.locator(RUTTE_MARKER).get_attribute("aria-label"))).to_be_visible()
        search_box = page.get_by_role("textbox", name="Search")
        search_box.click()
        expect(page.get_by_role("dialog", name="Search")).to_contain_text("Type to start searching")
        search_box.press_sequentially("Rutte")
        expect(page.get_by_role("dialog", name="Search").get_by_role("link").first).to_be_visible()
        found["search and tooltip"] = violations(page)
    assert {kind: found_ for kind, found_ in found.items() if found_} == {}


def test_a_script_that_is_not_the_pages_own_is_refused(browser, hosted):
    with reading(browser, hosted) as reader:
        page = reader.page
        page.context.add_init_script(RECORD_VIOLATIONS)
        page.goto(hosted.url(ARTICLE))
        page.evaluate("""() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.body.append(script);
            document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.__ran = true">');
        }""")
        page.wait_for_function("() => (top.__violations || []).length >= 2")
        assert page.evaluate("() => window.__ran") is None
        assert [v.split()[0] for v in violations(page)][:2] == ["script-src-elem", "script-src-attr"]
        reader.console_errors.clear()  # the refusals, which Chromium logs as errors: what this test wants


def test_a_script_in_the_pages_own_content_gets_no_hash_only_the_themes_do():
    from annotated_article.site.finished_pages import finished

    content = "<p>Words</p><script>alert(document.cookie)</script>"
    page = (f'<html><head><meta charset="utf-8"><script>theme()</script></head><body><article>{content}</article>'
            '</body></html>')
    policy = policy_of(BeautifulSoup(finished(page, content=content), "html.parser"))
    sources = next(d for d in policy.split("; ") if d.startswith("script-src")).split()[1:]

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert digest("theme()") in sources and digest("alert(document.cookie)") not in sources
