"""What a page says of itself in a line: the description search engines and link previews show.

An article is described by its first paragraph as published; an actor by the editors' description; a
person by name and role, and how many claims the articles attribute to them; a source as the footnotes
cite it, and for how many claims. The other pages have the site's description. Plain text: whoever
prints it escapes it.
"""

from __future__ import annotations

from collections import Counter

from annotated_article.data.vocabulary import SOURCE_KIND_WORDS
from annotated_article.model import Person, SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.attribution import ended, words
from annotated_article.render.provenance import lede
from annotated_article.site_urls import page_path


def page_descriptions(site: SiteData) -> dict[str, str]:
    """The description of every page that has one of its own, by the page's path inside docs/."""
    annotations = [annotation for article in site.articles.values() for annotation in article.annotations]
    said = Counter(annotation.speaker for annotation in annotations if annotation.speaker)
    cited = Counter(annotation.source for annotation in annotations if annotation.source)
    suggested = Counter(id_ for annotation in annotations for id_ in annotation.see_also)
    descriptions = {path: lede(article) for path, article in site.articles.items()}
    for actor in site.actors.values():
        descriptions[page_path("actors", actor.id)] = words(actor.description)
    for person in site.people.values():
        descriptions[page_path("people", person.id)] = person_description(person, site, said[person.id])
    for source in site.sources.values():
        descriptions[page_path("sources", source.id)] = source_description(source, cited[source.id],
                                                                           suggested[source.id])
    return descriptions


def person_description(person: Person, site: SiteData, claims: int) -> str:
    """`Mark Rutte, Secretary General of NATO. The articles attribute 2 claims to them, …`."""
    who = f"{words(person.name)}, {words(person.role)}"
    actor = site.actors.get(person.actor) if person.actor else None
    if actor and actor.name not in person.role:
        who += f", {words(actor.name)}"
    if person.affiliation:
        who += f" ({words(person.affiliation)})"
    if not claims:
        return f"{ended(who)} No statement of theirs is annotated yet."
    pronoun = "it" if person.type == "organization" else "them"
    return (f"{ended(who)} The articles attribute {_count(claims, 'claim')} to {pronoun}, each with its source "
            "and how sure we are of it.")


def source_description(source: Source, cited: int, suggested: int) -> str:
    """The source as the footnotes cite it, its kind, and what the articles cite it for."""
    cited_as = f"{attribution.as_text(attribution.source(source))} ({SOURCE_KIND_WORDS[source.kind]})."
    uses = ([f"cited for {_count(cited, 'claim')}"] if cited else []) + (
        [f"suggested as further reading for {_count(suggested, 'claim')}"] if suggested else [])
    return f"{cited_as} In the articles: {' and '.join(uses)}." if uses else cited_as


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
