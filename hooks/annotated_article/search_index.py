"""The site's search index with each paragraph and each claim of an article as an entry of its own.

The theme's search makes one entry per heading, so a match anywhere in an article led to
its top (or to the top of its footnotes), with a snippet of the section's first words.
Cut into its paragraphs and the claims of its footnote list (by their ids), an article's
results land on the paragraph or the claim that matched, and show its words: a
paragraph read as the article's text is (without markers or links to paragraphs), a
claim with its source's citation.
"""

from __future__ import annotations

import json
import re
from html import escape

from .article_text import article_text

_PARAGRAPH = re.compile(r'<p\b[^>]*\bid="(p-[^"]+)"[^>]*>(.*?)</p>', re.DOTALL)
_FOOTNOTE = re.compile(r'<li id="fn:[^"]+">\s*<p class="source-citation">(.*?)</p>(.*?)</ul>', re.DOTALL)
_CLAIM = re.compile(r'<li id="(cite:[^"]+)"><a [^>]*aria-label="Back to the passage (\w+)">.*?</a>(.*?)</li>',
                    re.DOTALL)


def with_paragraphs(index_json: str, articles: dict[str, str]) -> str:
    """`index_json` (MkDocs' search index) with the entries of each article (`articles`: page URL ->
    content HTML) kept for their titles, and an entry per paragraph and per claim after them."""
    index = json.loads(index_json)
    docs = []
    for doc in index["docs"]:
        page, _, _ = doc["location"].partition("#")
        content = articles.get(page)
        docs.append(doc if content is None else {**doc, "text": ""})
        if content is None or page != doc["location"]:
            continue
        entries = [(id_, f"Paragraph {number}", html)
                   for number, (id_, html) in enumerate(_PARAGRAPH.findall(content), 1)]
        for citation, claims in _FOOTNOTE.findall(content):
            entries += [(id_, f"Footnote {label}", f"{claim} <p>{citation}</p>") for id_, label, claim in
                        _CLAIM.findall(claims)]
        docs += [{"location": f"{page}#{id_}", "title": title, "text": escape(article_text(html).text, quote=False)}
                 for id_, title, html in entries]
    return json.dumps({**index, "docs": docs}, separators=(",", ":"))
