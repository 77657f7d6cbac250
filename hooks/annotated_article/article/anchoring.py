"""Find the words an annotation quotes, as a W3C TextQuoteSelector (exact, prefix, suffix).

The quote is looked for in the article's text as published (`text.read_text`), where white
space is already collapsed. Matching forgives what an editor cannot see: line breaks and runs of
spaces in the quote, and typographic quotes, apostrophes and dashes typed plainly (`'` for `’`).
Everything else must match exactly; a quote that is missing or that occurs more than once with
nothing to tell which one is meant is an error, never a guess. Errors say where in the article's
Markdown each place they speak of is.
"""

from __future__ import annotations

import difflib
import heapq
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from os.path import commonprefix
from typing import Callable, Protocol

from annotated_article.model import TextQuote, occurrences

_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
#: How many quotes that are not found get the closest passage named, in all the articles of a load together.
EXPLAINED_MISSES = 10
#: How many places of one quote a message lists.
LISTED_PLACES = 5
#: Characters read on each side of a place to show the words around it.
_AROUND = 200
#: Passages whose characters are compared with a missing quote's, of those that share the most words with it.
COMPARED_PASSAGES = 3
#: Longest quote whose characters are compared with passages (a comparison costs up to the square of the length);
#: a longer one is compared by its words alone.
COMPARED_LENGTH = 2_000

#: Given a position in the article's text, where it is in the article's Markdown (`docs/FILE.md:LINE`), or ''.
Where = Callable[[int], str]


class Text(Protocol):
    """The article's text as article_tree reads it."""

    @property
    def text(self) -> str: ...

    @property
    def paragraphs(self) -> tuple: ...

    def paragraph_at(self, start: int, end: int) -> int | None: ...


class AnchorError(ValueError):
    """The quote cannot be placed; `problem` and `fix` are for the editor."""

    def __init__(self, problem: str, fix: str):
        super().__init__(f"{problem} {fix}")
        self.problem = problem
        self.fix = fix


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """`text` with typographic characters folded, one character for one (positions are the text's): worked out once
    per article, not once per quote."""
    return text.translate(_FOLD)


def anchor_quote(article: Text, quote: TextQuote, where: Where = lambda position: "",
                 explain: bool = True) -> tuple[int, int]:
    """Where `quote` stands in the article's text (start, end), inside one paragraph; raise AnchorError
    naming what went wrong. With `explain` false, words that are not found are not compared with the
    passages of the article (the caller bounds how many are)."""
    text = article.text
    folded = _folded(text)
    exact = fold(quote.exact)
    if not exact:
        raise AnchorError("the quoted words (`exact`) are empty", "Copy the words from the article")
    starts = occurrences(folded, exact)
    if not starts:
        raise AnchorError(*_not_found(article, exact, where, explain))
    prefix, suffix = fold(quote.prefix), fold(quote.suffix)
    matching = [start for start in starts
                if _has_prefix(folded, start, prefix) and _has_suffix(folded, start + len(exact), suffix)]
    if not matching:
        part = "prefix" if prefix and not any(_has_prefix(folded, s, prefix) for s in starts) else "suffix"
        raise AnchorError(
            f"the words are in the article, but never with this `{part}`; there they stand with "
            + " / ".join(_context(text, s, len(exact), part) + at_place(where, s) for s in starts[:LISTED_PLACES])
            + _more(starts),
            f"Copy the `{part}` from the article, or delete it",
        )
    if len(matching) > 1:
        places = "; ".join(f"{where(s) or 'at'}: “{_around(text, s, s + len(exact))}”"
                           for s in matching[:LISTED_PLACES]) + _more(matching)
        raise AnchorError(
            f"the words occur {len(matching)} times in the article ({places}) and nothing tells which one is meant",
            "Add `prefix:` with the words just before the intended place, or `suffix:` with the words just after",
        )
    start, end = matching[0], matching[0] + len(exact)
    if article.paragraph_at(start, end) is None:
        first, last = article.paragraph_at(start, start + 1), article.paragraph_at(end - 1, end)
        if first is not None and last is not None:
            raise AnchorError("the quoted words run across two paragraphs (or list items, headings or table cells)"
                              + at_place(where, start), "Split the annotation in two, one for each paragraph")
        raise AnchorError("the quoted words are not within one paragraph of running text (they are in the headline, "
                          "a code block or a block of the article's own HTML, or run over more than one paragraph)"
                          f"{at_place(where, start)}",
                          "Quote words of one paragraph, list item, subheading or table cell of the article's text")
    return start, end


def _more(places: list[int]) -> str:
    more = len(places) - LISTED_PLACES
    return f"; and {more} more" if more > 0 else ""


def _has_prefix(text: str, start: int, prefix: str) -> bool:
    """Whether `prefix` ends where the white space before `start` begins. Nothing is copied: the cost is the
    prefix's length, however many places are tried in however long a text."""
    while start > 0 and text[start - 1].isspace():
        start -= 1
    return not prefix or text.endswith(prefix, 0, start)


def _has_suffix(text: str, end: int, suffix: str) -> bool:
    while end < len(text) and text[end].isspace():
        end += 1
    return not suffix or text.startswith(suffix, end)


def _context(text: str, start: int, length: int, part: str) -> str:
    if part == "prefix":
        return f"“{text[max(0, start - 30):start].strip()}” before"
    return f"“{text[start + length:start + length + 30].strip()}” after"


def _around(text: str, start: int, end: int, words: int = 4) -> str:
    """The words from `start` to `end` with a few words on each side, for telling places apart (only the text near
    the place is read)."""
    before, after = text[max(0, start - _AROUND):start].split(), text[end:end + _AROUND].split()
    head = " ".join(before[-words:]) + (" " if text.endswith(" ", 0, start) else "")
    tail = (" " if text.startswith(" ", end) else "") + " ".join(after[:words])
    return ("…" if len(before) > words or start > _AROUND else "") + head.lstrip() + text[start:end] + \
        tail.rstrip() + ("…" if len(after) > words or end + _AROUND < len(text) else "")


def at_place(where: Where, position: int) -> str:
    place = where(position)
    return f" ({place})" if place else ""


def _not_found(article: Text, exact: str, where: Where, explain: bool) -> tuple[str, str]:
    longest = max((p.end - p.start for p in article.paragraphs), default=0)
    if len(exact) > longest:
        return (f"these words are not in the article: at {len(exact)} characters they are longer than any of its "
                f"paragraphs ({longest} at most)", "Quote words of one paragraph, copied from the article")
    found = closest_passage(article, exact) if explain else None
    if found is None:
        return ("these words are not in the article" + ("" if explain else " (the closest passage is shown for "
                                                         "the first few such quotes only)"),
                "Copy the words exactly from the article")
    passage, position = found
    folded = passage.translate(_FOLD)
    detail = ""
    if folded != exact:
        same = len(commonprefix([exact, folded]))  # where the two first differ
        detail = (f"; the annotation has “{_clip(exact, same, same)}” where the article has "
                  f"“{_clip(passage, same, same)}”")
    return (f"these words are not in the article. The closest passage is “{_shorten(passage)}”"
            f"{at_place(where, position)}{detail}",
            "Copy the words exactly from the article")


def closest_passage(article: Text, words: str) -> tuple[str, int] | None:
    """The run of words within one paragraph most like `words` (folded), and where it starts; or None.

    Every run as long as the quote is scored first by the words it shares with the quote, in one pass
    over the article (a window slid a word at a time); the few that share the most are then compared
    character by character (difflib's ratio, for a quote of up to COMPARED_LENGTH characters), and the
    most alike is the closest if it is alike enough. The cost is linear in the article, whatever it holds.
    """
    words = fold(words)
    wanted = Counter(words.split(" "))
    size = sum(wanted.values())
    best: list[tuple[int, int, int, int]] = []  # (shared words, -start, start, end of its paragraph), in the text
    for paragraph in article.paragraphs:
        text = _folded(article.text)[paragraph.start:paragraph.end]
        starts = [0] + [match.end() for match in re.finditer(" ", text)]
        tokens = text.split(" ")
        window: Counter[str] = Counter()
        shared = 0
        for index, token in enumerate(tokens):
            shared += window[token] < wanted[token]
            window[token] += 1
            if index >= size:  # the window holds `size` words: the oldest leaves
                old = tokens[index - size]
                window[old] -= 1
                shared -= window[old] < wanted[old]
            if index >= size - 1 or index == len(tokens) - 1:
                start = paragraph.start + starts[max(0, index - size + 1)]
                candidate = (shared, -start, start, paragraph.end)
                if len(best) < COMPARED_PASSAGES:
                    heapq.heappush(best, candidate)
                elif candidate > best[0]:
                    heapq.heapreplace(best, candidate)
    found, found_at, found_score = "", 0, 0.0
    for shared, _, start, paragraph_end in sorted(best, reverse=True):
        text = _folded(article.text)
        end = text.find(" ", start + len(words) - 1, paragraph_end)  # as long as the quote, to the word's end
        window_text = text[start:paragraph_end] if end == -1 else text[start:end]
        score = (difflib.SequenceMatcher(None, words, window_text, autojunk=False).ratio()
                 if len(words) <= COMPARED_LENGTH else shared / max(size, 1))
        if score > found_score:
            found, found_at, found_score = window_text, start, score
    return (article.text[found_at:found_at + len(found)], found_at) if found_score >= 0.6 else None


def _clip(text: str, start: int, end: int) -> str:
    start, end = max(0, start - 12), min(len(text), max(end, start + 1) + 12)
    return text[start:end].strip() or "nothing"


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class SourceLines:
    """Where a place of the article's text is in its Markdown, found from the words there.

    Python-Markdown keeps no line numbers, so the words at the place (up to four) are looked for in
    the Markdown's words, the same occurrence of them as in the text: `docs/FILE.md:LINE`, or '' when
    the Markdown writes them otherwise (markup between the words). Both are indexed on the first call.
    """

    def __init__(self, name: str, markdown: str, text: str, first_line: int = 1):
        self.name = name
        self.inputs = (markdown, text, first_line)
        self.index: tuple | None = None

    def _indexed(self) -> tuple:
        if self.index is None:
            markdown, text, first_line = self.inputs
            line_starts = [0] + [i + 1 for i, c in enumerate(markdown) if c == "\n"]
            source = [(m.group().casefold(), bisect_right(line_starts, m.start()) - 1 + first_line)
                      for m in _WORD.finditer(markdown)]
            found = list(_WORD.finditer(text))
            words = [m.group().casefold() for m in found]
            self.index = ([m.end() for m in found], _Runs(words), [line for _, line in source],
                          _Runs([word for word, _ in source]))
        return self.index

    def __call__(self, position: int) -> str:
        ends, text_runs, lines, source_runs = self._indexed()
        at = bisect_right(ends, position)  # the word that holds or follows `position`
        run = text_runs.run(at)
        if not run:
            return ""
        occurrence = bisect_left(text_runs.starts(run), at)  # the same words earlier in the text
        found = source_runs.starts(run)
        return f"{self.name}:{lines[found[occurrence]]}" if occurrence < len(found) else ""


class _Runs:
    """Where each run of up to four words starts in a list of words."""

    def __init__(self, words: list[str]):
        self.words = words
        self.by_run: dict[tuple[str, ...], list[int]] = {}
        for index in range(len(words)):
            self.by_run.setdefault(self.run(index), []).append(index)

    def run(self, index: int) -> tuple[str, ...]:
        return tuple(self.words[index:index + 4])

    def starts(self, run: tuple[str, ...]) -> list[int]:
        """Every place the words of `run` start, in order (a run of fewer than four: the text's last words)."""
        if len(run) == 4:
            return self.by_run.get(run, [])
        return [i for i in range(len(self.words)) if tuple(self.words[i:i + len(run)]) == run]
