"""An article's search entries: one per paragraph and one per claim, so that a result lands on what matched.

The theme's search makes one entry per heading, so a match anywhere in an article led to its top (or to
the top of its footnotes), with a snippet of the section's first words run together across tags. Each
paragraph's entry holds its words as published; each claim's, what its footnote says (who, how, both
judgements as the footnote's badges, what was said beside the article's words, the editor's note, further
reading) and its source's citation, read from the claims view. A claim's entry is HTML, one paragraph (the
theme's search shows an entry's markup, and a paragraph is shown whole): its text from the data is escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from annotated_article.render import attribution
from annotated_article.render.claims import ArticleClaims, Claim
from annotated_article.render.footnotes import badge_html
from annotated_article.render.said import claim_said_text, said_html
from annotated_article.render.text import link_shown

#: An entry: the fragment it lands on, its title, its text (plain text, or HTML as Markup).
SearchEntry = tuple[str, str, str]


def article_entries(claims: ArticleClaims) -> list[SearchEntry]:
    """An entry per paragraph of the article, in reading order, then per claim, in the order of the footnotes."""
    plan = claims.article.loaded_plan
    entries = [(id_, f"Paragraph {number}", words) for number, (id_, words) in enumerate(plan.paragraphs(), 1)]
    for footnote in claims.footnotes:
        citation = source_citation_text(footnote.claims[0]) if footnote.source else \
            "No source was found for this attribution."
        entries += [(f"cite:{claim.id}", f"Footnote {claim.name}", claim_html(claim, citation))
                    for claim in footnote.claims]
    return entries


def claim_html(claim: Claim, citation: str) -> Markup:
    """What the claim's footnote entry says, then its source's `citation`, as one paragraph of HTML: the badges
    and the marks of the footnote, without links (a search result is a link)."""
    parts = [Markup("Who: {} · How: {} · Source: {} · Wording: {}").format(
        attribution.as_text(claim.who), claim.kind_words, badge_html("source_seen", claim.source_seen),
        badge_html("wording", claim.wording))]
    if claim.said:
        parts.append(said_html(claim, lambda kind, id_: None, element="span"))
    parts += [escape(text) for text in _extras(claim)]
    parts.append(escape(attribution.words(citation)))
    return Markup("<p>{}</p>").format(Markup(" ").join(parts))


def claim_text(claim: Claim) -> str:
    """What the claim's footnote entry says, as words."""
    text = (f"Who: {attribution.as_text(claim.who)} · How: {claim.kind_words} · "
            f"Source: {claim.source_seen} · Wording: {claim.wording}")
    said = claim_said_text(claim)
    return " ".join([text, *([said] if said else []), *_extras(claim)])


def _extras(claim: Claim) -> list[str]:
    """The editor's note and the further reading, as words."""
    extras = [f"Editor’s note: {attribution.words(claim.annotation.note)}"] if claim.annotation.note else []
    if claim.see_also:
        extras.append("See also: " + " ".join(_citation(attribution.source(source), source.links)
                                              for source in claim.see_also))
    return extras


def source_citation_text(claim: Claim) -> str:
    assert claim.source is not None
    return _citation(list(claim.citation), claim.source.links)


def _citation(parts, links) -> str:
    text = attribution.as_text(parts) + attribution.full_stop(parts)
    if links:
        shown = []
        for link in links:
            label, kind = link_shown(link)
            shown.append(f"{label} ({kind})" if kind else label)
        text += " Read: " + "; ".join(shown) + "."
    return text
