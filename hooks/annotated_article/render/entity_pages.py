"""The page of each actor, person and source: what was said by and about them, with links to each passage.

Every entry links to the exact passage of the article it comes from (`../articles/NAME.md#annotation-id`);
MkDocs resolves and checks those links, and shows both judgements of its claim. A person's page gives what they
said in their own words, as each source has them (or why they were not seen), with the article's version beside
it where it differs; a source's page, what it said for each claim that cites it.
"""

from __future__ import annotations

from annotated_article.data.vocabulary import SOURCE_KIND_WORDS, SOURCE_SEEN_WORDS
from annotated_article.model import Person, SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.attribution import format_date
from annotated_article.render.claims import Claim, SaidEntry, counted
from annotated_article.render.entity_claims import claim_date, claim_item, distinct, notice_flag, tally
from annotated_article.render.page_markdown import PageMarkdown
from annotated_article.render.said import entry_markdown, not_seen, said_parts, words_markdown
from annotated_article.render.site_index import SiteIndex
from annotated_article.render.text import html_text, link_shown, markdown_text
from annotated_article.site_urls import page_path


def person_page(person: Person, site: SiteData, index: SiteIndex) -> str:
    page = PageMarkdown(page_path("people", person.id), site, person.name)
    details = [markdown_text(person.role)]
    if person.actor:
        details.append(page.link(site.actors[person.actor].name, page_path("actors", person.actor)))
    if person.affiliation:
        details.append(markdown_text(person.affiliation))
    page.lines += [" · ".join(details), ""]
    spoken = index.by_speaker[person.id]
    dates = sorted(date for claim in spoken for date in _own_dates(person, claim) if date)
    if dates:
        span = format_date(dates[0]) + (f" to {format_date(dates[-1])}" if dates[-1] != dates[0] else "")
        page.lines += [f"**Role:** {markdown_text(person.role)}, as the data gives it for their words of {span}.", ""]
    said = [line for claim in spoken for line in _own_words(page, person, claim)]
    page.section("What it said" if person.type == "organization" else "What they said", said)
    sources = index.sources_by[person.id]
    for source_id in sources:
        source = site.sources[source_id]
        cited = distinct([*index.citing_source[source_id], *index.recommending_source[source_id]])
        heading = f"By {'it' if person.type == 'organization' else 'them'}: " + ", ".join(
            filter(None, (source.publisher, f"“{source.title}”" if source.title else "",
                          format_date(source.date) if source.date else "")))
        page.lines += [f"## {markdown_text(heading)}", "",
                       f"{page.link('The source’s page', page_path('sources', source_id))}: "
                       + (f"{counted(len(cited), 'claim')} {'cites or suggests' if len(cited) == 1 else 'cite or suggest'} it."
                          if cited else "no claim cites it yet."),
                       "", *(claim_item(page, claim) for claim in cited), ""]
    if not said and not sources:
        page.lines += ["No statement of theirs is annotated yet, and no source is credited to them.", ""]
    return page.markdown()


def _own_dates(person: Person, claim: Claim) -> list[str]:
    """When `person`'s words for the claim were said: their entries' dates, else the claim's."""
    own = [entry.date for entry in claim.said if entry.person is not None and entry.person.id == person.id]
    return own or [claim_date(claim)]


def _own_words(page: PageMarkdown, person: Person, claim: Claim) -> list[str]:
    """What `person` said for the claim in their own words, each source's entry on a line (or why the words were
    not seen), and under it the article's version where it differs, with the claim's judgements."""
    own = [entry for entry in claim.said if entry.person is not None and entry.person.id == person.id]
    details = " · ".join(part for part in (notice_flag(claim), claim.kind_words, *page.judgements(claim)) if part)
    if not own:
        whose = "Its" if person.type == "organization" else "Their"
        why = "no source was found" if not claim.source else "what the source said is not recorded"
        return [f"- {whose} words: not seen ({why})  \n  The article: {page.passage(claim)} · {details}"]
    return [f"- {_said_line(page, entry)}{page.footnote(entry.source.id)}  \n"
            f"  {_article_version(page, claim, entry)} · {details}" for entry in own]


def _said_line(page: PageMarkdown, entry: SaidEntry) -> str:
    """The words (or why they were not seen), then when and where they were seen (the page says who)."""
    label = attribution.as_markdown(said_parts(entry, who=False), page.link_to_page)
    words = not_seen(entry)
    said = words_markdown(entry.words, entry.said.language) if entry.said.words else \
        markdown_text(words[0].upper() + words[1:])
    return f"{said} — {label}" if label else said


def _article_version(page: PageMarkdown, claim: Claim, entry: SaidEntry) -> str:
    """The article's words beside the source's, the words that differ marked; or, when they are the same, that the
    article quotes them."""
    if entry.comparison is not None and entry.comparison.agrees:
        return f"The article quotes these words: {page.passage(claim)}"
    if entry.comparison is not None:
        return f"The article: {page.passage(claim, shown=words_markdown(entry.comparison.article))}"
    return f"The article: {page.passage(claim)}"


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
    if source.by:
        facts.append("- **By:** " + ", ".join(page.link(site.people[id_].name, page_path("people", id_))
                                                for id_ in source.by))
    facts.append(f"- **Seen:** {_seen(source, index.citing_source[source.id])}")
    for link in sorted(source.links, key=lambda link: link.kind != "original"):
        label, kind = link_shown(link)
        # As escaped HTML, the way every page writes a link to an address of the data: Markdown would keep an
        # entity (`&#64;`) in the address for the browser to read as a character.
        facts.append(f'- **Link:** <a href="{html_text(link.url)}">{markdown_text(label)}</a>'
                     f"{' (' + markdown_text(kind) + ')' if kind else ''}")
    page.lines += [*facts, ""]
    if source.note:
        page.lines += [markdown_text(source.note), ""]
    page.section("Cited for", [_cited_entry(page, c, source) for c in index.citing_source[source.id]])
    page.section("Suggested as further reading for",
                 [claim_item(page, c) + _what_it_said(page, c, source) for c in index.recommending_source[source.id]])
    return page.markdown()


def _cited_entry(page: PageMarkdown, claim: Claim, source: Source) -> str:
    annotation = claim.annotation
    line = claim_item(page, claim) + _what_it_said(page, claim, source)
    if annotation.note:
        line += f"  \n  *Editor’s note:* {markdown_text(annotation.note)}"
    return line


def _what_it_said(page: PageMarkdown, claim: Claim, source: Source) -> str:
    """The claim's entries for `source` (what it said, or why that was not seen), each on a line of its own."""
    return "".join(f"  \n  *What it said:* {entry_markdown(entry, page.link_to_page)}"
                   for entry in claim.said if entry.source.id == source.id)


def _seen(source: Source, claims: list[Claim]) -> str:
    """Whether the source was seen, for the claims that cite it (the editors' `source_seen`), and where its words were
    seen (the `said` entries' `seen_in`)."""
    if not claims:
        return "not judged: no claim cites it as its source"
    counts = tally(claims, "source_seen")
    where = list(dict.fromkeys(attribution.words(entry.said.seen_in) for claim in claims for entry in claim.said
                               if entry.source.id == source.id and entry.said.words and entry.said.seen_in))
    seen = "; ".join(f"{SOURCE_SEEN_WORDS[value]} for {counted(count, 'claim')}" for value, count in counts)
    return markdown_text(seen[0].upper() + seen[1:] + (f" ({'; '.join(where)})" if where else ""))
