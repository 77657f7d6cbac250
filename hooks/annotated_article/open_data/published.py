"""The site's open data: the downloadable annotation files and the structured data of each page.

Both come from the same checked data as the pages; each quote is the article's words as
published, with the text around them, read from the article when the data was loaded.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass

from annotated_article.model import SiteData
from annotated_article.open_data.annotation_table import annotation_rows, csv_text
from annotated_article.open_data.structured_data import SiteInfo, head_script, insert_in_head, page_data
from annotated_article.open_data.web_annotations import annotation_collection
from annotated_article.render.claims import ArticleClaims
from annotated_article.render.provenance import citation_tags
from annotated_article.site_urls import ANNOTATIONS_CSV, ANNOTATIONS_JSONLD, SiteUrls, UrlOf

#: The files every build publishes at the site's root, next to the home page.
DOWNLOADS = (ANNOTATIONS_JSONLD, ANNOTATIONS_CSV)

#: The licence of the annotations and data (not of the article text they quote).
DATA_LICENCE = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class OpenData:
    site: SiteData
    claims: dict[str, ArticleClaims]
    urls: SiteUrls
    info: SiteInfo

    @classmethod
    def for_site(cls, site: SiteData, claims: dict[str, ArticleClaims], site_url: str | None, url_of: UrlOf,
                 site_name: str, site_description: str | None) -> OpenData:
        """Raises ValueError when `site_url` is missing: published data needs absolute addresses."""
        return cls(site, claims, SiteUrls(site_url or "", url_of),
                   SiteInfo(site_name, site_description or "", DATA_LICENCE))

    def downloads(self) -> dict[str, str]:
        """The text of each download, by its path in the site."""
        collection = annotation_collection(self.site, self.claims, self.urls, self.collection_label(), self.info.licence)
        return {
            ANNOTATIONS_JSONLD: annotations_json(collection),
            ANNOTATIONS_CSV: csv_text(annotation_rows(self.site, self.claims, self.urls)),
        }

    def with_structured_data(self, page_html: str, src_uri: str, title: str) -> str:
        """The finished page with its schema.org JSON-LD in the head, and an article's citation tags; `title`
        is the page's title as MkDocs gives it, which is HTML text (`&amp;` for `&`): the JSON-LD gets the
        characters it stands for."""
        data = page_data(src_uri, html.unescape(title), self.site, self.claims, self.urls, self.info)
        article = self.site.articles.get(src_uri)
        tags = citation_tags(article, html.unescape(title)) if article else ""
        return insert_in_head(page_html, head_script(data) + tags)

    def collection_label(self) -> str:
        return (f"{self.info.name}: every attributed claim, who said it, where, what the source said, and how "
                "faithfully the article reports it")


_ITEMS = "\x00items\x00"  # stands for the annotations while the collection around them is written


def annotations_json(collection: dict) -> str:
    """The collection as JSON: indented, with one annotation per line (written by Python's C encoder, which
    indenting would replace by its pure-Python one: a third of a second at 1,500 annotations), so that a
    change to the data changes the lines of the annotations it touches."""
    page = collection["first"]
    shell = json.dumps({**collection, "first": {**page, "items": _ITEMS}}, ensure_ascii=False, indent=2)
    placeholder = json.dumps(_ITEMS)
    if shell.count(placeholder) != 1:  # the site's name or address holds it too: write it all indented
        return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"
    items = ",\n".join("      " + json.dumps(item, ensure_ascii=False) for item in page["items"])
    return shell.replace(placeholder, f"[\n{items}\n    ]" if items else "[]") + "\n"
