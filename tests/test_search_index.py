"""The search index cut into an article's paragraphs and claims."""

from __future__ import annotations

import json

from markupsafe import Markup

from annotated_article.model import Said
from annotated_article.render.search_entries import WORDS_BOOST, article_entries
from annotated_article.site.search_index import with_entries
from test_article_markup import annotation, render


CITATION = ("Outlet One, “First”, 1 November 2024. Read: example.org (address built from the site’s usual pattern, "
            "not checked).")


def test_an_article_gives_an_entry_per_paragraph_claim_note_and_source_its_own_words_first():
    said = (Said("one", words="words <i>and</i> more", seen_in="as <b>quoted</b>"),)
    result = render("# Title\n\nFirst *words* & more.\n\nSecond one.\n", annotation("q", "words & more", said=said),
                    annotation("r", "Second", wording="stronger-than-source"))
    lead_q = ('Who: Ana &lt;b&gt;Bold&lt;/b&gt;, Analyst &amp; writer · How: direct quote · '
              'Source: <span class="judgement judgement--report">seen only in a report</span> · '
              'Wording: <span class="judgement judgement--fair-paraphrase">fair paraphrase</span>')
    lead_r = ('Who: Ana &lt;b&gt;Bold&lt;/b&gt;, Analyst &amp; writer · How: direct quote · '
              'Source: <span class="judgement judgement--report">seen only in a report</span> · '
              'Wording: <span class="judgement judgement--stronger-than-source"><span class="visually-hidden">warning: '
              '</span>stronger than the source</span>')
    cited = "Cited from: Outlet One, 1 November 2024"
    assert article_entries(result.build.claims["a.md"]) == [
        ("", "", "First words & more. Second one.", 1.0),
        ("p-first-words-more", "Paragraph 1", "First words & more.", WORDS_BOOST),
        ("p-second-one", "Paragraph 2", "Second one.", WORDS_BOOST),
        ("q", "Claim 1", f"<p>words &amp; more {lead_q}</p>", WORDS_BOOST),
        ("r", "Claim 2", f"<p>Second {lead_r}</p>", WORDS_BOOST),
        ("cite:q", "Note 1",
         f'<p>{lead_q} '
         '<span class="said"><span class="said-heading"><span class="label">What was said:</span></span> '
         '<span class="said-line said-line--article"><span class="said-who">The article:</span> '
         '<span class="said-words">“words <mark class="words-differ"><span class="visually-hidden">differs: </span>'
         '&amp;</mark> more”</span></span> '
         '<span class="said-line"><span class="said-who">Ana &lt;b&gt;Bold&lt;/b&gt;, 1 November 2024, '
         'as &lt;b&gt;quoted&lt;/b&gt;:</span> '
         '<span class="said-words">“words <mark class="words-differ"><span class="visually-hidden">differs: </span>'
         f'&lt;i&gt;and&lt;/i&gt;</mark> more”</span></span></span> {cited}</p>', 1.0),
        ("cite:r", "Note 2", f"<p>{lead_r} {cited}</p>", 1.0),
        ("fn:one", "Source", CITATION, 1.0),
    ]
    assert WORDS_BOOST > 1


def test_an_articles_entries_follow_its_own_whose_text_they_take_its_headings_are_ours_and_other_pages_are_left_alone():
    index = {"config": {"lang": ["en"]}, "docs": [
        {"location": "a/", "title": "Title", "text": "<p>First words &amp; more.1 ¶</p>"},
        {"location": "a/#sources-and-attributions", "title": "Sources", "text": "likelyEditor"},
        {"location": "a/#p-sub", "title": "Sub1¶", "text": "<p>Next.</p>"},
        {"location": "b/", "title": "Other", "text": "<p>Other page.</p>"},
    ]}
    entries = {"a/": [("", "", "First & <more>.", 1.0), ("p-first", "Paragraph 1", "First words & <more>.", 4.0),
                      ("p-sub", "Paragraph 2", "Sub", 4.0), ("cite:q", "Footnote 1", "Who: Ann", 1.0),
                      ("cite:r", "Footnote 2", Markup("<p>Who: <span>Bo</span></p>"), 1.0)]}
    assert json.loads(with_entries(json.dumps(index), entries)) == {"config": {"lang": ["en"]}, "docs": [
        {"location": "a/", "title": "Title", "text": "First &amp; &lt;more&gt;."},
        {"location": "a/#p-first", "title": "Paragraph 1", "text": "First words &amp; &lt;more&gt;.", "boost": 4.0},
        {"location": "a/#p-sub", "title": "Paragraph 2", "text": "Sub", "boost": 4.0},
        {"location": "a/#cite:q", "title": "Footnote 1", "text": "Who: Ann", "boost": 1.0},
        {"location": "a/#cite:r", "title": "Footnote 2", "text": "<p>Who: <span>Bo</span></p>", "boost": 1.0},
        {"location": "a/#sources-and-attributions", "title": "Sources", "text": ""},
        {"location": "b/", "title": "Other", "text": "<p>Other page.</p>"},
    ]}
