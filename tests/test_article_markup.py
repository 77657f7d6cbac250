"""Placing passage anchors and footnote markers in an article's Markdown."""

from __future__ import annotations

import re

import pytest

from annotated_article.anchoring import AnchorError
from annotated_article.article_markup import annotate_article
from annotated_article.attribution import format_date
from annotated_article.footnotes import footnotes_html, letters, number_footnotes
from annotated_article.site_data import Actor, Annotation, Article, Link, Person, SiteData, Source


def make_site(*annotations: Annotation) -> tuple[SiteData, Article]:
    site = SiteData(
        people={"ana": Person("ana", "Ana <b>Bold</b>", "Analyst & writer")},
        sources={
            "one": Source("one", "Outlet One", "news-report", title="First", date="2024-11-01",
                          links=(Link("https://example.org/a?x=1&y=2", "pattern", "example.org"),)),
            "two": Source("two", "Outlet Two", "research-report", title_note="not seen"),
        },
    )
    return site, Article("a.md", "data/articles/a.yml", annotations)


def annotation(id_: str, exact: str, source: str = "one", **fields) -> Annotation:
    return Annotation(id=id_, exact=exact, source=source, kind="direct-quote", verification="likely",
                      speaker="ana", **fields)


def strip_tags(markdown: str) -> str:
    """The Markdown less what annotation inserts: tags, paragraph links and attribute lines, actor links."""
    markdown = re.sub(r' <a class="paragraph-link"[^>]*>¶</a>\n\{: #p-[\w-]+ \}', "", markdown)
    markdown = re.sub(r"\[([^\]]+)\]\([^)]+\)\{: \.actor-link \}", r"\1", markdown)
    return re.sub(r"<sup.*?</sup>|<[^>]+>", "", markdown)


def test_markers_follow_the_words_and_text_is_unchanged():
    markdown = "# Title\n\nAlpha beta gamma. Delta epsilon.\n\nZeta eta.\n"
    site, article = make_site(annotation("b", "Delta epsilon."), annotation("a", "beta gamma", source="two"),
                              annotation("c", "Zeta", source="two"))
    result = annotate_article(markdown, article, site)
    assert strip_tags(result.markdown) == markdown
    assert '<span class="annotated-passage" id="a">beta gamma<sup' in result.markdown
    assert 'id="fnref:b"><a class="claim-marker" href="#cite:b"' in result.markdown
    # Each marker leads to its own claim; its name tells apart the claims of one source.
    assert re.findall(r'href="#cite:(\w)" role="doc-noteref" aria-label="([^"]+)"', result.markdown) == [
        ("a", "Footnote 1a"), ("b", "Footnote 2"), ("c", "Footnote 1b")]
    # Numbered by first citation: "two" is cited first.
    assert [(f.number, f.source.id) for f in result.footnotes] == [(1, "two"), (2, "one")]
    assert [a.id for a in result.footnotes[0].citations] == ["a", "c"]


@pytest.mark.parametrize("outer, inner, expected", [
    ("alpha beta gamma", "beta", '<span class="annotated-passage" id="outer">alpha '
                                 '<span class="annotated-passage" id="inner">beta<sup'),
    ("alpha beta", "alpha", '<span class="annotated-passage" id="outer"><span class="annotated-passage" id="inner">alpha<sup'),
    ("alpha beta", "beta", 'id="inner">beta<sup class="annotation-marker" id="fnref:inner">'),
])
def test_nested_passages_nest_properly(outer, inner, expected):
    site, article = make_site(annotation("outer", outer), annotation("inner", inner))
    result = annotate_article("alpha beta gamma\n", article, site)
    assert expected in result.markdown
    tags = re.findall(r"<(/?)span", result.markdown)
    depth = 0
    for closing in tags:
        depth += -1 if closing else 1
        assert depth >= 0
    assert depth == 0


def test_footnotes_escape_every_text_from_the_data():
    site, article = make_site(annotation("a", "alpha", note="<script>alert(1)</script> **bold** [x](y)"))
    footnotes = number_footnotes(list(article.annotations), site)
    html = footnotes_html(footnotes, site, lambda kind, id_: None)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](y)" in html
    assert "Ana &lt;b&gt;Bold&lt;/b&gt;" in html and "Analyst &amp; writer" in html
    assert 'href="https://example.org/a?x=1&amp;y=2"' in html
    assert "(address built from the site’s usual pattern, not checked)" in html


def test_a_single_citation_has_a_plain_back_link_and_several_get_letters():
    site, article = make_site(annotation("a", "alpha"), annotation("b", "beta"), annotation("c", "gamma", source="two"))
    footnotes = number_footnotes(list(article.annotations), site)
    html = footnotes_html(footnotes, site, lambda kind, id_: None)
    assert re.findall(r'href="#(\w)" role="doc-backlink" aria-label="([^"]+)">([^<]+)<', html) == [
        ("a", "Back to the passage 1a", "^ a"),
        ("b", "Back to the passage 1b", "^ b"),
        ("c", "Back to the passage 2", "^"),
    ]


def test_page_links_are_used_when_pages_exist():
    site, article = make_site(annotation("a", "alpha"))
    footnotes = number_footnotes(list(article.annotations), site)
    html = footnotes_html(footnotes, site, lambda kind, id_: f"../{kind}/{id_}/")
    assert '<a href="../people/ana/">Ana &lt;b&gt;Bold&lt;/b&gt;</a>' in html
    assert '<a href="../sources/one/">Outlet One</a>' in html


@pytest.mark.parametrize("iso, words", [("2024-11-01", "1 November 2024"), ("2025-02-28", "28 February 2025")])
def test_dates_are_written_out(iso, words):
    assert format_date(iso) == words


def test_paragraphs_get_stable_ids_from_their_first_words():
    markdown = "# Title\n\nThe cat’s mat is red.\n\nThe cat’s mat is blue.\n\nAnother one here.\n"
    site, article = make_site()
    result = annotate_article(markdown, article, site)
    assert re.findall(r"\{: #([\w-]+) \}", result.markdown) == [
        "p-the-cats-mat-is-red", "p-the-cats-mat-is-blue", "p-another-one-here"]
    assert ('Title\n\nThe cat’s mat is red. <a class="paragraph-link" href="#p-the-cats-mat-is-red" '
            'aria-label="Link to this paragraph">¶</a>\n{: #p-the-cats-mat-is-red }\n') in result.markdown
    repeated = annotate_article("Same words here.\n\nSame words here.\n", article, site)
    assert re.findall(r"\{: #([\w-]+) \}", repeated.markdown) == ["p-same-words-here", "p-same-words-here-2"]


def test_actor_names_link_at_first_mention_per_paragraph_and_never_across_a_passage():
    site, article = make_site(annotation("b", "ta Land"))
    site.actors = {
        "land": Actor("land", "Land", "country", "A land.", names=("Land", "Landers")),
        "beta": Actor("beta", "Beta", "country", "B.", names=("beta",)),
    }
    markdown = "# Land news\n\nLand and Landers saw Land.\n\nAlpha beta Land.\n"
    result = annotate_article(markdown, article, site)
    assert "# Land news" in result.markdown  # headings are left alone
    first = result.markdown.split("\n\n")[1]
    assert first.count("[Land](actors/land.md)") == 1 and "Landers" in first and "[Landers]" not in first
    second = result.markdown.split("\n\n")[2]
    # "beta" is cut by the start of passage "b" ("ta Land"), so it is not linked; "Land" is inside "b".
    assert "[beta]" not in second
    assert '<span class="annotated-passage" id="b">ta [Land](actors/land.md){: .actor-link }<sup' in second


@pytest.mark.parametrize("index, word", [(0, "a"), (25, "z"), (26, "aa"), (51, "az"), (701, "zz"), (702, "aaa")])
def test_back_link_letters_never_run_out(index, word):
    assert letters(index) == word


def test_footnotes_are_numbered_in_the_order_readers_meet_the_markers():
    # The outer passage starts first, but the inner one's marker comes first.
    site, article = make_site(annotation("outer", "alpha beta gamma"), annotation("inner", "beta", source="two"))
    result = annotate_article("alpha beta gamma\n", article, site)
    assert [(f.number, f.source.id) for f in result.footnotes] == [(1, "two"), (2, "one")]
    markers = re.findall(r'aria-label="Footnote (\d+)"', result.markdown)
    assert markers == ["1", "2"]


@pytest.mark.parametrize("markdown, exact, problem", [
    ("Some `code with words` here.\n", "code with", "inside code"),
    ("A *really bold* claim here.\n", "bold* claim", "inside emphasis"),
    ("A *really bold* claim here.\n", "A *really", "inside emphasis"),
    ("See [the report](https://x.org/a) now.\n", "report](https://x.org/a) now", "inside a link"),
    ("# Heading words\n\nText.\n", "Heading words", "not within one paragraph"),
    ("- item one\n- item two\n", "item one", "not within one paragraph"),
    ("```\nfenced words\n```\n", "fenced words", "not within one paragraph"),
])
def test_quotes_that_would_break_the_markdown_are_refused(markdown, exact, problem):
    site, article = make_site(annotation("a", exact))
    with pytest.raises(AnchorError) as failure:
        annotate_article(markdown, article, site)
    assert problem in failure.value.problem


def test_quotes_around_or_inside_whole_inline_syntax_are_fine():
    site, article = make_site(annotation("a", "A *really bold* claim"), annotation("b", "really"))
    result = annotate_article("A *really bold* claim here.\n", article, site)
    assert '<span class="annotated-passage" id="a">A *<span class="annotated-passage" id="b">really<sup' in \
        result.markdown


def test_actor_names_are_not_linked_inside_code_or_links():
    site, article = make_site()
    site.actors = {"land": Actor("land", "Land", "country", "A land.", names=("Land",))}
    markdown = "`Land said` and [Land report](https://x.org) and <b title='Land'>x</b> then Land.\n"
    result = annotate_article(markdown, article, site)
    assert result.markdown.count("{: .actor-link }") == 1
    assert result.markdown.startswith("`Land said` and [Land report](https://x.org) and <b title='Land'>x</b> then [Land]")


def test_paragraphs_skip_code_fences_tables_and_lines_of_spaces():
    site, article = make_site()
    markdown = ("First para.\n   \nSecond para.\n\n```\ncode\n\nmore code\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                "Title\n=====\n\nLast para.\n")
    result = annotate_article(markdown, article, site)
    assert re.findall(r"\{: #([\w-]+) \}", result.markdown) == ["p-first-para", "p-second-para", "p-last-para"]
