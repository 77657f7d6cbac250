"""The real site's open data: the two downloads, the Data page, and the JSON-LD in every page's head."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import ARTICLE_HTML, copy_project, run_mkdocs_build, soup_of
from linked_data import expand, node_iris, read_rows
from project_data import project_site

from annotated_article.annotation_table import COLUMNS, csv_text
from annotated_article.open_data import DATA_LICENCE
from annotated_article.web_annotations import VOCABULARY

pytestmark = pytest.mark.build

SITE_URL = "https://example.org/annotated-articles/"
ARTICLE_URL = SITE_URL + "articles/north-korea-troops-russia/"


@pytest.fixture(scope="module")
def collection(built_site) -> dict:
    return json.loads((built_site / "annotations.jsonld").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def annotations(collection) -> list[dict]:
    return collection["first"]["items"]


@pytest.fixture(scope="module")
def csv_rows(built_site) -> list[dict[str, str]]:
    return read_rows((built_site / "annotations.csv").read_bytes().decode("utf-8"))


def published_text(built_site) -> str:
    """The article's text as a reader sees it: headline and paragraphs, without the footnote apparatus."""
    body = soup_of(built_site / ARTICLE_HTML).select_one("article.md-content__inner")
    for marker in body.select("sup.annotation-marker"):
        marker.decompose()
    blocks = [element.get_text() for element in body.find_all(["h1", "p"], recursive=False)]
    return re.sub(r"\s+", " ", " ".join(blocks)).strip()


def occurrences(text: str, needle: str) -> int:
    return sum(1 for index in range(len(text)) if text.startswith(needle, index))


def test_a_build_writes_both_downloads_at_the_site_root(built_site):
    assert (built_site / "annotations.jsonld").is_file()
    assert (built_site / "annotations.csv").is_file()


def test_the_annotation_file_expands_offline_and_drops_no_term(collection):
    expansion = expand(collection)
    assert expansion.dropped == []
    iris = node_iris(expansion.expanded)
    assert "http://www.w3.org/ns/oa#Annotation" in iris
    assert [iri for iri in iris if not iri.startswith(("http://", "https://"))] == []


def test_every_annotation_has_the_models_required_fields(collection, annotations):
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == len(annotations) == 15
    for annotation in annotations:
        assert annotation["type"] == "Annotation"
        assert annotation["id"].startswith(SITE_URL + "annotations.jsonld#")
        assert annotation["target"]["source"] == ARTICLE_URL
        assert annotation["target"]["selector"]["type"] == "TextQuoteSelector"
        body = annotation["body"]
        assert body["value"] and body["verification"] in ("confirmed", "likely", "unverified")
        if "citedSource" in body:
            assert body["citedSource"]["publisher"]
        else:
            assert body["verification"] == "unverified" and "Source: none found." in body["value"]
    assert sum("citedSource" in annotation["body"] for annotation in annotations) == 13
    assert len({annotation["id"] for annotation in annotations}) == len(annotations)


def test_each_quote_with_its_prefix_and_suffix_occurs_once_in_the_article(built_site, annotations):
    text = published_text(built_site)
    for annotation in annotations:
        selector = annotation["target"]["selector"]
        whole = selector.get("prefix", "") + selector["exact"] + selector.get("suffix", "")
        assert occurrences(text, whole) == 1, selector


def test_the_csv_round_trips_to_the_same_records(built_site, csv_rows):
    assert list(csv_rows[0]) == list(COLUMNS)
    assert csv_text(csv_rows).encode("utf-8") == (built_site / "annotations.csv").read_bytes()


def test_the_csv_has_the_annotations_of_the_jsonld(csv_rows, annotations):
    assert [row["annotation"] for row in csv_rows] == [annotation["id"] for annotation in annotations]
    for row, annotation in zip(csv_rows, annotations):
        selector, body = annotation["target"]["selector"], annotation["body"]
        assert (row["exact"], row["prefix"], row["suffix"]) == (
            selector["exact"], selector.get("prefix", ""), selector.get("suffix", ""))
        assert row["article"] == annotation["target"]["source"]
        assert row["speaker_name"] == body.get("speaker", {}).get("name", "")
        assert row["speaker_role"] == body.get("speaker", {}).get("role", "")
        assert row["source_title"] == body.get("citedSource", {}).get("title", "")
        assert row["source_date"] == body.get("citedSource", {}).get("date", "")
        assert (row["attribution_kind"], row["verification"]) == (body["attributionKind"], body["verification"])
        assert row["editors_note"] == body.get("editorsNote", "")


def test_the_data_page_links_both_downloads_and_states_the_licence(built_site):
    page = soup_of(built_site / "data" / "index.html")
    content = page.select_one("article")
    hrefs = {a["href"] for a in content.find_all("a", href=True)}
    for name in ("annotations.jsonld", "annotations.csv"):
        [link] = [href for href in hrefs if href.endswith(name)]
        target = urlsplit(urljoin(SITE_URL + "data/", link)).path.removeprefix("/annotated-articles/")
        assert (built_site / target).is_file()
    assert DATA_LICENCE in hrefs
    assert "CC BY 4.0" in content.get_text()


def test_every_term_of_the_vocabulary_is_explained_on_the_data_page(built_site, collection):
    page = soup_of(built_site / "data" / "index.html")
    for term in VOCABULARY:
        assert len(page.find_all(id=term)) == 1, term
        assert page.find(id=term).name == "dfn"
    assert collection["@context"][1]["aa"] == SITE_URL + "data/#"
    text = page.get_text()
    assert [column for column in COLUMNS if f"{column}" not in text] == []


def html_pages(built_site):
    return sorted(path for path in built_site.rglob("*.html") if path.name != "404.html")


def page_jsonld(path) -> list[dict]:
    """The JSON-LD of every ld+json script in the page's head."""
    head = soup_of(path).head
    return [json.loads(script.string) for script in head.find_all("script", type="application/ld+json")]


def test_every_page_carries_one_valid_jsonld_in_its_head(built_site):
    pages = html_pages(built_site)
    assert len(pages) >= 3
    for path in pages:
        assert len(soup_of(path).find_all("script", type="application/ld+json")) == 1, path
        [data] = page_jsonld(path)
        assert data["@context"] == "https://schema.org", path
        expansion = expand(data)
        assert expansion.dropped == [], path
        assert expansion.expanded and expansion.expanded[0]["@type"], path


def test_the_article_page_is_a_news_article_with_its_quotations(built_site, annotations):
    [data] = page_jsonld(built_site / ARTICLE_HTML)
    assert data["@type"] == "NewsArticle"
    assert data["url"] == ARTICLE_URL
    text = published_text(built_site)
    ids_in_page = {element["id"] for element in soup_of(built_site / ARTICLE_HTML).find_all(id=True)}
    cited = {work["@id"] for work in data["citation"]}
    assert len(data["hasPart"]) == len(annotations)
    for quotation in data["hasPart"]:
        assert quotation["@type"] == "Quotation"
        assert quotation["text"] in text
        assert urlsplit(quotation["@id"]).fragment in ids_in_page
        assert quotation["isBasedOn"]["@id"] in cited if "isBasedOn" in quotation else \
            quotation["@id"].endswith(("#experts-flailing-economy", "#analysts-inexperienced-troops"))
        assert "spokenByCharacter" in quotation or "creator" in quotation or "creditText" in quotation


def test_both_formats_name_speakers_and_sources_by_the_same_iris(built_site, annotations):
    [data] = page_jsonld(built_site / ARTICLE_HTML)
    speakers = {(q.get("spokenByCharacter") or q.get("creator"))["@id"] for q in data["hasPart"]
                if "spokenByCharacter" in q or "creator" in q}
    assert speakers == {a["body"]["speaker"]["id"] for a in annotations if "speaker" in a["body"]}
    assert len(speakers) > 5
    unnamed = [q for q in data["hasPart"] if "spokenByCharacter" not in q and "creator" not in q]
    assert [q["creditText"] for q in unnamed] == [a["body"]["attributedTo"] for a in annotations
                                                  if "speaker" not in a["body"]]
    sources = {q["isBasedOn"]["@id"] for q in data["hasPart"] if "isBasedOn" in q}
    assert sources == {a["body"]["citedSource"]["id"] for a in annotations if "citedSource" in a["body"]}


def test_a_site_without_site_url_fails_with_a_clear_message(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml: the published data needs the site's absolute address: set `site_url`" in result.stderr


def entity_pages():
    site = project_site()
    return ([("actors", id_) for id_ in site.actors] + [("people", id_) for id_ in site.people]
            + [("sources", id_) for id_ in site.sources])


ENTITY_FRAGMENTS = {"actors": "actor", "people": "speaker", "sources": "source"}


@pytest.mark.parametrize("kind, id_", entity_pages(), ids=[f"{kind}/{id_}" for kind, id_ in entity_pages()])
def test_each_actor_person_and_source_page_describes_its_subject(built_site, kind, id_):
    site = project_site()
    [data] = page_jsonld(built_site / kind / id_ / "index.html")
    assert data["@id"] == f"{SITE_URL}{kind}/{id_}/#{ENTITY_FRAGMENTS[kind]}"
    if kind == "actors":
        assert data["@type"] == ("Country" if site.actors[id_].kind == "country" else "Organization")
        assert data["name"] == site.actors[id_].name
    elif kind == "people":
        person = site.people[id_]
        assert data["name"] == person.name
        if person.type == "person":
            assert data["@type"] == "Person"
            assert ("affiliation" in data) == bool(person.actor or person.affiliation)
        else:
            assert data["@type"] in ("Organization", "GovernmentOrganization")
    else:
        assert data["@type"] in ("NewsArticle", "Report", "CreativeWork", "SocialMediaPosting")
        assert data["publisher"]["name"] == site.sources[id_].publisher
    if "url" in data and kind != "sources":
        assert data["url"] == f"{SITE_URL}{kind}/{id_}/"


def test_every_site_iri_in_the_data_leads_to_a_page_of_the_site(built_site, collection):
    documents = [collection] + [data for path in html_pages(built_site) for data in page_jsonld(path)]
    iris = {iri for document in documents for iri in node_iris(expand(document).expanded)
            if iri.startswith(SITE_URL)}
    assert len(iris) > 50
    missing = []
    for iri in sorted(iris):
        path = urlsplit(iri).path.removeprefix(urlsplit(SITE_URL).path)
        target = built_site / path / "index.html" if path == "" or path.endswith("/") else built_site / path
        if not target.is_file():
            missing.append(iri)
    assert missing == []
