"""The relations between actors: each as one object, with where it is said (a source, the passage of an annotation, or
the editors' background), and worded once for the map, the lists and the pages."""

from __future__ import annotations

from dataclasses import dataclass

from annotated_article.model import Relation, SiteData, Source
from annotated_article.render.attribution import Part, format_date, words
from annotated_article.render.claims import ArticleClaims, Claim

#: What a relation marked `background` says of itself, wherever it is shown.
BACKGROUND = "editors’ background, no source"


@dataclass(frozen=True)
class ActorRelation:
    source: str
    target: str
    relation: Relation
    #: The source it cites, or the claim whose passage it cites (None: not that kind of citation).
    cited_source: Source | None = None
    claim: Claim | None = None

    @property
    def background(self) -> bool:
        return self.cited_source is None and self.claim is None


def claims_by_reference(claims: dict[str, ArticleClaims]) -> dict[str, Claim]:
    """Every claim by `ARTICLE#ID` (the article data file's name and the annotation's id), and by its id alone
    when no other article has that id: the ways a relation's `annotation` names one."""
    found: dict[str, Claim] = {}
    seen: dict[str, int] = {}
    for article_claims in claims.values():
        stem = article_claims.article.data_file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        for claim in article_claims.in_reading_order():
            found[f"{stem}#{claim.id}"] = claim
            seen[claim.id] = seen.get(claim.id, 0) + 1
            found.setdefault(claim.id, claim)
    return {key: claim for key, claim in found.items() if "#" in key or seen[key] == 1}


def all_relations(site: SiteData, claims: dict[str, ArticleClaims] | None = None) -> list[ActorRelation]:
    """Every relation of every actor, in the order of the actors and of their relations, each with what it cites."""
    by_reference = claims_by_reference(claims) if claims else {}
    return [ActorRelation(actor.id, relation.to, relation, site.sources.get(relation.source) if relation.source else None,
                          by_reference.get(relation.annotation) if relation.annotation else None)
            for actor in site.actors.values() for relation in actor.relations]


def relation_parts(relation: ActorRelation, site: SiteData) -> list[Part]:
    """“actor → actor: relation”, each actor's name linking to its page."""
    source, target = site.actors[relation.source], site.actors[relation.target]
    return [Part(words(source.name), page=("actors", source.id)), Part(" → "),
            Part(words(target.name), page=("actors", target.id)), Part(": "), Part(words(relation.relation.relation))]


def cited_text(relation: ActorRelation) -> str:
    """What the relation cites, as a few words of text: the source, the passage, or that it is background."""
    if relation.cited_source is not None:
        cited = relation.cited_source
        return "source: " + words(cited.publisher) + (f", “{words(cited.title)}”" if cited.title else "") + \
            (f", {format_date(cited.date)}" if cited.date else "")
    if relation.claim is not None:
        claim = relation.claim
        title = claim.article.title or claim.article.path
        return f"passage of “{words(title)}”, note {claim.name}: “{words(claim.words)}”"
    return BACKGROUND


def neighbours(actor_id: str, relations: list[ActorRelation]) -> list[str]:
    """The ids of the actors `actor_id` has a relation with (either way), in the order of the relations, each once."""
    return list(dict.fromkeys(r.target if r.source == actor_id else r.source for r in relations
                              if actor_id in (r.source, r.target)))
