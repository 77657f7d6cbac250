"""One build of the site: the checked data, and the per-page work the MkDocs events ask for."""

from __future__ import annotations

import xml.etree.ElementTree as etree
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from .article_markup import add_markers, place
from .article_tree import MarkdownConfig, Placer, PlacingExtension
from .attribution import format_date
from .footnotes import Footnote, claims_summary_html, footnotes_html, marker_element, number_footnotes
from .markup import html_text
from .pages import generated_pages, with_article_list, with_generated_nav
from .provenance import dateline_html, lede, under_title
from .search_index import SearchEntry, article_entries
from .site_data import Article, SiteData, load_site
from .site_index import index_site
from .site_urls import UrlOf, page_path, relative_source_path, relative_url


@dataclass
class SiteBuild:
    site: SiteData
    url_of: UrlOf
    #: What the Markdown extension does to the page being rendered (None: not an article).
    placer: Placer | None = None
    _footnotes: dict[str, list[Footnote]] = field(default_factory=dict)
    built: str = ""  # the date the site is built, as 2024-11-01
    #: Each article's search entries, by its page's URL (filled as its footnotes are appended).
    search_entries: dict[str, list[SearchEntry]] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path, docs_dir: Path, url_of: UrlOf, markdown: MarkdownConfig | None = None) -> "SiteBuild":
        return cls(load_site(data_dir, docs_dir, markdown), url_of)

    def extension(self) -> PlacingExtension:
        """The Markdown extension that places each article's annotations as MkDocs renders it."""
        return PlacingExtension(lambda: self.placer)

    def navigation(self, nav: list | None) -> list | None:
        """`nav` from mkdocs.yml with the generated sections added (None keeps MkDocs' automatic nav)."""
        return None if nav is None else with_generated_nav(nav, self.site)

    def pages(self) -> dict[str, str]:
        """The generated pages (path inside docs/ -> Markdown)."""
        return generated_pages(self.site, index_site(self.site), self.url_of)

    def begin_page(self, page_path_: str, markdown: str, address: str = "") -> None:
        """The page about to be rendered, from `markdown`: an article's gets its annotations placed, and under
        its title its dateline, a line for paper (where the page is published, `address`, and when the site
        was built) and the summary of its claims. Raises ValueError if an article's Markdown is not the one
        its annotations were placed in."""
        article = self.site.articles.get(page_path_)
        if article is not None and article.plan is not None and markdown != article.plan.source:
            raise ValueError(f"docs/{page_path_} is rendered from other Markdown than the check read (its front "
                             "matter, or a plugin that changes pages' Markdown): its annotations cannot be placed")
        parts = ([f"This page: {escape(address)}"] if address else []) + (
            [f'Site built <time datetime="{self.built}">{format_date(self.built)}</time>'] if self.built else [])
        printed = f'<div class="printed-from">{" · ".join(parts)}</div>' if parts else ""
        self.placer = None if article is None else _ArticlePlacer(article, self.footnotes(article), self.site, printed)

    def footnotes(self, article: Article) -> list[Footnote]:
        """The article's footnotes, numbered in the order readers meet their markers."""
        if article.path not in self._footnotes:
            by_id = {a.id: a for a in article.annotations}
            self._footnotes[article.path] = number_footnotes([by_id[id_] for id_ in article.loaded_plan.in_marker_order()],
                                                             self.site)
        return self._footnotes[article.path]

    def with_article_list(self, page_path_: str, markdown: str) -> str:
        """A page's Markdown, with the list of every article where it has the line for it (articles aside:
        their Markdown is as published)."""
        return markdown if page_path_ in self.site.articles else with_article_list(markdown, self.site, page_path_)

    def description(self, page_path_: str) -> str:
        """An article's description, its first paragraph, escaped for the attribute the theme prints it in as
        it is; empty for other pages."""
        article = self.site.articles.get(page_path_)
        return html_text(lede(article)) if article else ""

    def append_footnotes(self, page_path_: str, page_url: str, html: str) -> str:
        article = self.site.articles.get(page_path_)
        footnotes = self.footnotes(article) if article else []
        if article is None or not footnotes:
            return html

        def link(kind: str, id_: str) -> str:
            return relative_url(page_url, self.url_of(page_path(kind, id_)))

        notes = footnotes_html(footnotes, self.site, link)
        self.search_entries[page_url] = article_entries(article.loaded_plan, notes)
        return html + "\n" + notes


@dataclass
class _ArticlePlacer:
    article: Article
    footnotes: list[Footnote]
    site: SiteData
    printed: str

    def place(self, root: etree.Element, stash: list) -> None:
        place(self.article.loaded_plan, root, stash, lambda actor: relative_source_path(self.article.path,
                                                                                 page_path("actors", actor)))

    def finish(self, root: etree.Element) -> None:
        footnote_of = {a.id: (a, f) for f in self.footnotes for a in f.citations}
        add_markers(root, lambda id_: marker_element(*footnote_of[id_]))
        if self.footnotes:  # each goes right under the title, so the last put is the first read
            under_title(root, claims_summary_html(self.footnotes, self.article.loaded_plan.in_marker_order(), self.site,
                                                  self.article.words))
        under_title(root, self.printed)
        under_title(root, dateline_html(self.article))
