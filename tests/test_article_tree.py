"""The article's text as published, read from Python-Markdown's own tree, and a TextQuoteSelector per passage."""

from __future__ import annotations

import xml.etree.ElementTree as etree

import pytest

from annotated_article.article.parsing import MKDOCS_BUILTIN_EXTENSIONS, ArticleParser, markdown_config
from annotated_article.article.text import read_text
from annotated_article.model import ArticleText, TextQuote, occurrences

PARSER = ArticleParser(((*MKDOCS_BUILTIN_EXTENSIONS, "attr_list", "footnotes"), {}))


def count_quote(text: str, quote: TextQuote) -> int:
    """How many times the quote, with its prefix and suffix, occurs in `text` (overlaps included)."""
    return len(occurrences(text, quote.prefix + quote.exact + quote.suffix))


def read(markdown: str) -> ArticleText:
    return read_text(*PARSER.parse(markdown))[0]


CASES = [
    # Markdown, the text, the paragraphs' texts
    ("# Title\n\nBefore the words after.\n", "Title Before the words after.", ["Before the words after."]),
    ("One with *inline* [markup](x) and `code`.\n", "One with inline markup and code.",
     ["One with inline markup and code."]),
    ("First paragraph.\n\nSecond.\n", "First paragraph. Second.", ["First paragraph.", "Second."]),
    ("Entities: AT&amp;T&#8217;s &quot;deal&quot; \\*not em\\*\n", "Entities: AT&T’s \"deal\" *not em*",
     ["Entities: AT&T’s \"deal\" *not em*"]),
    ("Lines\n   run\n  across\nlines\n", "Lines run across lines", ["Lines run across lines"]),
    ("Line  \nbreak here\n", "Line break here", ["Line break here"]),
    ("- a list\n- of items\n\n> Quoted words.\n", "a list of items Quoted words.", ["a list", "of items", "Quoted words."]),
    # Every block of running text is a paragraph: a heading (not the title), a tight list's item up to the list it
    # holds, a loose list's paragraphs (not the item that holds them), a quotation's paragraphs, a table's cells.
    ("# Title\n\n## Sub *head*\n\n- one\n- two\n    - nested\n- three\n",
     "Title Sub head one two nested three", ["Sub head", "one", "two", "nested", "three"]),
    ("1. loose\n\n2. items\n\n    with two paragraphs\n", None, ["loose", "items", "with two paragraphs"]),
    ("> quoted\n> words\n>\n> > nested quote\n", None, ["quoted words", "nested quote"]),
    ("| a | b *c* |\n|---|---|\n| d | |\n", "a b c d", ["a", "b c", "d"]),
    ("<div>\nA block of HTML.\n</div>\n\nAfter it.\n", "A block of HTML. After it.", ["After it."]),
    ("Code: `a &lt; b` ok\n", "Code: a &lt; b ok", ["Code: a &lt; b ok"]),
    ("Text[^1] with a note.\n\n[^1]: The note.\n", None, ["Text1 with a note."]),
]


@pytest.mark.parametrize("markdown, text, paragraphs", CASES, ids=[f"case {n}" for n in range(len(CASES))])
def test_text_and_paragraphs(markdown, text, paragraphs):
    read_ = read(markdown)
    if text is not None:
        assert read_.text == text
    assert [read_.text[p.start:p.end] for p in read_.paragraphs] == paragraphs


def test_the_title_is_the_first_level_one_heading():
    assert read("Intro.\n\n# The *Title*\n\n# Another\n").title == "The Title"
    assert read("No heading.\n").title == ""


def test_the_footnote_apparatus_is_not_part_of_the_text():
    root, stash = PARSER.parse("Before the words after.\n")
    marker = etree.SubElement(read_text(root, stash)[1][0], "sup", {"class": "annotation-marker"})
    marker.text, marker.tail = "7", " tail"
    assert read_text(root, stash)[0].text == "Before the words after. tail"


def test_quote_takes_the_text_around_the_words():
    text = read(f"{'x' * 50} then the quoted words and then {'y' * 50}\n")
    start = text.text.index("the quoted")
    quote = text.quote(start, start + len("the quoted words"))
    assert quote.exact == "the quoted words"
    assert quote.prefix == ("x" * 50 + " then ")[-32:]
    assert quote.suffix == (" and then " + "y" * 50)[:32]


def test_quote_at_the_edges_of_the_text_has_empty_context():
    text = read("Only words\n")
    assert text.quote(0, len(text.text)) == TextQuote("Only words", "", "")


def test_quote_widens_its_context_until_it_occurs_once():
    text = read(f"{'la ' * 30}end. {'la ' * 10}la {'la ' * 30}\n")
    start = text.text.index("end. ") + 5 + 3 * 10
    quote = text.quote(start, start + 2, context=4)
    assert count_quote(text.text, quote) == 1
    assert text.text[start - len(quote.prefix):start] == quote.prefix
    assert text.text[start + 2:start + 2 + len(quote.suffix)] == quote.suffix
    assert len(quote.prefix) > 4


def test_count_quote_counts_overlapping_occurrences():
    assert count_quote("aaaa", TextQuote("aa")) == 3
    assert count_quote("abc", TextQuote("b", "a", "c")) == 1
    assert count_quote("abc", TextQuote("b", "x")) == 0


def test_the_markdown_configuration_is_mkdocs_builtins_then_mkdocs_yml(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [SITE_URL, 'https://x.org/']\nmarkdown_extensions:\n  - attr_list\n"
                      "  - toc:\n      permalink: false\n  - pymdownx.emoji:\n"
                      "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n", encoding="utf-8")
    names, options = markdown_config(config)
    assert names == ("toc", "tables", "fenced_code", "attr_list", "pymdownx.emoji")
    assert options["toc"] == {"permalink": False}
    assert markdown_config(tmp_path / "missing.yml") == (MKDOCS_BUILTIN_EXTENSIONS, {})
