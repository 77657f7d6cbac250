"""The article's text as published, read from content HTML, and a TextQuoteSelector per passage."""

from __future__ import annotations

import pytest

from annotated_article.article_text import article_text, count_quote

MARKER = '<sup class="annotation-marker" id="fnref:{0}"><a class="footnote-ref" href="#fn:s">7</a></sup>'
NOTES = ('<div class="footnote annotation-notes" role="doc-endnotes"><hr><h2>Sources</h2>'
         '<ol><li>A note with words</li></ol></div>')


def passage(id_: str, inner: str) -> str:
    return f'<span class="annotated-passage" id="{id_}">{inner}{MARKER.format(id_)}</span>'


CASES = [
    # html, the text, and the exact words of each passage
    (f"<h1>Title</h1>\n<p>Before {passage('a', 'the words')} after.</p>\n{NOTES}",
     "Title Before the words after.", {"a": "the words"}),
    ("<p>One " + passage("a", 'with <em>inline</em> <a href="x">markup</a>') + ".</p>",
     "One with inline markup.", {"a": "with inline markup"}),
    ("<p>First paragraph.</p><p>Second.</p>", "First paragraph. Second.", {}),
    (f"<p>Entities: {passage('a', 'AT&amp;T&#8217;s &quot;deal&quot;')}</p>",
     "Entities: AT&T’s \"deal\"", {"a": "AT&T’s \"deal\""}),
    (f"<p>{passage('outer', 'Outer ' + passage('inner', 'inner words') + ' end')} tail</p>",
     "Outer inner words end tail", {"outer": "Outer inner words end", "inner": "inner words"}),
    ("<p>Lines\n   " + passage("a", "run\n  across") + "\n\nlines</p>",
     "Lines run across lines", {"a": "run across"}),
    (f"<p>Line<br>break {passage('a', 'here')}</p>", "Line break here", {"a": "here"}),
    ('<p>Linked paragraph. <a class="paragraph-link" href="#p-linked">¶</a></p><p>Next.</p>',
     "Linked paragraph. Next.", {}),
    ('<h1>Title</h1><details class="claims-summary"><summary>1 claim</summary><table><tr><td>'
     '<a href="#a">the words</a></td></tr></table></details><p>The words.</p>', "Title The words.", {}),
]


@pytest.mark.parametrize("html, text, exacts", CASES, ids=[f"case {n}" for n in range(len(CASES))])
def test_text_and_passages(html, text, exacts):
    read = article_text(html)
    assert read.text == text
    assert {id_: read.text[start:end] for id_, (start, end) in read.passages.items()} == exacts


def test_quote_takes_the_text_around_the_words():
    read = article_text(f"<p>{'x' * 50} then {passage('a', 'the quoted words')} and then {'y' * 50}</p>")
    quote = read.quote("a")
    assert quote.exact == "the quoted words"
    assert quote.prefix == ("x" * 50 + " then ")[-32:]
    assert quote.suffix == (" and then " + "y" * 50)[:32]


def test_quote_at_the_edges_of_the_text_has_empty_context():
    quote = article_text(f"<p>{passage('a', 'Only words')}</p>").quote("a")
    assert (quote.prefix, quote.exact, quote.suffix) == ("", "Only words", "")


def test_quote_widens_its_context_until_it_occurs_once():
    html = f"<p>{'la ' * 30}end. {'la ' * 10}{passage('a', 'la')} {'la ' * 30}</p>"
    read = article_text(html)
    quote = read.quote("a", context=4)
    assert count_quote(read.text, quote) == 1
    start, end = read.passages["a"]
    assert read.text[start - len(quote.prefix):start] == quote.prefix
    assert read.text[end:end + len(quote.suffix)] == quote.suffix
    assert len(quote.prefix) > 4


def test_count_quote_counts_overlapping_occurrences():
    from annotated_article.anchoring import TextQuote

    assert count_quote("aaaa", TextQuote("aa")) == 3
    assert count_quote("abc", TextQuote("b", "a", "c")) == 1
    assert count_quote("abc", TextQuote("b", "x")) == 0


def test_a_missing_passage_is_an_error():
    with pytest.raises(ValueError, match="no passage for the annotation `missing`"):
        article_text("<p>No passages</p>").quote("missing")
