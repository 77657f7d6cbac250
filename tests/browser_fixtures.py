"""Browser fixtures: both editions of the real site, one Debian Chromium per session, and readers
whose every request and console error is recorded.

- hosted: the site built by MkDocs, served on 127.0.0.1 with gzip under the path of `site_url`;
- offline: the zip of `make offline`, unzipped into a temporary folder and opened from file://.

A test that uses `reader` fails if any page it opened requested anything outside its edition
(another host, or for the offline copy anything but files) or logged a console error.
"""

from __future__ import annotations

import contextlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

import offline_edition
import static_server
from conftest import PROJECT, site_url

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
#: How long `expect` waits for a page to reach a state: patience for a busy 2-core machine, not a
#: limit on how fast the site must be.
expect.set_options(timeout=15_000)

#: Addresses a page may ask for without leaving the machine or the page itself.
INTERNAL_SCHEMES = ("data:", "blob:", "about:")


@dataclass
class Edition:
    """One way of reading the site: where its pages are, and what counts as staying on it."""

    name: str
    root: str  # URL of the site's home, ending in `/`
    site_dir: Path
    directory_urls: bool

    def url(self, page: str) -> str:
        """URL of the page built from `docs/<page>` (e.g. `articles/NAME.md`), with an optional #fragment."""
        path, _, fragment = page.partition("#")
        stem = path.removesuffix(".md")
        if self.directory_urls:
            location = "" if stem == "index" else stem.removesuffix("/index") + "/"
        else:
            location = stem + ".html"
        return self.root + location + (f"#{fragment}" if fragment else "")

    def stays_on_site(self, url: str) -> bool:
        return url.startswith(self.root) or url.startswith(INTERNAL_SCHEMES)

    def pages(self) -> list[str]:
        """The URL of every page of this edition, the 404 page aside."""
        urls = []
        for html in sorted(self.site_dir.rglob("*.html")):
            relative = html.relative_to(self.site_dir).as_posix()
            if relative == "404.html":
                continue
            urls.append(self.url(relative.removesuffix(".html") + ".md"))
        return urls


@dataclass
class Reader:
    """A browser tab that records every request it makes and every error it logs."""

    page: object
    edition: Edition
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    @property
    def off_site_requests(self) -> list[str]:
        return [url for url in self.requests if not self.edition.stays_on_site(url)]


def _hosted_path() -> str:
    return urlsplit(site_url()).path or "/"


@pytest.fixture(scope="session")
def offline_zip(tmp_path_factory) -> Path:
    """The offline zip, built the way `make offline` builds it (and published with the site)."""
    return offline_edition.make_offline_zip(tmp_path_factory.mktemp("dist") / "annotated-articles-offline.zip",
                                            PROJECT)


@pytest.fixture(scope="session")
def offline_zips(offline_zip, tmp_path_factory) -> tuple[Path, Path]:
    """The offline zip built twice."""
    return offline_zip, offline_edition.make_offline_zip(tmp_path_factory.mktemp("dist") / "second.zip", PROJECT)


@pytest.fixture(scope="session")
def offline_site(offline_zip, tmp_path_factory) -> Path:
    """The offline edition unzipped somewhere new: the folder holding its index.html."""
    destination = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(destination)
    return destination / offline_edition.TOP_FOLDER


@pytest.fixture(scope="session")
def hosted_root(built_site):
    with static_server.serve(built_site, base_path=_hosted_path()) as root:
        yield root


@pytest.fixture(scope="session")
def hosted(built_site, hosted_root) -> Edition:
    return Edition("hosted", hosted_root, built_site, directory_urls=True)


@pytest.fixture(scope="session")
def offline(offline_site) -> Edition:
    return Edition("offline", offline_site.as_uri() + "/", offline_site, directory_urls=False)


@pytest.fixture(scope="session", params=["hosted", "offline"])
def edition(request) -> Edition:
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def reading(browser, edition: Edition, **context_options) -> Iterator[Reader]:
    """A fresh browser context and tab; on leaving, fails on any off-site request or console error."""
    context = browser.new_context(**context_options)
    try:
        page = context.new_page()
        reader = Reader(page, edition)
        context.on("request", lambda request: reader.requests.append(request.url))
        page.on("console", lambda message: message.type == "error" and reader.console_errors.append(message.text))
        page.on("pageerror", lambda error: reader.console_errors.append(f"uncaught: {error}"))
        yield reader
    finally:
        context.close()
    assert reader.off_site_requests == [], f"the {edition.name} edition left the site"
    assert reader.console_errors == [], f"console errors in the {edition.name} edition"


@pytest.fixture
def reader(browser, edition):
    """A desktop reader of the edition under test."""
    with reading(browser, edition) as opened:
        yield opened
