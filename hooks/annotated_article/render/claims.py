"""One view of an article's claims, worked out once when the site is loaded, which every surface reads.

A claim is an annotation as readers meet it: its own number, in the order readers meet the markers (each claim
has its mark; the sources are listed once, numbered by the first claim that cites them, each with the claims it
supports),
who the article credits (`attribution.who`), its source's citation, the editors' two judgements (where the
source was seen, and how the article's words compare with it), its words as the article has them, and what
was said as each source has it, compared word by word with the article's (`article.wording`). The card and footnotes, the claims summary, the search entries, the pages of actors,
people and sources, the open data all read claims from here, so that none of them works any of it out again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from annotated_article.article.wording import Comparison, Word, compare, compared
from annotated_article.data.vocabulary import (
    KIND_WORDS,
    OVERSTATED,
    SOURCE_SEEN_MEANINGS,
    SOURCE_SEEN_WORDS,
    WORDING_MEANINGS,
    WORDING_WORDS,
)
from annotated_article.model import Actor, Annotation, Article, Person, Said, SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.attribution import Part

#: Each judgement of a claim: its words (a badge) and meanings (a sentence) by value, in the schema's order.
JUDGEMENTS = {"source_seen": (SOURCE_SEEN_WORDS, SOURCE_SEEN_MEANINGS), "wording": (WORDING_WORDS, WORDING_MEANINGS)}
#: What each judgement is called where it is shown.
JUDGEMENT_LABELS = {"source_seen": "Source", "wording": "Wording"}


@dataclass(frozen=True)
class SaidEntry:
    """What one source said for a claim (one entry of its `said`), as the pages show it."""

    said: Said
    source: Source
    #: Who said it: the entry's speaker, else the annotation's (None when neither names a person: the source's
    #: publisher is named instead).
    person: Person | None
    who: str
    #: When: the entry's date, else its source's ('' when neither is known).
    date: str
    #: The words beside the article's, each marked where they differ; None when they are not compared (not seen,
    #: in another language, or another speaker's words).
    comparison: Comparison | None = None

    @property
    def words(self) -> tuple[Word, ...]:
        """The source's words, each marked where it differs from the article's (none marked when not compared)."""
        return self.comparison.source if self.comparison else tuple((word, False) for word in self.said.words.split())


@dataclass(frozen=True)
class Claim:
    """One annotation of one article, as every page and file shows it."""

    annotation: Annotation
    article: Article
    #: Its own number: where its marker comes in reading order (1 for the first marker).
    number: int
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
    #: What was said, as each source has it, in the order of the data.
    said: tuple[SaidEntry, ...] = ()

    @property
    def id(self) -> str:
        return self.annotation.id

    @property
    def source_seen(self) -> str:
        return self.annotation.source_seen

    @property
    def wording(self) -> str:
        return self.annotation.wording

    @property
    def overstated(self) -> bool:
        """Whether the article's words go beyond what its source says (stronger than it, or not in it)."""
        return self.annotation.wording in OVERSTATED

    def judgement(self, name: str) -> str:
        """The value of a judgement (`source_seen` or `wording`)."""
        return {"source_seen": self.source_seen, "wording": self.wording}[name]

    @property
    def article_said(self) -> tuple[Word, ...]:
        """The article's words that are compared with what was said (its quoted words, or all of them), each
        marked where it differs from every source it is compared with; empty when none is."""
        comparisons = [entry.comparison for entry in self.said if entry.comparison]
        if not comparisons:
            return ()
        return tuple((word, all(c.article[index][1] for c in comparisons))
                     for index, (word, _) in enumerate(comparisons[0].article))

    @property
    def kind_words(self) -> str:
        """How the article attributes the words, in words."""
        return KIND_WORDS[self.annotation.kind]

    @property
    def name(self) -> str:
        """How a marker and a back-link name the claim: its number (a name holds the text it shows, as WCAG's
        "label in name" asks)."""
        return str(self.number)

    @property
    def footnote_id(self) -> str:
        return f"fn:{self.source.id}" if self.source else f"fn:unsourced-{self.id}"


@dataclass(frozen=True)
class Footnote:
    """A source's entry in the list of sources, with the claims it supports in reading order (numbered by the
    first of them); or, for an attribution whose source was not found (`source` None), that one claim."""

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

    def described(self) -> str:
        """`15 attributed claims (source: 2 seen at the original, 9 seen only in a report, 4 not found; wording: 4
        same words, …, 4 not checked), 11 sources`: the claims counted by each judgement, as words."""
        tallies = ["{}: {}".format(JUDGEMENT_LABELS[name].lower(), ", ".join(
            f"{count} {JUDGEMENTS[name][0][value]}" for value, count in self.tally(name))) for name in JUDGEMENTS]
        return (counted(len(self.by_id), "attributed claim") + (f" ({'; '.join(tallies)})" if self.by_id else "")
                + ", " + counted(len(self.article.cited_sources), "source"))

    def tally(self, judgement: str) -> list[tuple[str, int]]:
        """How many claims have each value of a judgement (`source_seen` or `wording`): each value that some claim
        has, in the order of the values, with its count."""
        counts = Counter(claim.judgement(judgement) for claim in self.by_id.values())
        return [(value, counts[value]) for value in JUDGEMENTS[judgement][0] if counts[value]]


def article_claims(article: Article, site: SiteData) -> ArticleClaims:
    """The claims of `article`, each numbered in the order readers meet their markers; their sources numbered by
    their first claim."""
    by_annotation = {annotation.id: annotation for annotation in article.annotations}
    marker_order = tuple(article.loaded_plan.in_marker_order())
    groups: dict[str, list[Annotation]] = {}
    for id_ in marker_order:
        annotation = by_annotation[id_]
        groups.setdefault(annotation.source or f" {annotation.id}", []).append(annotation)  # an unsourced one: its own
    claims: dict[str, Claim] = {}
    footnotes = []
    numbers = {id_: number for number, id_ in enumerate(marker_order, 1)}
    for number, group in enumerate(groups.values(), 1):
        source = site.sources[group[0].source] if group[0].source else None
        for annotation in group:
            claims[annotation.id] = Claim(
                annotation, article, numbers[annotation.id],
                tuple(attribution.who(annotation, site)), _named(annotation, site), source,
                tuple(attribution.source(source)) if source else (), article.words(annotation),
                tuple(site.actors[id_] for id_ in annotation.actors),
                tuple(site.sources[id_] for id_ in annotation.see_also),
                said_entries(annotation, article.words(annotation), site))
        footnotes.append(Footnote(number, source, tuple(claims[a.id] for a in group)))
    return ArticleClaims(article, {a.id: claims[a.id] for a in article.annotations}, marker_order, tuple(footnotes))


def site_claims(site: SiteData) -> dict[str, ArticleClaims]:
    """The claims of every article, by the article's path."""
    return {path: article_claims(article, site) for path, article in site.articles.items()}


def said_entries(annotation: Annotation, words: str, site: SiteData) -> tuple[SaidEntry, ...]:
    """What each source said for `annotation`, whose words the article has as `words`."""
    entries = []
    for said in annotation.said:
        speaker = said.speaker or annotation.speaker
        person = site.people.get(speaker) if speaker else None
        source = site.sources[said.source]
        comparison = compare(words, said.words) if said.words and \
            compared(annotation.speaker, said.speaker, said.language) else None
        entries.append(SaidEntry(said, source, person, person.name if person else source.publisher,
                                 said.date or source.date, comparison))
    return tuple(entries)


def _named(annotation: Annotation, site: SiteData) -> str:
    """Who said it, in a few words: the article's own words for who it credits, else the speaker's name."""
    return annotation.attributed_to or site.people[annotation.speaker].name


def counted(number: int, noun: str) -> str:
    """`1 source`, `2 sources`."""
    return f"{number} {noun}{'' if number == 1 else 's'}"

