"""The site's search index with each paragraph and each claim of an article as an entry of its own.

The theme's search makes one entry per heading, so a match anywhere in an article led to
its top (or to the top of its footnotes), with a snippet of the section's first words
run together across tags. Cut into its paragraphs and the claims of its footnote list
(by their ids), an article's results land on the paragraph or the claim that matched,
and show its words: a paragraph as published, a claim with its source's citation.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape

from .article_markup import ArticlePlan

#: An entry: the fragment it lands on, its title, its text.
SearchEntry = tuple[str, str, str]

_FOOTNOTE = re.compile(r'<li id="fn:[^"]+">\s*<p class="source-citation">(.*?)</p>(.*?)</ul>', re.DOTALL)
_CLAIM = re.compile(r'<li id="(cite:[^"]+)"><a [^>]*aria-label="Back to the passage of footnote ([^"]+)">.*?</a>(.*?)</li>',
                    re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def article_entries(plan: ArticlePlan, notes_html: str) -> list[SearchEntry]:
    """An entry per paragraph of the article, and per claim of its footnotes (`notes_html`)."""
    entries = [(id_, f"Paragraph {number}", plan.text.text[paragraph.start:paragraph.end])
               for number, (id_, paragraph) in enumerate(zip(plan.paragraph_ids, plan.text.paragraphs), 1)]
    for citation, claims in _FOOTNOTE.findall(notes_html):
        entries += [(id_, f"Footnote {label}", " ".join(unescape(_TAG.sub("", f"{claim} {citation}")).split()))
                    for id_, label, claim in _CLAIM.findall(claims)]
    return entries


def with_entries(index_json: str, articles: dict[str, list[SearchEntry]]) -> str:
    """`index_json` (MkDocs' search index) with the entries of each article (`articles`: its page's URL ->
    its entries) kept for their titles, and the article's own entries after them."""
    index = json.loads(index_json)
    docs = []
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        entries = articles.get(page)
        docs.append(doc if entries is None else {**doc, "text": ""})
        if entries is not None and page == doc["location"]:
            docs += [{"location": f"{page}#{id_}", "title": title, "text": escape(text, quote=False)}
                     for id_, title, text in entries]
    return json.dumps({**index, "docs": docs}, separators=(",", ":"))
