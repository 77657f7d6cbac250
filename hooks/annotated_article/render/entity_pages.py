"""The page of each actor, person and source: what was said by and about them, with links to each passage.

Every entry links to the exact passage of the article it comes from (`../articles/NAME.md#annotation-id`);
MkDocs resolves and checks those links.
"""

from __future__ import annotations

from dataclasses import replace

from annotated_article.data.vocabulary import SOURCE_KIND_WORDS
from annotated_article.model import Actor, Person, SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.attribution import format_date
from annotated_article.render.claims import Claim
from annotated_article.render.footnotes import badge_html
from annotated_article.render.page_markdown import PageMarkdown
from annotated_article.render.relations import ActorRelation, relation_parts
from annotated_article.render.site_index import SiteIndex
from annotated_article.render.text import html_text, link_shown, markdown_text
from annotated_article.site_urls import page_path


def actor_page(actor: Actor, site: SiteData, index: SiteIndex) -> str:
    page = PageMarkdown(page_path("actors", actor.id), site, actor.name)
    if actor.full_name:
        page.lines += [f"*{markdown_text(actor.full_name)}*", ""]
    page.lines += [markdown_text(actor.description), ""]
    page.section(f"What was said about {actor.name}", [page.entry(c) for c in index.about_actor[actor.id]])
    page.section(f"What {actor.name}’s officials and bodies said", [page.entry(c) for c in index.by_actor[actor.id]])
    page.section("Figures", [
        f"- **{markdown_text(figure.value)}**: {markdown_text(figure.label)} "
        f"({page.passage(claim, 'the passage')})"
        f"{page.footnote(claim.annotation.source)}"
        for figure, claim in index.figures[actor.id]
    ])
    page.section("Related actors", [_relation_line(page, site, actor, link) for link in index.actor_relations[actor.id]])
    members = [site.people[person_id] for person_id in index.members[actor.id]]
    page.section("Officials and bodies", [
        f"- {page.link(person.name, page_path('people', person.id))}, {markdown_text(person.role)}" for person in members
    ])
    return page.markdown()


def _relation_line(page: PageMarkdown, site: SiteData, actor: Actor, link: ActorRelation) -> str:
    """The relation, linking the other actor's page (not the page's own actor)."""
    parts = [part if part.page != ("actors", actor.id) else replace(part, page=None)
             for part in relation_parts(link, site)]
    return "- " + attribution.as_markdown(parts, page.link_to_page)


def person_page(person: Person, site: SiteData, index: SiteIndex) -> str:
    page = PageMarkdown(page_path("people", person.id), site, person.name)
    details = [markdown_text(person.role)]
    if person.actor:
        details.append(page.link(site.actors[person.actor].name, page_path("actors", person.actor)))
    if person.affiliation:
        details.append(markdown_text(person.affiliation))
    page.lines += [" · ".join(details), ""]
    said = [page.entry(c, with_speaker=False) for c in index.by_speaker[person.id]]
    page.section("What it said" if person.type == "organization" else "What they said", said)
    if not said:
        page.lines += ["No statement of theirs is annotated yet.", ""]
    return page.markdown()


def source_page(source: Source, site: SiteData, index: SiteIndex) -> str:
    fallback = source.publisher + (f", {format_date(source.date)}" if source.date else "")
    page = PageMarkdown(page_path("sources", source.id), site, source.title or fallback)
    facts = [f"- **Publisher:** {markdown_text(source.publisher)}",
             f"- **Kind:** {SOURCE_KIND_WORDS[source.kind]}"]
    if source.title_note:
        facts.append(f"- **Title:** {markdown_text(source.title_note)}")
    if source.date or source.date_note:
        date = format_date(source.date) if source.date else "not known"
        note = f" ({markdown_text(source.date_note)})" if source.date_note else ""
        facts.append(f"- **Date:** {date}{note}")
    if source.authors:
        facts.append(f"- **Authors:** {markdown_text(', '.join(source.authors))}")
    for link in source.links:
        label, kind = link_shown(link)
        # As escaped HTML, the way every page writes a link to an address of the data: Markdown would keep an
        # entity (`&#64;`) in the address for the browser to read as a character.
        facts.append(f'- **Link:** <a href="{html_text(link.url)}">{markdown_text(label)}</a>'
                     f"{' (' + markdown_text(kind) + ')' if kind else ''}")
    page.lines += [*facts, ""]
    if source.note:
        page.lines += [markdown_text(source.note), ""]
    page.section("Cited for", [_cited_entry(page, c) for c in index.citing_source[source.id]])
    page.section("Suggested as further reading for",
                 [f"- {page.passage(c)} — {page.speaker(c)}" for c in index.recommending_source[source.id]])
    return page.markdown()


def _cited_entry(page: PageMarkdown, claim: Claim) -> str:
    annotation = claim.annotation
    line = f"- {page.passage(claim)} — {page.speaker(claim)} · {claim.kind_words} · {badge_html(claim.verification)}"
    if annotation.note:
        line += f"  \n  *Editor’s note:* {markdown_text(annotation.note)}"
    return line
