"""The generated pages: one per actor, person and source (`entity_pages`), and the list pages: every article,
every actor (with the map of their relations), every person and every source.
"""

from __future__ import annotations

from annotated_article.data.vocabulary import SOURCE_KIND_WORDS
from annotated_article.model import SiteData
from annotated_article.render import attribution
from annotated_article.render.actor_page import actor_claims, actor_page
from annotated_article.render.attribution import format_date
from annotated_article.render.claims import ArticleClaims, counted
from annotated_article.render.entity_claims import distinct, newest_first
from annotated_article.render.entity_lists import details, entity_list
from annotated_article.render.entity_pages import person_page, source_page
from annotated_article.render.page_markdown import PageMarkdown, markdown_link
from annotated_article.render.relation_lines import cited_urls, relation_line
from annotated_article.render.relations_map import relations_map_svg
from annotated_article.render.site_index import SiteIndex
from annotated_article.render.text import markdown_text
from annotated_article.site_urls import index_path, page_path

#: The page that lists every article.
ARTICLES_INDEX = "articles/index.md"
#: A line of a page in docs/ that the list of every article replaces (the home page has one).
ARTICLE_LIST = "<!-- articles -->"



def generated_pages(site: SiteData, claims: dict[str, ArticleClaims], index: SiteIndex, page_url) -> dict[str, str]:
    """Every generated page: its path inside docs/ and its Markdown.

    `page_url(src_path)` gives the site URL of a page, for the links inside the relations map.
    """
    pages = {ARTICLES_INDEX: articles_index(site, claims),
             index_path("actors"): actors_index(site, index, page_url),
             index_path("people"): people_index(site, index, page_url),
             index_path("sources"): sources_index(site, index, page_url)}
    for actor in site.actors.values():
        pages[page_path("actors", actor.id)] = actor_page(actor, site, index, page_url)
    for person in site.people.values():
        pages[page_path("people", person.id)] = person_page(person, site, index)
    for source in site.sources.values():
        pages[page_path("sources", source.id)] = source_page(source, site, index)
    return pages


def articles_index(site: SiteData, claims: dict[str, ArticleClaims]) -> str:
    page = PageMarkdown(ARTICLES_INDEX, site, "Articles")
    page.lines += ["Every article on this site, newest first, with what its annotations cover.", ""]
    page.section("All articles", article_list(site, claims, ARTICLES_INDEX))
    return page.markdown()


def with_article_list(markdown: str, site: SiteData, claims: dict[str, ArticleClaims], page_path_: str) -> str:
    """A page's Markdown with each `ARTICLE_LIST` line replaced by the list of every article."""
    return markdown.replace(ARTICLE_LIST, "\n".join(article_list(site, claims, page_path_))) if ARTICLE_LIST in markdown \
        else markdown


def article_list(site: SiteData, claims: dict[str, ArticleClaims], from_path: str) -> list[str]:
    """Every article, newest first, as Markdown list items for the page at `from_path`: its title, publisher
    and date, its claims counted by each judgement, its sources and the actors it names."""
    entries = []
    for article in newest_first(site):
        published = article.provenance
        publisher = markdown_text(published.publisher) if published.publisher else "Publisher not known"
        when = format_date(published.date) if published.date else "date not known"
        summary = f"{publisher}, {when}. {claims[article.path].described()}"
        if article.actors_named:
            summary += "; names " + ", ".join(markdown_link(from_path, site.actors[id_].name, page_path("actors", id_))
                                              for id_ in article.actors_named)
        entries.append(f"- {markdown_link(from_path, article.title or article.path, article.path)}: {summary}")
    return entries


def actors_index(site: SiteData, index: SiteIndex, page_url) -> str:
    page = PageMarkdown(index_path("actors"), site, "Actors")
    page.lines += ["The parties the articles name, and how they relate to each other.", ""]
    relations = index.relations
    if relations:
        page.lines += ["## Relations map", "", relations_map_svg(site, relations, page_url(index_path("actors")),
                                                                  {a.id: page_url(page_path("actors", a.id))
                                                                   for a in site.actors.values()},
                                                                  cited_urls=cited_urls(relations, page_url)), ""]
        page.section("The relations in words", [relation_line(page, site, r) for r in relations])
    actors = sorted(site.actors.values(), key=lambda a: (not a.featured, a.name))
    entries = []
    for actor in actors:
        claims, own = actor_claims(actor, index)
        entries.append((actor.name, page_path("actors", actor.id), claims,
                        details(f"{len(own)} by its own voices" if claims else "", attribution.words(actor.description))))
    page.lines += ["## All actors", "", "Each actor with the claims by its own officials or outlets and about it, "
                   "counted by judgement.", "", entity_list(site, entries, page_url(page.path), page_url,
                                                   "actors", "Featured, then by name"), ""]
    return page.markdown()


def people_index(site: SiteData, index: SiteIndex, page_url) -> str:
    page = PageMarkdown(index_path("people"), site, "People")
    page.lines += ["Everyone the annotations quote or credit with a source: people, and organizations that speak as "
                   "one. Each with the claims that quote them or cite a source of theirs, counted by judgement.", ""]
    for kind, heading in (("person", "People"), ("organization", "Organizations")):
        people = sorted((p for p in site.people.values() if p.type == kind), key=lambda p: p.name)
        if not people:
            continue
        entries = [(person.name, page_path("people", person.id), person_claims(person.id, index),
                    details(person.role, counted(len(index.sources_by[person.id]), "source") + " by them"
                            if index.sources_by[person.id] else "")) for person in people]
        page.lines += [f"## {heading}", "", entity_list(site, entries, page_url(page.path), page_url, heading.lower()),
                       ""]
    return page.markdown()


def person_claims(person_id: str, index: SiteIndex) -> list:
    """The claims that quote a person, or cite or suggest a source credited to them."""
    return distinct([*index.by_speaker[person_id], *(claim for source_id in index.sources_by[person_id]
                                                      for claim in [*index.citing_source[source_id],
                                                                    *index.recommending_source[source_id]])])


def sources_index(site: SiteData, index: SiteIndex, page_url) -> str:
    page = PageMarkdown(index_path("sources"), site, "Sources")
    page.lines += ["Every source the annotations cite, newest first, with the claims that cite or suggest it, "
                   "counted by judgement.", ""]
    sources = sorted(site.sources.values(), key=lambda s: (s.date or "0000", s.id), reverse=True)
    entries = [(s.publisher, page_path("sources", s.id),
                distinct([*index.citing_source[s.id], *index.recommending_source[s.id]]),
                details(f"“{attribution.words(s.title)}”" if s.title else "", format_date(s.date) if s.date else "",
                        SOURCE_KIND_WORDS[s.kind])) for s in sources]
    page.lines += ["## All sources", "", entity_list(site, entries, page_url(page.path), page_url, "sources", "Newest"), ""]
    return page.markdown()
