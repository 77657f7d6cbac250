"""An article's search entries: one per paragraph and one per claim, so that a result lands on what matched.

The theme's search makes one entry per heading, so a match anywhere in an article led to its top (or to
the top of its footnotes), with a snippet of the section's first words run together across tags. Each
paragraph's entry holds its words as published; each claim's, what its footnote says (who, how, how sure,
the editor's note, further reading) and its source's citation, read from the claims view as words.
"""

from __future__ import annotations

from annotated_article.render import attribution
from annotated_article.render.claims import ArticleClaims, Claim
from annotated_article.render.text import link_shown

#: An entry: the fragment it lands on, its title, its text.
SearchEntry = tuple[str, str, str]


def article_entries(claims: ArticleClaims) -> list[SearchEntry]:
    """An entry per paragraph of the article, in reading order, then per claim, in the order of the footnotes."""
    plan = claims.article.loaded_plan
    entries = [(id_, f"Paragraph {number}", words) for number, (id_, words) in enumerate(plan.paragraphs(), 1)]
    for footnote in claims.footnotes:
        citation = source_citation_text(footnote.claims[0]) if footnote.source else \
            "No source was found for this attribution."
        entries += [(f"cite:{claim.id}", f"Footnote {claim.name}", " ".join(f"{claim_text(claim)} {citation}".split()))
                    for claim in footnote.claims]
    return entries


def claim_text(claim: Claim) -> str:
    """What the claim's footnote entry says, as words."""
    text = (f"Who: {attribution.as_text(claim.who)} · How: {claim.kind_words} · "
            f"How sure: {claim.verification}")
    if claim.annotation.note:
        text += f" Editor’s note: {claim.annotation.note}"
    if claim.see_also:
        text += " See also: " + " ".join(_citation(attribution.source(source), source.links) for source in claim.see_also)
    return text


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
