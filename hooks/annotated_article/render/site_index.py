"""Who said what about whom: the data indexed once per build for the generated pages."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .site_data import Annotation, Article, Figure, Relation, SiteData


@dataclass(frozen=True)
class Citation:
    """One annotation in the article it belongs to."""

    article: Article
    annotation: Annotation


@dataclass(frozen=True)
class ActorRelation:
    source: str
    target: str
    relation: Relation


@dataclass
class SiteIndex:
    about_actor: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    by_actor: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    by_speaker: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    citing_source: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    recommending_source: dict[str, list[Citation]] = field(default_factory=lambda: defaultdict(list))
    figures: dict[str, list[tuple[Figure, Citation]]] = field(default_factory=lambda: defaultdict(list))
    relations: dict[str, list[ActorRelation]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def index_site(site: SiteData) -> SiteIndex:
    """Index every annotation, figure and relation by the actor, person and source it concerns."""
    index = SiteIndex()
    for person in site.people.values():
        if person.actor:
            index.members[person.actor].append(person.id)
    for article in site.articles.values():
        for annotation in article.annotations:
            citation = Citation(article, annotation)
            speaker = site.people.get(annotation.speaker)
            speaker_actor = speaker.actor if speaker else ""
            if speaker_actor:
                index.by_actor[speaker_actor].append(citation)
            for actor_id in annotation.actors:
                if actor_id != speaker_actor:
                    index.about_actor[actor_id].append(citation)
            if speaker:
                index.by_speaker[speaker.id].append(citation)
            if annotation.source:
                index.citing_source[annotation.source].append(citation)
            for source_id in annotation.see_also:
                index.recommending_source[source_id].append(citation)
            for figure in annotation.figures:
                index.figures[figure.actor].append((figure, citation))
    for actor in site.actors.values():
        for relation in actor.relations:
            link = ActorRelation(actor.id, relation.to, relation)
            index.relations[actor.id].append(link)
            index.relations[relation.to].append(link)
    return index


def all_relations(site: SiteData) -> list[ActorRelation]:
    return [ActorRelation(actor.id, relation.to, relation)
            for actor in site.actors.values() for relation in actor.relations]
