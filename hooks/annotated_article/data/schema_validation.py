"""Check a data file against its JSON Schema and say what is wrong in an editor's words.

The schemas in `data/schemas/` are the one definition of the fields: editors'
tools read them through the `# yaml-language-server: $schema=...` line, and
this module reads the same files.
"""

from __future__ import annotations

import difflib
import html
import json
import re
import unicodedata
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from annotated_article.data.errors import DataError, DataErrors, shown
from annotated_article.data.project_files import decode, read_bytes
from annotated_article.data.schema_subset import ecma_search, subset_validator
from annotated_article.data.yaml_loading import YamlDocument

if TYPE_CHECKING:
    import jsonschema

#: Problems of one file past which its check stops: each costs time, and no editor reads that many.
MAX_PROBLEMS = 1_000
RESTORE = "Editors never need to change the schemas: restore the file from the project's history"
_TYPE_WORDS = {
    "string": "text",
    "array": "a list (lines starting with `- `)",
    "object": "a mapping (lines of `key: value`)",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
}


class Schemas:
    """The schemas of `data/schemas/` as one load finds them: read afresh each time, so that a schema edited
    under `mkdocs serve` is what the next rebuild checks with. What is worked out from them (the parsed
    files, each validator) is kept in `kept`, keyed on the bytes of every schema, for the next load."""

    def __init__(self, schema_dir: Path, kept: dict | None = None):
        self.dir = schema_dir
        raw, errors = {}, []
        for path in sorted(schema_dir.glob("*.schema.json")):
            try:
                raw[path.name] = read_bytes(path, self.shown(path.name), schema_dir.parent.parent)
            except DataErrors as failure:
                errors += failure.errors
        key = (str(schema_dir), tuple(sorted(raw.items())), tuple(errors))
        kept = {} if kept is None else kept
        if key not in kept:
            kept.clear()  # a schema changed: nothing worked out from the old ones is valid any more
            kept[key] = (self._parse(raw, errors), {})
        self.parsed, self.validators = kept[key]

    def shown(self, name: str) -> str:
        return f"{self.dir.parent.name}/{self.dir.name}/{name}"

    def _parse(self, raw: dict[str, bytes], errors: list[DataError]) -> dict[str, Any] | DataErrors:
        """Every `*.schema.json` by name, or the problems of those that cannot be read."""
        schemas = {}
        for name, content in raw.items():
            try:
                schemas[name] = json.loads(decode(content, self.shown(name)))
            except DataErrors as failure:
                errors = errors + failure.errors
            except (json.JSONDecodeError, RecursionError) as error:
                errors = errors + [DataError(self.shown(name), getattr(error, "lineno", 1), getattr(error, "colno", 1),
                                             f"the schema is not valid JSON ({getattr(error, 'msg', error)})", RESTORE)]
        return DataErrors(errors) if errors else schemas

    def all(self) -> dict[str, Any]:
        """Every schema by file name. Raises DataErrors for those that cannot be read."""
        if isinstance(self.parsed, DataErrors):
            raise self.parsed
        return self.parsed

    def validator(self, schema_name: str) -> Any:
        """The schema's validator: our own for the keywords our schemas use (see schema_subset), else jsonschema's."""
        if schema_name not in self.validators:
            schemas = self.all()
            for name in ("definitions.schema.json", schema_name):
                if name not in schemas:
                    raise DataErrors([DataError(self.shown(name), 1, 1, "the schema is missing", RESTORE)])
            schema = _inline_references(schemas[schema_name], schemas)
            self.validators[schema_name] = subset_validator(schema) or _jsonschema_validator(schema, schemas)
        return self.validators[schema_name]

    def definitions(self) -> dict[str, Any]:
        """The shared `$defs` (id, text, url patterns)."""
        return self.all()["definitions.schema.json"].get("$defs", {})


def _jsonschema_failures() -> tuple[type[Exception], ...]:
    """What jsonschema raises for a schema it cannot use: one that is invalid, or refers to nothing."""
    from jsonschema.exceptions import SchemaError
    from referencing.exceptions import Unresolvable

    return SchemaError, Unresolvable


def _jsonschema_validator(schema: dict, schemas: dict[str, Any]) -> jsonschema.protocols.Validator:
    import jsonschema  # only here: importing it costs more than checking the data (see schema_subset)
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (name, Resource.from_contents(contents)) for name, contents in schemas.items()
    )
    draft = jsonschema.validators.validator_for(schema)
    draft.check_schema(schema)
    cls = jsonschema.validators.extend(draft, {"pattern": _ecma_pattern})  # `$` at the true end, as in schema_subset
    return cls(schema, registry=registry, format_checker=draft.FORMAT_CHECKER)


def _ecma_pattern(validator, pattern: str, instance: Any, schema: dict):
    """jsonschema's `pattern` keyword with ECMA-262's meaning of the pattern (see schema_subset.ecma_pattern)."""
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not ecma_search(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


#: Keywords that only describe: where a `$ref` and its definition both have one, the `$ref`'s is kept.
_ANNOTATIONS = {"description", "title", "$comment", "examples", "default"}


def _inline_references(node: Any, schemas: dict[str, Any], seen: frozenset = frozenset()) -> Any:
    """`node` with each `$ref` to a definition in one of `schemas` replaced by the definition itself.

    jsonschema looks a `$ref` up in its registry on every value it checks, which took most of the
    validation time once the data has thousands of entries. Inlined, the same keywords check the
    same values, so the errors are the same. A `$ref` that is not of the form
    `FILE#/$defs/NAME`, that is circular, or whose definition shares a checking keyword with the
    `$ref`'s own, is left to the registry.
    """
    if isinstance(node, list):
        return [_inline_references(item, schemas, seen) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref")
    target = _definition(reference, schemas) if isinstance(reference, str) and reference not in seen else None
    if target is not None and (set(target) & set(node)) - _ANNOTATIONS:
        target = None
    result = {} if target is None else _inline_references(target, schemas, seen | {reference})
    for key, value in node.items():
        if key != "$ref" or target is None:
            result[key] = _inline_references(value, schemas, seen)
    return result


def _definition(reference: str, schemas: dict[str, Any]) -> dict | None:
    file, _, pointer = reference.partition("#")
    parts = pointer.split("/")
    if len(parts) != 3 or parts[:2] != ["", "$defs"] or file not in schemas:
        return None
    definition = schemas[file].get("$defs", {}).get(parts[2])
    return definition if isinstance(definition, dict) else None


def validate_document(document: YamlDocument, schemas: Schemas, schema_name: str) -> list[DataError]:
    """Every way `document` breaks its schema, as editor-facing errors."""
    try:
        validator = schemas.validator(schema_name)
        defs = schemas.definitions()
        problems = list(islice((problem for error in validator.iter_errors(document.data)
                                for problem in _explain(error, document, defs)), MAX_PROBLEMS))
        if len(problems) >= MAX_PROBLEMS:
            problems.append(DataError(document.file, 1, 1, f"the check of this file stopped after {MAX_PROBLEMS:,} "
                                      "problems", "Fix the ones listed and check again"))
        return problems
    except DataErrors as failure:
        return failure.errors
    except _jsonschema_failures() as error:  # evaluated only once an exception is raised
        return [DataError(schemas.shown(schema_name), 1, 1,
                          f"the schema cannot be used ({shown(str(error).splitlines()[0], 200)})", RESTORE)]


def _explain(error: jsonschema.ValidationError, document: YamlDocument, defs: dict) -> list[DataError]:
    path = tuple(error.absolute_path)
    name = _describe(path)
    kind = error.validator
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        return [
            document.error(path + (key,), *_replaced(key, error.instance[key]), at_key=True)
            if key in RETIRED_KEYS and set(RETIRED_KEYS[key]) <= set(known) else
            document.error(path + (key,), f"unknown key `{shown(key)}`", _suggest(key, known, "Valid keys here"), at_key=True)
            for key in error.instance if key not in known
        ]
    if kind == "required":
        replaced = {new for old, news in RETIRED_KEYS.items() if old in error.instance for new in news}
        missing = [key for key in error.validator_value if key not in error.instance and key not in replaced]
        return [
            document.error(path, f"{name} has no `{key}`",
                           f"Add `{key}:` ({_field_help(error.schema, key)})")
            for key in missing
        ]
    if kind == "type":
        wanted = error.validator_value
        wanted_words = " or ".join(_TYPE_WORDS.get(t, t) for t in ([wanted] if isinstance(wanted, str) else wanted))
        fix = "Put the value in quotes" if wanted == "string" else f"Write it as {wanted_words}"
        if error.schema.get("format") == "date":
            fix = "Write the date as YYYY-MM-DD, for example 2024-11-01"
        return [document.error(path, f"{name} must be {wanted_words}, not {_what(error.instance)}", fix)]
    if kind == "enum":
        options = [str(option) for option in error.validator_value]
        return [document.error(path, f"{name} is `{shown(error.instance)}`, which is not one of: {', '.join(options)}",
                               _suggest(str(error.instance), options, "Use one of those"))]
    if kind == "format" and error.validator_value == "date":
        return [document.error(path, f"{name} is `{shown(error.instance)}`, which is not a valid date",
                               "Write the date as YYYY-MM-DD, for example 2024-11-01")]
    if kind in ("pattern", "minLength"):
        return [_pattern_error(error, document, path, name, defs)]
    if kind == "maxLength":
        return [document.error(path, f"{name} is {len(error.instance):,} characters long, longer than it may be "
                               f"({error.validator_value:,} at most)", "Shorten it to a few words (an id names its page's "
                               "folder, which a file system keeps short)")]
    return [document.error(path, f"{name}: {shown(error.message, 200)}", "See the field's description in data/schemas/")]


#: Keys the data no longer has, and the keys that replace them: a file written before the change is told how to
#: move on, not that the key is unknown (nor that the new keys are missing).
RETIRED_KEYS = {"verification": ("source_seen", "wording")}
_WORDINGS = "(`same-words`, `fair-paraphrase`, `stronger-than-source`, `weaker-than-source` or `not-in-source`)"
_VERIFICATION_MOVES = {
    "confirmed": "`source_seen: original` (or `report`, if the source was seen only through another outlet's "
                 f"report) and the `wording` that fits {_WORDINGS}",
    "likely": "`source_seen: report` (or `original`, if the original or a verbatim copy of it was seen) and the "
              f"`wording` that fits {_WORDINGS}",
    "unverified": "`source_seen: not-found` and `wording: not-checked`",
}


def _replaced(key: str, value: Any) -> tuple[str, str]:
    """What an editor is told about a retired key (only `verification` so far): which keys replace it, and how."""
    move = _VERIFICATION_MOVES.get(value, "`source_seen` and `wording`") if isinstance(value, str) else \
        "`source_seen` and `wording`"
    return (f"`{key}` is no longer used: `source_seen` (where the source was seen) and `wording` (how the "
            "article's words compare with it) replace it",
            f"Write {move} in its place; an annotation with a `source` also needs `said:`, what the source said "
            "(see CONTRIBUTING.md, “Add an annotation”)")


def _pattern_error(error, document: YamlDocument, path: tuple, name: str, defs: dict) -> DataError:
    pattern = error.schema.get("pattern")
    value = shown(error.instance)
    invisible = next((i for i, c in enumerate(error.instance) if c in HIDING), None)
    if invisible is None and pattern != defs.get("text", {}).get("pattern"):  # in a text, a line break is fine
        invisible = next((i for i, c in enumerate(error.instance) if not c.isprintable() and c != " "), None)
    if invisible is not None and error.validator == "pattern":
        character = error.instance[invisible]
        return document.error(path, f"{name} contains the invisible character U+{ord(character):04X} "
                              f"({character_name(character)}) after "
                              f"`{shown(error.instance[max(0, invisible - 30):invisible])}`",
                              "Delete it: retype the value" + (", or copy it again from the address bar"
                                                               if pattern == defs.get("url", {}).get("pattern") else ""))
    if pattern == defs.get("id", {}).get("pattern"):
        return document.error(path, f"{name} is `{value}`, which is not a valid id",
                              "Use lower-case letters and digits joined by single hyphens, for example `mark-rutte`")
    if pattern == defs.get("url", {}).get("pattern"):
        return document.error(path, f"{name} is `{value}`, which is not an http or https link",
                              "Give the full address starting with https:// (other kinds of links are not allowed)")
    if pattern == defs.get("text", {}).get("pattern") or error.validator == "minLength":
        return document.error(path, f"{name} is empty", "Write the text, or delete the key")
    return document.error(path, f"{name} is `{value}`, which does not have the expected form",
                          error.schema.get("description", "See data/schemas/"))


#: Invisible characters that change what a text shows: bidirectional controls (which reorder it, `Mark \u202eettuR`
#: shows as "Mark Rutte") and zero-width ones. The schemas' `text`, `id` and `url` patterns refuse them; the zero-width
#: joiners (U+200C, U+200D) that scripts and emoji need are not among them.
HIDING = frozenset("\u061c\u180e\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064"
                   "\u2066\u2067\u2068\u2069\ufeff")
#: Names of the control characters, which Unicode's database leaves unnamed.
_CONTROL_NAMES = {"\t": "tab", "\n": "line feed", "\r": "carriage return"}


def character_name(character: str) -> str:
    """`character`'s name in lower case: `right-to-left override`, `line feed`."""
    return _CONTROL_NAMES.get(character) or unicodedata.name(character, "unnamed").lower()


def _describe(path: tuple) -> str:
    keys = [part for part in path if isinstance(part, str)]
    if keys:
        return f"`{keys[-1]}`"
    if path:
        return f"entry {path[-1] + 1}"
    return "the file"


def _field_help(schema: dict, key: str) -> str:
    description = schema.get("properties", {}).get(key, {}).get("description", "")
    return description.rstrip(".") or "see data/schemas/"


def _what(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "text"


def _suggest(word: str, options: list[str], otherwise: str) -> str:
    return nearest(word, options) or f"{otherwise}: {', '.join(options)}"


#: Scripts written together in one name by the languages that use them.
_SCRIPT_FAMILIES = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "IDEOGRAPHIC": "CJK"}


def mixed_scripts(url: str) -> list[str]:
    """The alphabets mixed in one name of `url`'s host (`exаmple`, with a Cyrillic а), or none."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return []
    for label in host.split("."):
        if label.startswith("xn--"):
            try:
                label = label[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                return ["an unreadable xn-- name"]
        scripts = {unicodedata.name(c, "?").split(" ")[0] for c in label if c.isalpha()}
        scripts = {_SCRIPT_FAMILIES.get(script, script) for script in scripts}
        if len(scripts) > 1:
            return sorted(scripts)
    return []


_REFERENCE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;)")


def misleading_address(url: str) -> tuple[str, str] | None:
    """What in `url` would make a browser go elsewhere than it reads, or a page write it otherwise (problem, fix):
    an HTML character reference (`&#64;` is an `@` once in a page), a backslash (a `/` to browsers, not to
    Python's reading of the host), a backtick (Markdown's code), or a name before an `@` ahead of the host."""
    if reference := _REFERENCE.search(url):
        return (f"the address holds `{reference.group()}`, an HTML character reference, which a browser reads as "
                f"`{html.unescape(reference.group())}`", "Write the address as the browser's address bar shows it")
    if "\\" in url:
        return ("the address holds a backslash (`\\`), which browsers read as `/`",
                "Write `/` (or `%5C` if a backslash is really meant)")
    if "`" in url:
        return "the address holds a backtick (`` ` ``)", "Write it as `%60`"
    try:
        parts = urlsplit(url)
        user, host = parts.netloc.rpartition("@")[0], parts.hostname or ""
    except ValueError:
        return None
    if user:
        return (f"the address names `{shown(user)}` before an `@`, so browsers go to `{shown(host)}`, the host after it",
                "Give the address of the page itself, without a name and `@` before its host")
    return None


def nearest(word: str, options) -> str:
    """`Did you mean ...?` for the closest option, or an empty string."""
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"Did you mean `{close[0]}`?" if close else ""
