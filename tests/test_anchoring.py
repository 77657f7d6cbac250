"""Finding quoted words in the article: TextQuoteSelector with exact, prefix and suffix."""

from __future__ import annotations

import pytest

from annotated_article.anchoring import AnchorError, FoldedText, TextQuote, anchor_quote, fold

TEXT = (
    "North Korea’s troop deployment to assist Russia met with condemnation\n\n"
    "North Korea’s troop deployment to assist Russia met with condemnation\n\n"
    "NATO Secretary-General Mark Rutte immediately called the deployment a sign of Putin’s\n"
    "“growing desperation.” North Korea’s troop deployment may also spur South Korea."
)


@pytest.mark.parametrize("quote, expected", [
    (TextQuote("Mark Rutte"), "Mark Rutte"),
    (TextQuote("Putin’s “growing desperation.”"), "Putin’s\n“growing desperation.”"),
    (TextQuote("Putin's \"growing desperation.\""), "Putin’s\n“growing desperation.”"),
    (TextQuote("  Mark   Rutte\n immediately "), "Mark Rutte immediately"),
    (TextQuote("met with condemnation", prefix="assist Russia"), None),
    (TextQuote("troop deployment", suffix="may also spur"), "troop deployment"),
    (TextQuote("Secretary-General"), "Secretary-General"),
    (TextQuote("Secretary–General"), "Secretary-General"),
])
def test_anchor_finds_the_words(quote, expected):
    if expected is None:
        with pytest.raises(AnchorError, match="occur 2 times"):
            anchor_quote(TEXT, quote)
        return
    anchor = anchor_quote(TEXT, quote)
    assert TEXT[anchor.start:anchor.end] == expected


def test_prefix_picks_the_right_occurrence():
    first = TEXT.index("North Korea’s troop")
    second = TEXT.index("North Korea’s troop", first + 1)
    anchor = anchor_quote(TEXT, TextQuote("North Korea’s troop deployment", prefix="condemnation"))
    assert anchor.start == second
    anchor = anchor_quote(TEXT, TextQuote("North Korea’s troop deployment", prefix="desperation.”"))
    assert TEXT[anchor.end:].startswith(" may also spur")


def test_suffix_picks_the_right_occurrence():
    anchor = anchor_quote(TEXT, TextQuote("troop deployment", suffix="may"))
    assert TEXT[anchor.end:].startswith(" may also")


@pytest.mark.parametrize("quote, problem", [
    (TextQuote("Mark Rute immediately"), "not in the article. The closest passage is"),
    (TextQuote("troop deployment"), "occur 3 times"),
    (TextQuote("troop deployment", prefix="Kim Jong Un’s"), "never with this `prefix`"),
    (TextQuote("troop deployment", suffix="will end"), "never with this `suffix`"),
    (TextQuote("condemnation North Korea’s troop", prefix="Russia met with"), "run across two paragraphs"),
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


def test_folded_text_maps_back_to_the_original():
    folded = FoldedText("a  “b”\n\nc")
    assert folded.text == 'a "b" c'
    assert folded.original_start(2) == 3
    assert folded.original_end(5) == 6


def test_fold_collapses_space_and_typography():
    assert fold("  It’s — “so”\n ") == "It's - \"so\""
