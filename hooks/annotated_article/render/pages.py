"""The generated pages, as Markdown: one per actor, person and source, and an index for each.

Every entry links to the exact passage of the article it comes from
(`../articles/NAME.md#annotation-id`); MkDocs resolves and checks those links.
Text from the data goes through `markdown_text`, so it shows as written.
"""

from __future__ import annotations

from . import attribution
from .attribution import format_date
from .markup import excerpt, html_text, markdown_text
from .relations_map import relations_map_svg
from .site_data import Actor, Article, Person, SiteData, Source
from .site_index import Citation, SiteIndex, all_relations
from .site_urls import index_path, page_path, relative_source_path
from .vocabulary import KIND_WORDS, LINK_KIND_WORDS, SOURCE_KIND_WORDS, VERIFICATION_WORDS

#: The page that lists every article.
ARTICLES_INDEX = "articles/index.md"
#: A line of a page in docs/ that the list of every article replaces (the home page has one).
ARTICLE_LIST = "<!-- articles -->"
#: How many articles the navigation names, at most, unless mkdocs.yml names more itself: Material
#: renders the whole navigation into every page, so a long list costs every page of the site (and
#: a reader scrolls past it). The Articles page lists them all.
NAV_ARTICLES = 10


def generated_pages(site: SiteData, index: SiteIndex, page_url) -> dict[str, str]:
    """Every generated page: its path inside docs/ and its Markdown.

    `page_url(src_path)` gives the site URL of a page, for the links inside the relations map.
    """
    pages = {ARTICLES_INDEX: articles_index(site),
             index_path("actors"): actors_index(site, page_url),
             index_path("people"): people_index(site),
             index_path("sources"): sources_index(site)}
    for actor in site.actors.values():
        pages[page_path("actors", actor.id)] = actor_page(actor, site, index)
    for person in site.people.values():
        pages[page_path("people", person.id)] = person_page(person, site, index)
    for source in site.sources.values():
        pages[page_path("sources", source.id)] = source_page(source, site, index)
    return pages


def with_generated_nav(nav: list, site: SiteData) -> list:
    """`nav` from mkdocs.yml with the generated entries added.

    The `Articles` section (added after the first entry if mkdocs.yml has none) starts with the
    Articles page, keeps the articles mkdocs.yml lists, and is filled up to `NAV_ARTICLES` articles
    with those the navigation does not name yet, newest first. Then come the actors (their index
    and the featured actors), people and sources.
    """
    nav = list(nav)
    section = next((i for i, entry in enumerate(nav) if isinstance(entry, dict) and list(entry) == ["Articles"]),
                   None)
    if section is None:
        nav.insert(min(1, len(nav)), {"Articles": []})
        section = min(1, len(nav) - 1)
    chosen = nav[section]["Articles"]
    chosen = chosen if isinstance(chosen, list) else [] if chosen is None else [chosen]  # or one page
    listed = _paths(nav)
    room = max(0, NAV_ARTICLES - len(_paths(chosen) & set(site.articles)))
    added = [article.path for article in newest_first(site) if article.path not in listed][:room]
    head = [] if ARTICLES_INDEX in listed else [{"All articles": ARTICLES_INDEX}]
    nav[section] = {"Articles": [*head, *chosen, *added]}
    return [*nav, *nav_entries(site)]


def _paths(nav: list) -> set[str]:
    """Every page path a navigation (or part of one) names."""
    found: set[str] = set()
    for entry in nav:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            if isinstance(value, list):
                found |= _paths(value)
            elif isinstance(value, str):
                found.add(value)
    return found


def nav_entries(site: SiteData) -> list[dict]:
    """Navigation for the generated pages: featured actors by name, and the three indexes.

    A navigation title is HTML to MkDocs and the theme (it becomes the page's title, printed as it is
    in the navigation, `<title>`, the footer and the 404 page), so a name from the data is escaped.
    """
    featured = [{html_text(actor.name): page_path("actors", actor.id)}
                for actor in site.actors.values() if actor.featured]
    return [{"Actors": [{"All actors": index_path("actors")}, *featured]},
            {"People": index_path("people")},
            {"Sources": index_path("sources")}]


class _Page:
    """Markdown lines for one page, with the footnotes for the sources it cites."""

    def __init__(self, path: str, site: SiteData, title: str):
        self.path = path
        self.site = site
        self.lines = [f"# {markdown_text(title)}", ""]
        self.cited: list[str] = []

    def link(self, text: str, target_path: str, fragment: str = "") -> str:
        return _link(self.path, text, target_path, fragment)

    def passage(self, citation: Citation, words: str = "") -> str:
        """A link to the cited passage (its first words, or `words`), naming its article when there are several."""
        link = self.link(words or excerpt(citation.article.words(citation.annotation)), citation.article.path,
                         citation.annotation.id)
        if len(self.site.articles) > 1:
            link += f" in *{markdown_text(citation.article.title or citation.article.path)}*"
        return link

    def speaker(self, citation: Citation) -> str:
        return attribution.as_markdown(attribution.who(citation.annotation, self.site), self.link_to_page)

    def link_to_page(self, text: str, kind: str, id_: str) -> str:
        return self.link(text, page_path(kind, id_))

    def footnote(self, source_id: str) -> str:
        """A footnote marker for the source (nothing for an attribution whose source was not found)."""
        if not source_id:
            return ""
        if source_id not in self.cited:
            self.cited.append(source_id)
        return f"[^{source_id}]"

    def verification(self, citation: Citation) -> str:
        word = citation.annotation.verification
        return f'<span class="verification verification--{word}">{word}</span>'

    def entry(self, citation: Citation, with_speaker: bool = True) -> str:
        annotation = citation.annotation
        parts = [self.speaker(citation)] if with_speaker else []
        parts += [KIND_WORDS[annotation.kind], self.verification(citation)]
        return f"- {self.passage(citation)} — {' · '.join(p for p in parts if p)}{self.footnote(annotation.source)}"

    def section(self, heading: str, lines: list[str]) -> None:
        if lines:
            self.lines += [f"## {markdown_text(heading)}", "", *lines, ""]

    def markdown(self) -> str:
        notes = [f"[^{source_id}]: {source_markdown(self, self.site.sources[source_id])}" for source_id in self.cited]
        return "\n".join(self.lines + notes) + "\n"


def _link(from_path: str, text: str, target_path: str, fragment: str = "") -> str:
    """A Markdown link from the page at `from_path` to the one at `target_path` (paths inside docs/)."""
    target = relative_source_path(from_path, target_path)
    return f"[{markdown_text(text)}]({target}{'#' + fragment if fragment else ''})"


def source_markdown(page: _Page, source: Source) -> str:
    """A source as a one-line citation, linked to its page."""
    parts = attribution.source(source)
    return attribution.as_markdown(parts, page.link_to_page) + attribution.full_stop(parts)


def actor_page(actor: Actor, site: SiteData, index: SiteIndex) -> str:
    page = _Page(page_path("actors", actor.id), site, actor.name)
    if actor.full_name:
        page.lines += [f"*{markdown_text(actor.full_name)}*", ""]
    page.lines += [markdown_text(actor.description), ""]
    page.section(f"What was said about {actor.name}", [page.entry(c) for c in index.about_actor[actor.id]])
    page.section(f"What {actor.name}’s officials and bodies said", [page.entry(c) for c in index.by_actor[actor.id]])
    page.section("Figures", [
        f"- **{markdown_text(figure.value)}**: {markdown_text(figure.label)} "
        f"({page.passage(citation, 'the passage')})"
        f"{page.footnote(citation.annotation.source)}"
        for figure, citation in index.figures[actor.id]
    ])
    page.section("Related actors", [_relation_line(page, site, actor, link) for link in index.relations[actor.id]])
    members = [site.people[person_id] for person_id in index.members[actor.id]]
    page.section("Officials and bodies", [
        f"- {page.link(person.name, page_path('people', person.id))}, {markdown_text(person.role)}" for person in members
    ])
    return page.markdown()


def _relation_line(page: _Page, site: SiteData, actor: Actor, link) -> str:
    source, target = site.actors[link.source], site.actors[link.target]
    names = [page.link(a.name, page_path("actors", a.id)) if a.id != actor.id else markdown_text(a.name)
             for a in (source, target)]
    return f"- {names[0]} → {names[1]}: {markdown_text(link.relation.relation)}"


def person_page(person: Person, site: SiteData, index: SiteIndex) -> str:
    page = _Page(page_path("people", person.id), site, person.name)
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
    page = _Page(page_path("sources", source.id), site, source.title or fallback)
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
        kind = LINK_KIND_WORDS[link.kind]
        label = markdown_text(link.label or link.url)
        facts.append(f"- **Link:** [{label}](<{link.url}>){' (' + markdown_text(kind) + ')' if kind else ''}")
    page.lines += [*facts, ""]
    if source.note:
        page.lines += [markdown_text(source.note), ""]
    page.section("Cited for", [_cited_entry(page, c) for c in index.citing_source[source.id]])
    page.section("Suggested as further reading for",
                 [f"- {page.passage(c)} — {page.speaker(c)}" for c in index.recommending_source[source.id]])
    return page.markdown()


def _cited_entry(page: _Page, citation: Citation) -> str:
    annotation = citation.annotation
    line = f"- {page.passage(citation)} — {page.speaker(citation)} · {KIND_WORDS[annotation.kind]} · " \
           f"{page.verification(citation)}"
    if annotation.note:
        line += f"  \n  *Editor’s note:* {markdown_text(annotation.note)}"
    return line


def articles_index(site: SiteData) -> str:
    page = _Page(ARTICLES_INDEX, site, "Articles")
    page.lines += ["Every article on this site, newest first, with what its annotations cover.", ""]
    page.section("All articles", article_list(site, ARTICLES_INDEX))
    return page.markdown()


def with_article_list(markdown: str, site: SiteData, page_path_: str) -> str:
    """A page's Markdown with each `ARTICLE_LIST` line replaced by the list of every article."""
    return markdown.replace(ARTICLE_LIST, "\n".join(article_list(site, page_path_))) if ARTICLE_LIST in markdown \
        else markdown


def article_list(site: SiteData, from_path: str) -> list[str]:
    """Every article, newest first, as Markdown list items for the page at `from_path`: its title, publisher
    and date, its claims counted by how sure the editors are, its sources and the actors it names."""
    entries = []
    for article in newest_first(site):
        published = article.provenance
        publisher = markdown_text(published.publisher) if published.publisher else "Publisher not known"
        when = format_date(published.date) if published.date else "date not known"
        summary = f"{publisher}, {when}. {_claims(article)}"
        if article.actors_named:
            summary += "; names " + ", ".join(_link(from_path, site.actors[id_].name, page_path("actors", id_))
                                              for id_ in article.actors_named)
        entries.append(f"- {_link(from_path, article.title or article.path, article.path)}: {summary}")
    return entries


def _claims(article: Article) -> str:
    """`15 attributed claims (4 confirmed, 9 likely, 2 unverified), 9 sources`."""
    sure = [f"{count} {word}" for word in VERIFICATION_WORDS
            if (count := sum(a.verification == word for a in article.annotations))]
    return (_count(len(article.annotations), "attributed claim") + (f" ({', '.join(sure)})" if sure else "")
            + ", " + _count(len(article.cited_sources), "source"))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def newest_first(site: SiteData) -> list[Article]:
    """The articles by date of publication, newest first; those whose date is not known last, in the order
    of their data files."""
    dated = sorted((a for a in site.articles.values() if a.provenance.date), key=lambda a: a.provenance.date,
                   reverse=True)
    return dated + [a for a in site.articles.values() if not a.provenance.date]


def actors_index(site: SiteData, page_url) -> str:
    page = _Page(index_path("actors"), site, "Actors")
    page.lines += ["The parties the articles name, and how they relate to each other.", ""]
    relations = all_relations(site)
    if relations:
        page.lines += ["## Relations map", "", relations_map_svg(site, relations, page_url(index_path("actors")),
                                                                  {a.id: page_url(page_path("actors", a.id))
                                                                   for a in site.actors.values()}), ""]
        page.section("The relations in words", [
            f"- {page.link(site.actors[r.source].name, page_path('actors', r.source))} → "
            f"{page.link(site.actors[r.target].name, page_path('actors', r.target))}: "
            f"{markdown_text(r.relation.relation)}" for r in relations])
    actors = sorted(site.actors.values(), key=lambda a: (not a.featured, a.name))
    page.section("All actors", [f"- {page.link(a.name, page_path('actors', a.id))}: {markdown_text(a.description)}"
                                for a in actors])
    return page.markdown()


def people_index(site: SiteData) -> str:
    page = _Page(index_path("people"), site, "People")
    page.lines += ["Everyone the annotations quote: people, and organizations that speak as one.", ""]
    for kind, heading in (("person", "People"), ("organization", "Organizations")):
        people = sorted((p for p in site.people.values() if p.type == kind), key=lambda p: p.name)
        page.section(heading, [f"- {page.link(p.name, page_path('people', p.id))}, {markdown_text(p.role)}"
                               for p in people])
    return page.markdown()


def sources_index(site: SiteData) -> str:
    page = _Page(index_path("sources"), site, "Sources")
    page.lines += ["Every source the annotations cite, newest first.", ""]
    sources = sorted(site.sources.values(), key=lambda s: (s.date or "0000", s.id), reverse=True)
    page.section("All sources", [
        f"- {page.link(s.publisher, page_path('sources', s.id))}"
        f"{', “' + markdown_text(s.title) + '”' if s.title else ''}"
        f"{', ' + format_date(s.date) if s.date else ''} ({SOURCE_KIND_WORDS[s.kind]})" for s in sources])
    return page.markdown()
