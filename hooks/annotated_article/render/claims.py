"""One view of an article's claims, worked out once when the site is loaded, which every surface reads.

A claim is an annotation as readers meet it: its footnote's number and its letter there (one footnote per
source, numbered by first marker; a source cited from several places tells its claims apart by a, b, c),
who the article credits (`attribution.who`), its source's citation, how sure the editors are, and its words as
the article has them. The card and footnotes, the claims summary, the search entries, the pages of actors,
people and sources, the open data all read claims from here, so that none of them works any of it out again.
"""

from __future__ import annotations

import string
from collections import Counter
from dataclasses import dataclass

from annotated_article.data.vocabulary import KIND_WORDS, VERIFICATION_WORDS
from annotated_article.model import Actor, Annotation, Article, SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.attribution import Part


@dataclass(frozen=True)
class Claim:
    """One annotation of one article, as every page and file shows it."""

    annotation: Annotation
    article: Article
    #: The number of its footnote, and its letter there ('' when the footnote has one claim).
    number: int
    letter: str
    #: Who the article credits, as parts (a name, a role, the actor), and in a few words.
    who: tuple[Part, ...]
    who_named: str
    source: Source | None
    #: The source's citation as parts (empty without a source).
    citation: tuple[Part, ...]
    #: Its words as the article has them.
    words: str
    #: The actors it concerns, and the sources suggested as further reading.
    actors: tuple[Actor, ...] = ()
    see_also: tuple[Source, ...] = ()

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def verification(self) -> str:
        return self.annotation.verification

    @property
    def kind_words(self) -> str:
        """How the article attributes the words, in words."""
        return KIND_WORDS[self.annotation.kind]

    @property
    def name(self) -> str:
        """How a marker and a back-link name the claim: "1, claim a" (a name holds the text it shows, which
        is the number on a marker and the letter on a back-link, as WCAG's "label in name" asks), or "2"."""
        return f"{self.number}, claim {self.letter}" if self.letter else str(self.number)

    @property
    def footnote_id(self) -> str:
        return f"fn:{self.source.id}" if self.source else f"fn:unsourced-{self.id}"


@dataclass(frozen=True)
class Footnote:
    """A source's footnote, with the claims it supports in reading order; or, for an attribution whose source
    was not found (`source` None), the footnote of that one claim."""

    number: int
    source: Source | None
    claims: tuple[Claim, ...]

    @property
    def element_id(self) -> str:
        return self.claims[0].footnote_id


@dataclass(frozen=True)
class ArticleClaims:
    """Every claim of one article."""

    article: Article
    #: By annotation id, in reading order (by where their words start).
    by_id: dict[str, Claim]
    #: Annotation ids in the order readers meet their markers (a marker follows its words).
    marker_order: tuple[str, ...]
    footnotes: tuple[Footnote, ...]

    def in_reading_order(self) -> list[Claim]:
        return list(self.by_id.values())

    def in_marker_order(self) -> list[Claim]:
        return [self.by_id[id_] for id_ in self.marker_order]

    def tally(self) -> list[tuple[str, int]]:
        """How many claims the editors are how sure of: each value of `verification` that some claim has,
        in the order of the values, with its count."""
        counts = Counter(claim.verification for claim in self.by_id.values())
        return [(word, counts[word]) for word in VERIFICATION_WORDS if counts[word]]


def article_claims(article: Article, site: SiteData) -> ArticleClaims:
    """The claims of `article`, numbered in the order readers meet their markers."""
    by_annotation = {annotation.id: annotation for annotation in article.annotations}
    marker_order = tuple(article.loaded_plan.in_marker_order())
    groups: dict[str, list[Annotation]] = {}
    for id_ in marker_order:
        annotation = by_annotation[id_]
        groups.setdefault(annotation.source or f" {annotation.id}", []).append(annotation)  # an unsourced one: its own
    claims: dict[str, Claim] = {}
    footnotes = []
    for number, group in enumerate(groups.values(), 1):
        source = site.sources[group[0].source] if group[0].source else None
        for position, annotation in enumerate(group):
            claims[annotation.id] = Claim(
                annotation, article, number, letters(position) if len(group) > 1 else "",
                tuple(attribution.who(annotation, site)), _named(annotation, site), source,
                tuple(attribution.source(source)) if source else (), article.words(annotation),
                tuple(site.actors[id_] for id_ in annotation.actors),
                tuple(site.sources[id_] for id_ in annotation.see_also))
        footnotes.append(Footnote(number, source, tuple(claims[a.id] for a in group)))
    return ArticleClaims(article, {a.id: claims[a.id] for a in article.annotations}, marker_order, tuple(footnotes))


def site_claims(site: SiteData) -> dict[str, ArticleClaims]:
    """The claims of every article, by the article's path."""
    return {path: article_claims(article, site) for path, article in site.articles.items()}


def _named(annotation: Annotation, site: SiteData) -> str:
    """Who said it, in a few words: the article's own words for who it credits, else the speaker's name."""
    return annotation.attributed_to or site.people[annotation.speaker].name


def letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa, 701 -> zz, 702 -> aaa (bijective base 26)."""
    word = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        word = string.ascii_lowercase[remainder] + word
    return word
