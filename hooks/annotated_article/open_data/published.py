"""The site's open data: the downloadable annotation files and the structured data of each page.

Both come from the same checked data as the pages; each quote is the article's words as
published, with the text around them, read from the article when the data was loaded.
"""

from __future__ import annotations

import datetime
import html
import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from annotated_article.model import SiteData
from annotated_article.open_data.annotation_table import annotation_rows, csv_text
from annotated_article.open_data.feed import atom_feed, build_time
from annotated_article.open_data.page_head import feed_link, open_graph_tags, site_name_tag
from annotated_article.open_data.structured_data import SiteInfo, head_script, insert_in_head, page_data
from annotated_article.open_data.web_annotations import annotation_collection
from annotated_article.render.claims import ArticleClaims
from annotated_article.render.descriptions import page_descriptions
from annotated_article.render.provenance import citation_tags
from annotated_article.site_urls import ANNOTATIONS_CSV, ANNOTATIONS_JSONLD, FEED, SiteUrls, UrlOf, relative_url

#: The files every build publishes at the site's root, next to the home page.
DOWNLOADS = (ANNOTATIONS_JSONLD, ANNOTATIONS_CSV, FEED)

#: The licence of the annotations and data (not of the article text they quote).
DATA_LICENCE = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class OpenData:
    site: SiteData
    claims: dict[str, ArticleClaims]
    urls: SiteUrls
    info: SiteInfo
    #: The description of each page that has one of its own, by its path inside docs/ (plain text).
    descriptions: dict[str, str] = field(default_factory=dict)
    #: When each article (by its path) last changed on the site, as far as the project's history tells.
    changed: dict[str, datetime.datetime] = field(default_factory=dict)
    #: The time of the build: the feed's date for what `changed` does not date.
    built: datetime.datetime = field(default_factory=build_time)
    #: Whether the pages link the feed: not in the edition read from disk, where no feed can be followed and
    #: the theme's script would load a sitemap beside the link, which a browser refuses on file://.
    link_feed: bool = True

    @classmethod
    def for_site(cls, site: SiteData, claims: dict[str, ArticleClaims], site_url: str | None, url_of: UrlOf,
                 site_name: str, site_description: str | None,
                 changed: dict[str, datetime.datetime] | None = None,
                 built: datetime.datetime | None = None, link_feed: bool = True) -> OpenData:
        """Raises ValueError when `site_url` is missing: published data needs absolute addresses."""
        return cls(site, claims, SiteUrls(site_url or "", url_of),
                   SiteInfo(site_name, site_description or "", DATA_LICENCE), page_descriptions(site),
                   changed or {}, built or build_time(), link_feed)

    def downloads(self) -> dict[str, str]:
        """The text of each download, by its path in the site."""
        collection = annotation_collection(self.site, self.claims, self.urls, self.collection_label(), self.info.licence)
        return {
            ANNOTATIONS_JSONLD: annotations_json(collection),
            ANNOTATIONS_CSV: csv_text(annotation_rows(self.site, self.claims, self.urls)),
            FEED: atom_feed(self.site, self.claims, self.urls, self.info.name, self.info.description, self.changed,
                            self.built),
        }

    def description(self, src_uri: str) -> str:
        """The page's own description (plain text), or the site's."""
        return self.descriptions.get(src_uri) or self.info.description

    def with_structured_data(self, page_html: str, src_uri: str, title: str, page_url: str = "") -> str:
        """The finished page with, in its head, its schema.org JSON-LD, its Open Graph tags, the link to the
        feed, and an article's citation tags; `title` is the page's title as MkDocs gives it, which is HTML text
        (`&amp;` for `&`): the JSON-LD and the tags get the characters it stands for. `page_url` is the page's
        URL in the edition being built, which the feed's link is relative to."""
        text_title = html.unescape(title)
        data = page_data(src_uri, text_title, self.site, self.claims, self.urls, self.info)
        article = self.site.articles.get(src_uri)
        tags = citation_tags(article, text_title) if article else ""
        shown_title = self.info.name if src_uri == "index.md" or not text_title else text_title
        head = open_graph_tags(src_uri, shown_title, self.description(src_uri), article, self.urls, self.info.name)
        feed = feed_link(relative_url(page_url, FEED), self.info.name) if self.link_feed else ""
        return insert_in_head(page_html, head_script(data) + head + feed + tags)

    def with_site_tags(self, page_html: str) -> str:
        """A page of the theme's own (the 404 page, which has no address of its own to share) with what every
        page's head says of the site: its name, and the link to the feed (from the site's root, as the page's
        own links are: it is served at any address)."""
        feed = feed_link(urlsplit(self.urls.site_url).path + FEED, self.info.name) if self.link_feed else ""
        return insert_in_head(page_html, site_name_tag(self.info.name) + feed)

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
