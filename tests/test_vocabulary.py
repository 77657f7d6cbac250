"""Every value a data field's schema allows has its words: a new value cannot reach a page unnamed."""

from __future__ import annotations

import json

import pytest

from annotated_article.data import vocabulary
from conftest import PROJECT

ANNOTATION = ("properties", "annotations", "items", "properties")
SOURCE = ("items", "properties")

#: Each table, and where the schemas define the values it names: file, then the path to the field.
FIELDS = {
    "KIND_WORDS": ("article.schema.json", (*ANNOTATION, "kind")),
    "SOURCE_SEEN_WORDS": ("article.schema.json", (*ANNOTATION, "source_seen")),
    "SOURCE_SEEN_MEANINGS": ("article.schema.json", (*ANNOTATION, "source_seen")),
    "WORDING_WORDS": ("article.schema.json", (*ANNOTATION, "wording")),
    "WORDING_MEANINGS": ("article.schema.json", (*ANNOTATION, "wording")),
    "LINK_KIND_WORDS": ("definitions.schema.json", ("$defs", "links", "items", "properties", "kind")),
    "SOURCE_KIND_WORDS": ("sources.schema.json", (*SOURCE, "kind")),
    "SOURCE_TYPES": ("sources.schema.json", (*SOURCE, "kind")),
    "ACTOR_TYPES": ("actors.schema.json", ("items", "properties", "kind")),
    "PUBLISHER_ITEM_TYPES": ("article.schema.json", ("properties", "publisher_kind")),
}


def allowed_values(schema_file: str, path: tuple[str, ...]) -> list[str]:
    node = json.loads((PROJECT / "data" / "schemas" / schema_file).read_text(encoding="utf-8"))
    for key in path:
        node = node[key]
    return node["enum"]


@pytest.mark.parametrize("table", sorted(FIELDS))
def test_each_table_names_exactly_the_values_its_schema_allows(table):
    assert list(getattr(vocabulary, table)) == allowed_values(*FIELDS[table])


def test_every_table_of_the_module_is_checked_against_a_schema():
    tables = {name for name, value in vars(vocabulary).items() if name.isupper() and isinstance(value, dict)}
    assert tables == set(FIELDS)


@pytest.mark.parametrize("table", sorted(FIELDS))
def test_words_are_words(table):
    words = getattr(vocabulary, table)
    assert all(isinstance(word, str) for word in words.values())
    # Only a link to the original itself goes without words on the page.
    assert [value for value, word in words.items() if not word] == (["original"] if table == "LINK_KIND_WORDS" else [])
