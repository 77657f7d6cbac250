"""schema.org JSON-LD for each kind of page, checked directly and expanded offline with pyld."""

from __future__ import annotations

import json
import re

import pytest

from annotated_article.open_data.structured_data import SiteInfo, head_script, insert_in_head, page_data
from linked_data import expand
from project_data import project_claims, project_site, site_urls

INFO = SiteInfo("Annotated articles", "News articles, footnoted.", "https://creativecommons.org/licenses/by/4.0/")
ARTICLE = "articles/north-korea-troops-russia.md"


def data_for(src_uri: str, title: str = "Title") -> dict:
    return page_data(src_uri, title, project_site(), project_claims(), site_urls(), INFO)


PAGE_TYPES = [
    ("index.md", "WebSite"),
    ("data.md", "Dataset"),
    (ARTICLE, "NewsArticle"),
    ("actors/russia.md", "Country"),
    ("actors/nato.md", "Organization"),
    ("people/mark-rutte.md", "Person"),
    ("people/north-atlantic-council.md", "Organization"),
    ("people/uk-ministry-of-defence.md", "GovernmentOrganization"),
    ("sources/ap-2024-10-30.md", "NewsArticle"),
    ("sources/isw-2024-11-01.md", "Report"),
    ("sources/nato-2024-10-28.md", "CreativeWork"),
    ("actors/index.md", "WebPage"),
    ("actors/atlantis.md", "WebPage"),
    ("about.md", "WebPage"),
]


@pytest.mark.parametrize("src_uri, schema_type", PAGE_TYPES)
def test_each_page_describes_what_it_is_about_and_expands_offline(src_uri, schema_type):
    data = data_for(src_uri)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    expansion = expand(data)
    assert expansion.dropped == []
    assert expansion.expanded[0]["@type"] == [f"http://schema.org/{schema_type}"]


def test_the_article_cites_its_sources_and_holds_its_quotations():
    data = data_for(ARTICLE, "Headline")
    site = project_site()
    article = site.articles[ARTICLE]
    assert data["headline"] == (article.provenance.headline or "Headline")  # as published, else the page's title
    assert data["url"] == site_urls().page(ARTICLE)
    cited = [work["@id"] for work in data["citation"]]
    assert len(cited) == len(set(cited))
    assert set(cited) == {site_urls().entity("sources", id_) for a in article.annotations
                          for id_ in (a.source, *a.see_also) if id_}
    quotations = data["hasPart"]
    assert [q["@id"] for q in quotations] == [site_urls().passage(ARTICLE, a.id) for a in article.annotations]
    for quotation, annotation in zip(quotations, article.annotations):
        assert quotation["@type"] == "Quotation"
        if not annotation.source:
            assert "isBasedOn" not in quotation and annotation.source_seen == "not-found"
            continue
        assert quotation["isBasedOn"]["@id"] == site_urls().entity("sources", annotation.source)
        assert quotation["isBasedOn"]["@id"] in cited
        speaker = quotation.get("spokenByCharacter") or quotation.get("creator")
        if annotation.speaker:
            assert speaker["@id"] == site_urls().entity("people", annotation.speaker)
        else:
            assert speaker is None and quotation["creditText"] == annotation.attributed_to
    rutte = quotations[[a.id for a in article.annotations].index("rutte-growing-desperation")]
    assert rutte["spokenByCharacter"]["@type"] == "Person"
    assert rutte["text"].startswith("NATO Secretary-General Mark Rutte immediately called")
    ministry = quotations[[a.id for a in article.annotations].index("uk-interoperability")]
    assert ministry["creator"]["@type"] == "Organization" and "spokenByCharacter" not in ministry


def test_a_person_speaking_for_a_country_is_affiliated_with_its_government():
    data = data_for("people/antony-blinken.md")
    assert data["@type"] == "Person"
    assert data["@id"] == site_urls().entity("people", "antony-blinken")
    assert data["description"] == "U.S. Secretary of State"
    [government] = data["affiliation"]
    assert government["@type"] == "GovernmentOrganization"
    assert government["name"] == "United States government"
    assert government["areaServed"] == {"@type": "Country", "@id": site_urls().entity("actors", "united-states"),
                                        "name": "United States"}


def test_a_person_of_an_alliance_or_an_institute_is_affiliated_with_it():
    assert data_for("people/mark-rutte.md")["affiliation"] == [
        {"@type": "Organization", "@id": site_urls().entity("actors", "nato"), "name": "NATO"}]
    assert data_for("people/eric-ballbach.md")["affiliation"] == [
        {"@type": "Organization", "name": "German Institute for International and Security Affairs (SWP), Berlin"}]
    assert "affiliation" not in data_for("people/lee-woong-gil.md")


def test_an_organization_that_speaks_belongs_to_its_actor():
    council = data_for("people/north-atlantic-council.md")
    assert council["parentOrganization"]["@id"] == site_urls().entity("actors", "nato")
    ministry = data_for("people/uk-ministry-of-defence.md")
    assert ministry["areaServed"]["@id"] == site_urls().entity("actors", "united-kingdom")


def test_an_actor_page_describes_the_country():
    data = data_for("actors/north-korea.md")
    assert data["@id"] == site_urls().entity("actors", "north-korea")
    assert data["alternateName"] == "Democratic People’s Republic of Korea (DPRK)"
    assert data["url"] == site_urls().page("actors/north-korea.md")
    assert data["description"].startswith("Country in East Asia")


def test_only_an_original_link_is_the_sources_url():
    joins = data_for("sources/isw-north-korea-joins-war.md")
    assert joins["url"].startswith("https://understandingwar.org/backgrounder/north-korea-joins")
    assert joins["archivedAt"] == ["https://www.iswresearch.org/2024/11/north-korea-joins-russias-war-against.html"]
    assessment = data_for("sources/isw-2024-11-01.md")
    assert "url" not in assessment  # its only address is a guessed pattern
    assert [report["name"] for report in assessment["subjectOf"]] == ["Kyiv Post (key takeaways)", "Espreso"]
    assert [author["name"] for author in assessment["author"]][:2] == ["Karolina Hird", "Angelica Evans"]
    wsj = data_for("sources/wsj-2024-11-02.md")
    assert all(work["@type"] == "CreativeWork" for work in wsj["workTranslation"])


def test_the_data_page_is_a_dataset_with_both_downloads_and_the_licence():
    data = data_for("data.md", "Open data")
    assert data["license"] == INFO.licence
    assert {d["contentUrl"]: d["encodingFormat"] for d in data["distribution"]} == {
        site_urls().file("annotations.jsonld"): "application/ld+json",
        site_urls().file("annotations.csv"): "text/csv"}


def test_the_script_cannot_be_closed_by_the_text_it_carries():
    data = {"text": "</script><script>alert(1)</script><!-- & -->"}
    script = head_script(data)
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>\n")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == data


@pytest.mark.parametrize("html", ["<html><head><title>t</title></head><body></body></html>",
                                  "<HTML><HEAD><TITLE>t</TITLE></HEAD ><BODY></BODY></HTML>"])
def test_the_script_goes_just_before_the_end_of_the_head(html):
    result = insert_in_head(html, "<script>x</script>")
    assert re.search(r"</title><script>x</script></head\s*>", result, re.IGNORECASE)


def test_a_page_without_a_head_is_an_error():
    with pytest.raises(ValueError, match="no </head>"):
        insert_in_head("<p>fragment</p>", "<script></script>")


def test_a_page_title_given_as_html_text_is_published_as_the_characters_it_stands_for():
    from annotated_article.open_data.published import OpenData

    open_data = OpenData.for_site(project_site(), project_claims(), site_urls().site_url, site_urls().url_of, INFO.name,
                                  INFO.description)
    page = open_data.with_structured_data("<html><head></head><body></body></html>", "about.md", "Q&amp;A &lt;b&gt;")
    data = json.loads(re.search(r"<script[^>]*>(.*)</script>", page, re.DOTALL).group(1))
    assert data["name"] == "Q&A <b>"
