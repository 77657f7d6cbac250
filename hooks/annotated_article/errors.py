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
        return f"{self.file}:{self.line}:{self.column}: {self.message}"

    @property
    def message(self) -> str:
        """What is wrong and how to fix it, without the place."""
        return f"{_sentence(self.problem)} {_sentence(self.fix)}" if self.fix else _sentence(self.problem)


class DataErrors(Exception):
    """All the problems found in one pass over the data, sorted by place."""

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(error) for error in self.errors))


def shown(value, limit: int = 60) -> str:
    """`value` as a message quotes it: cut after `limit` characters, invisible characters named (`<U+202E>`)."""
    text = str(value)
    text = text if len(text) <= limit else text[:limit] + "…"
    return "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in text)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
