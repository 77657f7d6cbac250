"""Escaping data text for Markdown, relative links between pages, excerpts."""

from __future__ import annotations

import markdown
import pytest
from markupsafe import Markup

from annotated_article.render.text import excerpt, html_format, markdown_text
from annotated_article.site_urls import relative_source_path, relative_url

NASTY = [
    "<script>alert('x')</script>",
    "**bold** and _under_ and `code`",
    "[link](javascript:alert(1)) ![img](x.png)",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "a & b &amp; c &copy;",
    "back\\slash \\* star",
    "{: #injected .class }",
    "<https://example.org>",
    "Korea’s “quoted” — dash",
]


@pytest.mark.parametrize("text", NASTY)
def test_markdown_text_shows_exactly_the_characters(text):
    html = markdown.markdown(markdown_text(text), extensions=["attr_list", "footnotes"])
    assert html.startswith("<p>") and html.endswith("</p>")
    from html import unescape
    inner = html[3:-4]
    assert "<" not in inner.replace("&lt;", "")
    assert unescape(inner) == text


@pytest.mark.parametrize("from_url, to_url, expected", [
    ("articles/story/", "actors/russia/", "../../actors/russia/"),
    ("actors/", "actors/russia/", "russia/"),
    ("actors/russia/", "actors/", "../"),
    ("", "actors/russia/", "actors/russia/"),
    ("actors/russia/", "", "../../"),
    ("actors/russia/", "actors/russia/", "./"),
    ("articles/story/", "articles/story/#passage", "./#passage"),
    ("people/rutte/", "articles/story/#rutte-words", "../../articles/story/#rutte-words"),
    ("articles/story.html", "actors/russia.html", "../actors/russia.html"),
    ("index.html", "actors/russia.html", "actors/russia.html"),
    ("actors/index.html", "actors/russia.html", "russia.html"),
])
def test_relative_url(from_url, to_url, expected):
    assert relative_url(from_url, to_url) == expected


@pytest.mark.parametrize("from_src, to_src, expected", [
    ("actors/russia.md", "articles/story.md", "../articles/story.md"),
    ("articles/story.md", "actors/russia.md", "../actors/russia.md"),
    ("index.md", "actors/russia.md", "actors/russia.md"),
    ("actors/index.md", "actors/russia.md", "russia.md"),
])
def test_relative_source_path(from_src, to_src, expected):
    assert relative_source_path(from_src, to_src) == expected


def test_excerpt_cuts_long_text_at_a_word():
    assert excerpt("one two three", words=5) == "one two three"
    assert excerpt("one two three four", words=2) == "one two …"


@pytest.mark.parametrize("template, args, kwargs", [
    ('<a href="{}" title="{}">{}</a>', ('"/x?a=1&b=2"', "O'Brien <b>", Markup("<em>kept</em>")), {}),
    ("{} claim{}: {}", (15, "s", None), {}),
    ('<p id="{id}">{text}</p>', (), {"id": 'a"b', "text": Markup("&amp; <i>x</i>")}),
    ("{{literal}} {} {}", (1.5, True), {}),
    ("{0}{1}{0}", ("<", Markup(">")), {}),
])
def test_html_format_writes_what_markupsafe_writes(template, args, kwargs):
    assert html_format(template, *args, **kwargs) == Markup(template).format(*args, **kwargs)
    assert isinstance(html_format(template, *args, **kwargs), Markup)
