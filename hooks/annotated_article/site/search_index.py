"""The site's search index with each paragraph and each claim of an article as an entry of its own
(`render.search_entries`), in place of the theme's entries for the article's headings (a subheading, being
running text, has an entry of ours), each with its boost (the theme's search reads an entry's `boost`, as it
does a page's `search.boost`). An entry's text is
escaped, but for a claim's, which is HTML already (its badges and marks, its text from the data escaped)."""

from __future__ import annotations

import json
from html import escape
from typing import Callable

from markupsafe import Markup

from annotated_article.render.search_entries import SearchEntry


def with_entries(index_json: str, articles: dict[str, list[SearchEntry]],
                 every_page: Callable[[list[dict]], list[dict]] | None = None) -> str:
    """`index_json` (MkDocs' search index) with the entries of each article (`articles`: its page's URL ->
    its entries) kept for their titles, and the article's own entries after them; the page's own entry takes the
    text of the article's entry without a fragment (none: no text). `every_page` gives the theme's entries of
    every page from those of the index (under `mkdocs serve --dirty`, whose index holds only the pages rendered
    again)."""
    index = json.loads(index_json)
    docs = []
    for doc in index["docs"] if every_page is None else every_page(index["docs"]):
        page, _, fragment = doc["location"].partition("#")
        entries = articles.get(page)
        if entries is not None and fragment and any(id_ == fragment for id_, _, _, _ in entries):
            continue  # a heading of the article: its entry is ours, without the ¶ and markers in its title
        own = "".join(_text(text) for id_, _, text, _ in entries or () if not id_ and page == doc["location"])
        docs.append(doc if entries is None else {**doc, "text": own})
        if entries is not None and page == doc["location"]:
            docs += [{"location": f"{page}#{id_}", "title": title, "text": _text(text), "boost": boost}
                     for id_, title, text, boost in entries if id_]
    return json.dumps({**index, "docs": docs}, separators=(",", ":"))


def _text(text: str) -> str:
    return str(text) if isinstance(text, Markup) else escape(text, quote=False)
