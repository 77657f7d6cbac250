"""The actors' names are found in a paragraph as a plain list of names, longest first, would find them."""

from __future__ import annotations

import random
import re

from annotated_article.article.placement import _names_pattern
from annotated_article.data.registries import MAX_NAME_LENGTH

NAMES = ("North Korea", "North Korean", "Korea", "South Korea", "South Korean", "Seoul", "U.S.", "United States",
         "People’s Republic of China", "China", "Russia", "Russian", "NATO", "Kim", "Kim Jong Un", "Un")


def longest_first(names) -> re.Pattern:
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(name) for name in ordered) + r")(?![\w-])")


def spans(pattern: re.Pattern, text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def test_longest_name_wins_and_words_stay_whole():
    text = "North Koreans and the North Korean army; South Korea, U.S. and Kim Jong Un's Russia-based NATO. Korea."
    found = [name for _, _, name in spans(_names_pattern(NAMES), text)]
    assert found == ["North Korean", "South Korea", "U.S.", "Kim Jong Un", "NATO", "Korea"]


def test_same_matches_as_a_list_of_names_longest_first():
    rng = random.Random(7)
    words = [*NAMES, "the", "army", "-", "s", "n", ",", "Korean", "Koreans", "Kim Jong", "People’s"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(25)).replace(" - ", "-").replace(" s ", "s ")
        assert spans(_names_pattern(NAMES), text) == spans(longest_first(NAMES), text), text


def test_names_as_long_as_allowed_each_inside_the_next_compile_and_match_as_a_list_would():
    """Groups nest where names branch: names that each extend the one before nest deepest."""
    names = tuple("K" + "orea" * (length // 4) for length in range(0, MAX_NAME_LENGTH - 1, 4))
    assert max(map(len, names)) <= MAX_NAME_LENGTH
    text = " ".join(names[::-3]) + " Koreas " + names[-1] + "n"
    assert spans(_names_pattern(names), text) == spans(longest_first(names), text)
