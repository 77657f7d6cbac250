"""The part of JSON Schema the data's schemas use, checked without importing jsonschema.

Importing jsonschema (its registry of every draft's metaschema, and the format checkers it
finds installed) takes longer than checking all of the seed's data: about a quarter of a
second of CPU in every build and every `make check`. This module checks exactly the keywords
our schemas use, with jsonschema's meaning and messages (draft 2020-12). `subset_validator`
returns None for a schema that uses anything else; the caller then uses jsonschema itself.
tests/test_schema_validators.py checks that both find the same errors.

A `pattern` is a regular expression of ECMA-262, as JSON Schema says and as editors' tools read it:
searched for anywhere in the value (`\\S`), with `$` matching only at the value's true end and `.` at
no line break. Python's `$` also matches before a final line break, so `mark-rutte\\n` would pass for an
id: `ecma_pattern` writes a pattern for Python's `re` with those meanings, and both validators use it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterator

#: Keywords that do not check anything.
_ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda value: isinstance(value, str),
    "array": lambda value: isinstance(value, list),
    "object": lambda value: isinstance(value, dict),
    "boolean": lambda value: isinstance(value, bool),
    "null": lambda value: value is None,
    "integer": lambda value: (isinstance(value, int) and not isinstance(value, bool))
    or (isinstance(value, float) and value.is_integer()),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
}


@dataclass(frozen=True)
class SchemaError:
    """One broken keyword, with the attributes of jsonschema's ValidationError that errors are explained from."""

    message: str
    validator: str  # the keyword
    validator_value: Any
    instance: Any
    schema: dict
    absolute_path: tuple


class SubsetValidator:
    def __init__(self, schema: dict):
        self.schema = schema

    def iter_errors(self, instance: Any) -> Iterator[SchemaError]:
        return _check(instance, self.schema, ())


def subset_validator(schema: Any) -> SubsetValidator | None:
    """A validator for `schema` (its `$ref`s already inlined), or None if it uses other keywords."""
    return SubsetValidator(schema) if _supported(schema) else None


def _supported(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    for keyword, value in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        if keyword == "type":
            types = [value] if isinstance(value, str) else value
            ok = isinstance(types, list) and bool(types) and all(t in _TYPES for t in types)
        elif keyword == "properties":
            ok = isinstance(value, dict) and all(_supported(sub) for sub in value.values())
        elif keyword == "items":
            ok = _supported(value)
        elif keyword == "additionalProperties":
            ok = isinstance(value, bool)
        elif keyword in ("required", "enum"):
            ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        elif keyword == "pattern":
            ok = isinstance(value, str)
        elif keyword in ("minLength", "maxLength"):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif keyword == "format":
            ok = value == "date"
        else:
            ok = False
        if not ok:
            return False
    return True


def _check(instance: Any, schema: dict, path: tuple) -> Iterator[SchemaError]:
    for keyword, value in schema.items():
        check = _KEYWORDS.get(keyword)
        if check is not None:
            for message in check(instance, value, schema):
                yield SchemaError(message, keyword, value, instance, schema, path)
        elif keyword == "properties" and isinstance(instance, dict):
            for name, subschema in value.items():
                if name in instance:
                    yield from _check(instance[name], subschema, path + (name,))
        elif keyword == "items" and isinstance(instance, list):
            for index, item in enumerate(instance):
                yield from _check(item, value, path + (index,))


def _type(instance, types, schema):
    types = [types] if isinstance(types, str) else types
    if not any(_TYPES[name](instance) for name in types):
        yield f"{instance!r} is not of type {', '.join(repr(name) for name in types)}"


def _additional_properties(instance, allowed, schema):
    if isinstance(instance, dict) and not allowed:
        extras = sorted({key for key in instance if key not in schema.get("properties", {})}, key=str)
        if extras:
            verb = "was" if len(extras) == 1 else "were"
            yield f"Additional properties are not allowed ({', '.join(repr(extra) for extra in extras)} {verb} unexpected)"


def _required(instance, names, schema):
    if isinstance(instance, dict):
        for name in names:
            if name not in instance:
                yield f"{name!r} is a required property"


def _enum(instance, options, schema):
    if not (isinstance(instance, str) and instance in options):
        yield f"{instance!r} is not one of {options!r}"


def _pattern(instance, pattern, schema):
    if isinstance(instance, str) and not ecma_search(pattern, instance):
        yield f"{instance!r} does not match {pattern!r}"


def ecma_search(pattern: str, value: str) -> bool:
    """Whether ECMA-262's reading of `pattern` matches somewhere in `value`, as JSON Schema's `pattern` asks."""
    return _compiled(pattern).search(value) is not None


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(ecma_pattern(pattern))


def ecma_pattern(pattern: str) -> str:
    """`pattern` for Python's `re`, meaning what it means in ECMA-262 (without flags): `$` outside a character class
    becomes `\\Z` (the end of the value, never before a final line break), `.` a character other than a line
    terminator. Escaped characters and classes are copied as they are."""
    result, in_class, index = [], False, 0
    while index < len(pattern):
        character = pattern[index]
        if character == "\\":
            result.append(pattern[index:index + 2])
            index += 2
            continue
        if in_class:
            in_class = character != "]"
            result.append(character)
        elif character == "[":
            in_class = True
            result.append(character)
            if pattern[index + 1:index + 2] == "^":  # Python reads a `]` right after `[` or `[^` as a member
                result.append("^")
                index += 1
            if pattern[index + 1:index + 2] == "]":
                result.append("]")
                index += 1
        else:
            result.append({"$": "\\Z", ".": "[^\\n\\r\\u2028\\u2029]"}.get(character, character))
        index += 1
    return "".join(result)


def _min_length(instance, length, schema):
    if isinstance(instance, str) and len(instance) < length:
        yield f"{instance!r} {'should be non-empty' if length == 1 else 'is too short'}"


def _max_length(instance, length, schema):
    if isinstance(instance, str) and len(instance) > length:
        yield f"{instance!r} {'is expected to be empty' if length == 0 else 'is too long'}"


def _format(instance, name, schema):
    if isinstance(instance, str):
        try:
            valid = bool(_DATE.fullmatch(instance) and datetime.date.fromisoformat(instance))
        except ValueError:
            valid = False
        if not valid:
            yield f"{instance!r} is not a {name!r}"


_KEYWORDS = {"type": _type, "additionalProperties": _additional_properties, "required": _required, "enum": _enum,
             "pattern": _pattern, "minLength": _min_length, "maxLength": _max_length, "format": _format}
