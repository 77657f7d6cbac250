"""The article's words beside a source's: which of a claim's words are compared, and which differ, word by word.

A claim is compared on the words inside its quotation marks (the article's framing around a quote is not
compared), each run cut at an ellipsis; on all its words when it has no quotation marks. Words are compared
beyond typography: curly and straight quotes, dashes, spacing and the case of a word's first letter do not
count, nor does punctuation at either end of a word. Words one text has beyond the other's at its start or end
are context (the source said more than the article quotes, or the article quotes more than was seen), not a
difference. The check (`article.judgements`) refuses `wording: same-words` where the words differ, and the pages
(`render.claims`) mark the words that differ: both read the comparison from here, so that what a page marks is
what the check refuses.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from annotated_article.article.anchoring import fold

_QUOTATION_MARKS = re.compile(r'["“”„‟«»]')
_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
_DASHES = re.compile(r"-+")
_END_PUNCTUATION = "\"'.,;:!?()[]{}…*_"
#: Words in a row a part of the article must share with the source's words to be taken as quoting them (all of
#: the shorter of the two, when it has fewer).
SHARED_RUN = 3

#: A word as its text has it, and whether it differs from the other text.
Word = tuple[str, bool]


def compared_parts(words: str) -> list[str]:
    """The parts of the article's `words` that are compared with a source's: each run inside quotation marks,
    cut at an ellipsis; or all of `words` when they have no quotation marks."""
    marks = [mark.start() for mark in _QUOTATION_MARKS.finditer(words)]
    quoted = [words[start + 1:end] for start, end in zip(marks[::2], marks[1::2])]
    return [piece for part in (quoted or [words]) for piece in _ELLIPSIS.split(part) if _keys(piece)]


def _word_keys(word: str) -> list[str]:
    """What a word is compared on: its folded pieces between dashes, without punctuation at their ends, the
    first letter in lower case."""
    pieces = (piece.strip(_END_PUNCTUATION) for piece in _DASHES.split(fold(word)))
    return [piece[0].lower() + piece[1:] for piece in pieces if piece]


def _keys(text: str) -> list[str]:
    return [key for word in text.split() for key in _word_keys(word)]


@dataclass(frozen=True)
class Comparison:
    """The article's compared words (its parts, "…" between them) and a source's, each word marked where they
    differ."""

    article: tuple[Word, ...]
    source: tuple[Word, ...]
    #: Whether the source's words and the article's are the same where they meet, and meet somewhere.
    agrees: bool

    def differences(self) -> tuple[str, str]:
        """The first run of words that differ on each side ('' for a side with none)."""
        return _first_run(self.article), _first_run(self.source)


def _first_run(words: tuple[Word, ...]) -> str:
    run: list[str] = []
    for word, differs in words:
        if differs:
            run.append(word)
        elif run:
            break
    return " ".join(run)


# Keyed on its whole input, its result frozen: the check and the claims view ask it alike.
@functools.lru_cache(maxsize=4096)
def compare(article_words: str, source_words: str) -> Comparison:
    """The article's `article_words` (a claim's words as published) beside a source's `source_words`."""
    source = source_words.split()
    source_keys = [(index, key) for index, word in enumerate(source) for key in _word_keys(word)]
    article: list[str] = []
    diffs = []
    for part in compared_parts(article_words):
        if article:
            article.append("…")
        offset = len(article)
        article += part.split()
        keys = [(offset + index, key) for index, word in enumerate(part.split()) for key in _word_keys(word)]
        matcher = difflib.SequenceMatcher(None, [k for _, k in keys], [k for _, k in source_keys], autojunk=False)
        shared = max(block.size for block in matcher.get_matching_blocks())
        related = shared >= min(SHARED_RUN, len(keys), len(source_keys)) and shared > 0
        diffs.append((keys, matcher.get_opcodes(), related))
    any_related = any(related for _, _, related in diffs)
    article_marked: set[int] = set()
    source_marked: set[int] = set()
    for keys, opcodes, related in diffs:
        if any_related and not related:
            continue  # a part of the quote the source's words do not cover: not seen there, not different
        meets = any(tag == "equal" for tag, *_ in opcodes)
        for number, (tag, a1, a2, b1, b2) in enumerate(opcodes):
            at_an_end = number in (0, len(opcodes) - 1)
            if tag == "equal" or (meets and at_an_end and tag in ("insert", "delete")):
                continue
            if meets and at_an_end and (b2 - b1) - (a2 - a1) >= SHARED_RUN:
                # Words in place of the source's at an end, where the source has many more: those are context.
                b1, b2 = (b2 - (a2 - a1), b2) if number == 0 else (b1, b1 + (a2 - a1))
            article_marked |= {keys[j][0] for j in range(a1, a2)}
            source_marked |= {source_keys[j][0] for j in range(b1, b2)}
    return Comparison(tuple((word, index in article_marked) for index, word in enumerate(article)),
                      tuple((word, index in source_marked) for index, word in enumerate(source)),
                      any_related and not article_marked and not source_marked)



def compared(annotation_speaker: str, speaker: str, language: str) -> bool:
    """Whether words said by `speaker` ('' for the annotation's own) in `language` (a BCP 47 tag, '' for English)
    are compared with the article's: English words of the annotation's speaker, or of anyone when the annotation
    names no speaker (it credits a group in words)."""
    english = not language or language.lower().split("-")[0] == "en"
    return english and (not annotation_speaker or speaker in ("", annotation_speaker))
