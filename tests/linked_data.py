"""Offline checks of linked data: JSON-LD expansion with pyld, schema.org's vocabulary, and the W3C Web
Annotation test suite.

pyld loads contexts only through `offline_loader`, which serves the local
copies in fixtures/contexts/ (the contexts the W3C and schema.org publish)
and refuses every other address, so no test reaches the network. Every
schema.org term of an expanded document is looked up in schema.org's own
vocabulary (fixtures/schema.org/). The W3C suite's assertions are JSON
Schemas (draft-04) that `$ref` the files of its definitions/ folder; they
are checked with jsonschema, formats included.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jsonschema import Draft4Validator
from pyld import jsonld
from referencing import Registry
from referencing.jsonschema import DRAFT4

from annotated_article.open_data.annotation_table import FORMULA_STARTS

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTEXTS = FIXTURES / "contexts"
W3C_SUITE = FIXTURES / "w3c-annotation-tests"
SCHEMA_ORG_VOCABULARY = FIXTURES / "schema.org" / "schemaorg-current-https.jsonld"
_SCHEMA_ORG = ("http://schema.org/", "https://schema.org/")

LOCAL_CONTEXTS = {
    "http://www.w3.org/ns/anno.jsonld": CONTEXTS / "anno.jsonld",
    "https://www.w3.org/ns/anno.jsonld": CONTEXTS / "anno.jsonld",
    "https://schema.org": CONTEXTS / "schema.org.jsonld",
    "https://schema.org/": CONTEXTS / "schema.org.jsonld",
    "http://schema.org": CONTEXTS / "schema.org.jsonld",
    "http://schema.org/": CONTEXTS / "schema.org.jsonld",
}


class NotOffline(Exception):
    """A document asked for a context that has no local copy."""


def offline_loader(url: str, options: dict | None = None) -> dict:
    if url not in LOCAL_CONTEXTS:
        raise NotOffline(f"no local copy of {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": json.loads(LOCAL_CONTEXTS[url].read_text(encoding="utf-8"))}


@dataclass
class Expansion:
    expanded: list
    dropped: list[str | None]


def expand(document: dict) -> Expansion:
    """Expand `document` offline, noting every property the processor dropped."""
    dropped: list[str | None] = []
    expanded = jsonld.expand(document, {"documentLoader": offline_loader}, on_property_dropped=dropped.append)
    return Expansion(expanded, dropped)


def nodes(expanded) -> list[dict]:
    """Every mapping in an expanded JSON-LD document: its nodes and its values, at any depth."""
    found: list[dict] = []
    stack = [expanded]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
    return found


def node_iris(expanded) -> list[str]:
    """Every `@id` and `@type` in an expanded document."""
    found: list[str] = []
    for node in nodes(expanded):
        if "@id" in node:
            found.append(node["@id"])
        if isinstance(node.get("@type"), list):
            found.extend(node["@type"])
    return found


@dataclass(frozen=True)
class Vocabulary:
    """schema.org's terms, by name: each type and property of its current release (core, pending and the
    extensions schema.org hosts; not the attic of retired terms), and the area it belongs to (None: core)."""

    types: dict[str, str | None]
    properties: dict[str, str | None]

    def undefined(self, expanded, other_vocabularies: bool = False) -> list[str]:
        """Each schema.org type and property of an expanded document that schema.org does not define, and,
        unless `other_vocabularies`, each type or property from outside schema.org, as `type X` or
        `property X`."""
        found = []
        for kind, iri in used_terms(expanded):
            terms = self.types if kind == "type" else self.properties
            name = next((iri.removeprefix(prefix) for prefix in _SCHEMA_ORG if iri.startswith(prefix)), None)
            if name is None and other_vocabularies:
                continue
            if name is None or name not in terms:
                found.append(f"{kind} {iri}")
        return sorted(set(found))


@cache
def schema_org() -> Vocabulary:
    graph = json.loads(SCHEMA_ORG_VOCABULARY.read_text(encoding="utf-8"))["@graph"]
    types: dict[str, str | None] = {}
    properties: dict[str, str | None] = {}
    for node in graph:
        kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
        name = node["@id"].removeprefix("schema:")
        area = (node.get("schema:isPartOf") or {}).get("@id")
        if "rdf:Property" in kinds:
            properties[name] = area
        elif "rdfs:Class" in kinds or "schema:DataType" in kinds:
            types[name] = area
    return Vocabulary(types, properties)


def used_terms(expanded) -> list[tuple[str, str]]:
    """Every property and every type (of a node or of a value) in an expanded JSON-LD document, as
    ("property", IRI) or ("type", IRI)."""
    found: list[tuple[str, str]] = []
    for node in nodes(expanded):
        for key, value in node.items():
            if key == "@type":
                found += [("type", iri) for iri in (value if isinstance(value, list) else [value])]
            elif not key.startswith("@"):
                found.append(("property", key))
    return found


@cache
def _registry() -> Registry:
    definitions = [(path.name, DRAFT4.create_resource(json.loads(path.read_text(encoding="utf-8"))))
                   for path in sorted((W3C_SUITE / "definitions").glob("*.json"))]
    return Registry().with_resources(definitions)


@dataclass(frozen=True)
class Assertion:
    path: str
    validator: Draft4Validator

    def problems(self, document: dict) -> list[str]:
        message = self.validator.schema.get("errorMessage", "")
        return [f"{self.path}: {message} ({error.message})" for error in self.validator.iter_errors(document)]


@cache
def must_assertions(test_file: str) -> tuple[Assertion, ...]:
    """The MUST assertions a `.test` file of the suite lists, e.g. `annotations/annotationMusts.test`."""
    listing = json.loads((W3C_SUITE / test_file).read_text(encoding="utf-8"))
    assertions = []
    for path in listing["assertions"]:
        schema = json.loads((W3C_SUITE / path).read_text(encoding="utf-8"))
        if schema.get("assertionType") != "must" or schema.get("expectedResult") != "valid":
            raise ValueError(f"{path} is not a MUST assertion expecting a valid document")
        validator = Draft4Validator(schema, registry=_registry(), format_checker=Draft4Validator.FORMAT_CHECKER)
        assertions.append(Assertion(path, validator))
    return tuple(assertions)


def must_failures(test_file: str, document: dict) -> list[str]:
    return [problem for assertion in must_assertions(test_file) for problem in assertion.problems(document)]


def read_rows(text: str) -> list[dict[str, str]]:
    """The rows of annotations.csv, each value as it was: the apostrophe the file puts before a cell a spreadsheet
    would run as a formula (annotation_table.spreadsheet_cell) is taken off again."""
    def value(cell: str) -> str:
        return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell

    return [{column: value(cell) for column, cell in row.items()} for row in csv.DictReader(io.StringIO(text, newline=""))]
