"""Who said what about whom: the claims indexed once per build by the actor, person and source they concern.

A person is a claim's speaker when the annotation names them, or when one of its sources' words are theirs (a
`said` entry naming them as its speaker)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from annotated_article.model import Figure, SiteData
from annotated_article.render.claims import ArticleClaims, Claim
from annotated_article.render.entity_claims import newest_first
from annotated_article.render.relations import ActorRelation, all_relations


@dataclass
class SiteIndex:
    about_actor: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    by_actor: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    by_speaker: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    citing_source: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    recommending_source: dict[str, list[Claim]] = field(default_factory=lambda: defaultdict(list))
    figures: dict[str, list[tuple[Figure, Claim]]] = field(default_factory=lambda: defaultdict(list))
    #: Every relation, and those of each actor (as source or target).
    relations: list[ActorRelation] = field(default_factory=list)
    actor_relations: dict[str, list[ActorRelation]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: Each article's place in the order of publication, newest first (`entity_claims.newest_first`).
    article_order: dict[str, int] = field(default_factory=dict)
    #: The ids of the sources each person is credited with (`by`).
    sources_by: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def index_site(site: SiteData, claims: dict[str, ArticleClaims]) -> SiteIndex:
    """Index every claim, figure and relation by the actor, person and source it concerns."""
    index = SiteIndex()
    index.article_order = {article.path: place for place, article in enumerate(newest_first(site))}
    for person in site.people.values():
        if person.actor:
            index.members[person.actor].append(person.id)
    for source in site.sources.values():
        for person_id in source.by:
            index.sources_by[person_id].append(source.id)
    for article in site.articles.values():
        for claim in claims[article.path].in_reading_order():
            annotation = claim.annotation
            speaker = site.people.get(annotation.speaker)
            speaker_actor = speaker.actor if speaker else ""
            if speaker_actor:
                index.by_actor[speaker_actor].append(claim)
            for actor_id in annotation.actors:
                if actor_id != speaker_actor:
                    index.about_actor[actor_id].append(claim)
            for person_id in dict.fromkeys([*([speaker.id] if speaker else []),
                                            *(entry.person.id for entry in claim.said if entry.person)]):
                index.by_speaker[person_id].append(claim)
            if annotation.source:
                index.citing_source[annotation.source].append(claim)
            for source_id in annotation.see_also:
                index.recommending_source[source_id].append(claim)
            for figure in annotation.figures:
                index.figures[figure.actor].append((figure, claim))
    index.relations = all_relations(site, claims)
    for link in index.relations:
        index.actor_relations[link.source].append(link)
        index.actor_relations[link.target].append(link)
    return index
