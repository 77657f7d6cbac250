"""What programs nobody on this project wrote read in a page's head: the Open Graph and article tags of link
previews, the description of each page, and the JSON-LD, as extruct (a real extractor) reads them."""

from __future__ import annotations

import dataclasses
import warnings

import pytest
from bs4 import BeautifulSoup

from annotated_article.model import Article, Provenance
from annotated_article.open_data.page_head import open_graph_tags
from annotated_article.render.claims import article_claims
from annotated_article.render.corrections import last_modified
from annotated_article.render.descriptions import page_descriptions
from annotated_article.site_urls import page_kind
from conftest import site_url, soup_of
from project_data import project_site, site_urls

with warnings.catch_warnings():  # extruct's dependencies warn of their own deprecations on import
    warnings.simplefilter("ignore")
    import extruct

HOSTILE = '<b>"x"</b> & \'y\''
KNOWN = Provenance(publisher="The Example Gazette", publisher_kind="newspaper", authors=("Ann Lee", "Bo Kim"),
                   date="2024-11-22", updated="2024-11-23")


def tags(html: str) -> list[tuple[str, str]]:
    return [(m.get("property") or m["name"], m["content"]) for m in BeautifulSoup(html, "html.parser").find_all("meta")]


def article(provenance: Provenance) -> Article:
    return Article("articles/trains.md", "data/articles/trains.yml", (), "Trains", provenance=provenance)


def test_an_article_page_is_an_article_with_its_dates_and_byline():
    head = tags(open_graph_tags("articles/trains.md", "Trains", "Lede.", article(KNOWN), site_urls(), "Site"))
    assert head == [("og:type", "article"), ("og:title", "Trains"), ("og:url", site_urls().page("articles/trains.md")),
                    ("og:site_name", "Site"), ("og:description", "Lede."),
                    ("article:published_time", "2024-11-22"), ("article:modified_time", "2024-11-23"),
                    ("article:author", "Ann Lee"), ("article:author", "Bo Kim"), ("twitter:card", "summary")]


def test_an_article_whose_publisher_is_not_known_does_not_name_the_site():
    """Zotero files `og:site_name` as the newspaper of an article when nothing else names one."""
    head = dict(tags(open_graph_tags("articles/trains.md", "Trains", "", article(Provenance()), site_urls(), "Site")))
    assert "og:site_name" not in head and "article:published_time" not in head and "article:author" not in head
    assert head["og:type"] == "article"


def test_another_page_is_a_website_page_with_the_sites_name():
    head = dict(tags(open_graph_tags("actors/nato.md", "NATO", "An alliance.", None, site_urls(), "Site")))
    assert head["og:type"] == "website" and head["og:site_name"] == "Site"
    assert head["og:url"] == site_urls().page("actors/nato.md")


def test_every_value_is_escaped_in_the_tags():
    hostile = dataclasses.replace(KNOWN, authors=(HOSTILE,))
    html = open_graph_tags("articles/trains.md", HOSTILE, HOSTILE, article(hostile), site_urls(), HOSTILE)
    parsed = BeautifulSoup(html, "html.parser")
    assert parsed.find("b") is None
    assert [value for name, value in tags(html) if name in ("og:title", "og:site_name", "og:description",
                                                             "article:author")] == [HOSTILE] * 4


def test_actors_people_and_sources_have_descriptions_of_their_own():
    site = project_site()
    descriptions = page_descriptions(site)
    for kind, entries in (("actors", site.actors), ("people", site.people), ("sources", site.sources)):
        texts = [descriptions[f"{kind}/{id_}.md"] for id_ in entries]
        assert all(texts) and len(set(texts)) == len(texts), kind
    assert descriptions["actors/nato.md"] == " ".join(site.actors["nato"].description.split())
    rutte = descriptions["people/mark-rutte.md"]
    said = sum(a.speaker == "mark-rutte" for article_ in site.articles.values() for a in article_.annotations)
    assert rutte.startswith("Mark Rutte, Secretary General of NATO.") and f"attribute {said} claim" in rutte
    source = site.sources["nato-2024-10-28"]
    assert descriptions["sources/nato-2024-10-28.md"].startswith(f"NATO, “{' '.join(source.title.split())}”")


# The built site, as it is and with a second article.

@pytest.fixture(scope="module")
def pages(each_site):
    """Every page of the built site (but the 404 page) with its source path, its address and its soup."""
    found = []
    for path in sorted(each_site.site.rglob("index.html")):
        soup = soup_of(path)
        found.append((soup.find("link", rel="canonical")["href"], soup))
    return found


def head_tags(soup) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in soup.head.find_all("meta"):
        key = meta.get("property") or meta.get("name")
        if key:
            found.setdefault(key, []).append(meta.get("content"))
    return found


def test_every_page_has_its_title_type_address_and_description_for_link_previews(each_site, pages):
    articles = {site_url() + a.path.removesuffix(".md") + "/": a for a in each_site.data.articles.values()}
    site_description = soup_of(each_site.site / "404.html").find("meta", attrs={"name": "description"})["content"]
    assert len(pages) >= 20
    for address, soup in pages:
        head = head_tags(soup)
        article_ = articles.get(address)
        assert head["og:url"] == [address]
        assert head["og:type"] == ["article" if article_ else "website"]
        assert head["og:description"] == head["description"]
        assert head["og:title"] and head["og:title"][0] in soup.title.get_text()
        assert head["twitter:card"] == ["summary"]
        named = article_ is None or bool(article_.provenance.publisher)
        assert head.get("og:site_name") == (["Annotated articles"] if named else None), address
        kind = address.removeprefix(site_url()).split("/")
        if len(kind) == 3 and page_kind(f"{kind[0]}/{kind[1]}.md"):  # an actor's, a person's or a source's page
            assert head["description"] != [site_description], address


def test_the_article_pages_tags_and_json_ld_give_what_is_known_to_an_extractor(each_site, pages):
    for article_ in each_site.data.articles.values():
        address = site_url() + article_.path.removesuffix(".md") + "/"
        [soup] = [soup for page, soup in pages if page == address]
        p = article_.provenance
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            extracted = extruct.extract(str(soup), base_url=address, syntaxes=["opengraph", "json-ld"])
        [graph] = extracted["opengraph"]
        properties = graph["properties"]
        assert ("og:type", "article") in properties and ("og:url", address) in properties
        assert [value for key, value in properties if key == "article:published_time"] == ([p.date] if p.date else [])
        assert [value for key, value in properties if key == "article:modified_time"] == \
            ([p.updated] if p.updated else [])
        assert [value for key, value in properties if key == "article:author"] == list(p.authors)
        [data] = extracted["json-ld"]
        assert data["@type"] == "NewsArticle"
        assert data.get("publisher") == ({"@type": "NewsMediaOrganization", "name": p.publisher}
                                         if p.publisher else None)
        person = "Organization" if p.corporate_byline else "Person"
        assert data.get("author", []) == [{"@type": person, "name": name} for name in p.authors]
        modified = max(p.updated, last_modified(article_claims(article_, each_site.data)))  # corrections too
        assert (data.get("datePublished"), data.get("dateModified")) == (p.date or None, modified or None)


def test_the_only_time_of_an_article_page_is_its_date_of_publication(each_site, pages):
    """A reference manager that finds no date in the meta tags takes the page's first `<time datetime>` as
    the article's (Zotero does): no other date of the page (the build's, the sources') may be one."""
    for article_ in each_site.data.articles.values():
        address = site_url() + article_.path.removesuffix(".md") + "/"
        [soup] = [soup for page, soup in pages if page == address]
        p = article_.provenance
        assert [time.get("datetime") for time in soup.find_all("time")] == ([p.date] if p.date else []), address
        assert soup.select_one(".printed-from data[value]") is not None  # the build's date, readable all the same
    for _, soup in pages:
        assert not soup.find_all("time") or soup.find("link", rel="canonical")["href"] in {
            site_url() + a.path.removesuffix(".md") + "/" for a in each_site.data.articles.values()}
