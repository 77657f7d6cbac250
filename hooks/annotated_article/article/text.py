"""The article's text as a reader sees it, read from the tree Python-Markdown parses it into.

`read_text` reads the parsed tree into the text a reader sees (white space collapsed, each block
apart from the next by a space, the footnote apparatus left out) and where each paragraph stands
in it; each stretch of that text stays mapped to its place in the tree, which `wrapping` uses.

It reads the tree at one point of Python-Markdown's work (`parsing.PRIORITY`): after every processor
that changes the text (inline syntax, attribute lists, typographic extensions) and before MkDocs
rewrites links.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from bisect import bisect_right
from typing import NamedTuple

from markdown.util import ETX, STX

from annotated_article.model import ArticleText, Paragraph

#: Elements the article's text is read around, as a browser lays them out apart.
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
              "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
              "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
#: Elements that hold running text where Python-Markdown puts it, with the site's extensions or any other: paragraphs,
#: list items (a tight list's hold their words, a loose list's hold paragraphs), headings, table cells, the terms and
#: definitions of a definition list. A blockquote holds paragraphs. The first h1 is the article's title, not running
#: text: MkDocs makes it the page's title.
TEXT_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "caption", "figcaption",
               "summary"}
#: Elements that end a block's own running text where they start (a list nested in a tight list's item).
NESTED_BLOCKS = BLOCK_TAGS - {"br"}
#: Classes of the elements the annotations add, which are not part of the article's text.
APPARATUS_CLASSES = {"annotation-marker", "annotation-notes", "address-alias", "paragraph-link"}
#: Classes of blocks whose paragraphs are not running text: the article's own footnotes.
NOTES_CLASSES = {"footnote"}

# In the tree at PRIORITY, HTML of the article's own is a placeholder for Python-Markdown's stash, and a
# backslash-escaped character is its code point between the same two control characters.
_PIECE = re.compile(f"(?P<token>{STX}(?:wzxhzdk:(?P<stash>\\d+)|(?P<code>\\d+)|[^{ETX}]*){ETX})"
                    f"|(?P<space>\\s+)|(?P<word>[^\\s{STX}]+|{STX})")
_RAW_BLOCK = re.compile(f"^{STX}wzxhzdk:(\\d+){ETX}$")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_RUN = re.compile(r"\s+|\S+")


class _Piece(NamedTuple):
    """A stretch of text from one slot of the tree: a run of plain text, or one stashed item or escape."""

    start: int  # in the text
    text: str  # as the reader sees it
    container: etree.Element
    slot: int  # -1: the container's text; i: the tail of its child i
    raw_start: int  # where the stretch starts in the slot's string
    raw_end: int
    whole: bool  # a stashed item or an escape, never cut; else plain text, cut anywhere


class TextMap:
    """The text a reader sees of an element, mapped back to the tree: white space collapsed as a browser
    shows it, blocks apart by a space, the footnote apparatus left out. The paragraphs of running text and
    the first h1 are recorded as they are met, so a paragraph's own text is exactly its slice of the whole."""

    def __init__(self, element: etree.Element, stash: list):
        self.pieces: list[_Piece] = []
        self.barriers: list[int] = []  # positions in the text of HTML tags that show nothing
        self.parts: list[str] = []
        self.length = 0
        self.stash = stash
        self.paragraphs: list[tuple[int, int, etree.Element]] = []
        self.title: tuple[int, int] | None = None
        self._open: list[list] = []  # the blocks of running text being read: [element, start, end of own text]
        self._walk(element, False)
        self.paragraphs.sort(key=lambda paragraph: paragraph[0])  # a block is recorded after those it holds
        if self.parts and self.parts[-1].endswith(" "):
            last = self.pieces.pop()
            self.parts.pop()
            if len(last.text) > 1:
                self.pieces.append(last._replace(text=last.text[:-1]))
                self.parts.append(last.text[:-1])
            self.length -= 1
        self.text = "".join(self.parts)
        self.starts = [piece.start for piece in self.pieces]

    def _walk(self, element: etree.Element, notes: bool) -> None:
        self._slot(element, -1, element.text)
        for index, child in enumerate(element):
            if not _is_apparatus(child):
                block = child.tag in BLOCK_TAGS
                if child.tag in NESTED_BLOCKS and self._open and self._open[-1][0] is element and \
                        self._open[-1][2] is None:
                    self._open[-1][2] = self._end(self._open[-1][1])
                if block:
                    self._add(_Piece(self.length, " ", element, index, 0, 0, True))
                start = self.length
                title = child.tag == "h1" and self.title is None
                running = _is_paragraph(child) and not notes and not title
                if running:
                    self._open.append([child, start, None])
                self._walk(child, notes or bool(_classes(child) & NOTES_CLASSES))
                end = self._end(start)
                if running:
                    own_end = self._open.pop()[2]
                    end = end if own_end is None else own_end
                    if end > start:
                        self.paragraphs.append((start, end, child))
                if title:
                    self.title = (start, end)
                if block:
                    self._add(_Piece(self.length, " ", element, index, 0, 0, True))
            self._slot(element, index, child.tail)

    def _end(self, start: int) -> int:
        """Where the text read since `start` ends, without the space that follows it."""
        return self.length - (self.length > start and self.parts[-1].endswith(" "))

    def _slot(self, container: etree.Element, slot: int, string: str | None) -> None:
        if not string:
            return
        if STX not in string and "&" not in string:  # plain text: one piece
            self._add(_Piece(self.length, _SPACE.sub(" ", string), container, slot, 0, len(string), False))
            return
        for shown, raw_start, raw_end, whole in _tokens(string, self.stash):
            if shown:
                self._add(_Piece(self.length, shown, container, slot, raw_start, raw_end, whole))
            else:
                self.barriers.append(self.length)

    def _add(self, piece: _Piece) -> None:
        if piece.text.startswith(" ") and (not self.parts or self.parts[-1].endswith(" ")):
            if piece.text == " ":
                return
            skipped = len(slot(piece.container, piece.slot)[piece.raw_start:]) - len(
                slot(piece.container, piece.slot)[piece.raw_start:].lstrip())
            piece = piece._replace(text=piece.text[1:], raw_start=piece.raw_start + skipped)
        self.pieces.append(piece)
        self.parts.append(piece.text)
        self.length += len(piece.text)

    def boundary(self, position: int, at_end: bool) -> tuple[etree.Element, int, int] | None:
        """Where in the tree the text starts (before `text[position]`) or ends (after `text[position - 1]`);
        None when that would cut a stashed item in two."""
        piece = self.pieces[bisect_right(self.starts, position - 1 if at_end else position) - 1]
        offset = position - piece.start
        if piece.whole:
            if offset not in (0, len(piece.text)):
                return None
            return piece.container, piece.slot, piece.raw_end if offset else piece.raw_start
        raw = slot(piece.container, piece.slot)
        shown = 0  # walk the runs of the slot's plain text up to the offset: a run of white space shows as one
        for match in _RUN.finditer(raw, piece.raw_start, piece.raw_end):
            width = 1 if match.group()[0].isspace() else len(match.group())
            if shown + width > offset or (at_end and shown + width == offset):
                return piece.container, piece.slot, min(match.start() + offset - shown, match.end())
            shown += width
        return piece.container, piece.slot, piece.raw_end


def _tokens(string: str | None, stash: list):
    """The pieces of a text slot: (what a reader sees, raw start, raw end, whether it may not be cut).

    White space shows as one space; a stashed entity as its character and a stashed block as its
    text; a stashed tag shows nothing (''). Code text holds its entities (`&lt;`) as they will be
    written: each such word is shown decoded and kept whole.
    """
    for match in _PIECE.finditer(string or ""):
        if match["space"]:
            yield " ", match.start(), match.end(), False
            continue
        if match["word"]:
            word = match["word"]
            shown = html.unescape(word) if "&" in word else word
            yield shown, match.start(), match.end(), shown != word
            continue
        if match["code"]:
            shown = chr(int(match["code"]))
        elif match["stash"] is not None and int(match["stash"]) < len(stash):
            shown = html.unescape(" ".join(_TAG.sub(" ", str(stash[int(match["stash"])])).split()))
        else:
            shown = ""
        if shown and not shown.strip():
            yield " ", match.start(), match.end(), False
        else:
            yield shown, match.start(), match.end(), True


def _classes(element: etree.Element) -> set[str]:
    return set((element.get("class") or "").split())


def _is_apparatus(element: etree.Element) -> bool:
    return bool(_classes(element) & APPARATUS_CLASSES)


def _is_paragraph(element: etree.Element) -> bool:
    """A block of running text: not a placeholder for a block of the article's own HTML, which Python-Markdown
    holds in a paragraph of its own."""
    return element.tag in TEXT_BLOCKS and not (len(element) == 0 and _RAW_BLOCK.match((element.text or "").strip()))


def own_text_end(element: etree.Element) -> int:
    """The index of the first block `element` holds (where its own running text ends), or its number of children."""
    return next((index for index, child in enumerate(element) if child.tag in NESTED_BLOCKS), len(element))


def read_text(root: etree.Element, stash: list) -> tuple[ArticleText, list[etree.Element]]:
    """The text a reader sees of the tree, where each paragraph stands in it, and the paragraphs' elements."""
    text = TextMap(root, stash)
    title = text.text[slice(*text.title)] if text.title else ""
    return (ArticleText(text.text, tuple(Paragraph(start, end) for start, end, _ in text.paragraphs), title),
            [element for _, _, element in text.paragraphs])


def slot(container: etree.Element, slot: int) -> str:
    return (container.text if slot < 0 else container[slot].tail) or ""


def set_slot(container: etree.Element, slot: int, value: str) -> None:
    if slot < 0:
        container.text = value
    else:
        container[slot].tail = value


