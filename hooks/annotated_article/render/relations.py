"""The relations between actors: each as one object, and worded once for the map, the lists and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from annotated_article.model import Relation, SiteData
from annotated_article.render.attribution import Part, words


@dataclass(frozen=True)
class ActorRelation:
    source: str
    target: str
    relation: Relation


def all_relations(site: SiteData) -> list[ActorRelation]:
    """Every relation of every actor, in the order of the actors and of their relations."""
    return [ActorRelation(actor.id, relation.to, relation)
            for actor in site.actors.values() for relation in actor.relations]


def relation_parts(relation: ActorRelation, site: SiteData) -> list[Part]:
    """“actor → actor: relation”, each actor's name linking to its page."""
    source, target = site.actors[relation.source], site.actors[relation.target]
    return [Part(words(source.name), page=("actors", source.id)), Part(" → "),
            Part(words(target.name), page=("actors", target.id)), Part(": "), Part(words(relation.relation.relation))]
