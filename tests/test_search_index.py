"""The search index cut into an article's paragraphs and claims."""

from __future__ import annotations

import json

from annotated_article.search_index import with_paragraphs

ARTICLE = (
    '<h1 id="t">Title</h1>\n'
    '<p id="p-first">First <span class="annotated-passage" id="q">words &amp; more.<sup class="annotation-marker" '
    'id="fnref:q"><a class="claim-marker" href="#cite:q">1</a></sup></span> <a class="paragraph-link" '
    'href="#p-first">¶</a></p>\n<p>Not an article paragraph.</p>\n<p id="p-second">Second.</p>\n'
    '<div class="annotation-notes" role="doc-endnotes">\n<h2 id="sources-and-attributions">Sources</h2>\n<ol>\n'
    '<li id="fn:src">\n<p class="source-citation"><a href="s/">Outlet</a>, <cite>“Report”</cite>.</p>\n'
    '<ul class="attributions">\n<li id="cite:q"><a class="claim-backref" href="#q" role="doc-backlink" '
    'aria-label="Back to the passage 1a">^ a</a> <span>Who: Ann</span> <br><span>Editor’s note: x</span></li>\n'
    '</ul>\n</li>\n</ol>\n</div>')


def test_an_article_is_cut_into_its_paragraphs_and_claims_and_other_pages_are_left_alone():
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "a/", "title": "Title", "text": "<p>First words &amp; more.1 ¶</p>"},
        {"location": "a/#sources-and-attributions", "title": "Sources", "text": "likelyEditor"},
        {"location": "b/", "title": "Other", "text": "<p>Other page.</p>"},
    ]}
    docs = json.loads(with_paragraphs(json.dumps(index), {"a/": ARTICLE}))["docs"]
    assert docs == [
        {"location": "a/", "title": "Title", "text": ""},
        {"location": "a/#p-first", "title": "Paragraph 1", "text": "First words &amp; more."},
        {"location": "a/#p-second", "title": "Paragraph 2", "text": "Second."},
        {"location": "a/#cite:q", "title": "Footnote 1a", "text": "Who: Ann Editor’s note: x Outlet, “Report”."},
        {"location": "a/#sources-and-attributions", "title": "Sources", "text": ""},
        {"location": "b/", "title": "Other", "text": "<p>Other page.</p>"},
    ]
