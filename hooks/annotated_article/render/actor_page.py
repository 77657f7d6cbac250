"""An actor's page: what its own officials and outlets said and what was said about it, grouped by article (newest
first) and counted by judgement; whose voices are heard, and plainly when none of its own is; its figures; the map
of its own relations, every arrow citing its source or passage (or saying it is the editors' background); its
officials and bodies."""

from __future__ import annotations

from annotated_article.model import Actor, SiteData
from annotated_article.render.claims import Claim, counted
from annotated_article.render.entity_claims import distinct, grouped_section, tally_lines
from annotated_article.render.page_markdown import PageMarkdown
from annotated_article.render.relation_lines import cited_urls, relation_line
from annotated_article.render.relations_map import relations_map_svg
from annotated_article.render.site_index import SiteIndex
from annotated_article.render.text import markdown_text
from annotated_article.site_urls import page_path


def own_voices(actor: Actor, index: SiteIndex) -> dict[str, list[Claim]]:
    """Each of the actor's officials and bodies that some claim quotes (as its speaker, or whose words a source
    gives), with those claims."""
    return {person_id: index.by_speaker[person_id] for person_id in index.members[actor.id]
            if index.by_speaker[person_id]}


def actor_claims(actor: Actor, index: SiteIndex) -> tuple[list[Claim], set[tuple[str, str]]]:
    """Every claim by the actor's own voices or about it, each once; and the keys of those by its own voices."""
    own = distinct(claim for claims in own_voices(actor, index).values() for claim in claims)
    keys = {(claim.article.path, claim.id) for claim in own}
    return distinct([*own, *index.about_actor[actor.id]]), keys


def actor_page(actor: Actor, site: SiteData, index: SiteIndex, page_url) -> str:
    page = PageMarkdown(page_path("actors", actor.id), site, actor.name, page_url)
    if actor.full_name:
        page.lines += [f"*{markdown_text(actor.full_name)}*", ""]
    page.lines += [markdown_text(actor.description), ""]
    claims, own = actor_claims(actor, index)
    name = markdown_text(actor.name)
    if claims:
        page.lines += [f"**{counted(len(claims), 'claim')}** in {counted(len({c.article.path for c in claims}), 'article')}"
                       f": {len(own)} by its own officials or outlets, {len(claims) - len(own)} about it.", "",
                       *tally_lines(claims), ""]
    else:
        page.lines += [f"No claim by or about {name} is annotated yet.", ""]
    page.lines += ["## Voices", "", *_voices(page, actor, index), ""]
    grouped_section(page, f"Claims by and about {actor.name}", claims, index.article_order,
                    lambda claim: "By its own voice" if (claim.article.path, claim.id) in own else "About it")
    page.section("Figures", [
        f"- **{markdown_text(figure.value)}**: {markdown_text(figure.label)} "
        f"({page.passage(claim, 'the passage')} · {' · '.join(page.judgements(claim))})"
        f"{page.footnote(claim.annotation.source)}"
        for figure, claim in index.figures[actor.id]
    ])
    relations = index.actor_relations[actor.id]
    if relations:
        own_url = page_url(page.path)
        page.lines += ["## Relations", "", relations_map_svg(
            site, relations, own_url, {id_: page_url(page_path("actors", id_))
                                       for relation in relations for id_ in (relation.source, relation.target)},
            centre=actor.id, cited_urls=cited_urls(relations, page_url)), ""]
        page.lines += [relation_line(page, site, relation, actor.id) for relation in relations] + [""]
    members = [site.people[person_id] for person_id in index.members[actor.id]]
    page.section("Officials and bodies", [
        f"- {page.link(person.name, page_path('people', person.id))}, {markdown_text(person.role)}" for person in members
    ])
    return page.markdown()


def _voices(page: PageMarkdown, actor: Actor, index: SiteIndex) -> list[str]:
    """How many of the actor's own officials and outlets are quoted, and by how many claims; a plain sentence when
    none is."""
    voices = own_voices(actor, index)
    name = markdown_text(actor.name)
    if not voices:
        return [f"No official or outlet of {name} is quoted in these articles."]
    people = page.site.people
    heard = "1 of its own officials or outlets is" if len(voices) == 1 else \
        f"{len(voices)} of its own officials or outlets are"
    return [f"{heard} quoted in these articles:", "",
            *(f"- {page.link(people[id_].name, page_path('people', id_))}, {markdown_text(people[id_].role)}: "
              f"{counted(len(claims), 'claim')}" for id_, claims in voices.items())]
