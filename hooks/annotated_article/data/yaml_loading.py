"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML alone would keep the last of two duplicate keys, build arbitrary Python
objects from tags such as `!!python/object`, and expand aliases without limit.
Here the file's events are read first, in a loop: anchors and aliases (which
the data does not use) and nesting deeper than the data needs are refused
there. Then the file is *composed* into nodes and built into plain dicts, lists
and scalars by our own walk, which refuses duplicate keys, unknown tags and
characters that cannot be written to a page. Its size is bounded too, so that
no file, however odd, takes long to read or ends in a Python error instead of
a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from annotated_article.data.errors import DataError, DataErrors, shown
from annotated_article.data.project_files import MAX_FILE_BYTES, decode, read_bytes, too_big

Path_ = tuple  # a path into the data: keys and list indexes

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SEQUENCE_TAG = "tag:yaml.org,2002:seq"
_MAPPING_TAG = "tag:yaml.org,2002:map"

#: Deepest nesting of lists and mappings (the data needs four levels).
MAX_DEPTH = 20
#: Most values (texts, lists, mappings) a file may hold: a data file 100 times the seed's holds under 40,000.
MAX_VALUES = 100_000

_SCHEMA_LINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")

#: libyaml's parser where PyYAML was built with it (several times faster, same nodes and marks), then
#: PyYAML's own, which words every error as editors have always read it.
_LOADERS = [loader for loader in (getattr(yaml, "CSafeLoader", None), yaml.SafeLoader) if loader is not None]
#: What YAML's reader refuses in a file, and so in a value written with an escape (`"\ud800"`, `"\x08"`).
_UNWRITABLE = yaml.reader.Reader.NON_PRINTABLE


@dataclass
class YamlDocument:
    """A data file's content and the place of each value and key in it."""

    file: str
    data: Any
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    #: The `# yaml-language-server: $schema=...` reference at the top of the file, and its line.
    schema_reference: str = ""
    schema_reference_line: int = 1

    def where(self, path: Path_, at_key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `path` (or of its key), else of its nearest parent."""
        path = tuple(path)
        if at_key and path in self.key_marks:
            return self.key_marks[path]
        while path not in self.value_marks and path:
            path = path[:-1]
        return self.value_marks.get(path, (1, 1))

    def error(self, path: Path_, problem: str, fix: str = "", at_key: bool = False) -> DataError:
        line, column = self.where(path, at_key)
        return DataError(self.file, line, column, problem, fix)

    def part(self, key: str) -> YamlDocument:
        """The value at `key` of this mapping as a document of its own, its places kept."""
        def inside(marks: dict) -> dict:
            return {path[1:]: mark for path, mark in marks.items() if path[:1] == (key,)}
        return YamlDocument(self.file, self.data[key], inside(self.value_marks), inside(self.key_marks))


def load_yaml_file(path: Path, display_name: str, root: Path | None = None) -> YamlDocument:
    """Load `path` (which must resolve inside `root`, when given), naming it `display_name` in errors.
    Raises DataErrors."""
    return load_yaml_bytes(read_bytes(path, display_name, root), display_name)


def load_yaml_bytes(raw: bytes, display_name: str) -> YamlDocument:
    if len(raw) > MAX_FILE_BYTES:
        raise DataErrors([too_big(display_name)])
    text = decode(raw, display_name)
    _refuse_tab_indentation(text, display_name)
    root = _compose(text, display_name)
    if root is None:
        raise DataErrors([DataError(display_name, 1, 1, "the file is empty",
                                    "Add its entries, or delete the file")])
    builder = _Builder(display_name)
    data = builder.node(root, ())
    if builder.errors:
        raise DataErrors(builder.errors)
    reference, reference_line = _schema_reference(text)
    return YamlDocument(display_name, data, builder.value_marks, builder.key_marks, reference, reference_line)


def _compose(text: str, display_name: str) -> yaml.Node | None:
    """The file's nodes, once its events show no anchor, alias or nesting deeper than MAX_DEPTH."""
    for loader in _LOADERS:
        try:
            _refuse_anchors_and_depth(text, loader, display_name)
            return yaml.compose(text, Loader=loader)
        except yaml.YAMLError as error:
            if loader is not yaml.SafeLoader:
                continue  # read again by PyYAML's parser, for its wording
            if isinstance(error, yaml.reader.ReaderError):
                raise DataErrors([_reader_error(error, text, display_name)]) from None
            if isinstance(error, yaml.MarkedYAMLError):
                raise DataErrors([_syntax_error(error, display_name)]) from None
            raise DataErrors([DataError(display_name, 1, 1, f"is not valid YAML ({error})",
                                        "Fix the YAML syntax")]) from None
    return None


def _refuse_anchors_and_depth(text: str, loader, display_name: str) -> None:
    """Anchors and aliases, lists and mappings nested too deep, and too many values, found in one loop over the events
    (composing recurses once per level, in C for libyaml, where running out of stack ends the process)."""
    errors, depth, values = [], 0, 0
    for event in yaml.parse(text, Loader=loader):
        mark = event.start_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        values += isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent))
        if values > MAX_VALUES:
            raise DataErrors([DataError(display_name, line, column, f"the file holds more than {MAX_VALUES:,} values, "
                                        "more than a data file should ever hold", "Check that the right file was saved here")])
        anchor = getattr(event, "anchor", None)  # aliases, scalars, and the starts of lists and mappings have one
        if anchor:
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            errors.append(DataError(display_name, line, column,
                                    f"`{sign}{shown(anchor)}`: anchors and aliases (`&name`, `*name`) are "
                                    "not used in data files", "Write the value out wherever it is needed"))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataErrors([DataError(
                    display_name, line, column, f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
                    "Check the brackets and the indentation: no data file needs this many levels")])
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    if errors:
        raise DataErrors(errors)


def _reader_error(error: yaml.reader.ReaderError, text: str, display_name: str) -> DataError:
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return DataError(display_name, line, column,
                     f"the file contains the invisible control character U+{ord(character):04X}, "
                     "which YAML does not allow",
                     "Delete it (retype the text around it; such characters often come with text "
                     "copied from a PDF or a word processor)")


def _schema_reference(text: str) -> tuple[str, int]:
    """The `$schema=` named in the comment lines at the top of the file, and its line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if not line.lstrip().startswith("#"):
            break
        match = _SCHEMA_LINE.match(line.strip())
        if match:
            return match.group(1), number
    return "", 1


def _refuse_tab_indentation(text: str, display_name: str) -> None:
    found = list(re.finditer(r"^( *)\t[ \t]*\S", text, re.MULTILINE))
    if found:
        more = f" (and on {len(found) - 1:,} more lines)" if len(found) > 1 else ""
        raise DataErrors([DataError(display_name, text.count("\n", 0, found[0].start()) + 1,
                                    len(found[0].group(1)) + 1, f"a tab is used for indentation{more}",
                                    "Indent with spaces only (YAML does not allow tabs)")])


def _syntax_error(error: yaml.MarkedYAMLError, display_name: str) -> DataError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "invalid YAML"
    if error.context:
        problem = f"{error.context}, {problem}"
    return DataError(display_name, line, column, f"YAML syntax error: {problem}",
                     "Check the indentation, colons and quotes on this line and the one before")


class _Builder:
    def __init__(self, display_name: str):
        self.file = display_name
        self.value_marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.errors: list[DataError] = []
        self._scalars = yaml.SafeLoader("")

    def node(self, node: yaml.Node, path: Path_) -> Any:
        self.value_marks.setdefault(path, _mark(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, path)
        assert isinstance(node, yaml.MappingNode)  # what composing makes: scalars, sequences and mappings
        return self._mapping(node, path)

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._refuse_tag(node)
            return None
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return node.value if self._writable(node) else None  # dates stay text; the schema checks their format
        try:
            return self._scalars.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError):  # ValueError: an integer of more than 4,300 digits
            self._error(node, f"`{shown(node.value)}` cannot be read as a {node.tag.rsplit(':', 1)[-1]}",
                        "Put the value in quotes if it is text")
            return None

    def _writable(self, node: yaml.ScalarNode) -> bool:
        """Whether a text holds only characters a page can show (an escape can write any other)."""
        found = _UNWRITABLE.search(node.value)
        if found:
            code = ord(found.group())
            self._error(node, f"the text contains U+{code:04X}, "
                        + ("half of a character pair, which cannot be written alone" if 0xD800 <= code <= 0xDFFF
                           else "an invisible control character"),
                        "Delete the escape (`\\u…` or `\\x…`) and write the character itself, or leave it out")
        return not found

    def _sequence(self, node: yaml.SequenceNode, path: Path_) -> Any:
        if node.tag != _SEQUENCE_TAG:
            self._refuse_tag(node)
            return None
        return [self.node(item, path + (index,)) for index, item in enumerate(node.value)]

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> Any:
        if node.tag != _MAPPING_TAG:
            self._refuse_tag(node)
            return None
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._error(key_node, "`<<` (merging in another mapping) is not allowed in data files",
                            "Write the keys out in full")
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
                self._error(key_node, "a key must be a plain word", "Write the key as `name:`")
                continue
            if not self._writable(key_node):
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_seen:
                self._error(key_node, f"the key `{key}` appears twice here (first on line {first_seen[key]})",
                            "Keep one of them and delete the other")
                continue
            first_seen[key] = line
            self.key_marks[path + (key,)] = _mark(key_node)
            result[key] = self.node(value_node, path + (key,))
        return result

    def _refuse_tag(self, node: yaml.Node) -> None:
        self._error(node, f"the tag `{node.tag}` is not allowed in data files",
                    "Remove the tag and write the value as plain text, a list or a mapping")

    def _error(self, node: yaml.Node, problem: str, fix: str) -> None:
        line, column = _mark(node)
        self.errors.append(DataError(self.file, line, column, problem, fix))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
