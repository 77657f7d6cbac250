"""An article's search entries: one per paragraph, claim, note and source, so that a result lands on what matched.

The theme's search makes one entry per heading, so a match anywhere in an article led to its top (or to
the top of its footnotes), with a snippet of the section's first words run together across tags. Each
paragraph's entry holds its words as published; each claim's, its words as the article has them with who and
both judgements, and lands on those words; each note's, what the note says (who, how, both judgements as the
note's badges, what was said beside the article's words, the editor's note, further reading, where it was cited
from), read from the claims view; each source's, its citation. The article's own words weigh more
(`WORDS_BOOST`, the boost the theme's search gives an entry): a name finds its paragraph and claim before the
notes that only mention it. A claim's and a note's entry are HTML, one paragraph (the theme's search shows an
entry's markup, and a paragraph is shown whole): their text from the data is escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from annotated_article.render import attribution
from annotated_article.render.claims import ArticleClaims, Claim
from annotated_article.render.footnotes import badge_html, source_in_a_few_words
from annotated_article.render.said import claim_said_text, said_html
from annotated_article.render.text import html_format, link_shown

#: An entry: the fragment it lands on, its title, its text (plain text, or HTML as Markup), and its boost.
SearchEntry = tuple[str, str, str, float]
#: How much more a match in the article's own words (a paragraph, a claim's words) counts than a match in what the
#: notes say about them: a search for a name finds the paragraph and the claim of its words before the notes and
#: sources that only mention it.
WORDS_BOOST = 4.0


def article_entries(claims: ArticleClaims) -> list[SearchEntry]:
    """The page's own entry (fragment ''), then an entry per paragraph of the article, in reading order; per claim,
    landing on its words in the text; per claim's note, landing on the note; per source, landing on its entry in
    the list of sources."""
    plan = claims.article.loaded_plan
    paragraphs = list(plan.paragraphs())
    # The page's own entry (no fragment) holds its words too: the theme's search then finds the words in it, and
    # its link says which (`?h=`), so that the page lands on the first place that holds them (claim-cards.js).
    entries: list[SearchEntry] = [("", "", " ".join(words for _, words in paragraphs), 1.0)]
    entries += [(id_, f"Paragraph {number}", words, WORDS_BOOST) for number, (id_, words) in enumerate(paragraphs, 1)]
    shown = claims.in_marker_order()
    entries += [(claim.id, f"Claim {claim.number}", claim_words_html(claim), WORDS_BOOST) for claim in shown]
    entries += [(f"cite:{claim.id}", f"Note {claim.number}", claim_html(claim), 1.0) for claim in shown]
    entries += [(footnote.element_id, "Source", source_citation_text(footnote.claims[0]), 1.0)
                for footnote in claims.footnotes if footnote.source]
    return entries


def claim_words_html(claim: Claim) -> Markup:
    """The claim's words as the article has them, then who said them and both judgements, as one paragraph."""
    return html_format("<p>{} {}</p>", claim.words, _lead(claim))


def _lead(claim: Claim) -> Markup:
    return html_format("Who: {} · How: {} · Source: {} · Wording: {}",
        attribution.as_text(claim.who), claim.kind_words, badge_html("source_seen", claim.source_seen),
        badge_html("wording", claim.wording))


def claim_html(claim: Claim) -> Markup:
    """What the claim's note says (who, how, both judgements, what was said, the editor's note, further reading)
    and where it was cited from, as one paragraph of HTML: the badges and the marks of the note, without links (a
    search result is a link)."""
    parts = [_lead(claim)]
    if claim.said:
        parts.append(said_html(claim, lambda kind, id_: None, element="span"))
    parts += [escape(text) for text in _extras(claim)]
    parts.append(escape(f"Cited from: {source_in_a_few_words(claim)}" if claim.source else
                        "No source was found for this attribution."))
    return html_format("<p>{}</p>", Markup(" ").join(parts))


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
