"""One build of the site: the checked data, and the per-page work the MkDocs events ask for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Callable

from .anchoring import AnchorError
from .attribution import format_date
from .article_markup import annotate_article
from .errors import DataError, DataErrors
from .footnotes import Footnote, claims_summary_html, footnotes_html
from .markup import relative_url
from .markup import page_path
from .pages import generated_pages, with_generated_nav
from .site_data import SiteData, load_site
from .site_index import index_site

#: An article's title (an ATX or setext level-1 heading), and the block of Markdown after a line.
_TITLE = re.compile(r"^(?:#[ \t].*|.+\n=+[ \t]*)$", re.MULTILINE)
_BLOCK = re.compile(r"\n*(?:.+(?:\n|$))+")
_MARKER_IDS = re.compile(r'id="fnref:([^"]+)"')

#: Site URL (as MkDocs gives it, relative to the site root) of a page, given its path inside docs/.
UrlOf = Callable[[str], str]


@dataclass
class SiteBuild:
    site: SiteData
    url_of: UrlOf = lambda path: path
    footnotes: dict[str, list[Footnote]] = field(default_factory=dict)
    built: str = ""  # the date the site is built, as 2024-11-01

    @classmethod
    def load(cls, data_dir: Path, docs_dir: Path) -> "SiteBuild":
        return cls(load_site(data_dir, docs_dir))

    def navigation(self, nav: list | None) -> list | None:
        """`nav` from mkdocs.yml with the generated sections added (None keeps MkDocs' automatic nav)."""
        return None if nav is None else with_generated_nav(nav, self.site)

    def pages(self, url_of: UrlOf) -> dict[str, str]:
        """The generated pages (path inside docs/ -> Markdown); remembers how to find page URLs."""
        self.url_of = url_of
        return generated_pages(self.site, index_site(self.site), url_of)

    def annotate_markdown(self, page_path_: str, markdown: str, address: str = "") -> str:
        """An article's Markdown annotated, with (under its title) a line for paper saying where the page
        is published (`address`) and when the site was built, and the summary of its claims."""
        article = self.site.articles.get(page_path_)
        if article is None:
            return markdown
        try:
            annotated = annotate_article(markdown, article, self.site)
        except AnchorError as failure:
            raise DataErrors([DataError(article.data_file, 1, 1, f"in docs/{page_path_}: {failure.problem}",
                                        failure.fix)]) from None
        self.footnotes[page_path_] = annotated.footnotes
        summary = claims_summary_html(annotated.footnotes, _MARKER_IDS.findall(annotated.markdown), self.site)
        parts = ([f"This page: {escape(address)}"] if address else []) + (
            [f'Site built <time datetime="{self.built}">{format_date(self.built)}</time>'] if self.built else [])
        printed = f'<div class="printed-from">{" · ".join(parts)}</div>\n\n' if parts else ""
        return under_title(annotated.markdown, printed + summary)

    def append_footnotes(self, page_path_: str, page_url: str, html: str) -> str:
        footnotes = self.footnotes.get(page_path_)
        if not footnotes:
            return html

        def link(kind: str, id_: str) -> str:
            return relative_url(page_url, self.url_of(page_path(kind, id_)))

        return html + "\n" + footnotes_html(footnotes, self.site, link)


def under_title(markdown: str, block: str) -> str:
    """`markdown` with `block` (one line of HTML) under its title, or under the dateline that follows
    the title if there is one (a block that names the class `article-dateline`), or at the top."""
    title = _TITLE.search(markdown)
    at = title.end() if title else 0
    following = _BLOCK.match(markdown, at)
    if title and following and "article-dateline" in following.group():
        at = following.end()
    return f"{markdown[:at]}\n\n{block}\n\n{markdown[at:]}"
