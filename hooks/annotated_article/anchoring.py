"""Find the words an annotation quotes, as a W3C TextQuoteSelector (exact, prefix, suffix).

Matching forgives what an editor cannot see: runs of white space and line
breaks, and typographic quotes, apostrophes and dashes typed plainly (`'` for
`’`). Everything else must match exactly; a quote that is missing or that
occurs more than once with nothing to tell which one is meant is an error,
never a guess.
"""

from __future__ import annotations

import bisect
import difflib
import re
from dataclasses import dataclass

_FOLD = str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ",
})
_SPACE = re.compile(r"\s+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class TextQuote:
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Anchor:
    """Where a quote stands in the text: `text[start:end]` are the quoted words."""

    start: int
    end: int


class AnchorError(ValueError):
    """The quote cannot be placed; `problem` and `fix` are for the editor."""

    def __init__(self, problem: str, fix: str):
        super().__init__(f"{problem} {fix}")
        self.problem = problem
        self.fix = fix


class FoldedText:
    """`text` with white space collapsed and typography folded, mapped back to `text`."""

    def __init__(self, text: str):
        self.original = text
        # Typography folds one character into one, so only runs of white space change the length.
        # The folded text is kept as pieces (a stretch between runs, or the one space of a run),
        # each with where it starts in both texts: the map costs a pair per word, not per character.
        translated = text.translate(_FOLD)
        folded: list[str] = []
        self._folded_starts: list[int] = []
        self._original_starts: list[int] = []
        length = done = 0
        for space in _SPACE.finditer(text):
            start = space.start()
            for piece, original_start in ((translated[done:start], done), (" ", start)):
                folded.append(piece)
                self._folded_starts.append(length)
                self._original_starts.append(original_start)
                length += len(piece)
            done = space.end()
        folded.append(translated[done:])
        self._folded_starts.append(length)
        self._original_starts.append(done)
        self.text = "".join(folded)

    def original_start(self, index: int) -> int:
        piece = bisect.bisect_right(self._folded_starts, index) - 1
        return self._original_starts[piece] + index - self._folded_starts[piece]

    def original_end(self, index: int) -> int:
        """Original position just after the folded character before `index`."""
        if index == 0:
            return 0
        previous = self.original_start(index - 1)
        if self.original[previous].isspace():
            return previous + len(_SPACE.match(self.original, previous).group())  # type: ignore[union-attr]
        return previous + 1


def fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD)).strip()


def anchor_quote(text: str | FoldedText, quote: TextQuote) -> Anchor:
    """Place `quote` in `text`; raise AnchorError naming what went wrong."""
    folded = text if isinstance(text, FoldedText) else FoldedText(text)
    exact = fold(quote.exact)
    if not exact:
        raise AnchorError("the quoted words (`exact`) are empty", "Copy the words from the article")
    starts = _occurrences(folded.text, exact)
    if not starts:
        raise AnchorError(*_not_found(folded, exact))
    prefix, suffix = fold(quote.prefix), fold(quote.suffix)
    matching = [start for start in starts
                if _has_prefix(folded.text, start, prefix) and _has_suffix(folded.text, start + len(exact), suffix)]
    if not matching:
        part = "prefix" if prefix and not any(_has_prefix(folded.text, s, prefix) for s in starts) else "suffix"
        words = [_context(folded.text, s, len(exact), part) for s in starts]
        raise AnchorError(
            f"the words are in the article, but never with this `{part}`; "
            f"there they stand with {' / '.join(words)}",
            f"Copy the `{part}` from the article, or delete it",
        )
    if len(matching) > 1:
        raise AnchorError(
            f"the words occur {len(matching)} times in the article and nothing tells which one is meant",
            "Add `prefix:` with the words just before the intended place, or `suffix:` with the words just after",
        )
    start = matching[0]
    anchor = Anchor(folded.original_start(start), folded.original_end(start + len(exact)))
    if _PARAGRAPH_BREAK.search(folded.original, anchor.start, anchor.end):
        raise AnchorError("the quoted words run across two paragraphs",
                          "Split the annotation in two, one for each paragraph")
    return anchor


def _occurrences(haystack: str, needle: str) -> list[int]:
    starts, index = [], haystack.find(needle)
    while index != -1:
        starts.append(index)
        index = haystack.find(needle, index + 1)
    return starts


def _has_prefix(text: str, start: int, prefix: str) -> bool:
    return not prefix or text[:start].rstrip().endswith(prefix)


def _has_suffix(text: str, end: int, suffix: str) -> bool:
    return not suffix or text[end:].lstrip().startswith(suffix)


def _context(text: str, start: int, length: int, part: str) -> str:
    if part == "prefix":
        return f"“{text[max(0, start - 30):start].strip()}” before"
    return f"“{text[start + length:start + length + 30].strip()}” after"


def _not_found(folded: FoldedText, exact: str) -> tuple[str, str]:
    passage = closest_passage(folded.original, exact)
    if not passage:
        return ("these words are not in the article", "Copy the words exactly from the article")
    matcher = difflib.SequenceMatcher(None, exact, passage, autojunk=False)
    difference = next((op for op in matcher.get_opcodes() if op[0] != "equal"), None)
    detail = ""
    if difference:
        _, a1, a2, b1, b2 = difference
        detail = (f"; the annotation has “{_clip(exact, a1, a2)}” where the article has "
                  f"“{_clip(passage, b1, b2)}”")
    return (f"these words are not in the article. The closest passage is “{_shorten(passage)}”{detail}",
            "Copy the words exactly from the article")


def closest_passage(text: str, words: str) -> str:
    """The run of words of `text`, within one paragraph, most like `words` (folded), or ''."""
    words = fold(words)
    best, best_score = "", 0.0
    for paragraph in _PARAGRAPH_BREAK.split(text):
        paragraph = fold(paragraph)
        starts = [0] + [m.end() for m in re.finditer(" ", paragraph)]
        for start in starts:
            end = paragraph.find(" ", start + len(words) - 1)
            window = paragraph[start:] if end == -1 else paragraph[start:end]
            matcher = difflib.SequenceMatcher(None, words, window, autojunk=False)
            if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                continue
            score = matcher.ratio()
            if score > best_score:
                best, best_score = window, score
    return best if best_score >= 0.6 else ""


def _clip(text: str, start: int, end: int) -> str:
    start, end = max(0, start - 12), min(len(text), max(end, start + 1) + 12)
    return text[start:end].strip() or "nothing"


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
