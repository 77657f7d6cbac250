"""One build of the site: the checked data, and the per-page work the MkDocs events ask for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .anchoring import AnchorError
from .article_markup import annotate_article
from .errors import DataError, DataErrors
from .footnotes import Footnote, footnotes_html
from .markup import page_path, relative_url
from .pages import generated_pages, with_generated_nav
from .site_data import SiteData, load_site
from .site_index import index_site

#: Site URL (as MkDocs gives it, relative to the site root) of a page, given its path inside docs/.
UrlOf = Callable[[str], str]


@dataclass
class SiteBuild:
    site: SiteData
    url_of: UrlOf = lambda path: path
    footnotes: dict[str, list[Footnote]] = field(default_factory=dict)

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

    def annotate_markdown(self, page_path_: str, markdown: str) -> str:
        article = self.site.articles.get(page_path_)
        if article is None:
            return markdown
        try:
            annotated = annotate_article(markdown, article, self.site)
        except AnchorError as failure:
            raise DataErrors([DataError(article.data_file, 1, 1, f"in docs/{page_path_}: {failure.problem}",
                                        failure.fix)]) from None
        self.footnotes[page_path_] = annotated.footnotes
        return annotated.markdown

    def append_footnotes(self, page_path_: str, page_url: str, html: str) -> str:
        footnotes = self.footnotes.get(page_path_)
        if not footnotes:
            return html

        def link(kind: str, id_: str) -> str:
            return relative_url(page_url, self.url_of(page_path(kind, id_)))

        return html + "\n" + footnotes_html(footnotes, self.site, link)
