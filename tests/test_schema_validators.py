"""The validator the build uses finds exactly the errors jsonschema finds with the schemas as written.

The build inlines the schemas' `$ref`s to shared definitions and checks them with its own
validator for the keywords they use (schema_subset), without importing jsonschema.
"""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from referencing import Registry, Resource

from annotated_article.data import schema_subset, schema_validation
from annotated_article.data.schema_validation import Schemas
from annotated_article.data.yaml_loading import YamlDocument, load_yaml_file
from conftest import PROJECT

SCHEMAS = PROJECT / "data" / "schemas"
FILES = {"actors.yml": "actors.schema.json", "people.yml": "people.schema.json", "sources.yml": "sources.schema.json",
         "articles/north-korea-troops-russia.yml": "article.schema.json"}


def schemas() -> dict:
    return {path.name: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.schema.json")}


def as_written(schema_name: str):
    loaded = schemas()
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in loaded.items())
    cls = jsonschema.validators.validator_for(loaded[schema_name])
    return cls(loaded[schema_name], registry=registry, format_checker=cls.FORMAT_CHECKER)


def broken_variants(data):
    """The data with one value spoiled at a time: each emptied, made a bad id or a number; a key added to each mapping."""
    def walk(node, path=()):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from walk(value, path + (key,))
            yield path + ("unknown_key",), "add"
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from walk(value, path + (index,))
        else:
            yield path, "replace"

    for path, action in walk(data):
        for bad in (["", "Not An Id", 42, None, True, 1.5, [], {"a": 1}, "2024-02-30", "2024-1-1", "a" * 201]
                    if action == "replace" else [1]):
            variant = copy.deepcopy(data)
            target = variant
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = bad
            yield variant


def errors(validator, document: YamlDocument) -> list[tuple]:
    """Each error as jsonschema reports it and as the editor reads it."""
    defs = Schemas(SCHEMAS).definitions()
    return sorted((tuple(map(str, e.absolute_path)), e.validator, e.message,
                   tuple(str(x) for x in schema_validation._explain(e, document, defs)))
                  for e in validator.iter_errors(document.data))


def test_inlining_removes_the_references_to_definitions():
    inlined = schema_validation._inline_references(schemas()["article.schema.json"], schemas())
    assert "definitions.schema.json#" not in json.dumps(inlined)


@pytest.mark.parametrize("schema_name", sorted(set(FILES.values())))
def test_the_build_checks_our_schemas_without_jsonschema(schema_name):
    assert isinstance(Schemas(SCHEMAS).validator(schema_name), schema_subset.SubsetValidator)


def test_a_schema_with_other_keywords_is_checked_by_jsonschema():
    schema = {"type": "array", "items": {"type": "string"}, "maxItems": 3}
    assert schema_subset.subset_validator(schema) is None
    assert schema_subset.subset_validator({"type": "string", "format": "email"}) is None
    assert schema_subset.subset_validator({"$ref": "other.json#/$defs/x"}) is None
    assert schema_validation._jsonschema_validator(schema, {}).is_valid(["abc"])
    assert not schema_validation._jsonschema_validator(schema, {}).is_valid(["a", "b", "c", "d"])


@pytest.mark.parametrize("data_file", FILES)
def test_the_build_finds_the_same_errors_as_jsonschema(data_file):
    schema_name = FILES[data_file]
    inlined = Schemas(SCHEMAS).validator(schema_name)
    written = as_written(schema_name)
    document = load_yaml_file(PROJECT / "data" / data_file, data_file)
    checked = 0
    data = document.data[:3] if isinstance(document.data, list) else {**document.data,
                                                                       "annotations": document.data["annotations"][:3]}
    for variant in broken_variants(data):
        spoiled = YamlDocument(document.file, variant, document.value_marks, document.key_marks)
        found = errors(inlined, spoiled)
        assert found == errors(written, spoiled)
        checked += bool(found)
    assert checked > 20  # variants that break the schema, compared


@pytest.mark.parametrize("url, scripts", [
    ("https://kvia.com/news/", []),
    ("https://пример.рф/", []),
    ("https://xn--e1afmkfd.xn--p1ai/", []),  # пример.рф, as browsers send it
    ("https://日本語のサイト.jp/", []),  # Han and kana are written together
    ("https://ex\u0430mple.com/", ["CYRILLIC", "LATIN"]),
    ("https://www.p\u0430ypal.com/", ["CYRILLIC", "LATIN"]),
    ("https://xn--kvi-8cd.com/", ["CYRILLIC", "LATIN"]),
    ("https://\u03b1pple.com/", ["GREEK", "LATIN"]),
    ("https://[::1/", []),  # not a host at all: the link pattern refuses it
])
def test_a_host_that_mixes_alphabets_is_found(url, scripts):
    assert schema_validation.mixed_scripts(url) == scripts


#: Values a schema's `$` must refuse: each ends in a line break, after which Python's `$` would still match.
TRAILING_BREAKS = [
    ("people.schema.json", [{"id": "mark-rutte\n", "name": "Mark Rutte", "role": "Secretary General"}], ("0", "id")),
    ("sources.schema.json", [{"id": "a", "publisher": "P", "kind": "news-report",
                              "links": [{"url": "https://example.org/\n", "kind": "original"}]}],
     ("0", "links", "0", "url")),
    ("article.schema.json", {"article": "articles/a.md\n", "annotations": []}, ("article",)),
]


@pytest.mark.parametrize("schema_name, data, path", TRAILING_BREAKS, ids=[t[0] for t in TRAILING_BREAKS])
def test_dollar_matches_only_at_the_true_end_in_both_validators(schema_name, data, path):
    """JSON Schema's patterns are ECMA-262's, where `$` is the end of the value: `mark-rutte\\n` is not an id.
    The build's own validator and the jsonschema one it falls back on refuse it alike."""
    loaded = schemas()
    inlined = schema_validation._inline_references(loaded[schema_name], loaded)
    document = YamlDocument("data/x.yml", data)
    ours = errors(schema_subset.subset_validator(inlined), document)
    fallback = errors(schema_validation._jsonschema_validator(inlined, loaded), document)
    assert ours == fallback
    assert [(found[0], found[1]) for found in ours] == [(path, "pattern")]


def test_an_unanchored_pattern_still_matches_anywhere_in_both_validators():
    loaded = schemas()
    inlined = schema_validation._inline_references(loaded["people.schema.json"], loaded)
    document = YamlDocument("data/x.yml", [{"id": "a", "name": "\n Mark Rutte\n", "role": "Secretary General"}])
    assert errors(schema_subset.subset_validator(inlined), document) == []
    assert errors(schema_validation._jsonschema_validator(inlined, loaded), document) == []


@pytest.mark.parametrize("pattern, ecma", [
    ("^a$", "^a\\Z"), ("[$]$", "[$]\\Z"), ("\\$x$", "\\$x\\Z"), ("^[^\\]$]*$", "^[^\\]$]*\\Z"),
    ("a.b", "a[^\\n\\r\\u2028\\u2029]b"), ("[.]", "[.]"), ("\\S", "\\S"),
])
def test_patterns_are_read_as_ecma_262_reads_them(pattern, ecma):
    assert schema_subset.ecma_pattern(pattern) == ecma


def test_the_text_definition_refuses_exactly_the_characters_that_hide_or_reorder_text():
    """Every displayed text refuses what schema_validation.HIDING lists (its messages name them), and keeps the
    joiners scripts and emoji need."""
    loaded = schemas()
    text = loaded["definitions.schema.json"]["$defs"]["text"]
    validator = schema_subset.subset_validator(text)
    fallback = schema_validation._jsonschema_validator(text, loaded)
    for character in schema_validation.HIDING:
        value = f"Mark {character}ettuR"
        assert list(validator.iter_errors(value)) and not fallback.is_valid(value), f"U+{ord(character):04X}"
    for value in ("Mark Rutte", "می\u200cخواهم", "👩\u200d🔬", "two\nlines", " x "):
        assert not list(validator.iter_errors(value)) and fallback.is_valid(value), value
    assert list(validator.iter_errors(" \n ")) and not fallback.is_valid(" \n ")
    refused = {chr(code) for code in range(0x20, 0x10000) if not 0xD800 <= code <= 0xDFFF
               and list(validator.iter_errors(f"a{chr(code)}"))}
    assert refused == schema_validation.HIDING
