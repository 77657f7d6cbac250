"""The search index cut into an article's paragraphs and claims."""

from __future__ import annotations

import json

from annotated_article.render.search_entries import article_entries
from annotated_article.site.search_index import with_entries
from test_article_markup import annotation, render


def test_an_article_gives_an_entry_per_paragraph_as_published_and_per_claim_with_its_source():
    result = render("# Title\n\nFirst *words* & more.\n\nSecond one.\n", annotation("q", "words & more"),
                    annotation("r", "Second"))
    assert article_entries(result.build.claims["a.md"]) == [
        ("p-first-words-more", "Paragraph 1", "First words & more."),
        ("p-second-one", "Paragraph 2", "Second one."),
        ("cite:q", "Footnote 1, claim a", "Who: Ana <b>Bold</b>, Analyst & writer · How: direct quote · How sure: likely "
                                  "Outlet One, “First”, 1 November 2024. Read: example.org (address built from the "
                                  "site’s usual pattern, not checked)."),
        ("cite:r", "Footnote 1, claim b", "Who: Ana <b>Bold</b>, Analyst & writer · How: direct quote · How sure: likely "
                                  "Outlet One, “First”, 1 November 2024. Read: example.org (address built from the "
                                  "site’s usual pattern, not checked)."),
    ]


def test_an_articles_entries_follow_its_own_whose_text_they_take_and_other_pages_are_left_alone():
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "a/", "title": "Title", "text": "<p>First words &amp; more.1 ¶</p>"},
        {"location": "a/#sources-and-attributions", "title": "Sources", "text": "likelyEditor"},
        {"location": "b/", "title": "Other", "text": "<p>Other page.</p>"},
    ]}
    entries = {"a/": [("p-first", "Paragraph 1", "First words & <more>."), ("cite:q", "Footnote 1", "Who: Ann")]}
    assert json.loads(with_entries(json.dumps(index), entries)) == {"config": {"lang": ["en"]}, "docs": [
        {"location": "a/", "title": "Title", "text": ""},
        {"location": "a/#p-first", "title": "Paragraph 1", "text": "First words &amp; &lt;more&gt;."},
        {"location": "a/#cite:q", "title": "Footnote 1", "text": "Who: Ann"},
        {"location": "a/#sources-and-attributions", "title": "Sources", "text": ""},
        {"location": "b/", "title": "Other", "text": "<p>Other page.</p>"},
    ]}
