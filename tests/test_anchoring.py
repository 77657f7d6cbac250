"""Finding quoted words in the article's text: TextQuoteSelector with exact, prefix and suffix."""

from __future__ import annotations

import pytest

from annotated_article.article.anchoring import AnchorError, SourceLines, anchor_quote, fold
from annotated_article.article.parsing import MKDOCS_BUILTIN_EXTENSIONS, ArticleParser
from annotated_article.article.text import read_text
from annotated_article.model import ArticleText, TextQuote

MARKDOWN = (
    "# North Korea’s troop deployment to assist Russia met with condemnation\n\n"
    "North Korea’s troop deployment to assist Russia met with condemnation\n\n"
    "NATO Secretary-General Mark Rutte immediately called the deployment a sign of Putin’s\n"
    "“growing desperation.” North Korea’s troop deployment may also spur South Korea.\n\n"
    "- a list item about Mark Rutte\n"
)


def article_text(markdown: str = MARKDOWN) -> ArticleText:
    return read_text(*ArticleParser((MKDOCS_BUILTIN_EXTENSIONS, {})).parse(markdown))[0]


TEXT = article_text()


def words(quote: TextQuote, text: ArticleText = TEXT) -> str:
    start, end = anchor_quote(text, quote)
    return text.text[start:end]


@pytest.mark.parametrize("quote, expected", [
    (TextQuote("Mark Rutte immediately"), "Mark Rutte immediately"),
    (TextQuote("Putin’s “growing desperation.”"), "Putin’s “growing desperation.”"),
    (TextQuote("Putin's \"growing desperation.\""), "Putin’s “growing desperation.”"),
    (TextQuote("  Mark   Rutte\n immediately "), "Mark Rutte immediately"),
    (TextQuote("troop deployment", suffix="may also spur"), "troop deployment"),
    (TextQuote("Secretary-General"), "Secretary-General"),
    (TextQuote("Secretary–General"), "Secretary-General"),
])
def test_anchor_finds_the_words_as_the_article_has_them(quote, expected):
    assert words(quote) == expected


def test_words_of_a_list_item_are_running_text():
    start, end = anchor_quote(TEXT, TextQuote("a list item"))
    assert TEXT.paragraph_at(start, end) == len(TEXT.paragraphs) - 1


def test_prefix_picks_the_right_occurrence():
    start, end = anchor_quote(TEXT, TextQuote("North Korea’s troop deployment", prefix="desperation.”"))
    assert TEXT.text[end:].startswith(" may also spur")
    start, _ = anchor_quote(TEXT, TextQuote("North Korea’s troop deployment", prefix="condemnation"))
    assert TEXT.paragraph_at(start, start + 5) == 0  # after the title's "condemnation", in the first paragraph


def test_suffix_picks_the_right_occurrence():
    _, end = anchor_quote(TEXT, TextQuote("troop deployment", suffix="may"))
    assert TEXT.text[end:].startswith(" may also")


@pytest.mark.parametrize("quote, problem", [
    (TextQuote("Mark Rute immediately"), "not in the article. The closest passage is"),
    (TextQuote("troop deployment"), "occur 3 times"),
    (TextQuote("troop deployment", prefix="Kim Jong Un’s"), "never with this `prefix`"),
    (TextQuote("troop deployment", suffix="will end"), "never with this `suffix`"),
    (TextQuote("condemnation NATO Secretary-General", prefix="Russia met with"), "run across two paragraphs"),
    (TextQuote("met with condemnation North Korea’s", prefix="assist Russia"), "not within one paragraph"),
    (TextQuote("Russia met with", suffix="condemnation North Korea’s"), "not within one paragraph of running text"),
    (TextQuote("   "), "empty"),
    (TextQuote("Nothing like this sentence appears anywhere at all, zebra quartz."), "these words are not in the article"),
])
def test_anchor_errors_say_what_is_wrong(quote, problem):
    with pytest.raises(AnchorError) as failure:
        anchor_quote(TEXT, quote)
    assert problem in failure.value.problem
    assert failure.value.fix


def test_missing_words_name_the_closest_passage_and_the_difference():
    with pytest.raises(AnchorError) as failure:
        anchor_quote(TEXT, TextQuote("Mark Rutte immediately called the deployment a sign of Putin’s “growing despair.”"))
    assert "Mark Rutte immediately called" in failure.value.problem
    assert "despair" in failure.value.problem and "desperation" in failure.value.problem


def test_words_that_occur_more_than_once_are_listed_with_the_words_around_each_and_its_line():
    where = SourceLines("docs/a.md", MARKDOWN, TEXT.text)
    with pytest.raises(AnchorError) as failure:
        anchor_quote(TEXT, TextQuote("troop deployment"), where)
    problem = failure.value.problem
    assert problem.count("docs/a.md:") == 3
    assert "docs/a.md:1: “North Korea’s troop deployment to assist Russia met…”" in problem
    assert "docs/a.md:3: “…with condemnation North Korea’s troop deployment to assist Russia met…”" in problem
    assert "docs/a.md:6: “…“growing desperation.” North Korea’s troop deployment may also spur South…”" in problem


def test_the_closest_passage_is_named_with_its_line_in_the_markdown():
    where = SourceLines("docs/a.md", MARKDOWN, TEXT.text)
    with pytest.raises(AnchorError) as failure:
        anchor_quote(TEXT, TextQuote("Mark Rutte immediately called the deployment a sign of Putin’s despair"), where)
    assert "(docs/a.md:5)" in failure.value.problem


def test_source_lines_find_the_same_occurrence_and_skip_markup_between_lines():
    markdown = "---\ntitle: x\n---\n\nSame *words* here.\n\nSame words\nhere [again](https://x.org).\n"
    text = "Same words here. Same words here again."
    lines = SourceLines("docs/b.md", markdown.split("---\n", 2)[2], text, first_line=4)
    assert lines(0) == "docs/b.md:5"
    assert lines(text.index("Same", 1)) == "docs/b.md:7"
    assert lines(text.index("again")) == "docs/b.md:8"
    assert lines(text.index("ords")) == "docs/b.md:5"  # inside a word: the word's start


def test_fold_collapses_space_and_typography():
    assert fold("  It’s — “so”\n ") == "It's - \"so\""


def test_a_quote_longer_than_any_paragraph_is_said_to_be_so_without_a_search():
    with pytest.raises(AnchorError) as failure:
        anchor_quote(TEXT, TextQuote("word " * 2000))
    assert "longer than any of its paragraphs" in failure.value.problem


def test_without_explaining_a_missing_quote_names_no_closest_passage():
    with pytest.raises(AnchorError) as failure:
        anchor_quote(TEXT, TextQuote("Mark Rute immediately"), explain=False)
    assert "closest passage" not in failure.value.problem.split("(")[0]
    assert "first few such quotes" in failure.value.problem


def test_a_quote_found_everywhere_lists_five_places_and_counts_the_rest():
    markdown = "".join(f"The cat sat on mat number {n}.\n\n" for n in range(3000))
    text = article_text(markdown)
    where = SourceLines("docs/big.md", markdown, text.text)
    for quote in (TextQuote("The cat"), TextQuote("The cat", prefix="a dog")):
        with pytest.raises(AnchorError) as failure:
            anchor_quote(text, quote, where)
        assert "and 2995 more" in failure.value.problem and len(failure.value.problem) < 1500
    assert where(text.text.index("mat number 2999")) == "docs/big.md:5999"


def test_the_articles_last_words_are_placed_on_their_own_line_when_they_also_stand_earlier():
    """The last words of an article are fewer than the four looked for: they still count their occurrences."""
    markdown = "One two three four five.\n\nSix seven four five.\n"
    text = "One two three four five. Six seven four five."
    where = SourceLines("docs/x.md", markdown, text)
    assert [where(text.index("four five")), where(text.rindex("four five")), where(text.index("Six"))] == [
        "docs/x.md:1", "docs/x.md:3", "docs/x.md:3"]
    assert where(len(text)) == ""
