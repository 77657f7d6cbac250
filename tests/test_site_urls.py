"""Absolute addresses of pages, downloads and the IRIs of what the data describes."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File

from annotated_article.site_urls import SiteUrls

SITE = "https://example.org/annotated-articles/"


def mkdocs_url_of(directory_urls: bool = True):
    return lambda src_uri: File(src_uri, "docs", "site", directory_urls).url

PAGES = [
    ("index.md", True, SITE),
    ("data.md", True, SITE + "data/"),
    ("articles/north-korea-troops-russia.md", True, SITE + "articles/north-korea-troops-russia/"),
    ("actors/index.md", True, SITE + "actors/"),
    ("actors/north-korea.md", True, SITE + "actors/north-korea/"),
    ("index.md", False, SITE + "index.html"),
    ("data.md", False, SITE + "data.html"),
    ("people/mark-rutte.md", False, SITE + "people/mark-rutte.html"),
    ("notes/a b.md", True, SITE + "notes/a%20b/"),
]


@pytest.mark.parametrize("src_uri, directory_urls, url", PAGES)
def test_page_address_is_the_one_mkdocs_gives(src_uri, directory_urls, url):
    assert SiteUrls(SITE, mkdocs_url_of(directory_urls)).page(src_uri) == url


def test_site_url_gets_its_closing_slash():
    assert SiteUrls("https://example.org/site", mkdocs_url_of()).page("data.md") == "https://example.org/site/data/"


@pytest.mark.parametrize("site_url", ["", "example.org/site/"])
def test_a_relative_or_missing_site_url_is_refused(site_url):
    with pytest.raises(ValueError, match="set `site_url` in mkdocs.yml"):
        SiteUrls(site_url, mkdocs_url_of())


def test_iris_come_from_paths_and_ids():
    urls = SiteUrls(SITE, mkdocs_url_of())
    assert urls.entity("actors", "north-korea") == SITE + "actors/north-korea/#actor"
    assert urls.entity("people", "mark-rutte") == SITE + "people/mark-rutte/#speaker"
    assert urls.entity("sources", "nato-2024-10-28") == SITE + "sources/nato-2024-10-28/#source"
    assert urls.article("articles/a.md") == SITE + "articles/a/#article"
    assert urls.passage("articles/a.md", "quote-1") == SITE + "articles/a/#quote-1"
    assert urls.annotation("articles/a.md", "quote-1") == SITE + "annotations.jsonld#articles/a/quote-1"
    assert urls.vocabulary() == SITE + "data/#"


def test_the_same_annotation_id_in_two_articles_has_two_iris():
    urls = SiteUrls(SITE, mkdocs_url_of())
    assert urls.annotation("articles/a.md", "q") != urls.annotation("articles/b.md", "q")
