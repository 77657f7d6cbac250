"""The real site's open data: the two downloads, the Data page, and the JSON-LD in every page's head.

Each test reads the site as it is and the site with a second article (`each_site`).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest

from annotated_article.article.text import APPARATUS_CLASSES, BLOCK_TAGS, NOTES_CLASSES
from annotated_article.open_data.annotation_table import COLUMNS, csv_text
from annotated_article.open_data.published import DATA_LICENCE
from annotated_article.open_data.web_annotations import VOCABULARY
from conftest import article_html, copy_project, run_mkdocs_build, soup_of
from linked_data import expand, node_iris, read_rows

pytestmark = pytest.mark.build

SITE_URL = "https://example.org/annotated-articles/"


def article_url(path: str) -> str:
    return SITE_URL + path.removesuffix(".md") + "/"


@pytest.fixture(scope="module")
def site_dir(each_site):
    return each_site.site


@pytest.fixture(scope="module")
def collection(site_dir) -> dict:
    return json.loads((site_dir / "annotations.jsonld").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def annotations(collection) -> list[dict]:
    return collection["first"]["items"]


@pytest.fixture(scope="module")
def csv_rows(site_dir) -> list[dict[str, str]]:
    return read_rows((site_dir / "annotations.csv").read_bytes().decode("utf-8"))


def published_text(site_dir, path: str) -> str:
    """The article's text as a reader sees it: every block of the page's article (headings, paragraphs, list items,
    quotations...), apart from one another as the build reads them (`BLOCK_TAGS`), without what the annotations add
    around it (dateline, summary, markers, paragraph links, the footnotes, the corrections) or the article's own
    footnotes."""
    body = soup_of(site_dir / article_html(path)).select_one("article.md-content__inner")
    added = ", ".join(f".{name}" for name in sorted(APPARATUS_CLASSES | NOTES_CLASSES))
    for apparatus in body.select(f"{added}, .dateline, .printed-from, .claims-summary, .corrections-line, .corrections"):
        apparatus.decompose()
    for block in body.find_all(sorted(BLOCK_TAGS)):
        block.insert_before(" ")
        block.insert_after(" ")
    return re.sub(r"\s+", " ", body.get_text()).strip()


def describing(annotation: dict) -> dict:
    """The body that describes the attribution (the other assesses it)."""
    [body] = [body for body in annotation["body"] if body["purpose"] == "describing"]
    return body


def occurrences(text: str, needle: str) -> int:
    return sum(1 for index in range(len(text)) if text.startswith(needle, index))


def test_a_build_writes_both_downloads_at_the_site_root(site_dir):
    assert (site_dir / "annotations.jsonld").is_file()
    assert (site_dir / "annotations.csv").is_file()


def test_the_annotation_file_expands_offline_and_drops_no_term(collection):
    expansion = expand(collection)
    assert expansion.dropped == []
    iris = node_iris(expansion.expanded)
    assert "http://www.w3.org/ns/oa#Annotation" in iris
    assert [iri for iri in iris if not iri.startswith(("http://", "https://"))] == []


def test_every_annotation_has_the_models_required_fields(collection, annotations, each_site):
    in_data = [a for article in each_site.data.articles.values() for a in article.annotations]
    assert collection["type"] == "AnnotationCollection"
    assert collection["total"] == len(annotations) == len(in_data)
    for annotation in annotations:
        assert annotation["type"] == "Annotation"
        assert annotation["id"].startswith(SITE_URL + "annotations.jsonld#")
        assert annotation["target"]["source"] in {article_url(path) for path in each_site.data.articles}
        assert annotation["target"]["selector"]["type"] == "TextQuoteSelector"
        body, assessment = annotation["body"]
        assert (body["purpose"], assessment["purpose"]) == ("describing", "assessing")
        assert body["value"] and assessment["value"]
        assert assessment["sourceSeen"] in ("original", "report", "not-found")
        if "citedSource" in body:
            assert body["citedSource"]["publisher"]
        else:
            assert assessment["sourceSeen"] == "not-found" and "Source: none found." in body["value"]
    assert sum("citedSource" in describing(annotation) for annotation in annotations) == \
        sum(bool(a.source) for a in in_data)
    assert len({annotation["id"] for annotation in annotations}) == len(annotations)


def test_each_quote_with_its_prefix_and_suffix_occurs_once_in_its_article(site_dir, annotations, each_site):
    texts = {article_url(path): published_text(site_dir, path) for path in each_site.data.articles}
    for annotation in annotations:
        selector = annotation["target"]["selector"]
        whole = selector.get("prefix", "") + selector["exact"] + selector.get("suffix", "")
        assert occurrences(texts[annotation["target"]["source"]], whole) == 1, selector


def test_the_csv_round_trips_to_the_same_records(site_dir, csv_rows):
    assert list(csv_rows[0]) == list(COLUMNS)
    assert csv_text(csv_rows).encode("utf-8") == (site_dir / "annotations.csv").read_bytes()


def test_the_csv_has_the_annotations_of_the_jsonld(csv_rows, annotations):
    assert [row["annotation"] for row in csv_rows] == [annotation["id"] for annotation in annotations]
    for row, annotation in zip(csv_rows, annotations):
        selector, body = annotation["target"]["selector"], describing(annotation)
        assessment = annotation["body"][1]
        assert (row["exact"], row["prefix"], row["suffix"]) == (
            selector["exact"], selector.get("prefix", ""), selector.get("suffix", ""))
        assert row["article"] == annotation["target"]["source"]
        assert row["speaker_name"] == body.get("speaker", {}).get("name", "")
        assert row["speaker_role"] == body.get("speaker", {}).get("role", "")
        assert row["source_title"] == body.get("citedSource", {}).get("title", "")
        assert row["source_date"] == body.get("citedSource", {}).get("date", "")
        assert (row["attribution_kind"], row["source_seen"], row["wording"]) == (
            body["attributionKind"], assessment["sourceSeen"], assessment["wording"])
        assert row["editors_note"] == body.get("editorsNote", "")


def test_the_data_page_links_both_downloads_and_states_the_licence(site_dir):
    page = soup_of(site_dir / "data" / "index.html")
    content = page.select_one("article")
    hrefs = {a["href"] for a in content.find_all("a", href=True)}
    for name in ("annotations.jsonld", "annotations.csv"):
        [link] = [href for href in hrefs if href.endswith(name)]
        target = urlsplit(urljoin(SITE_URL + "data/", link)).path.removeprefix("/annotated-articles/")
        assert (site_dir / target).is_file()
    assert DATA_LICENCE in hrefs
    assert "CC BY 4.0" in content.get_text()


def test_every_term_of_the_vocabulary_is_explained_on_the_data_page(site_dir, collection):
    page = soup_of(site_dir / "data" / "index.html")
    for term in VOCABULARY:
        assert len(page.find_all(id=term)) == 1, term
        assert page.find(id=term).name == "dfn"
    assert collection["@context"][1]["aa"] == SITE_URL + "data/#"
    text = page.get_text()
    assert [column for column in COLUMNS if f"{column}" not in text] == []


def html_pages(site_dir):
    return sorted(path for path in site_dir.rglob("*.html") if path.name != "404.html")


def page_jsonld(path) -> list[dict]:
    """The JSON-LD of every ld+json script in the page's head."""
    head = soup_of(path).head
    return [json.loads(script.string) for script in head.find_all("script", type="application/ld+json")]


def test_every_page_carries_one_valid_jsonld_in_its_head(site_dir):
    pages = html_pages(site_dir)
    assert len(pages) >= 3
    for path in pages:
        assert len(soup_of(path).find_all("script", type="application/ld+json")) == 1, path
        [data] = page_jsonld(path)
        assert data["@context"] == "https://schema.org", path
        expansion = expand(data)
        assert expansion.dropped == [], path
        assert expansion.expanded and expansion.expanded[0]["@type"], path


def articles_with_annotations(each_site, annotations):
    """Each article's path, its annotations in the data, and its annotations in the annotation file."""
    for path, article in each_site.data.articles.items():
        yield path, article.annotations, [a for a in annotations if a["target"]["source"] == article_url(path)]


def test_each_article_page_is_a_news_article_with_its_quotations(site_dir, annotations, each_site):
    for path, in_data, in_file in articles_with_annotations(each_site, annotations):
        [data] = page_jsonld(site_dir / article_html(path))
        assert data["@type"] == "NewsArticle"
        assert data["mainEntityOfPage"] == article_url(path)
        text = published_text(site_dir, path)
        ids_in_page = {element["id"] for element in soup_of(site_dir / article_html(path)).find_all(id=True)}
        cited = {work["@id"] for work in data["citation"]}
        assert len(data["hasPart"]) == len(in_file) == len(in_data)
        for quotation, annotation in zip(data["hasPart"], in_data):
            assert quotation["@type"] == "Quotation"
            assert quotation["text"] in text
            assert urlsplit(quotation["@id"]).fragment == annotation.id and annotation.id in ids_in_page
            assert ("isBasedOn" in quotation) == bool(annotation.source)
            assert quotation["isBasedOn"]["@id"] in cited if annotation.source else True
            assert "spokenByCharacter" in quotation or "creator" in quotation or "creditText" in quotation


def test_both_formats_name_speakers_and_sources_by_the_same_iris(site_dir, annotations, each_site):
    named = set()
    for path, _, in_file in articles_with_annotations(each_site, annotations):
        [data] = page_jsonld(site_dir / article_html(path))
        speakers = {(q.get("spokenByCharacter") or q.get("creator"))["@id"] for q in data["hasPart"]
                    if "spokenByCharacter" in q or "creator" in q}
        assert speakers == {describing(a)["speaker"]["id"] for a in in_file if "speaker" in describing(a)}
        named |= speakers
        unnamed = [q for q in data["hasPart"] if "spokenByCharacter" not in q and "creator" not in q]
        assert [q["creditText"] for q in unnamed] == [describing(a)["attributedTo"] for a in in_file
                                                      if "speaker" not in describing(a)]
        sources = {q["isBasedOn"]["@id"] for q in data["hasPart"] if "isBasedOn" in q}
        assert sources == {describing(a)["citedSource"]["id"] for a in in_file if "citedSource" in describing(a)}
    assert len(named) == len({a.speaker for article in each_site.data.articles.values()
                              for a in article.annotations if a.speaker})


def test_a_site_without_site_url_fails_with_a_clear_message(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "mkdocs.yml: the published data needs the site's absolute address: set `site_url`" in result.stderr


ENTITY_FRAGMENTS = {"actors": "actor", "people": "speaker", "sources": "source"}


def test_each_actor_person_and_source_page_describes_its_subject(site_dir, each_site):
    site = each_site.data
    for kind, registry in (("actors", site.actors), ("people", site.people), ("sources", site.sources)):
        for id_ in registry:
            describes_its_subject(site_dir, site, kind, id_)


def describes_its_subject(site_dir, site, kind, id_):
    [data] = page_jsonld(site_dir / kind / id_ / "index.html")
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


def test_every_site_iri_in_the_data_leads_to_a_page_of_the_site(site_dir, collection):
    documents = [collection] + [data for path in html_pages(site_dir) for data in page_jsonld(path)]
    iris = {iri for document in documents for iri in node_iris(expand(document).expanded)
            if iri.startswith(SITE_URL)}
    assert len(iris) > 50
    missing = []
    for iri in sorted(iris):
        path = urlsplit(iri).path.removeprefix(urlsplit(SITE_URL).path)
        target = site_dir / path / "index.html" if path == "" or path.endswith("/") else site_dir / path
        if not target.is_file():
            missing.append(iri)
    assert missing == []
