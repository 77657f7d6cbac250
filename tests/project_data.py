"""The project's own data, loaded as a build loads it (its articles parsed with mkdocs.yml's Markdown extensions)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mkdocs.structure.files import File

from annotated_article.article.loading import load_site
from annotated_article.model import SiteData
from annotated_article.render.claims import ArticleClaims, site_claims
from annotated_article.site_urls import SiteUrls

PROJECT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/annotated-articles/"


@cache
def project_site() -> SiteData:
    return load_site(PROJECT / "data", PROJECT / "docs")


@cache
def project_claims() -> dict[str, ArticleClaims]:
    """The claims of every article of the project's data, as a build works them out once."""
    return site_claims(project_site())


def url_of(src_uri: str) -> str:
    """A page's URL as MkDocs gives it, with mkdocs.yml's directory URLs."""
    return File(src_uri, "docs", "site", True).url


def site_urls() -> SiteUrls:
    return SiteUrls(SITE_URL, url_of)
