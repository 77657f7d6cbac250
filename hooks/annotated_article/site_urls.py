"""The absolute addresses the published data uses: pages, downloads, and the IRIs of what they describe.

Every IRI is built from ids in `data/` and paths in `docs/`, never from an
order or a count, so it stays the same from one build to the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from .markup import page_path

#: Page kinds generated from the registries, their folder in the site, and the fragment naming the entity.
ENTITY_PAGES = {"actors": "actor", "people": "speaker", "sources": "source"}

ANNOTATIONS_JSONLD = "annotations.jsonld"
ANNOTATIONS_CSV = "annotations.csv"
DATA_PAGE = "data.md"


@dataclass(frozen=True)
class SiteUrls:
    site_url: str
    directory_urls: bool = True

    def __post_init__(self):
        if not self.site_url or "://" not in self.site_url:
            raise ValueError("the published data needs the site's absolute address: set `site_url` in mkdocs.yml")
        if not self.site_url.endswith("/"):
            object.__setattr__(self, "site_url", self.site_url + "/")

    def page(self, src_uri: str) -> str:
        """The address of the page built from `src_uri` (a path inside docs/), as MkDocs writes it."""
        path = src_uri.removesuffix(".md")
        if not self.directory_urls:
            path += ".html"
        elif path == "index" or path.endswith("/index"):
            path = path.removesuffix("index")
        else:
            path += "/"
        return self.site_url + quote(path)

    def file(self, name: str) -> str:
        return self.site_url + quote(name)

    def entity_page(self, kind: str, id_: str) -> str:
        """The address of the generated page of an actor, person or source."""
        return self.page(page_path(kind, id_))

    def entity(self, kind: str, id_: str) -> str:
        """The IRI of an actor, speaker or source: its page's address with a fragment."""
        return f"{self.entity_page(kind, id_)}#{ENTITY_PAGES[kind]}"

    def article(self, article_path: str) -> str:
        return self.page(article_path) + "#article"

    def passage(self, article_path: str, annotation_id: str) -> str:
        """The quoted words in the article page (the passage anchor's id)."""
        return f"{self.page(article_path)}#{quote(annotation_id)}"

    def annotation(self, article_path: str, annotation_id: str) -> str:
        """The IRI of one W3C annotation, inside the published collection."""
        return f"{self.annotation_collection()}#{quote(article_path.removesuffix('.md'))}/{quote(annotation_id)}"

    def annotation_collection(self) -> str:
        return self.file(ANNOTATIONS_JSONLD)

    def vocabulary(self) -> str:
        """The namespace of the data's own terms, each explained on the Data page under its name."""
        return self.page(DATA_PAGE) + "#"

    def website(self) -> str:
        return self.site_url + "#website"
