"""The text of a rendered article as a reader sees it, and a W3C TextQuoteSelector for each passage.

The selectors are taken from the page's HTML, not from the Markdown: whatever
inline markup the article uses, `exact` is the words as published, and
`prefix` and `suffix` are the characters just around them. The footnote
apparatus (markers and the list of notes) is not part of the article's text.
White space is collapsed to single spaces, as a browser shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .anchoring import TextQuote

#: Characters of context on each side of a quote, as annotation tools commonly take.
CONTEXT_LENGTH = 32

_SKIPPED_CLASSES = {"annotation-marker", "annotation-notes", "dateline"}
_VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr"}
_BLOCK_ELEMENTS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
                   "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
                   "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class ArticleText:
    """The article's text and where each annotated passage (by annotation id) stands in it."""

    text: str
    passages: dict[str, tuple[int, int]]

    def quote(self, annotation_id: str, context: int = CONTEXT_LENGTH) -> TextQuote:
        """The passage's words with enough of the text around them to occur exactly once."""
        try:
            start, end = self.passages[annotation_id]
        except KeyError:
            raise ValueError(f"the article has no passage for the annotation `{annotation_id}`") from None
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


def article_text(content_html: str) -> ArticleText:
    """Read a page's content HTML (with passage anchors and footnotes) into its plain text."""
    reader = _TextReader()
    reader.feed(content_html)
    reader.close()
    text = "".join(reader.pieces).rstrip(" ")
    return ArticleText(text, {id_: _trimmed(text, start, end) for id_, (start, end) in reader.passages.items()})


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    end = min(end, len(text))
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    return start, end


class _TextReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.length = 0
        self.ends_with_space = True
        self.open_elements: list[tuple[str, str | None, bool]] = []  # tag, passage id, skipped
        self.skipping = 0
        self.passages: dict[str, tuple[int, int]] = {}
        self.starts: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCK_ELEMENTS:
            self.handle_data(" ")
        if tag in _VOID_ELEMENTS:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        skipped = bool(classes & _SKIPPED_CLASSES)
        passage = attributes.get("id") if "annotated-passage" in classes and not self.skipping else None
        if passage:
            self.starts[passage] = self.length
        self.skipping += skipped
        self.open_elements.append((tag, passage, skipped))

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_ELEMENTS:
            self.handle_data(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCK_ELEMENTS:
            self.handle_data(" ")
        if tag in _VOID_ELEMENTS or not any(open_tag == tag for open_tag, _, _ in self.open_elements):
            return
        while self.open_elements:
            open_tag, passage, skipped = self.open_elements.pop()
            self.skipping -= skipped
            if passage:
                self.passages[passage] = (self.starts.pop(passage), self.length)
            if open_tag == tag:
                return

    def handle_data(self, data):
        if self.skipping:
            return
        text = _SPACE.sub(" ", data)
        if self.ends_with_space:
            text = text.lstrip(" ")
        if not text:
            return
        self.pieces.append(text)
        self.length += len(text)
        self.ends_with_space = text.endswith(" ")
