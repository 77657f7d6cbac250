"""The site's open data: the downloadable annotation files and the structured data of each page.

Both come from the same checked data as the pages, and from the pages' own
rendered text, so a quote in the data is the quote as published.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache

from .annotation_table import annotation_rows, csv_text
from .provenance import citation_tags, lede
from .article_text import ArticleText, article_text
from .site_data import SiteData
from .site_urls import ANNOTATIONS_CSV, ANNOTATIONS_JSONLD, SiteUrls
from .structured_data import SiteInfo, head_script, insert_in_head, page_data
from .web_annotations import annotation_collection

#: The files every build publishes at the site's root, next to the home page.
DOWNLOADS = (ANNOTATIONS_JSONLD, ANNOTATIONS_CSV)

#: The licence of the annotations and data (not of the article text they quote).
DATA_LICENCE = "https://creativecommons.org/licenses/by/4.0/"

#: An article's content is read once per build, for the downloads, and reused for its page's JSON-LD
#: (room for every article of a large site: the downloads read them all before the first page's JSON-LD).
_read_text = lru_cache(maxsize=1024)(article_text)


@dataclass(frozen=True)
class OpenData:
    site: SiteData
    urls: SiteUrls
    info: SiteInfo

    @classmethod
    def for_site(cls, site: SiteData, site_url: str | None, site_name: str, site_description: str | None,
                 directory_urls: bool = True) -> "OpenData":
        """Raises ValueError when `site_url` is missing: published data needs absolute addresses."""
        return cls(site, SiteUrls(site_url or "", directory_urls),
                   SiteInfo(site_name, site_description or "", DATA_LICENCE))

    def downloads(self, page_contents: dict[str, str]) -> dict[str, str]:
        """The text of each download, given the rendered content HTML of the pages by their path in docs/."""
        texts = self.article_texts(page_contents)
        collection = annotation_collection(self.site, texts, self.urls, self.collection_label(), self.info.licence)
        return {
            ANNOTATIONS_JSONLD: json.dumps(collection, ensure_ascii=False, indent=2) + "\n",
            ANNOTATIONS_CSV: csv_text(annotation_rows(self.site, texts, self.urls)),
        }

    def article_texts(self, page_contents: dict[str, str]) -> dict[str, ArticleText]:
        missing = sorted(path for path in self.site.articles if path not in page_contents)
        if missing:
            raise ValueError(f"the rendered text of {', '.join(missing)} is needed for the annotation files")
        return {path: _read_text(page_contents[path]) for path in self.site.articles}

    def with_structured_data(self, page_html: str, src_uri: str, title: str, content_html: str) -> str:
        """The finished page with its schema.org JSON-LD in the head, and an article's citation tags; `title`
        is the page's title as MkDocs gives it, which is HTML text (`&amp;` for `&`): the JSON-LD gets the
        characters it stands for."""
        article = self.site.articles.get(src_uri)
        text = _read_text(content_html) if article else None
        data = page_data(src_uri, html.unescape(title), text, self.site, self.urls, self.info,
                         lede(content_html) if article else "")
        tags = citation_tags(article, html.unescape(title)) if article else ""
        return insert_in_head(page_html, head_script(data) + tags)

    def collection_label(self) -> str:
        return f"{self.info.name}: every attributed claim, who said it, where, and how sure we are"
