"""One build of the site: the checked data, and the per-page work the MkDocs events ask for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .anchoring import AnchorError
from .article_markup import annotate_article
from .errors import DataError, DataErrors
from .footnotes import Footnote, footnotes_html
from .site_data import SiteData, load_site


@dataclass
class SiteBuild:
    site: SiteData
    footnotes: dict[str, list[Footnote]] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path, docs_dir: Path) -> "SiteBuild":
        return cls(load_site(data_dir, docs_dir))

    def annotate_markdown(self, page_path: str, markdown: str) -> str:
        article = self.site.articles.get(page_path)
        if article is None:
            return markdown
        try:
            annotated = annotate_article(markdown, article, self.site)
        except AnchorError as failure:
            raise DataErrors([DataError(article.data_file, 1, 1, f"in docs/{page_path}: {failure.problem}",
                                        failure.fix)]) from None
        self.footnotes[page_path] = annotated.footnotes
        return annotated.markdown

    def append_footnotes(self, page_path: str, html: str) -> str:
        footnotes = self.footnotes.get(page_path)
        if not footnotes:
            return html
        return html + "\n" + footnotes_html(footnotes, self.site, lambda kind, id_: None)
