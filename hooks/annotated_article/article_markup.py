"""Place an article's annotations in its Markdown at build time.

Around each quote: a passage anchor (its id is the annotation's id) and a
footnote marker right after the words. At the first mention of an actor in each
paragraph: a link to the actor's page. On each paragraph: a stable id made from
its first words. The article file stays plain Markdown; only tags, links and
attribute lists are inserted, so every character of the text reaches the page
unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .anchoring import Anchor, FoldedText, anchor_quote
from .footnotes import Footnote, marker_html, number_footnotes
from .markup import relative_source_path
from .site_data import Annotation, Article, SiteData

# Order of insertions at one position: a link closes, then a passage closes, then a passage
# opens, then a link opens; so links always sit inside passages and passages nest.
_LINK_CLOSE, _PASSAGE_CLOSE, _PASSAGE_OPEN, _LINK_OPEN, _BLOCK_END = range(5)
_BLOCK = re.compile(r"(?:[^\n]+\n?)+")
_SLUG_WORD = re.compile(r"[^\W_]+")


@dataclass
class AnnotatedArticle:
    markdown: str
    footnotes: list[Footnote]
    paragraph_ids: list[str]


def actor_page_path(actor_id: str) -> str:
    return f"actors/{actor_id}.md"


def annotate_article(markdown: str, article: Article, site: SiteData, link_actors: bool = True) -> AnnotatedArticle:
    """Insert passage anchors, footnote markers, actor links and paragraph ids into `markdown`."""
    placed = place_annotations(markdown, article.annotations)
    footnotes = number_footnotes([annotation for _, annotation in placed], site)
    footnote_of = {annotation.id: footnote for footnote in footnotes for annotation in footnote.citations}
    insertions = []
    for order, (anchor, annotation) in enumerate(placed):
        closing = marker_html(annotation, footnote_of[annotation.id]) + "</span>"
        insertions.append((anchor.end, _PASSAGE_CLOSE, -order, closing))
        insertions.append((anchor.start, _PASSAGE_OPEN, order, f'<span class="annotated-passage" id="{annotation.id}">'))
    boundaries = {position for anchor, _ in placed for position in (anchor.start, anchor.end)}
    actor_of = {name: actor for actor in site.actors.values() for name in actor.names} if link_actors else {}
    paragraph_ids: list[str] = []
    for block in _BLOCK.finditer(markdown):
        if not _is_paragraph(block.group()):
            continue
        if actor_of:
            insertions.extend(_actor_links(block, actor_of, article.path, boundaries))
        paragraph_id = _unique(_paragraph_id(block.group()), paragraph_ids)
        paragraph_ids.append(paragraph_id)
        end = block.start() + len(block.group().rstrip("\n"))
        insertions.append((end, _BLOCK_END, 0, f"\n{{: #{paragraph_id} }}"))
    return AnnotatedArticle(_insert(markdown, insertions), footnotes, paragraph_ids)


def place_annotations(markdown: str, annotations: tuple[Annotation, ...]) -> list[tuple[Anchor, Annotation]]:
    """Anchor each annotation in `markdown`, in reading order (outer passages before inner ones)."""
    text = FoldedText(markdown)
    return sorted(((anchor_quote(text, a.quote), a) for a in annotations),
                  key=lambda item: (item[0].start, -item[0].end))


def _is_paragraph(block: str) -> bool:
    first = block.lstrip()
    return not first.startswith(("#", "<", "```", "~~~", "    ", "|", "---", "{:"))


def _actor_links(block: re.Match, actor_of: dict, article_path: str, boundaries: set[int]):
    """Links at the first mention of each actor in one paragraph, where no passage boundary cuts the name."""
    pattern = _names_pattern(tuple(actor_of))
    linked: set[str] = set()
    insertions = []
    for match in pattern.finditer(block.group()):
        actor = actor_of[match.group()]
        start, end = block.start() + match.start(), block.start() + match.end()
        if actor.id in linked or any(start < boundary < end for boundary in boundaries):
            continue
        linked.add(actor.id)
        target = relative_source_path(article_path, actor_page_path(actor.id))
        insertions.append((start, _LINK_OPEN, 0, "["))
        insertions.append((end, _LINK_CLOSE, 0, f"]({target}){{: .actor-link }}"))
    return insertions


@lru_cache(maxsize=4)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """A whole-word match of any of `names`, the longest where several fit.

    The names are arranged as a trie (`North Korea(?:n)?`), so at each place in the text the
    regex follows the text's characters instead of trying every name in turn: with hundreds of
    actors that is what keeps linking them linear in the text.
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


def _paragraph_id(block: str) -> str:
    words = _SLUG_WORD.findall(block.lower().replace("’", "").replace("'", ""))
    return "p-" + "-".join(words[:5]) if words else "p"


def _unique(candidate: str, taken: list[str]) -> str:
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
