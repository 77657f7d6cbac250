"""Place an article's annotations in its Markdown at build time.

Around each quote: a passage anchor (its id is the annotation's id) and a
footnote marker right after the words. At the first mention of an actor in each
paragraph: a link to the actor's page. On each paragraph: a stable id made from
its first words, and a link to it (¶) at its end. The article stays Markdown; tags, links and
attribute lists are inserted, so every character of the text reaches the page
unchanged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .anchoring import Anchor, AnchorError, FoldedText, anchor_quote
from .footnotes import Footnote, marker_html, number_footnotes
from .markdown_blocks import InlineSyntax, Paragraph, paragraphs, placement_problem
from .markup import page_path, relative_source_path
from .site_data import Annotation, Article, SiteData

# Order of insertions at one position: a link closes, then a passage closes, then a passage
# opens, then a link opens; so links always sit inside passages and passages nest.
_LINK_CLOSE, _PASSAGE_CLOSE, _PASSAGE_OPEN, _LINK_OPEN, _BLOCK_END = range(5)
_SLUG_WORD = re.compile(r"[^\W_]+")


@dataclass
class AnnotatedArticle:
    markdown: str
    footnotes: list[Footnote]


def annotate_article(markdown: str, article: Article, site: SiteData) -> AnnotatedArticle:
    """Insert passage anchors, footnote markers, actor links and paragraph ids into `markdown`."""
    blocks = paragraphs(markdown)
    placed = place_annotations(markdown, article.annotations, blocks)
    in_marker_order = [annotation for _, annotation in sorted(placed, key=lambda p: (p[0].end, -p[0].start))]
    footnotes = number_footnotes(in_marker_order, site)
    footnote_of = {annotation.id: footnote for footnote in footnotes for annotation in footnote.citations}
    insertions = []
    for order, (anchor, annotation) in enumerate(placed):
        closing = marker_html(annotation, footnote_of[annotation.id]) + "</span>"
        insertions.append((anchor.end, _PASSAGE_CLOSE, -order, closing))
        insertions.append((anchor.start, _PASSAGE_OPEN, order, f'<span class="annotated-passage" id="{annotation.id}">'))
    boundaries = sorted({position for anchor, _ in placed for position in (anchor.start, anchor.end)})
    names = _ActorNames(site)
    paragraph_ids: set[str] = set()
    for paragraph in blocks:
        text = markdown[paragraph.start:paragraph.end]
        insertions.extend(names.links(text, paragraph.start, article.path, boundaries))
        paragraph_id = _unique(_paragraph_id(text), paragraph_ids)
        paragraph_ids.add(paragraph_id)
        insertions.append((paragraph.end, _BLOCK_END, 0, f' <a class="paragraph-link" href="#{paragraph_id}" '
                                                         f'aria-label="Link to this paragraph">¶</a>\n{{: #{paragraph_id} }}'))
    return AnnotatedArticle(_insert(markdown, insertions), footnotes)


def place_annotations(markdown: str, annotations: tuple[Annotation, ...],
                      blocks: list[Paragraph] | None = None) -> list[tuple[Anchor, Annotation]]:
    """Anchor each annotation in `markdown`, in reading order (outer passages before inner ones).

    Raises AnchorError where the words are missing or ambiguous, or where tags around them
    would break the Markdown (outside a paragraph, inside code, across a link or emphasis).
    """
    text = FoldedText(markdown)
    blocks = paragraphs(markdown) if blocks is None else blocks
    placed = []
    for annotation in annotations:
        anchor = anchor_quote(text, annotation.quote)
        problem = placement_problem(markdown, anchor.start, anchor.end, blocks)
        if problem:
            raise AnchorError(problem, "Quote words of one paragraph of plain text, without cutting through "
                                       "code, links or emphasis")
        placed.append((anchor, annotation))
    return sorted(placed, key=lambda item: (item[0].start, -item[0].end))


class _ActorNames:
    """Finds the first mention of each actor in a paragraph, outside inline syntax and passage boundaries."""

    def __init__(self, site: SiteData):
        self.actor_of = {name: actor for actor in site.actors.values() for name in actor.names}
        self.pattern = _names_pattern(tuple(self.actor_of)) if self.actor_of else None

    def links(self, text: str, offset: int, article_path: str, boundaries: list[int]):
        if self.pattern is None:
            return []
        syntax = InlineSyntax(text, offset)
        linked: set[str] = set()
        insertions = []
        for match in self.pattern.finditer(text):
            actor = self.actor_of[match.group()]
            start, end = offset + match.start(), offset + match.end()
            if actor.id in linked or _cuts(boundaries, start, end) or syntax.overlaps(start, end):
                continue
            linked.add(actor.id)
            target = relative_source_path(article_path, page_path("actors", actor.id))
            insertions.append((start, _LINK_OPEN, 0, "["))
            insertions.append((end, _LINK_CLOSE, 0, f"]({target}){{: .actor-link }}"))
        return insertions


@lru_cache(maxsize=4)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """A whole-word match of any of `names`, the longest where several fit.

    The names are arranged as a trie (`North Korea(?:n)?`), so at each place in the text the
    regex follows the text's characters instead of trying every name in turn: with hundreds of
    actors that is what keeps linking them linear in the text. Compiled once per build.
    """
    trie: dict = {}
    for name in names:
        node = trie
        for character in name:
            node = node.setdefault(character, {})
        node[""] = {}
    return re.compile(r"(?<![\w-])" + _trie_pattern(trie) + r"(?![\w-])")


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(character) + _trie_pattern(child) for character, child in node.items() if character]
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{pattern})?" if "" in node else pattern


def _cuts(boundaries: list[int], start: int, end: int) -> bool:
    """Whether a passage starts or ends strictly inside [start, end)."""
    index = bisect_right(boundaries, start)
    return index < len(boundaries) and boundaries[index] < end


def _paragraph_id(text: str) -> str:
    words = _SLUG_WORD.findall(text.lower().replace("’", "").replace("'", ""))
    return "p-" + "-".join(words[:5]) if words else "p"


def _unique(candidate: str, taken: set[str]) -> str:
    if candidate not in taken:
        return candidate
    number = 2
    while f"{candidate}-{number}" in taken:
        number += 1
    return f"{candidate}-{number}"


def _insert(text: str, insertions: list[tuple[int, int, int, str]]) -> str:
    pieces, position = [], 0
    for index, _, _, markup in sorted(insertions):
        pieces.append(text[position:index])
        pieces.append(markup)
        position = index
    pieces.append(text[position:])
    return "".join(pieces)
