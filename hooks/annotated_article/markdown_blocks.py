"""Just enough reading of Markdown structure to annotate an article safely.

An article is plain Markdown. Annotation inserts tags into its paragraphs, so it
must know where paragraphs are (not headings, code, tables or lists), and which
stretches of a paragraph are inline syntax (code spans, links, HTML tags,
emphasis) that an inserted tag must neither cut nor enter.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_NOT_PARAGRAPH = re.compile(r"^(\s{0,3}(#|>|[-+*]\s|\d+[.)]\s|\||\[[^\]]+\]:\s|<|\{:)|\s{4})")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")
_INLINE_SYNTAX = re.compile(
    r"(?P<code>(`+)(?:(?!\2).)+?\2)"            # code span
    r"|(?P<link>!?\[[^\]]*\]\([^)]*\))"         # inline link or image
    r"|(?P<reference>!?\[[^\]]*\]\[[^\]]*\])"   # reference link
    r"|(?P<tag><[^<>\n]+>)"                    # HTML tag or autolink
    r"|(?P<strong>(\*\*|__)(?=\S).+?(?<=\S)\7)"  # strong emphasis
    r"|(?P<emphasis>(\*|(?<!\w)_)(?=\S).+?(?<=\S)\9)",  # emphasis
    re.DOTALL,
)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text: `markdown[start:end]`, without its final line break."""

    start: int
    end: int


def paragraphs(markdown: str) -> list[Paragraph]:
    """The paragraphs of running text, in order; headings, code, lists, tables and HTML blocks are left out."""
    found: list[Paragraph] = []
    lines = markdown.splitlines(keepends=True)
    position, in_fence = 0, False
    block: list[tuple[int, str]] = []
    for line in lines + [""]:
        if _FENCE.match(line):
            in_fence = not in_fence
            _close(block, found)
            block = []
        elif in_fence or not line.strip():
            _close(block, found)
            block = []
        else:
            block.append((position, line))
        position += len(line)
    return found


def _close(block: list[tuple[int, str]], found: list[Paragraph]) -> None:
    if not block:
        return
    first, last = block[0][1], block[-1][1]
    if _NOT_PARAGRAPH.match(first):
        return
    if len(block) > 1 and (_SETEXT_UNDERLINE.match(last) or _TABLE_RULE.match(block[1][1])):
        return
    start = block[0][0]
    end = block[-1][0] + len(last.rstrip("\r\n"))
    found.append(Paragraph(start, end))


class InlineSyntax:
    """The stretches of inline syntax in a text, to keep inserted markup out of them."""

    def __init__(self, text: str, offset: int = 0):
        self.ranges = [(match.start() + offset, match.end() + offset, match.lastgroup)
                       for match in _INLINE_SYNTAX.finditer(text)]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any stretch of syntax."""
        return any(s < end and start < e for s, e, _ in self.ranges)

    def problem_with(self, start: int, end: int) -> str:
        """Why tags inserted at `start` and `end` would break the syntax, or ''."""
        for s, e, kind in self.ranges:
            if kind == "code" and s < end and start < e:
                return "the quoted words are inside code (`...`), where no footnote can be placed"
            if s < start < e or s < end < e:
                if kind in ("strong", "emphasis") and (start <= s or end >= e):
                    return "the quote starts or ends inside emphasis (*...*)"
                if kind in ("link", "reference", "tag"):
                    return "the quote starts or ends inside a link or HTML tag"
                if kind in ("strong", "emphasis"):
                    continue  # wholly inside one emphasis: tags nest inside it
        return ""


def paragraph_at(found: list[Paragraph], start: int, end: int) -> Paragraph | None:
    """The paragraph that holds all of [start, end), if one does."""
    index = bisect_right([p.start for p in found], start) - 1
    if index >= 0 and found[index].start <= start and end <= found[index].end:
        return found[index]
    return None


def placement_problem(markdown: str, start: int, end: int, found: list[Paragraph] | None = None) -> str:
    """Why annotation tags cannot go around `markdown[start:end]`, or '' when they can."""
    paragraph = paragraph_at(paragraphs(markdown) if found is None else found, start, end)
    if paragraph is None:
        return ("the quoted words are not within one paragraph of running text "
                "(a heading, list, table, code block, or more than one paragraph)")
    text = markdown[paragraph.start:paragraph.end]
    return InlineSyntax(text, paragraph.start).problem_with(start, end)
