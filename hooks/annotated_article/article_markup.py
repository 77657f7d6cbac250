"""Place an article's annotations in its Markdown: a passage anchor around the quoted words
and a footnote marker right after them.

The article file stays plain Markdown; this runs on its text at build time.
Only HTML tags are inserted, at the places the quotes were found, so every
character of the article reaches the page unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from .anchoring import Anchor, FoldedText, anchor_quote
from .footnotes import Footnote, marker_html, number_footnotes
from .site_data import Annotation, Article, SiteData


@dataclass
class AnnotatedArticle:
    markdown: str
    footnotes: list[Footnote]


def annotate_article(markdown: str, article: Article, site: SiteData) -> AnnotatedArticle:
    """Insert passage anchors and footnote markers for every annotation of `article`."""
    placed = place_annotations(markdown, article.annotations)
    footnotes = number_footnotes([annotation for _, annotation in placed], site)
    footnote_of = {annotation.id: footnote for footnote in footnotes for annotation in footnote.citations}
    insertions = []
    for order, (anchor, annotation) in enumerate(placed):
        opening = f'<span class="annotated-passage" id="{annotation.id}">'
        closing = marker_html(annotation, footnote_of[annotation.id]) + "</span>"
        # Sort key: position; closings before openings; inner passages close first, outer open first.
        insertions.append((anchor.end, 0, -order, closing))
        insertions.append((anchor.start, 1, order, opening))
    return AnnotatedArticle(_insert(markdown, insertions), footnotes)


def _insert(text: str, insertions: list[tuple[int, int, int, str]]) -> str:
    pieces, position = [], 0
    for index, _, _, markup in sorted(insertions):
        pieces.append(text[position:index])
        pieces.append(markup)
        position = index
    pieces.append(text[position:])
    return "".join(pieces)


def place_annotations(markdown: str, annotations: tuple[Annotation, ...]) -> list[tuple[Anchor, Annotation]]:
    """Anchor each annotation in `markdown`, in reading order."""
    text = FoldedText(markdown)
    return sorted(((anchor_quote(text, a.quote), a) for a in annotations),
                  key=lambda item: (item[0].start, -item[0].end))
