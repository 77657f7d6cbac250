"""What the site is made of: the data's entries, each article's text as published, and where its annotations go.

Plain data classes, filled by the data and article stages and read by every later one. This module
imports none of the stages: every stage imports it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable

#: Characters of context on each side of a quote, as annotation tools commonly take.
CONTEXT_LENGTH = 32


def reading_order(passages: dict[str, tuple[int, int]]) -> list[str]:
    """Ids of `passages` (id -> start, end in the text) in reading order: by start, an outer passage before
    the passages it holds."""
    return sorted(passages, key=lambda id_: (passages[id_][0], -passages[id_][1]))


def occurrences(haystack: str, needle: str) -> list[int]:
    """Every place `needle` starts in `haystack`, overlaps included."""
    starts, index = [], haystack.find(needle)
    while index != -1:
        starts.append(index)
        index = haystack.find(needle, index + 1)
    return starts


@dataclass(frozen=True)
class TextQuote:
    """W3C's TextQuoteSelector: the words, and optionally the text just before and after them."""

    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text: `text[start:end]` of the article."""

    start: int
    end: int


@dataclass(frozen=True)
class ArticleText:
    """The article's text as a reader sees it, its paragraphs in reading order, and its title (first h1)."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str = ""

    def paragraph_at(self, start: int, end: int) -> int | None:
        """The index of the paragraph that holds all of `text[start:end]`, if one does."""
        index = bisect_right([p.start for p in self.paragraphs], start) - 1
        if index >= 0 and end <= self.paragraphs[index].end:
            return index
        return None

    def paragraph_text(self, index: int) -> str:
        paragraph = self.paragraphs[index]
        return self.text[paragraph.start:paragraph.end]

    def quote(self, start: int, end: int, context: int = CONTEXT_LENGTH) -> TextQuote:
        """`text[start:end]` as a TextQuoteSelector, with enough text around it to occur exactly once."""
        while True:
            quote = TextQuote(self.text[start:end], self.text[max(0, start - context):start],
                              self.text[end:end + context])
            words = quote.prefix + quote.exact + quote.suffix
            first = self.text.find(words)  # once means no second place: two searches, not a count of them all
            if self.text.find(words, first + 1) == -1:
                return quote
            context *= 2


@dataclass(frozen=True)
class Placement:
    """An element around `start:end` of one paragraph's own text: an annotation's passage, or an actor link."""

    paragraph: int
    start: int
    end: int
    annotation: str = ""
    actor: str = ""


@dataclass(frozen=True)
class ArticlePlan:
    """Where an article's annotations go, worked out once when the data is loaded."""

    text: ArticleText
    #: Each annotation's words, as positions in the article's text.
    passages: dict[str, tuple[int, int]]
    #: In the order they are placed: passages outer first, then actor links.
    placements: tuple[Placement, ...]
    paragraph_ids: tuple[str, ...]
    #: Old addresses (data/addresses/) that a paragraph or passage, by its id, answers to as well.
    aliases: dict[str, list[str]] = field(default_factory=dict)
    #: The article's Markdown as it was parsed (without its front matter).
    source: str = ""

    def quote(self, annotation_id: str) -> TextQuote:
        """The annotation's TextQuoteSelector: the words as published, with the text around them."""
        return self.text.quote(*self.passages[annotation_id])

    def words(self, annotation_id: str) -> str:
        """The annotation's words as the article has them (its own quotes, dashes and spacing)."""
        start, end = self.passages[annotation_id]
        return self.text.text[start:end]

    def in_marker_order(self) -> list[str]:
        """Annotation ids in the order readers meet their markers (a marker follows its words)."""
        return sorted(self.passages, key=lambda id_: (self.passages[id_][1], -self.passages[id_][0]))

    def paragraphs(self) -> Iterable[tuple[str, str]]:
        """Each paragraph's id and its words, in reading order."""
        return ((id_, self.text.paragraph_text(index)) for index, id_ in enumerate(self.paragraph_ids))


# --- The data's entries -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Relation:
    """How an actor relates to `to`, in words, and where that is said: a source's id, an annotation's id
    (`ARTICLE#ID` where two articles have it), or the editors' `background` with no source."""

    to: str
    relation: str
    source: str = ""
    annotation: str = ""
    background: bool = False


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    description: str
    full_name: str = ""
    featured: bool = False
    names: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    type: str = "person"
    actor: str = ""
    affiliation: str = ""


@dataclass(frozen=True)
class Link:
    url: str
    kind: str
    label: str = ""


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    kind: str
    title: str = ""
    title_note: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    date_note: str = ""
    links: tuple[Link, ...] = ()
    note: str = ""
    #: Ids of data/people.yml the source is by: the body that issued it, or who spoke at it.
    by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    actor: str
    label: str
    value: str


@dataclass(frozen=True)
class Said:
    """What was said, as a source has it: the `words` seen verbatim, or why they were not seen (`not_seen`)."""

    source: str
    words: str = ""
    not_seen: str = ""
    #: Where the words were seen when not at the original ("as quoted by Anews").
    seen_in: str = ""
    #: Who said them, when not the annotation's speaker; when, when not the source's date.
    speaker: str = ""
    date: str = ""
    #: The language of `words` (BCP 47) when not English, and who translated them, for a translation.
    language: str = ""
    translated_by: str = ""


@dataclass(frozen=True)
class Correction:
    """A change to a published claim, on the record: when it was made, what changed, and why."""

    date: str
    what: str
    why: str


@dataclass(frozen=True)
class Withdrawal:
    """A published claim the editors no longer stand by: it stays on its page, marked, with when and why."""

    date: str
    why: str


@dataclass(frozen=True)
class Annotation:
    id: str
    exact: str
    kind: str
    #: Where the source was seen (original, report, not-found), and how the article's words compare with it.
    source_seen: str
    wording: str
    source: str = ""
    prefix: str = ""
    suffix: str = ""
    speaker: str = ""
    attributed_to: str = ""
    see_also: tuple[str, ...] = ()
    note: str = ""
    actors: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    said: tuple[Said, ...] = ()
    #: The changes made to it since it was published (`data/published/`), and its withdrawal, if it was withdrawn.
    corrections: tuple[Correction, ...] = ()
    withdrawn: Withdrawal | None = None

    @property
    def quote(self) -> TextQuote:
        return TextQuote(self.exact, self.prefix, self.suffix)


@dataclass(frozen=True)
class Provenance:
    """Where an article was published, as far as it is known: each `*_note` says what is known of a value
    that is left out, or what is uncertain about one that is given."""

    publisher: str = ""
    #: What kind of outlet the publisher is (`data/schemas/article.schema.json`), given with the publisher.
    publisher_kind: str = ""
    publisher_note: str = ""
    headline: str = ""
    headline_note: str = ""
    authors: tuple[str, ...] = ()
    #: `organization` when the byline names a desk or an outlet, each name one institutional author.
    byline_kind: str = "people"
    authors_note: str = ""
    date: str = ""
    date_note: str = ""
    updated: str = ""
    links: tuple[Link, ...] = ()
    links_note: str = ""
    rights: str = ""
    rights_note: str = ""

    @property
    def corporate_byline(self) -> bool:
        """Whether each name of the byline is an organization's (a desk, an outlet), not a person's."""
        return self.byline_kind == "organization"


@dataclass(frozen=True)
class Article:
    """An article's Markdown file (path inside docs/), its annotations in reading order, and where it was
    published."""

    path: str
    data_file: str
    annotations: tuple[Annotation, ...]
    title: str = ""
    #: Where its annotations go, worked out from its parsed text when the data is loaded.
    plan: ArticlePlan | None = field(default=None, compare=False, repr=False)
    provenance: Provenance = Provenance()

    @property
    def loaded_plan(self) -> ArticlePlan:
        """`plan`, which `load_site` works out for every article it loads."""
        if self.plan is None:
            raise ValueError(f"{self.path} has no plan: it was not loaded by load_site")
        return self.plan

    def words(self, annotation: Annotation) -> str:
        """The annotation's words as the article has them (its own quotes, dashes and spacing); as typed in the
        data for an article that was not loaded from its files."""
        return self.plan.words(annotation.id) if self.plan and annotation.id in self.plan.passages else annotation.exact

    @property
    def cited_sources(self) -> list[str]:
        """Ids of the sources its annotations cite or suggest, in reading order, each once."""
        return list(dict.fromkeys(s for a in self.annotations for s in (a.source, *a.see_also) if s))

    @property
    def actors_named(self) -> list[str]:
        """Ids of the actors its annotations concern, in reading order, each once."""
        return list(dict.fromkeys(actor for a in self.annotations for actor in a.actors))


@dataclass
class SiteData:
    actors: dict[str, Actor] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)


