"""Claims as the pages of actors, people and sources list them: grouped by article (newest first), each with its
date, who said it, both judgements, its words in full and a link to its passage; and counted by judgement."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from markupsafe import Markup, escape

from annotated_article.model import Article, SiteData
from annotated_article.render.attribution import format_date
from annotated_article.render.claims import JUDGEMENT_LABELS, JUDGEMENTS, Claim, counted
from annotated_article.render.corrections import claim_notices
from annotated_article.render.page_markdown import PageMarkdown
from annotated_article.render.text import html_format, markdown_text

_ITEM = "<li>{}<br />\n  “{}” — <a href=\"{}\">the passage (note {})</a>{}{}</li>"


def newest_first(site: SiteData) -> list[Article]:
    """The articles by date of publication, newest first; those whose date is not known last, in the order
    of their data files."""
    dated = sorted((a for a in site.articles.values() if a.provenance.date), key=lambda a: a.provenance.date,
                   reverse=True)
    return dated + [a for a in site.articles.values() if not a.provenance.date]


def article_key(article: Article) -> str:
    """The article's short name, for filters and `ARTICLE#ID`: its data file's name without `.yml`."""
    return article.data_file.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def claim_date(claim: Claim) -> str:
    """When the claim's words were said, as ISO: its first `said` entry's date, else its source's ('' if neither)."""
    dated = [entry.date for entry in claim.said if entry.date]
    return dated[0] if dated else (claim.source.date if claim.source and claim.source.date else "")


def distinct(claims: Iterable[Claim]) -> list[Claim]:
    """Each claim once, in the order first met."""
    return list({(claim.article.path, claim.id): claim for claim in claims}.values())


def tally(claims: list[Claim], judgement: str) -> list[tuple[str, int]]:
    """How many of `claims` have each value of a judgement, in the order of the values, those with none left out."""
    counts = Counter(claim.judgement(judgement) for claim in claims)
    return [(value, counts[value]) for value in JUDGEMENTS[judgement][0] if counts[value]]


def tally_lines(claims: list[Claim]) -> list[str]:
    """`- **Source:** 2 seen at the original, 1 not found` and the same for the wording, as Markdown list items."""
    return [f"- **{JUDGEMENT_LABELS[name]}:** " + ", ".join(f"{count} {JUDGEMENTS[name][0][value]}"
                                                          for value, count in tally(claims, name))
            for name in JUDGEMENTS if claims]


def tally_text(claims: list[Claim]) -> str:
    """`3 claims (source: 2 seen only in a report, 1 not found; wording: …)`, or `no claim`."""
    if not claims:
        return "no claim"
    parts = ["{}: {}".format(JUDGEMENT_LABELS[name].lower(), ", ".join(
        f"{count} {JUDGEMENTS[name][0][value]}" for value, count in tally(claims, name))) for name in JUDGEMENTS]
    return f"{counted(len(claims), 'claim')} ({'; '.join(parts)})"


def by_article(claims: list[Claim], order: dict[str, int]) -> list[tuple[Article, list[Claim]]]:
    """`claims` grouped by their article, in the `order` of the articles' paths (newest first), each group in
    reading order."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(claim.article.path, []).append(claim)
    return [(group[0].article, sorted(group, key=_place)) for _, group in
            sorted(groups.items(), key=lambda item: order.get(item[0], len(order)))]


def _place(claim: Claim) -> tuple[int, int]:
    """Where the claim's words are in its article's text."""
    plan = claim.article.plan
    return plan.passages.get(claim.id, (0, 0)) if plan else (0, 0)


def article_heading(page: PageMarkdown, article: Article) -> str:
    """`### [Title](link) — Publisher, date`."""
    published = article.provenance
    facts = [markdown_text(published.publisher) if published.publisher else "publisher not known",
             format_date(published.date) if published.date else "date not known"]
    return f"### {page.link(article.title or article.path, article.path)} — {', '.join(facts)}"


def notice_flag(claim: Claim) -> str:
    """The claim's latest notice as a few bold words ("**Withdrawn 7 December 2026**"; a withdrawal comes before a
    correction of the same day), or '' when it has none: where a page lists a claim, it says so first."""
    notices = claim_notices(claim)
    return f"**{notices[0].kind} {format_date(notices[0].date)}**" if notices else ""


def claim_item(page: PageMarkdown, claim: Claim, role: str = "") -> str:
    """A claim as a list item: when, who, how it is attributed and both judgements; then its words in full, with a
    link to its passage (and the footnote of its source); `role` (“by Russia's own voices”) first, if given, then
    its latest correction or its withdrawal, dated."""
    date = claim_date(claim)
    when = f"**{format_date(date)}**" if date else "**Date not known**"
    facts = [part for part in (role, notice_flag(claim), when, page.speaker(claim), claim.kind_words,
                               *page.judgements(claim)) if part]
    link = page.link(f"the passage (note {claim.name})", claim.article.path, claim.id)
    if len(page.site.articles) > 1:  # under its article's heading too: a link says where it leads
        link += f" in *{markdown_text(claim.article.title or claim.article.path)}*"
    return (f"- {' · '.join(facts)}  \n  “{markdown_text(claim.words)}” — {link}"
            f"{page.footnote(claim.annotation.source)}")


def claim_item_html(page: PageMarkdown, claim: Claim, role: str = "") -> Markup:
    """`claim_item` made into HTML here, for a page with `page_url` (the same words, links and footnote): Markdown
    takes three times as long to read it, on the pages that list the most claims."""
    date = claim_date(claim)
    notices = claim_notices(claim)
    facts = [html_format("<em>{}</em>", role) if role else "",
             html_format("<strong>{} {}</strong>", notices[0].kind, format_date(notices[0].date)) if notices else "",
             html_format("<strong>{}</strong>", format_date(date) if date else "Date not known"),
             page.parts_html(claim.who), escape(claim.kind_words), *map(Markup, page.judgements(claim))]
    title = html_format(" in <em>{}</em>", claim.article.title or claim.article.path) \
        if len(page.site.articles) > 1 else ""
    return html_format(_ITEM, Markup(" · ").join(fact for fact in facts if fact), " ".join(claim.words.split()),
                       page.url(claim.article.path, claim.id), claim.name, title,
                       Markup(page.footnote(claim.annotation.source)))


def grouped_section(page: PageMarkdown, heading: str, claims: list[Claim], order: dict[str, int], role_of=None) -> None:
    """A section of `claims` grouped by article in `order` (newest first); `role_of(claim)` gives the words a claim
    starts with. Each group's list is HTML made here (the page needs `page_url`)."""
    if not claims:
        return
    page.lines += [f"## {markdown_text(heading)}", ""]
    for article, group in by_article(claims, order):
        items = Markup("\n").join(claim_item_html(page, claim, role_of(claim) if role_of else "") for claim in group)
        page.lines += [article_heading(page, article), "", str(html_format("<ul>\n{}\n</ul>", items)), ""]
