"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML alone would keep the last of two duplicate keys, build arbitrary Python
objects from tags such as `!!python/object`, and expand aliases without limit.
Here the file is only *composed* into nodes (aliases stay shared, so composing
is cheap), then built into plain dicts, lists and scalars by our own walk,
which refuses duplicate keys and unknown tags and stops an alias expansion that
grows past a budget. Size and nesting depth are bounded too, so that no file,
however odd, takes long to read or ends in a Python error instead of a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataErrors

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

#: Nodes a file may expand to, beyond ten times the nodes it is written with.
ALIAS_EXPANSION_BUDGET = 100_000
#: Largest data file read, in bytes: ours are a few kilobytes, and reading stays well under a second.
MAX_FILE_BYTES = 1_000_000
#: Deepest nesting of lists and mappings (the data needs four levels).
MAX_DEPTH = 20

_SCHEMA_LINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")

#: libyaml's parser, where PyYAML was built with it: it composes the same nodes, with the same marks,
#: several times faster than the pure-Python parser (see `_compose_with_libyaml`).
_LIBYAML_LOADER = getattr(yaml, "CSafeLoader", None)
#: libyaml's composer recurses in C, where running out of stack crashes the process: a file nested
#: deeper than the data may be is left to the pure-Python parser, which refuses it in words.
LIBYAML_MAX_DEPTH = MAX_DEPTH
_NOT_COMPOSED = object()


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


def load_yaml_file(path: Path, display_name: str) -> YamlDocument:
    """Load `path`, naming it `display_name` in errors. Raises DataErrors."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataErrors([DataError(display_name, 1, 1, f"cannot be read ({error.strerror})",
                                    "Check that the file exists and is readable")]) from None
    return load_yaml_bytes(raw, display_name)


def load_yaml_bytes(raw: bytes, display_name: str) -> YamlDocument:
    if len(raw) > MAX_FILE_BYTES:
        raise DataErrors([DataError(
            display_name, 1, 1,
            f"the file is {len(raw) / 1_000_000:.1f} MB, more than a data file should ever be "
            f"({MAX_FILE_BYTES // 1_000_000} MB at most)",
            "Check that the right file was saved here; long texts belong in the article, not in the data")])
    text = _decode(raw, display_name)
    _refuse_tab_indentation(text, display_name)
    root = _compose(text, display_name)
    if root is None:
        raise DataErrors([DataError(display_name, 1, 1, "the file is empty",
                                    "Add its entries, or delete the file")])
    builder = _Builder(display_name, _count_nodes(root))
    data = builder.build(root, ())
    if builder.errors:
        raise DataErrors(builder.errors)
    reference, reference_line = _schema_reference(text)
    return YamlDocument(display_name, data, builder.value_marks, builder.key_marks, reference, reference_line)


class _DepthLimitedLoader(yaml.SafeLoader):
    """PyYAML's composer recurses once per level: refuse deep nesting before Python's stack runs out."""

    def __init__(self, stream):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH + 1:  # +1: the scalar inside the deepest list or mapping
                raise _TooDeep(self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _TooDeep(Exception):
    def __init__(self, mark):
        super().__init__()
        self.mark = mark


def _compose(text: str, display_name: str) -> yaml.Node | None:
    root = _compose_with_libyaml(text)
    if root is not _NOT_COMPOSED:
        return root
    loader = None
    try:
        loader = _DepthLimitedLoader(text)  # reads the text, and may refuse a character at once
        return loader.get_single_node()
    except _TooDeep as failure:
        raise DataErrors([DataError(
            display_name, failure.mark.line + 1, failure.mark.column + 1,
            f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
            "Check the brackets and the indentation: no data file needs this many levels")]) from None
    except yaml.MarkedYAMLError as error:
        raise DataErrors([_syntax_error(error, display_name)]) from None
    except yaml.reader.ReaderError as error:
        raise DataErrors([_reader_error(error, text, display_name)]) from None
    except yaml.YAMLError as error:
        raise DataErrors([DataError(display_name, 1, 1, f"is not valid YAML ({error})",
                                    "Fix the YAML syntax")]) from None
    finally:
        if loader is not None:
            loader.dispose()


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


def _compose_with_libyaml(text: str) -> Any:
    """The file's nodes composed by libyaml, or `_NOT_COMPOSED`.

    The nesting is measured first from libyaml's events (a loop, no recursion). A file that is
    too deep, or that libyaml refuses, is not composed here: the pure-Python parser does it, with
    its limits, and words any error as editors have always read it.
    """
    if _LIBYAML_LOADER is None:
        return _NOT_COMPOSED
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_LIBYAML_LOADER):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > LIBYAML_MAX_DEPTH:
                    return _NOT_COMPOSED
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return yaml.compose(text, Loader=_LIBYAML_LOADER)
    except yaml.YAMLError:
        return _NOT_COMPOSED


def _decode(raw: bytes, display_name: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise DataErrors([DataError(
            display_name, line, column,
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
            "Save the file with UTF-8 encoding",
        )]) from None
    return text.removeprefix("\ufeff")


def _refuse_tab_indentation(text: str, display_name: str) -> None:
    errors = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            errors.append(DataError(display_name, number, indent.index("\t") + 1,
                                    "a tab is used for indentation",
                                    "Indent with spaces only (YAML does not allow tabs)"))
    if errors:
        raise DataErrors(errors)


def _syntax_error(error: yaml.MarkedYAMLError, display_name: str) -> DataError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or "invalid YAML"
    if error.context:
        problem = f"{error.context}, {problem}"
    return DataError(display_name, line, column, f"YAML syntax error: {problem}",
                     "Check the indentation, colons and quotes on this line and the one before")


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _count_nodes(root: yaml.Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.extend(_children(node))
    return len(seen)


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """How many values the file holds once every alias is written out (counted up to `limit` + 1).

    Each distinct node is sized once from the sizes of its children, so an alias bomb
    is measured in a few steps per line instead of being expanded. An alias to a value
    that contains it counts as one value (the builder reports it).
    """
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            open_nodes.discard(id(node))
            sizes[id(node)] = min(limit + 1, 1 + sum(sizes.get(id(child), 1) for child in _children(node)))
            continue
        if id(node) in sizes or id(node) in open_nodes:
            continue
        open_nodes.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node)
                     if id(child) not in sizes and id(child) not in open_nodes)
    return sizes[id(root)]


class _AliasBudgetExceeded(Exception):
    pass


class _Builder:
    def __init__(self, display_name: str, distinct_nodes: int):
        self.file = display_name
        self.budget = ALIAS_EXPANSION_BUDGET + 10 * distinct_nodes
        self.visited = 0
        self.value_marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.errors: list[DataError] = []
        self._scalars = yaml.SafeLoader("")
        self._open: set[int] = set()

    def build(self, root: yaml.Node, path: Path_) -> Any:
        try:
            if _expanded_size(root, self.budget) > self.budget:
                raise _AliasBudgetExceeded
            return self._node(root, path)
        except _AliasBudgetExceeded:
            line, column = _mark(root)
            self.errors = [DataError(
                self.file, line, column,
                "the file's aliases (*name) expand to too many values; it looks like an alias bomb",
                "Write the values out instead of repeating aliases",
            )]
            return None

    def _node(self, node: yaml.Node, path: Path_) -> Any:
        self.visited += 1
        if self.visited > self.budget:
            raise _AliasBudgetExceeded
        self.value_marks.setdefault(path, _mark(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, path)
        if len(path) >= MAX_DEPTH:  # reachable through aliases of deep values inside deep values
            self._error(node, f"lists and mappings are nested more than {MAX_DEPTH} levels deep here",
                        "Write the values out instead of nesting aliases")
            return None
        if id(node) in self._open:
            self._error(node, "an alias refers to the value that contains it",
                        "Write the value out instead of using the alias")
            return None
        self._open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return self._sequence(node, path)
            assert isinstance(node, yaml.MappingNode)  # what composing makes: scalars, sequences and mappings
            return self._mapping(node, path)
        finally:
            self._open.discard(id(node))

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self._refuse_tag(node)
            return None
        if node.tag in ("tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"):
            return node.value  # dates stay text; the schema checks their format
        try:
            return self._scalars.construct_object(node, deep=True)
        except yaml.YAMLError:
            self._error(node, f"`{node.value}` cannot be read as a {node.tag.rsplit(':', 1)[-1]}",
                        "Put the value in quotes if it is text")
            return None

    def _sequence(self, node: yaml.SequenceNode, path: Path_) -> Any:
        if node.tag != _SEQUENCE_TAG:
            self._refuse_tag(node)
            return None
        return [self._node(item, path + (index,)) for index, item in enumerate(node.value)]

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
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in first_seen:
                self._error(key_node, f"the key `{key}` appears twice here (first on line {first_seen[key]})",
                            "Keep one of them and delete the other")
                continue
            first_seen[key] = line
            self.key_marks[path + (key,)] = _mark(key_node)
            result[key] = self._node(value_node, path + (key,))
        return result

    def _refuse_tag(self, node: yaml.Node) -> None:
        self._error(node, f"the tag `{node.tag}` is not allowed in data files",
                    "Remove the tag and write the value as plain text, a list or a mapping")

    def _error(self, node: yaml.Node, problem: str, fix: str) -> None:
        line, column = _mark(node)
        self.errors.append(DataError(self.file, line, column, problem, fix))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1
