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
    shown_errors, count, hidden = [], {}, {}
    for error in errors:
        count[error.file] = count.get(error.file, 0) + 1
        if count[error.file] <= LISTED_PER_FILE:
            shown_errors.append(error)
        elif count[error.file] == LISTED_PER_FILE + 1:
            hidden[error.file] = (len(shown_errors), error)
    for file, (position, first) in sorted(hidden.items(), key=lambda item: -item[1][0]):
        more = count[file] - LISTED_PER_FILE
        shown_errors.insert(position, DataError(file, first.line, first.column,
                                                f"and {more:,} more problem{'s' if more > 1 else ''} from here on, "
                                                "not listed", "Fix the ones above and check again"))
    return shown_errors


def shown(value, limit: int = 60) -> str:
    """`value` as a message quotes it: cut after `limit` characters, invisible characters named (`<U+202E>`)."""
    text = str(value)
    text = text if len(text) <= limit else text[:limit] + "…"
    return "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in text)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
