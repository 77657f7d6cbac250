"""The W3C Web Annotation collection built from the project's data: ids, targets and bodies."""

from __future__ import annotations

import dataclasses
import json

import pytest

from annotated_article.model import Article
from annotated_article.open_data.web_annotations import BORROWED_TERMS, VOCABULARY, annotation_collection, context
from annotated_article.render.claims import site_claims
from project_data import project_site, site_urls

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def collection(site):
    return annotation_collection(site, site_claims(site), site_urls(), "Label", LICENCE)


def by_id(collection_data) -> dict[str, dict]:
    return {item["id"]: item for item in collection_data["first"]["items"]}


@pytest.fixture(scope="module")
def site():
    return project_site()


@pytest.fixture(scope="module")
def annotations(site):
    return by_id(collection(site))


def test_one_annotation_per_annotation_of_the_data(site, annotations):
    expected = {f"{site_urls().annotation_collection()}#{path.removesuffix('.md')}/{a.id}"
                for path, article in site.articles.items() for a in article.annotations}
    assert set(annotations) == expected


def test_iris_do_not_depend_on_the_order_of_the_annotations(site, annotations):
    reordered = dataclasses.replace(site, articles={
        path: dataclasses.replace(article, annotations=tuple(reversed(article.annotations)))
        for path, article in site.articles.items()})
    assert by_id(collection(reordered)) == annotations


def test_an_annotation_targets_its_article_by_the_words_quoted(annotations):
    item = annotations[site_urls().annotation("articles/north-korea-troops-russia.md", "russian-losses-per-day")]
    assert item["target"]["source"] == site_urls().page("articles/north-korea-troops-russia.md")
    selector = item["target"]["selector"]
    assert selector["type"] == "TextQuoteSelector"
    assert selector["exact"] == "about 1,200 Russian troops are being killed daily"
    assert selector["prefix"].endswith("to help Putin’s cause, given ")
    assert selector["suffix"].startswith(" and the North Korean troops")


def test_the_body_says_who_where_how_and_how_sure(annotations):
    body = annotations[site_urls().annotation("articles/north-korea-troops-russia.md", "russian-losses-per-day")]["body"][0]
    assert body["type"] == "TextualBody" and body["format"] == "text/plain"
    assert body["speaker"]["name"] == "Antony Blinken"
    assert body["speaker"]["role"] == "U.S. Secretary of State"
    assert body["speaker"]["id"] == site_urls().entity("people", "antony-blinken")
    assert body["speaker"]["actor"]["id"] == site_urls().entity("actors", "united-states")
    assert body["attributedTo"] == "Analysts; the figure comes from U.S. officials"
    source = body["citedSource"]
    assert (source["publisher"], source["date"]) == ("U.S. Department of State", "2024-10-31")
    assert source["title"].startswith("Secretary Blinken, Secretary Austin")
    assert source["link"][0]["id"].startswith("https://www.anews.com.tr/")
    assert source["link"][0]["linkKind"] == "report"
    assert body["attributionKind"] == "paraphrase"
    assert "casualties, killed and wounded, not deaths" in body["editorsNote"]
    assert [s["id"] for s in body["seeAlso"]] == [site_urls().entity("sources", "isw-2024-11-01")]
    for words in ("Antony Blinken", "paraphrase", "U.S. Department of State", "31 October 2024",
                  "casualties, killed and wounded"):
        assert words in body["value"]


def test_an_organization_that_speaks_is_an_organization(annotations):
    body = annotations[site_urls().annotation("articles/north-korea-troops-russia.md", "uk-interoperability")]["body"][0]
    assert body["speaker"]["type"] == "Organization"
    assert body["speaker"]["name"] == "UK Ministry of Defence"


def test_words_credited_to_nobody_on_record_have_no_speaker(site):
    path = "articles/north-korea-troops-russia.md"
    article = site.articles[path]
    first = dataclasses.replace(article.annotations[0], speaker="", attributed_to="Unnamed officials")
    changed = dataclasses.replace(site, articles={path: Article(path, article.data_file,
                                                                (first, *article.annotations[1:]), plan=article.plan)})
    body = by_id(collection(changed))[site_urls().annotation(path, first.id)]["body"][0]
    assert "speaker" not in body
    assert body["attributedTo"] == "Unnamed officials"
    assert body["value"].startswith("Who: Unnamed officials.")


def test_optional_facts_are_left_out_rather_than_empty(annotations):
    for item in annotations.values():
        described, assessed = item["body"]
        for node in (described, assessed, described.get("citedSource", {}), item["target"]["selector"],
                     *assessed.get("said", [])):
            assert all(value not in ("", [], None) for value in node.values()), node


def test_collection_counts_its_items_and_has_one_page(site):
    data = collection(site)
    items = data["first"]["items"]
    assert data["total"] == len(items) == sum(len(a.annotations) for a in site.articles.values())
    assert data["last"] == data["first"]["id"]
    assert data["first"]["partOf"]["id"] == data["id"] == site_urls().annotation_collection()


def test_the_site_vocabulary_lives_on_the_data_page():
    terms = context(site_urls())[1]
    assert terms["aa"] == site_urls().page("data.md") + "#"
    assert set(VOCABULARY) | set(BORROWED_TERMS) | {"aa"} == set(terms)


@pytest.mark.parametrize("label", ["Label", "\x00items\x00", 'a "quoted" label'])
def test_the_collection_file_is_the_collection_with_one_annotation_per_line(site, label):
    from annotated_article.open_data.published import annotations_json

    data = annotation_collection(site, site_claims(site), site_urls(), label, LICENCE)
    text = annotations_json(data)
    assert json.loads(text) == data
    assert text.endswith("}\n")
    lines = text.splitlines()
    if "\x00" not in label:  # a label that would stand for the items is written indented throughout
        assert len(lines) == len(json.dumps({**data, "first": {**data["first"], "items": []}}, indent=2).splitlines()) \
            + len(data["first"]["items"]) + 1
        written = {line.removesuffix(",") for line in lines}
        for item in data["first"]["items"]:
            assert "      " + json.dumps(item, ensure_ascii=False) in written
    empty = {**data, "total": 0, "first": {**data["first"], "items": []}}
    assert json.loads(annotations_json(empty)) == empty
