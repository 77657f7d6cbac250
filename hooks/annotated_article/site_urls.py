"""Every address the site uses: paths of pages inside docs/, links between pages, and absolute addresses.

A page's address is the one MkDocs gives it (`File.url`, passed in as `url_of`), never worked out
here again. The absolute addresses of the published data (pages, downloads, and the IRIs of what
they describe) are built from ids in `data/` and paths in `docs/`, never from an order or a count,
so they stay the same from one build to the next.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable
from urllib.parse import quote

#: Page kinds generated from the registries, their folder in the site, and the fragment naming the entity.
ENTITY_PAGES = {"actors": "actor", "people": "speaker", "sources": "source"}

ANNOTATIONS_JSONLD = "annotations.jsonld"
ANNOTATIONS_CSV = "annotations.csv"
#: The Atom feed of the articles.
FEED = "feed.xml"
DATA_PAGE = "data.md"

#: The URL of a page relative to the site's root, as MkDocs gives it (`File.url`), from its path inside docs/.
UrlOf = Callable[[str], str]

# posixpath.relpath asks the OS for the working folder on every call; a generated site makes tens of
# thousands of links between a few folders, so the answers are kept (they do not depend on that
# folder: both paths are always relative, or both absolute).
_relpath = lru_cache(maxsize=1 << 16)(posixpath.relpath)


def page_path(kind: str, id_: str) -> str:
    """Path inside docs/ of the generated page of an actor, person or source (`kind`: actors, people, sources)."""
    return f"{kind}/{id_}.md"


def page_kind(src_uri: str) -> tuple[str, str] | None:
    """The kind and id of the generated page at `src_uri` (the inverse of `page_path`), or None for another page."""
    kind, _, rest = src_uri.partition("/")
    id_ = rest.removesuffix(".md")
    if kind in ENTITY_PAGES and rest.endswith(".md") and id_ and "/" not in id_ and id_ != "index":
        return kind, id_
    return None


def index_path(kind: str) -> str:
    return f"{kind}/index.md"


def relative_source_path(from_src: str, to_src: str) -> str:
    """Markdown link from one source file (inside docs/) to another, as MkDocs resolves them."""
    return _relpath(to_src, posixpath.dirname(from_src) or ".")


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both site-root-relative URLs as MkDocs gives them.

    A fragment on `to_url` is kept.
    """
    target, _, fragment = to_url.partition("#")
    base = from_url if from_url == "" or from_url.endswith("/") else posixpath.dirname(from_url)
    relative = _relpath("/" + target, "/" + base)
    if target == "" or target.endswith("/"):
        relative = relative.rstrip("/") + "/"
    return relative + (f"#{fragment}" if fragment else "")


@dataclass(frozen=True)
class SiteUrls:
    site_url: str
    url_of: UrlOf

    def __post_init__(self):
        if not self.site_url or "://" not in self.site_url:
            raise ValueError("the published data needs the site's absolute address: set `site_url` in mkdocs.yml")
        if not self.site_url.endswith("/"):
            object.__setattr__(self, "site_url", self.site_url + "/")

    def page(self, src_uri: str) -> str:
        """The address of the page built from `src_uri` (a path inside docs/)."""
        url = self.url_of(src_uri)
        return self.site_url + ("" if url in ("./", ".") else url)

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
