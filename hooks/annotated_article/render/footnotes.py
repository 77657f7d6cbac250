"""An article's claims as HTML: the marker after each passage, the notes at the end, and the summary of claims.

One note per claim, numbered as its marker is, in reading order (see `claims`), with a back-link to its passage:
first what a reader needs at once (who, how the article attributes the words, the two judgements: where the
source was seen, how the article's words compare with it; `claim_lead_html`), then the details (what the source
said beside the article's words, the editor's note, further reading, the source; `claim_details_html`). The
cards and the margin notes of the page's script are read from these two parts, so a line added to either shows
in all three. The sources follow, each listed once (a bibliography) with links to the claims it supports.

Each judgement is a badge whose shape and colour say its value as well as its words; a wording that goes beyond
the source (`OVERSTATED`) has a shape and colour of its own, and words for screen readers. HTML is made with
markupsafe: every text from the data is escaped, and shows as the characters it is.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Callable

from markupsafe import Markup

from annotated_article.data.vocabulary import OVERSTATED
from annotated_article.model import Source
from annotated_article.render import attribution
from annotated_article.render.claims import JUDGEMENT_LABELS, JUDGEMENTS, ArticleClaims, Claim, Footnote
from annotated_article.render.corrections import claim_notices_html
from annotated_article.render.said import said_html
from annotated_article.render.text import excerpt, html_format, link_shown

#: Given a kind of page ("actors", "people", "sources") and an id, the page's URL, or None.
PageLinker = Callable[[str, str], "str | None"]


def marker_element(claim: Claim) -> etree.Element:
    """The superscript marker placed right after the annotated words: a link to the claim's note, showing the
    claim's own number."""
    marker = etree.Element("sup", {"class": "annotation-marker", "id": f"fnref:{claim.id}"})
    link = etree.SubElement(marker, "a", {"class": "claim-marker", "href": f"#cite:{claim.id}", "role": "doc-noteref",
                                          "aria-label": f"Claim {claim.name}"})
    link.text = str(claim.number)
    return marker


def footnotes_html(claims: ArticleClaims, page_url: PageLinker) -> str:
    """The notes for the bottom of the article: the keys to the judgements, a note per claim in reading order,
    then the sources, each once."""
    if not claims.footnotes:
        return ""
    notes = Markup("\n").join(claim_note_html(claim, page_url) for claim in claims.in_marker_order())
    sources = Markup("\n").join(_source_item(footnote, page_url) for footnote in claims.footnotes if footnote.source)
    keys = Markup("\n").join(
        html_format('<p class="judgement-key judgement-key--{}"><span class="label">{}:</span> {}.</p>',
            judgement.replace("_", "-"), JUDGEMENT_LABELS[judgement], Markup("; ").join(
                html_format('{} <span class="judgement-meaning">{}</span>', badge_html(judgement, value), meaning)
                for value, meaning in JUDGEMENTS[judgement][1].items()))
        for judgement in JUDGEMENTS)
    bibliography = html_format('\n<h3 id="sources-cited">Sources</h3>\n<ol class="bibliography">\n{}\n</ol>',
        sources) if sources else Markup("")
    return str(html_format('<div class="annotation-notes" role="doc-endnotes">\n<hr>\n'
                           '<h2 id="sources-and-attributions">Sources and attributions</h2>\n'
                           '{}\n<ol class="claim-notes">\n{}\n</ol>{}\n</div>',
                           keys, notes, bibliography))


def claims_summary_html(claims: ArticleClaims) -> str:
    """"N claims. Source: n seen at the original · … Wording: n same words · …" over a table of every claim, in
    the order of their markers, each row linking to its passage (its words, as the article has them) with both
    judgements; a <details>, so it opens without a script."""
    shown = claims.in_marker_order()
    tallies = Markup(" ").join(
        html_format('<span class="claims-tally">{}: {}.</span>', JUDGEMENT_LABELS[judgement], Markup(" · ").join(
            badge_html(judgement, value, f"{count} {JUDGEMENTS[judgement][0][value]}")
            for value, count in claims.tally(judgement))) for judgement in JUDGEMENTS)
    rows = Markup("").join(
        html_format('<tr><td><a href="#{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>',
            claim.id, excerpt(claim.words, 12), claim.who_named, ", ".join(actor.name for actor in claim.actors),
            badge_html("source_seen", claim.source_seen), badge_html("wording", claim.wording)) for claim in shown)
    return str(html_format('<details class="claims-summary"><summary>{} claim{}. {}'
                           '</summary><div class="claims-table"><table class="claims"><thead><tr><th scope="col">Claim</th>'
                           '<th scope="col">Who</th><th scope="col">Actors</th><th scope="col">Source</th>'
                           '<th scope="col">Wording</th></tr></thead>'
                           "<tbody>{}</tbody></table></div></details>",
                           len(shown), "s" * (len(shown) != 1), tallies, rows))


def badge_html(judgement: str, value: str, words: str = "") -> Markup:
    """A judgement (`source_seen` or `wording`) as a badge whose shape says its value as well as its colour and
    words (by default the value's own, from the vocabulary); a wording that goes beyond the source has a shape
    and colour of its own, and says so to screen readers."""
    warning = Markup('<span class="visually-hidden">warning: </span>') if value in OVERSTATED else ""
    return html_format('<span class="judgement judgement--{}">{}{}</span>',
        value, warning, words or JUDGEMENTS[judgement][0][value])


def _source_item(footnote: Footnote, page_url: PageLinker) -> Markup:
    """A source, once, with links to the notes of the claims it supports."""
    assert footnote.source is not None
    supports = Markup(", ").join(
        html_format('<a class="claim-link" href="#cite:{}" aria-label="Claim {}">{}</a>',
            claim.id, claim.number, claim.number) for claim in footnote.claims)
    return html_format('<li id="{}">\n<p class="source-citation">{}</p>\n<p class="source-claims">'
                       '<span class="label">Claim{}:</span> {}</p>\n</li>',
        footnote.element_id, source_citation_html(footnote.source, page_url), "s" * (len(footnote.claims) > 1),
        supports)


def source_citation_html(source: Source, page_url: PageLinker) -> Markup:
    """Publisher, title, date, authors and links of a source, in one citation line."""
    parts = attribution.source(source)
    text = attribution.as_html(parts, page_url) + attribution.full_stop(parts)
    if source.links:
        text += " " + links_html(source)
    return text


def links_html(source: Source) -> Markup:
    links = []
    for link in source.links:
        label, kind = link_shown(link)
        note = html_format(' <span class="link-kind link-kind--{}">({})</span>', link.kind, kind) if kind else ""
        links.append(html_format('<a href="{}" rel="noopener">{}</a>{}', link.url, label, note))
    return html_format('<span class="source-links">Read: {}.</span>', Markup("; ").join(links))


def claim_note_html(claim: Claim, page_url: PageLinker) -> Markup:
    """A claim's note: its back-link, its lead, its corrections or withdrawal, then its details."""
    backref = html_format('<a class="claim-backref" href="#{}" role="doc-backlink" aria-label="Back to the passage of '
                          'claim {}">^</a>',
                          claim.id, claim.name)
    return html_format('<li id="cite:{}" value="{}">{} {}{}{}</li>',
        claim.id, claim.number, backref, claim_lead_html(claim, page_url), claim_notices_html(claim),
        claim_details_html(claim, page_url))


def claim_lead_html(claim: Claim, page_url: PageLinker) -> Markup:
    """What a reader needs first of a claim: who, how the article attributes the words, both judgements."""
    return html_format('<span class="claim-lead"><span class="attribution-who"><span class="label">Who:</span> {}</span>'
                       ' · <span class="attribution-how"><span class="label">How:</span> {}</span>'
                       ' · <span class="attribution-source-seen"><span class="label">Source:</span> {}</span>'
                       ' · <span class="attribution-wording"><span class="label">Wording:</span> {}</span></span>',
        attribution.as_html(list(claim.who), page_url), claim.kind_words, badge_html("source_seen", claim.source_seen),
        badge_html("wording", claim.wording))


def claim_details_html(claim: Claim, page_url: PageLinker) -> Markup:
    """The rest of a claim's note: what was said beside the article's words, the editor's note, further reading,
    and its source in a few words, linked to the source's entry in the list."""
    details = said_html(claim, page_url)
    annotation = claim.annotation
    if annotation.note:
        details += html_format('<div class="editor-note"><span class="label">Editor’s note:</span> {}</div>',
            annotation.note)
    if claim.see_also:
        others = Markup(" ").join(source_citation_html(source, page_url) for source in claim.see_also)
        details += html_format('<div class="see-also"><span class="label">See also:</span> {}</div>', others)
    if claim.source:
        details += html_format('<div class="claim-source"><span class="label">Cited from:</span> <a href="#{}">{}</a></div>',
            claim.footnote_id, source_in_a_few_words(claim))
    else:
        details += Markup('<div class="claim-source no-source">No source was found for this attribution.</div>')
    return html_format('<div class="claim-details">{}</div>', details)


def source_in_a_few_words(claim: Claim) -> str:
    """The claim's source as its publisher and date ("NATO, 28 October 2024"), or its title without a publisher."""
    source = claim.source
    assert source is not None
    name = attribution.words(source.publisher or source.title)
    return f"{name}, {attribution.format_date(source.date)}" if source.date else name
