"""The built annotation file against every MUST assertion of the W3C Web Annotation test suite."""

from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft4Validator
from linked_data import must_assertions, must_failures

ANNOTATION_MUSTS = "annotations/annotationMusts.test"
COLLECTION_MUSTS = "collections/collectionMusts.test"
PAGE_MUSTS = "collections/pages/pageMusts.test"


@pytest.fixture(scope="module")
def collection(each_site) -> dict:
    """The annotation file of the site as it is, then of the site with a second article."""
    return json.loads((each_site.site / "annotations.jsonld").read_text(encoding="utf-8"))


def standalone(collection: dict, node: dict) -> dict:
    """An annotation or page as it reads on its own: the collection's context, then its own keys."""
    return {"@context": collection["@context"], **node}


def test_the_suite_lists_the_musts_it_should():
    assert len(must_assertions(ANNOTATION_MUSTS)) == 54
    assert len(must_assertions(COLLECTION_MUSTS)) == 10
    assert len(must_assertions(PAGE_MUSTS)) == 15


def test_formats_are_checked():
    assert not Draft4Validator.FORMAT_CHECKER.conforms("not a uri", "uri")
    assert Draft4Validator.FORMAT_CHECKER.conforms("https://example.org/a#b/c", "uri")


def test_every_annotation_meets_every_must(collection):
    items = collection["first"]["items"]
    assert items
    failures = {item["id"]: must_failures(ANNOTATION_MUSTS, standalone(collection, item)) for item in items}
    assert {id_: problems for id_, problems in failures.items() if problems} == {}


def test_the_collection_meets_every_must(collection):
    assert must_failures(COLLECTION_MUSTS, collection) == []


def test_its_page_meets_every_must(collection):
    assert must_failures(PAGE_MUSTS, standalone(collection, collection["first"])) == []


def broken(collection: dict, change) -> dict:
    annotation = standalone(collection, copy.deepcopy(collection["first"]["items"][0]))
    change(annotation)
    return annotation


BREAKAGES = [
    ("id is not a uri", lambda a: a.update(id="not a uri"), "3.1-annotationIdValidated"),
    ("no context", lambda a: a.pop("@context"), "3.1-annotationContextValidated"),
    ("wrong type", lambda a: a.update(type="Note"), "3.1-annotationTypeValidated"),
    ("no target", lambda a: a.pop("target"), "3.1-targetKeyFound"),
    ("body and bodyValue", lambda a: a.update(bodyValue="text"), "3.2.5-notBodyBodyValue"),
    ("textual body with a source", lambda a: a["body"][1].update(source="https://example.org/"),
     "4-bodyEmbeddedTextualNoSource"),
    ("selector without exact", lambda a: a["target"]["selector"].pop("exact"), "4.2.4-textQuoteSelectorValid"),
    ("rights not a uri", lambda a: a.update(rights="CC BY"), "3.3.6-annotationRightsValidated"),
]


@pytest.mark.parametrize("change, assertion", [row[1:] for row in BREAKAGES], ids=[row[0] for row in BREAKAGES])
def test_the_suite_catches_a_broken_annotation(collection, change, assertion):
    failures = must_failures(ANNOTATION_MUSTS, broken(collection, change))
    assert any(assertion in failure for failure in failures), failures


def test_the_suite_catches_a_broken_collection(collection):
    without_first = {key: value for key, value in collection.items() if key != "first"}
    assert any("5.1-collectionFirstValidated" in f for f in must_failures(COLLECTION_MUSTS, without_first))
    negative = {**collection, "total": -1}
    assert any("5.1-collectionTotalValidated" in f for f in must_failures(COLLECTION_MUSTS, negative))
