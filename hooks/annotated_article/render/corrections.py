"""Corrections as readers see them: each change to a published claim, dated and explained where the claim stands.

A claim's corrections and its withdrawal (`corrections`, `withdrawn` in the data; see `data.corrections`) are its
notices. Its footnote, and the card read from it, say each one ("Corrected 7 December 2026: …", "Withdrawn …");
the article's "Corrections and updates" section, after its text, lists every notice of its claims, newest first,
each linking its claim, and links the site's corrections policy. The JSON-LD, the W3C annotations and the feed
read the same notices (`notices`), so that every surface says the same thing. Text from the data is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from annotated_article.render.attribution import ended, format_date, words
from annotated_article.render.claims import ArticleClaims, Claim
from annotated_article.render.provenance import date_value
from annotated_article.render.text import excerpt, html_format

#: The section's heading and its id (an annotation may not take it: `article_files.RESERVED_PASSAGE_IDS`).
SECTION_HEADING = "Corrections and updates"
SECTION_ID = "corrections-and-updates"
#: The page that states the corrections policy, inside docs/.
POLICY_PAGE = "corrections.md"


@dataclass(frozen=True)
class Notice:
    """One correction of a claim, or its withdrawal."""

    claim: Claim
    date: str
    #: "Corrected" or "Withdrawn".
    kind: str
    #: What changed (empty for a withdrawal), and why.
    what: str
    why: str
    #: Its element's id in the article's section: `correction:CLAIM:N` (N counts the claim's corrections in the
    #: order of the data, where new ones are added at the end) or `withdrawn:CLAIM`.
    anchor: str = ""

    @property
    def explained(self) -> str:
        """What changed and why, as sentences: "The wording changed …. Every source gives …."."""
        return " ".join(_sentence(text) for text in (self.what, self.why) if text)

    @property
    def text(self) -> str:
        """The notice as one line of text: "Corrected 7 December 2026: …"."""
        return f"{self.kind} {format_date(self.date)}: {self.explained}"


def _sentence(text: str) -> str:
    """Text from the data as a sentence: on one line, its first letter a capital, a full stop at its end."""
    text = words(text)
    return ended(text[:1].upper() + text[1:])


def claim_notices(claim: Claim) -> list[Notice]:
    """The claim's notices, newest first (its withdrawal before its corrections of the same day)."""
    annotation = claim.annotation
    found = [Notice(claim, c.date, "Corrected", c.what, c.why, f"correction:{claim.id}:{number}")
             for number, c in enumerate(annotation.corrections, 1)]
    if annotation.withdrawn:
        found.append(Notice(claim, annotation.withdrawn.date, "Withdrawn", "", annotation.withdrawn.why,
                            f"withdrawn:{claim.id}"))
    return sorted(found, key=lambda notice: (notice.date, notice.kind == "Withdrawn"), reverse=True)


def notices(claims: ArticleClaims) -> list[Notice]:
    """Every notice of the article's claims, newest first; of one day, in the order of the claims' markers."""
    found = [notice for claim in claims.in_marker_order() for notice in claim_notices(claim)]
    return sorted(found, key=lambda notice: notice.date, reverse=True)  # stable: marker order within a day


def last_modified(claims: ArticleClaims) -> str:
    """The day of the article's latest notice ('' when it has none)."""
    return max((notice.date for notice in notices(claims)), default="")


def claim_notices_html(claim: Claim) -> Markup:
    """The claim's notices, for its footnote (and so its card): what readers must know before the rest."""
    found = claim_notices(claim)
    if not found:
        return Markup("")
    lines = Markup("").join(html_format('<p class="claim-notice claim-notice--{}"><strong>{} {}</strong>: {}</p>',
        notice.kind.lower(), notice.kind, date_value(notice.date), notice.explained) for notice in found)
    return html_format('<div class="claim-notices">{}</div>', lines)


def corrections_line_html(claims: ArticleClaims) -> str:
    """One line under the title when any claim was corrected or withdrawn, linking the section at the end: how
    many claims, and the latest date ('' when none)."""
    found = notices(claims)
    if not found:
        return ""
    count = len({notice.claim.id for notice in found})
    return str(html_format('<p class="corrections-line"><a href="#{}">Corrections: {} claim{}, latest {}</a>'
                           '</p>',
                           SECTION_ID, count, "s" * (count != 1), date_value(found[0].date)))


def corrections_section_html(claims: ArticleClaims, policy_url: str) -> str:
    """The article's "Corrections and updates", newest first, each notice linking its claim's passage; and the
    corrections policy, which it links whether or not there is any notice."""
    found = notices(claims)
    items = Markup("\n").join(html_format('<li id="{}"><strong>{} {}</strong>: <a href="#{}">{}</a> (claim {}). {}</li>',
        notice.anchor, notice.kind, date_value(notice.date), notice.claim.id, excerpt(notice.claim.words, 12), notice.claim.name,
        notice.explained) for notice in found)
    listed = html_format('<ul class="corrections-list">\n{}\n</ul>', items) if found else Markup(
        "<p>No claim of this article has been corrected or withdrawn since it was published.</p>")
    return str(html_format('<section class="corrections" aria-labelledby="{id}">\n<h2 id="{id}">{heading}</h2>\n{listed}\n'
                           '<p class="corrections-policy">Every change to a published claim is dated and explained '
                           'here and in its note: <a href="{url}">how the editors correct claims</a>.</p>\n'
                           '</section>\n',
                           id=SECTION_ID, heading=SECTION_HEADING, listed=listed, url=policy_url))
