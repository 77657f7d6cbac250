"""Read one YAML data file safely, keeping the line and column of every value.

PyYAML alone would keep the last of two duplicate keys, build arbitrary Python
objects from tags such as `!!python/object`, and expand aliases without limit.
Here the file is only *composed* into nodes (aliases stay shared, so composing
is cheap), then built into plain dicts, lists and scalars by our own walk,
which refuses duplicate keys and unknown tags and stops an alias expansion that
grows past a budget.
"""

from __future__ import annotations

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

#: libyaml's parser, where PyYAML was built with it: it composes the same nodes, with the same marks,
#: several times faster than the pure-Python parser (see `_compose_with_libyaml`).
_LIBYAML_LOADER = getattr(yaml, "CSafeLoader", None)
#: libyaml's composer recurses in C, where running out of stack crashes the process: files nested
#: deeper than this are left to the pure-Python parser.
LIBYAML_MAX_DEPTH = 64
_NOT_COMPOSED = object()


@dataclass
class YamlDocument:
    """A data file's content and the place of each value and key in it."""

    file: str
    data: Any
    value_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)

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
    text = _decode(raw, display_name)
    _refuse_tab_indentation(text, display_name)
    try:
        root = _compose_with_libyaml(text)
        if root is _NOT_COMPOSED:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        raise DataErrors([_syntax_error(error, display_name)]) from None
    except yaml.YAMLError as error:
        raise DataErrors([DataError(display_name, 1, 1, f"is not valid YAML ({error})",
                                    "Fix the YAML syntax")]) from None
    if root is None:
        raise DataErrors([DataError(display_name, 1, 1, "the file is empty",
                                    "Add its entries, or delete the file")])
    builder = _Builder(display_name, _count_nodes(root))
    data = builder.build(root, ())
    if builder.errors:
        raise DataErrors(builder.errors)
    return YamlDocument(display_name, data, builder.value_marks, builder.key_marks)


def _compose_with_libyaml(text: str) -> Any:
    """The file's nodes composed by libyaml, or `_NOT_COMPOSED`.

    The nesting is measured first from libyaml's events (a loop, no recursion). A file that is
    too deep, or that libyaml refuses, is not composed here: the pure-Python parser does it, and
    words any error as editors have always read it.
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


def _count_nodes(root: yaml.Node) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
    return len(seen)


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
        if id(node) in self._open:
            self._error(node, "an alias refers to the value that contains it",
                        "Write the value out instead of using the alias")
            return None
        self._open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return self._sequence(node, path)
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
