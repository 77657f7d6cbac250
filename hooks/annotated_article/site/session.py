"""One build of the site: everything the MkDocs events share, declared on one object, made in `on_config`.

`HookState` is what the hook file keeps: whether the site is being served, the `LoadCache` that one load
leaves for the next under `mkdocs serve` (each entry keyed on all it was made from, schemas included), and
the `BuildSession` of the build under way. A `BuildSession` holds the loaded data, the claims of every
article (worked out once, at load), the open data, the offline zip, the build date and the page being
rendered (while MkDocs renders it).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from markupsafe import Markup

from annotated_article.article.loading import LoadCache, load_site
from annotated_article.article.parsing import MarkdownConfig, Placer, PlacingExtension
from annotated_article.article.placement import add_markers, place
from annotated_article.model import SiteData
from annotated_article.open_data.published import OpenData
from annotated_article.render.claims import ArticleClaims, site_claims
from annotated_article.render.corrections import POLICY_PAGE, corrections_line_html, corrections_section_html
from annotated_article.render.footnotes import claims_summary_html, footnotes_html, marker_element
from annotated_article.render.index_pages import generated_pages, with_article_list
from annotated_article.render.navigation import article_contents_html, with_generated_nav
from annotated_article.render.provenance import date_value, dateline_html, under_title
from annotated_article.render.search_entries import SearchEntry, article_entries
from annotated_article.render.site_index import index_site
from annotated_article.render.text import html_format, html_text
from annotated_article.site.incremental import PageRecords
from annotated_article.site.offline_download import OfflineZip, fill
from annotated_article.site_urls import UrlOf, page_path, relative_source_path, relative_url


@dataclass
class BuildSession:
    site: SiteData
    #: Every article's claims, by its path.
    claims: dict[str, ArticleClaims]
    url_of: UrlOf
    open_data: OpenData
    offline: OfflineZip | None = None
    built: str = ""  # the date the site is built, as 2024-11-01
    #: What the Markdown extension does to the page being rendered (None: not an article); set by `begin_page`,
    #: cleared by `end_page`.
    rendering: Placer | None = None

    @classmethod
    def load(cls, data_dir: Path, docs_dir: Path, url_of: UrlOf, open_data: Callable[[SiteData, dict[str, ArticleClaims]], OpenData],
             markdown: MarkdownConfig | None = None, cache: LoadCache | None = None, built: str = "") -> BuildSession:
        """Load and check the data (raises DataErrors), and work out every article's claims once."""
        site = load_site(data_dir, docs_dir, markdown, cache)
        claims = site_claims(site)
        return cls(site, claims, url_of, open_data(site, claims), built=built)

    def extension(self) -> PlacingExtension:
        """The Markdown extension that places each article's annotations as MkDocs renders it."""
        return PlacingExtension(lambda: self.rendering)

    def navigation(self, nav: list | None) -> list | None:
        """`nav` from mkdocs.yml with the generated sections added (None keeps MkDocs' automatic nav)."""
        return None if nav is None else with_generated_nav(nav, self.site)

    def pages(self) -> dict[str, str]:
        """The generated pages (path inside docs/ -> Markdown)."""
        return generated_pages(self.site, self.claims, index_site(self.site, self.claims), self.url_of)

    def begin_page(self, page_path_: str, markdown: str, address: str = "") -> None:
        """The page about to be rendered, from `markdown`: an article's gets its annotations placed, and under
        its title its dateline, a line for paper (where the page is published, `address`, and when the site
        was built) and the summary of its claims. Raises ValueError if an article's Markdown is not the one
        its annotations were placed in."""
        article = self.site.articles.get(page_path_)
        if article is not None and article.plan is not None and markdown != article.plan.source:
            raise ValueError(f"docs/{page_path_} is rendered from other Markdown than the check read (its front "
                             "matter, or a plugin that changes pages' Markdown): its annotations cannot be placed")
        parts = ([html_format("This page: {}", address)] if address else []) + (
            [html_format("Site built {}", date_value(self.built))]
            if self.built else [])
        printed = str(html_format('<div class="printed-from">{}</div>', Markup(" · ").join(parts))) if parts else ""
        self.rendering = None if article is None else _ArticlePlacer(self.claims[page_path_], printed)

    def end_page(self) -> None:
        """The page has been rendered: no Markdown rendered after it is an article's."""
        self.rendering = None

    def page_markdown(self, page_path_: str, markdown: str) -> str:
        """The Markdown MkDocs renders for a page: an article's as it was read (its text is what was annotated);
        any other page's with the offer of the offline zip and the list of every article where it asks for them."""
        if page_path_ in self.site.articles:
            return markdown
        return self.with_article_list(page_path_, fill(markdown, page_path_, self.offline))

    def page_inputs(self, page_path_: str, source: str, title: str | None, page_url: str) -> tuple:
        """What the events make a page from besides the site's templates, navigation and configuration: its
        Markdown as rendered (from `source`, the file's text), for an article the claims view and the plan
        its rendering reads, its description and its head's tags and JSON-LD (for `title`, as MkDocs gave it)."""
        article = self.site.articles.get(page_path_)
        data = (self.claims.get(page_path_), article.plan) if article is not None else None
        head = self.open_data.with_structured_data("<head></head>", page_path_, title or "", page_url)
        return self.page_markdown(page_path_, source), data, self.description(page_path_), head

    def article_search_entries(self, pages: PageRecords | None = None) -> dict[str, list[SearchEntry]]:
        """The search entries of every article that has claims, by its page's URL; given `pages` (under `mkdocs
        serve --dirty`), an article's page that is not rendered again keeps those of its last render (they are made
        from its claims view, which its fingerprint holds)."""
        def entries(path: str, claims: ArticleClaims) -> list[SearchEntry]:
            return article_entries(claims) if pages is None else pages.made_from(path, lambda: article_entries(claims))
        return {self.url_of(path): entries(path, claims) for path, claims in self.claims.items() if claims.footnotes}

    def with_article_list(self, page_path_: str, markdown: str) -> str:
        """A page's Markdown, with the list of every article where it has the line for it (articles aside:
        their Markdown is as published)."""
        return markdown if page_path_ in self.site.articles else \
            with_article_list(markdown, self.site, self.claims, page_path_)

    def description(self, page_path_: str) -> str:
        """The description of a page that has one of its own (an article, an actor, a person, a source), escaped
        for the attribute the theme prints it in as it is; empty for other pages, which have the site's."""
        return html_text(self.open_data.descriptions.get(page_path_, ""))

    def append_footnotes(self, page_path_: str, page_url: str, html: str) -> str:
        claims = self.claims.get(page_path_)
        if claims is None or not claims.footnotes:
            return html

        def link(kind: str, id_: str) -> str:
            return relative_url(page_url, self.url_of(page_path(kind, id_)))

        policy = relative_url(page_url, self.url_of(POLICY_PAGE))
        # After the notes: the section is found from the line under the title, and the notes stay next to the text.
        return html + "\n" + footnotes_html(claims, link) + "\n" + corrections_section_html(claims, policy).rstrip("\n")


@dataclass
class _ArticlePlacer:
    claims: ArticleClaims
    printed: str

    def place(self, root: etree.Element, stash: list) -> None:
        path = self.claims.article.path
        place(self.claims.article.loaded_plan, root, stash,
              lambda actor: relative_source_path(path, page_path("actors", actor)))

    def finish(self, root: etree.Element) -> None:
        add_markers(root, lambda id_: marker_element(self.claims.by_id[id_]))
        under_title(root, article_contents_html(root))  # each goes right under the title: the last put, first read
        if self.claims.footnotes:
            under_title(root, claims_summary_html(self.claims))
        under_title(root, self.printed)
        under_title(root, corrections_line_html(self.claims))  # after the dateline, it points to the notices' section
        under_title(root, dateline_html(self.claims.article))


@dataclass
class HookState:
    """What the hook file keeps from one MkDocs event to the next, and under `mkdocs serve` from one build to
    the next."""

    #: Whether the site is being served (`mkdocs serve` adds an inline live-reload script to every page, which a
    #: content policy would refuse).
    serving: bool = False
    #: What a load leaves for the next one; each entry says what it was made from, so a stale one is never used.
    cache: LoadCache = field(default_factory=LoadCache)
    #: The build under way, from `on_config` on; None before the first and when a load has failed.
    build: BuildSession | None = None
    #: Under `mkdocs serve --dirty`: what each page was made from when it was last written (None: every build
    #: renders every page).
    pages: PageRecords | None = None
    #: The URL MkDocs gives each page, by whether URLs are folders and the page's path: it depends on nothing else
    #: (not on the folders of the build), and a rebuild under `mkdocs serve` asks for all of them again.
    urls: dict[tuple[bool, str], str] = field(default_factory=dict)

    def url(self, path: str, directory_urls: bool, make: Callable[[], str]) -> str:
        """The URL of the page at `path` (inside docs/) made by `make` for `directory_urls`, made once."""
        key = (directory_urls, path)
        if key not in self.urls:
            self.urls[key] = make()
        return self.urls[key]

    def current(self) -> BuildSession:
        if self.build is None:
            raise RuntimeError("no build is under way: on_config has not loaded the data")
        return self.build
