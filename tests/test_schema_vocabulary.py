"""Every schema.org term the site publishes is one schema.org defines: each type and property of every page's
JSON-LD, and the schema.org terms of the annotation collection, expanded offline with the contexts schema.org
and the W3C publish, and looked up in schema.org's own vocabulary: its current release, with its pending area
and the extensions it hosts, without the attic of retired terms."""

from __future__ import annotations

import json

import pytest

from annotated_article.open_data.structured_data import SiteInfo, page_data
from annotated_article.site_urls import ANNOTATIONS_JSONLD, index_path, page_path
from conftest import soup_of
from linked_data import expand, schema_org, used_terms
from project_data import project_claims, project_site, site_urls

INFO = SiteInfo("Annotated articles", "News articles, footnoted.", "https://creativecommons.org/licenses/by/4.0/")


def test_the_vocabulary_is_schema_orgs_with_its_pending_area():
    vocabulary = schema_org()
    assert len(vocabulary.types) > 800 and len(vocabulary.properties) > 1400
    assert vocabulary.types["NewsArticle"] is None  # core
    assert vocabulary.types["NewsMediaOrganization"] == "https://pending.schema.org"
    assert vocabulary.types["Quotation"] == vocabulary.properties["correction"] == \
        vocabulary.types["CorrectionComment"] == "https://pending.schema.org"


@pytest.mark.parametrize("document, expected", [
    ({"@type": "NewsArticle", "headline": "x"}, []),
    ({"@type": "Quotation", "spokenByCharacter": {"@type": "Person", "name": "x"}}, []),
    ({"@type": "NewsArticle", "hedline": "x"}, ["property http://schema.org/hedline"]),
    ({"@type": "Quote", "text": "x"}, ["type http://schema.org/Quote"]),
    ({"@type": "NewsArticle", "dc:title": "x"}, ["property http://purl.org/dc/elements/1.1/title"]),
    ({"@type": "ProductReturnPolicy", "productReturnDays": 3},  # retired to the attic
     ["property http://schema.org/productReturnDays", "type http://schema.org/ProductReturnPolicy"]),
    ({"@type": "Newspaper", "workTranslation": {"@type": "CreativeWork"}}, []),  # of the bib extension
    ({"@type": "Article", "datePublished": "2024-11-22"}, []),  # its value is typed http://schema.org/Date
])
def test_a_term_schema_org_does_not_define_is_found(document, expected):
    assert schema_org().undefined(expand({"@context": "https://schema.org", **document}).expanded) == expected


def every_page(site) -> list[str]:
    return ([*site.articles, "index.md", "data.md", "about.md", "articles/index.md"]
            + [index_path(kind) for kind in ("actors", "people", "sources")]
            + [page_path(kind, id_) for kind, entries in
               (("actors", site.actors), ("people", site.people), ("sources", site.sources)) for id_ in entries])


def test_every_term_of_every_pages_json_ld_is_schema_orgs():
    site = project_site()
    for src_uri in every_page(site):
        expansion = expand(page_data(src_uri, "Title", site, project_claims(), site_urls(), INFO))
        assert expansion.dropped == [], src_uri
        assert schema_org().undefined(expansion.expanded) == [], src_uri


# The built site, as it is and with a second article.

def test_every_term_of_the_built_pages_json_ld_is_schema_orgs(each_site):
    pages = sorted(each_site.site.rglob("*.html"))
    scripts = [(page, script.string) for page in pages
               for script in soup_of(page).find_all("script", type="application/ld+json")]
    assert len(scripts) >= len(each_site.data.articles) + len(each_site.data.sources)
    used: set[tuple[str, str]] = set()
    for page, text in scripts:
        expanded = expand(json.loads(text)).expanded
        assert schema_org().undefined(expanded) == [], page
        used.update(used_terms(expanded))
    # What the article pages describe, at least, was looked up.
    assert {("type", "http://schema.org/NewsArticle"), ("type", "http://schema.org/Quotation"),
            ("property", "http://schema.org/hasPart")} <= used


def test_the_schema_org_terms_of_the_annotation_collection_are_schema_orgs(each_site):
    collection = json.loads((each_site.site / ANNOTATIONS_JSONLD).read_text(encoding="utf-8"))
    expanded = expand(collection).expanded
    assert schema_org().undefined(expanded, other_vocabularies=True) == []
