"""Number the citations of an article and render its markers, footnotes and summary of claims as HTML.

One footnote per source, numbered by first citation; a source cited from
several places gets a back-link per place (a, b, c...), each next to what was
said there: who, how, how sure, and the editor's note. Every piece of text from
the data is escaped: it shows as the characters it is, never as markup.
"""

from __future__ import annotations

import string
import xml.etree.ElementTree as etree
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Callable

from . import attribution
from .markup import excerpt
from .site_data import Annotation, SiteData, Source
from .vocabulary import KIND_WORDS, LINK_KIND_WORDS, VERIFICATION_WORDS

#: Given a kind of page ("actors", "people", "sources") and an id, the page's URL, or None.
PageLinker = Callable[[str, str], "str | None"]

@dataclass
class Footnote:
    """A source's footnote; or, for an attribution whose source was not found (`source` None), its own."""

    number: int
    source: Source | None
    citations: list[Annotation] = field(default_factory=list)

    @property
    def element_id(self) -> str:
        return f"fn:{self.source.id}" if self.source else f"fn:unsourced-{self.citations[0].id}"

    def claim_name(self, annotation: Annotation) -> str:
        """How a marker and a back-link name the claim: "1, claim a" (a name holds the text it shows, which
        is the number on a marker and the letter on a back-link, as WCAG's "label in name" asks), or "2"."""
        letter = self.letter(annotation)
        return f"{self.number}, claim {letter}" if letter else str(self.number)

    def letter(self, annotation: Annotation) -> str:
        """`a`, `b`, ... `z`, `aa`, ... for a source cited from several places; empty for one."""
        if len(self.citations) == 1:
            return ""
        positions = self.__dict__.setdefault("_positions", {a.id: i for i, a in enumerate(self.citations)})
        return letters(positions[annotation.id])


def number_footnotes(annotations: list[Annotation], site: SiteData) -> list[Footnote]:
    """Footnotes in order of first citation, given the annotations in reading order."""
    by_source: dict[str, Footnote] = {}
    for annotation in annotations:
        key = annotation.source or f" {annotation.id}"  # an unsourced attribution has a footnote of its own
        footnote = by_source.get(key)
        if footnote is None:
            source = site.sources[annotation.source] if annotation.source else None
            footnote = by_source[key] = Footnote(len(by_source) + 1, source)
        footnote.citations.append(annotation)
    return list(by_source.values())


def marker_element(annotation: Annotation, footnote: Footnote) -> etree.Element:
    """The superscript footnote marker placed right after the annotated words: a link to its own claim
    in the list (the number is the source's; the letter, in the name, tells its claims apart)."""
    marker = etree.Element("sup", {"class": "annotation-marker", "id": f"fnref:{annotation.id}"})
    link = etree.SubElement(marker, "a", {"class": "claim-marker", "href": f"#cite:{annotation.id}", "role": "doc-noteref",
                                          "aria-label": f"Footnote {footnote.claim_name(annotation)}"})
    link.text = str(footnote.number)
    return marker


def footnotes_html(footnotes: list[Footnote], site: SiteData, page_url: PageLinker) -> str:
    """The footnote list for the bottom of the article."""
    if not footnotes:
        return ""
    items = "\n".join(_footnote_item(footnote, site, page_url) for footnote in footnotes)
    key = "; ".join(f'{badge_html(word)} <span class="verification-meaning">{escape(meaning)}</span>'
                    for word, meaning in VERIFICATION_WORDS.items())
    return (
        '<div class="annotation-notes" role="doc-endnotes">\n<hr>\n'
        '<h2 id="sources-and-attributions">Sources and attributions</h2>\n'
        f'<p class="verification-key"><span class="label">How sure:</span> {key}.</p>\n'
        f"<ol>\n{items}\n</ol>\n</div>"
    )


def claims_summary_html(footnotes: list[Footnote], reading_order: list[str], site: SiteData,
                        words: Callable[[Annotation], str] = lambda annotation: annotation.exact) -> str:
    """"N claims: n confirmed · n likely…" over a table of every claim, in `reading_order` (annotation
    ids), each row linking to its passage (its `words`, as the article has them); a <details>, so it
    opens without a script."""
    by_id = {annotation.id: annotation for footnote in footnotes for annotation in footnote.citations}
    claims = [by_id[id_] for id_ in reading_order if id_ in by_id]
    counts = Counter(annotation.verification for annotation in claims)
    tally = " · ".join(badge_html(word, f"{counts[word]} {word}") for word in VERIFICATION_WORDS if counts[word])
    rows = "".join(
        f'<tr><td><a href="#{a.id}">{escape(excerpt(words(a), 12))}</a></td>'
        f"<td>{escape(a.attributed_to or site.people[a.speaker].name)}</td>"
        f'<td>{escape(", ".join(site.actors[actor].name for actor in a.actors))}</td>'
        f"<td>{badge_html(a.verification)}</td></tr>" for a in claims)
    return (f'<details class="claims-summary"><summary>{len(claims)} claim{"s" * (len(claims) != 1)}: {tally}'
            '</summary><div class="claims-table"><table class="claims"><thead><tr><th scope="col">Claim</th>'
            '<th scope="col">Who</th><th scope="col">Actors</th><th scope="col">How sure</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div></details>")


def badge_html(verification: str, words: str = "") -> str:
    """How sure, as a badge whose shape (full, half, empty) says it as well as its colour."""
    return f'<span class="verification verification--{verification}">{words or verification}</span>'


def _footnote_item(footnote: Footnote, site: SiteData, page_url: PageLinker) -> str:
    entries = "\n".join(_citation_entry(footnote, annotation, site, page_url) for annotation in footnote.citations)
    citation = (source_citation_html(footnote.source, page_url) if footnote.source else
                '<span class="no-source">No source was found for this attribution.</span>')
    return (f'<li id="{footnote.element_id}">\n<p class="source-citation">{citation}</p>\n'
            f'<ul class="attributions">\n{entries}\n</ul>\n</li>')


def source_citation_html(source: Source, page_url: PageLinker) -> str:
    """Publisher, title, date, authors and links of a source, in one citation line."""
    parts = attribution.source(source)
    text = attribution.as_html(parts, page_url) + attribution.full_stop(parts)
    if source.links:
        text += " " + links_html(source)
    return text


def links_html(source: Source) -> str:
    links = []
    for link in source.links:
        label = escape(link.label or link.url)
        words = LINK_KIND_WORDS[link.kind]
        note = f' <span class="link-kind link-kind--{link.kind}">({escape(words)})</span>' if words else ""
        links.append(f'<a href="{escape(link.url)}" rel="noopener">{label}</a>{note}')
    return '<span class="source-links">Read: ' + "; ".join(links) + ".</span>"


def who_html(annotation: Annotation, site: SiteData, page_url: PageLinker) -> str:
    return attribution.as_html(attribution.who(annotation, site), page_url)


def _citation_entry(footnote: Footnote, annotation: Annotation, site: SiteData, page_url: PageLinker) -> str:
    letter = footnote.letter(annotation)
    backref = (f'<a class="claim-backref" href="#{annotation.id}" role="doc-backlink" '
               f'aria-label="Back to the passage of footnote {footnote.claim_name(annotation)}">'
               f'^{" " + letter if letter else ""}</a>')
    kind = KIND_WORDS[annotation.kind]
    details = (f'<span class="attribution-who"><span class="label">Who:</span> {who_html(annotation, site, page_url)}</span>'
               f' · <span class="attribution-how"><span class="label">How:</span> {kind}</span>'
               f' · <span class="attribution-sure"><span class="label">How sure:</span> '
               f'{badge_html(annotation.verification)}</span>')
    extra = ""  # a space before each line break keeps the words apart for search, which drops the <br>
    if annotation.note:
        extra += f' <br><span class="editor-note"><span class="label">Editor’s note:</span> {escape(annotation.note)}</span>'
    if annotation.see_also:
        others = " ".join(source_citation_html(site.sources[source_id], page_url)
                           for source_id in annotation.see_also)
        extra += f' <br><span class="see-also"><span class="label">See also:</span> {others}</span>'
    return f'<li id="cite:{annotation.id}">{backref} {details}{extra}</li>'


def letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, 701 -> zz, 702 -> aaa (bijective base 26)."""
    word = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        word = string.ascii_lowercase[remainder] + word
    return word
