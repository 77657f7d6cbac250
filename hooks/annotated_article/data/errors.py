"""Errors an editor can act on: `data/FILE.yml:LINE:COLUMN: what is wrong. How to fix it.`"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one data file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    problem: str
    fix: str = ""

    def __str__(self) -> str:
        return f"{_visible(self.file)}:{self.line}:{self.column}: {self.message}"

    @property
    def message(self) -> str:
        """What is wrong and how to fix it, without the place, on one line."""
        return _visible(f"{_sentence(self.problem)} {_sentence(self.fix)}" if self.fix else _sentence(self.problem))


def _visible(text: str) -> str:
    """`text` on one line, its invisible characters named: a file name or a value quoted from the data cannot start a
    line of its own (where CI reads `::error` and other commands at a line's start)."""
    return "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in text)


#: Problems listed per file; past them, one line says how many more there are.
LISTED_PER_FILE = 50


class DataErrors(Exception):
    """All the problems found in one pass over the data, sorted by place."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(error) for error in listed(self.errors)))


def listed(errors: list[DataError]) -> list[DataError]:
    """`errors` (sorted) as they are printed: the first LISTED_PER_FILE of each file, then one line
    saying how many more that file has, at the place of the first of them."""
    by_file: dict[str, list[DataError]] = {}
    for error in errors:
        by_file.setdefault(error.file, []).append(error)
    result = []
    for file, found in by_file.items():
        result += found[:LISTED_PER_FILE]
        if len(found) > LISTED_PER_FILE:
            first, more = found[LISTED_PER_FILE], len(found) - LISTED_PER_FILE
            result.append(DataError(file, first.line, first.column, f"and {more:,} more problem{'s' * (more > 1)} from here on, "
                                    "not listed", "Fix the ones above and check again"))
    return result


def shown(value, limit: int = 60) -> str:
    """`value` as a message quotes it: cut after `limit` characters, invisible characters named (`<U+202E>`)."""
    text = str(value)
    text = text if len(text) <= limit else text[:limit] + "…"
    return "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in text)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
