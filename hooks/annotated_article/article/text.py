"""The article as Python-Markdown parses it: its text as published, its paragraphs, and words wrapped in elements.

`read_text` reads the parsed tree into the text a reader sees (white space collapsed, each block
apart from the next by a space, the footnote apparatus left out) and where each paragraph stands
in it. `wrap` puts an element around some words of one paragraph and keeps the tree valid: it
refuses words that start inside one element and end outside it, words inside code or a link, and
words that hold the article's own HTML tags.

Both work on the tree at one point of Python-Markdown's work (`PRIORITY`): after every processor
that changes the text (inline syntax, attribute lists, typographic extensions) and before MkDocs
rewrites links. `parse` stops there when the data is loaded; `PlacingExtension` runs there inside
MkDocs' own rendering of each page.
"""

from __future__ import annotations

import html
import importlib
import re
import xml.etree.ElementTree as etree
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, NamedTuple, Protocol

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor
from markdown.util import ETX, STX

from .anchoring import TextQuote

#: Just below the text-changing tree processors (smarty 6, abbr 7, attr_list 8, prettify 10), above
#: toc (5) and MkDocs' link rewriting (0).
PRIORITY = 5.5
#: Markdown extensions MkDocs always adds to those of mkdocs.yml.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")
#: Elements the article's text is read around, as a browser lays them out apart.
BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
              "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
              "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
#: Classes of the elements the annotations add, which are not part of the article's text.
APPARATUS_CLASSES = {"annotation-marker", "annotation-notes", "address-alias", "paragraph-link"}
#: Classes of blocks whose paragraphs are not running text: the article's own footnotes.
NOTES_CLASSES = {"footnote"}
#: Characters of context on each side of a quote, as annotation tools commonly take.
CONTEXT_LENGTH = 32

# In the tree at PRIORITY, HTML of the article's own is a placeholder for Python-Markdown's stash, and a
# backslash-escaped character is its code point between the same two control characters.
_PIECE = re.compile(f"(?P<token>{STX}(?:wzxhzdk:(?P<stash>\\d+)|(?P<code>\\d+)|[^{ETX}]*){ETX})"
                    f"|(?P<space>\\s+)|(?P<word>[^\\s{STX}]+|{STX})")
_RAW_BLOCK = re.compile(f"^{STX}wzxhzdk:(\\d+){ETX}$")
_ENTITY = re.compile(r"&(#\d+|#[xX][0-9a-fA-F]+|\w+);")
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_RUN = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text: `text[start:end]` of the article."""

    start: int
    end: int


@dataclass(frozen=True)
class ArticleText:
    """The article's text as a reader sees it, its paragraphs in reading order, and its title (first h1)."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str = ""

    def paragraph_at(self, start: int, end: int) -> int | None:
        """The index of the paragraph that holds all of `text[start:end]`, if one does."""
        index = bisect_right([p.start for p in self.paragraphs], start) - 1
        if index >= 0 and end <= self.paragraphs[index].end:
            return index
        return None

    def quote(self, start: int, end: int, context: int = CONTEXT_LENGTH) -> TextQuote:
        """`text[start:end]` as a TextQuoteSelector, with enough text around it to occur exactly once."""
        while True:
            quote = TextQuote(self.text[start:end], self.text[max(0, start - context):start],
                              self.text[end:end + context])
            if count_quote(self.text, quote) == 1:
                return quote
            context *= 2


def count_quote(text: str, quote: TextQuote) -> int:
    """How many times prefix + exact + suffix occurs in `text`, overlaps included."""
    needle = quote.prefix + quote.exact + quote.suffix
    count, index = 0, text.find(needle)
    while index != -1:
        count += 1
        index = text.find(needle, index + 1)
    return count


# --- Reading the tree -------------------------------------------------------------------------------

class _Piece(NamedTuple):
    """A stretch of text from one slot of the tree: a run of plain text, or one stashed item or escape."""

    start: int  # in the text
    text: str  # as the reader sees it
    container: etree.Element
    slot: int  # -1: the container's text; i: the tail of its child i
    raw_start: int  # where the stretch starts in the slot's string
    raw_end: int
    whole: bool  # a stashed item or an escape, never cut; else plain text, cut anywhere


class _Text:
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
        self._walk(element, False)
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
                if block:
                    self._add(_Piece(self.length, " ", element, index, 0, 0, True))
                start = self.length
                self._walk(child, notes or bool(_classes(child) & NOTES_CLASSES))
                end = self.length - (self.length > start and self.parts[-1].endswith(" "))
                if _is_paragraph(child) and not notes:
                    self.paragraphs.append((start, end, child))
                if child.tag == "h1" and self.title is None:
                    self.title = (start, end)
                if block:
                    self._add(_Piece(self.length, " ", element, index, 0, 0, True))
            self._slot(element, index, child.tail)

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
            skipped = len(_slot(piece.container, piece.slot)[piece.raw_start:]) - len(
                _slot(piece.container, piece.slot)[piece.raw_start:].lstrip())
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
        raw = _slot(piece.container, piece.slot)
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
    """A paragraph of running text: not a placeholder for a block of the article's own HTML, which Python-Markdown
    holds in a paragraph of its own."""
    return element.tag == "p" and not (len(element) == 0 and _RAW_BLOCK.match((element.text or "").strip()))


def read_text(root: etree.Element, stash: list) -> tuple[ArticleText, list[etree.Element]]:
    """The text a reader sees of the tree, where each paragraph stands in it, and the paragraphs' elements."""
    text = _Text(root, stash)
    title = text.text[slice(*text.title)] if text.title else ""
    return (ArticleText(text.text, tuple(Paragraph(start, end) for start, end, _ in text.paragraphs), title),
            [element for _, _, element in text.paragraphs])


# --- Wrapping words in an element ----------------------------------------------------------------------

def wrap(paragraph: etree.Element, stash: list, start: int, end: int, element: etree.Element,
         is_link: bool = False) -> str:
    """Put `element` around `text[start:end]` of the paragraph (its own text's positions).

    Returns '' when done, else why it cannot be done (the tree is then unchanged). A link may not
    hold another link; nothing may be put inside code or inside a link.
    """
    text = _Text(paragraph, stash)
    if any(start < barrier < end for barrier in text.barriers):
        return "the quoted words hold an HTML tag of the article"
    first, last = text.boundary(start, at_end=False), text.boundary(end, at_end=True)
    if first is None or last is None:
        return "the quote starts or ends inside an HTML entity or escaped character"
    parents = {child: (parent, index) for parent in paragraph.iter() for index, child in enumerate(parent)}
    while first[0] is not last[0]:
        if not _inside(first[0], last[0], parents) and first[1:] == (-1, 0) and first[0] is not paragraph:
            parent, index = parents[first[0]]
            first = (parent, index - 1, len(_slot(parent, index - 1)))
        elif (not _inside(last[0], first[0], parents) and last[0] is not paragraph
              and last[1] == len(last[0]) - 1 and last[2] == len(_slot(last[0], last[1]))):
            parent, index = parents[last[0]]
            last = (parent, index, 0)
        else:
            deeper = first[0] if not _inside(first[0], last[0], parents) else last[0]
            return _cut(deeper.tag)
    container = first[0]
    ancestor: etree.Element | None = container
    while ancestor is not None:
        if ancestor.tag in ("code", "a"):
            return ("the quoted words are inside code (`...`), where no footnote can be placed"
                    if ancestor.tag == "code" else "the quoted words are inside a link, where no footnote can be placed")
        ancestor = parents[ancestor][0] if ancestor is not paragraph else None
    (_, first_slot, first_raw), (_, last_slot, last_raw) = first, last
    moved = list(container[first_slot + 1:last_slot + 1])
    if is_link and any(node.tag == "a" for child in moved for node in child.iter()):
        return "a link cannot hold another link"
    head = _slot(container, first_slot)
    if first_slot == last_slot:
        element.text, element.tail = head[first_raw:last_raw], head[last_raw:]
    else:
        tail = _slot(container, last_slot)
        element.text = head[first_raw:]
        moved[-1].tail, element.tail = tail[:last_raw], tail[last_raw:]
        for child in moved:
            container.remove(child)
            element.append(child)
    _set_slot(container, first_slot, head[:first_raw])
    container.insert(first_slot + 1, element)
    return ""


def _cut(tag: str) -> str:
    if tag == "code":
        return "the quoted words are inside code (`...`), where no footnote can be placed"
    if tag in ("em", "strong", "b", "i"):
        return "the quote starts or ends inside emphasis (*...*)"
    return "the quote starts or ends inside a link or HTML tag"


def _inside(element: etree.Element, other: etree.Element, parents: dict) -> bool:
    """Whether `element` is `other` or one of its ancestors."""
    node: etree.Element | None = other
    while node is not None:
        if node is element:
            return True
        node = parents[node][0] if node in parents else None
    return False


def _slot(container: etree.Element, slot: int) -> str:
    return (container.text if slot < 0 else container[slot].tail) or ""


def _set_slot(container: etree.Element, slot: int, value: str) -> None:
    if slot < 0:
        container.text = value
    else:
        container[slot].tail = value


# --- Running Python-Markdown ------------------------------------------------------------------------

MarkdownConfig = tuple[tuple, dict]  # extensions (names or instances), and the options of named ones


class ArticleParser:
    """Parses articles with the site's Markdown extensions, up to `PRIORITY`; one instance serves every article."""

    def __init__(self, config: MarkdownConfig):
        extensions, options = config
        self.md = markdown.Markdown(extensions=[_extension(name, options) for name in extensions])
        self.stop = _Stop(self.md)
        self.md.treeprocessors.register(self.stop, "annotated-article-read", PRIORITY)

    def parse(self, source: str) -> tuple[etree.Element, list]:
        """The tree, and the stash of the article's own HTML."""
        self.md.reset()
        lines = source.split("\n")
        for preprocessor in self.md.preprocessors:
            lines = preprocessor.run(lines)
        root = self.md.parser.parseDocument(lines).getroot()
        for processor in self.md.treeprocessors:
            if processor is self.stop:
                break
            root = processor.run(root) or root
        return root, self.md.htmlStash.rawHtmlBlocks


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags (`!ENV`, `!!python/name:`) that name what this reading does not need."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def markdown_config(mkdocs_yml: Path) -> MarkdownConfig:
    """The Markdown extensions MkDocs renders pages with: its built-in ones, then those of `mkdocs_yml`."""
    names, options = list(MKDOCS_BUILTIN_EXTENSIONS), {}
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader) if mkdocs_yml.is_file() else {}
    for entry in (config or {}).get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if settings:
            options[name] = settings
    return tuple(names), options


def _extension(name, options: dict) -> markdown.Extension:
    """An extension named as in mkdocs.yml, built from its module (as Python-Markdown would, without
    searching every installed package's entry points first)."""
    if not isinstance(name, str):
        return name
    module_name, _, class_name = name.partition(":")
    if "." not in module_name:
        module_name = f"markdown.extensions.{module_name}"
    config = options.get(name) or {}
    try:
        module = importlib.import_module(module_name)
    except ImportError:  # a name only an installed package's entry point gives
        return markdown.Markdown().build_extension(name, config)
    return getattr(module, class_name)(**config) if class_name else module.makeExtension(**config)


class _Stop(Treeprocessor):
    def run(self, root):
        return None


class Placer(Protocol):
    """What the extension does to the tree of the page being rendered."""

    def place(self, root: etree.Element, stash: list) -> None:
        """At `PRIORITY`: elements MkDocs then sees (ids it records, links it checks)."""

    def finish(self, root: etree.Element) -> None:
        """After MkDocs has read the page's links: links into what is added to the page later."""


class PlacingExtension(markdown.Extension):
    """Runs `current()`'s placer, if the page being rendered has one, on the page's tree."""

    def __init__(self, current: Callable[[], Placer | None]):
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Run(md, self.current, False), "annotated-article", PRIORITY)
        md.treeprocessors.register(_Run(md, self.current, True), "annotated-article-finish", -1)


class _Run(Treeprocessor):
    def __init__(self, md: markdown.Markdown, current: Callable[[], Placer | None], finish: bool):
        super().__init__(md)
        self.current = current
        self.finish = finish

    def run(self, root):
        placer = self.current()
        if placer is not None and self.finish:
            placer.finish(root)
        elif placer is not None:
            placer.place(root, self.md.htmlStash.rawHtmlBlocks)
        return None
