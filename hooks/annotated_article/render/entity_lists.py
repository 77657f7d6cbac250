"""The lists of the Actors, People and Sources pages: each entry with its counts, and what a reader can filter and
sort it by without a request (docs/assets/entity-lists.js).

The list is complete HTML without the script: each item carries its claims as data (`data-claims`: for each claim,
`ARTICLE/SOURCE_SEEN/WORDING`), its name and its count; the form that filters and sorts them is in the
page, `hidden`, and the script shows it. The form filters by article and by each judgement, and sorts by name, by
the number of claims, by the number of claims that match the filter, or in the order the page lists them.
"""

from __future__ import annotations

from typing import Callable

from markupsafe import Markup, escape

from annotated_article.model import SiteData
from annotated_article.render.claims import JUDGEMENT_LABELS, JUDGEMENTS, Claim
from annotated_article.render.entity_claims import article_key, newest_first, tally_text
from annotated_article.render.text import html_format
from annotated_article.site_urls import relative_url


def claims_data(claims: list[Claim]) -> str:
    """`ARTICLE/SOURCE_SEEN/WORDING` for each claim, space-separated: what the filters read."""
    return " ".join(f"{article_key(c.article)}/{c.source_seen}/{c.wording}" for c in claims)


def filter_form(site: SiteData, listed: str, what: str) -> Markup:
    """The form that filters and sorts the list after it, hidden until the script shows it; `listed` names the
    order the list is in without it; `what`, what the list is of (each form of a page is named apart)."""
    articles = Markup("").join(html_format('<option value="{}">{}</option>', article_key(a), a.title or a.path)
                               for a in newest_first(site))
    selects = [html_format('<label>Article <select name="article"><option value="">Every article</option>{}</select>'
                           "</label>",
                           articles)]
    for name in JUDGEMENTS:
        options = Markup("").join(html_format('<option value="{}">{}</option>', value, words)
                                  for value, words in JUDGEMENTS[name][0].items())
        selects.append(html_format('<label>{} <select name="{}"><option value="">Any</option>{}</select></label>',
            JUDGEMENT_LABELS[name], name, options))
    sorts = [("listed", listed), ("count", "Most claims"), ("matching", "Most claims that match the filter")]
    if listed != "Name":
        sorts.insert(1, ("name", "Name"))
    selects.append(html_format('<label>Sort by <select name="sort">{}</select></label>',
        Markup("").join(html_format('<option value="{}">{}</option>', value, words) for value, words in sorts)))
    return html_format('<form class="entity-filter" hidden aria-label="Filter and sort the list of {}">{}'
                       '<p class="entity-filter-status" role="status"></p></form>',
                       what, Markup("").join(selects))


def entity_list(site: SiteData, entries: list[tuple[str, str, list[Claim], Markup]], from_url: str,
                page_url: Callable[[str], str], what: str, listed: str = "Name") -> str:
    """The form and the list, as one block of HTML for a Markdown page. Each entry: its name, the page it links to
    (a path inside docs/), its claims, and what follows its name (HTML). `listed` names the
    order of `entries`; `what`, what they are (“actors”)."""
    items = Markup("\n").join(
        html_format('<li data-name="{}" data-count="{}" data-claims="{}"><a href="{}">{}</a>{} '
                    '<span class="entity-counts">{}</span></li>',
            name.casefold(), len(claims), claims_data(claims), relative_url(from_url, page_url(path)), name,
            details, _upper_first(tally_text(claims)))
        for name, path, claims, details in entries)
    return str(html_format('<div class="entity-list-block">\n{}\n<ul class="entity-list">\n{}\n</ul>\n</div>',
        filter_form(site, listed, what), items))


def details(*parts: str) -> Markup:
    """`, part, part` with each part escaped: what follows an entry's name."""
    return Markup("").join(html_format(", {}", escape(part)) for part in parts if part)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
