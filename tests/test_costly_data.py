"""Data crafted to cost the most stays cheap: every part of the load and of the relations map is bounded, by a
better algorithm or by a limit with a message (benchmarks/costly_data.py measures whole builds of the same cases).

Each test times CPU (user + system of this process), not the wall clock, with a bound several times what the
work costs here, and far below what it cost before (said in each test): the machine is shared.
"""

from __future__ import annotations

import random
import resource
from contextlib import contextmanager
from dataclasses import replace

import pytest

from annotated_article.article import check
from annotated_article.article.anchoring import AnchorError, anchor_quote
from annotated_article.article.loading import MAX_PASSAGES_PER_PARAGRAPH, load_site
from annotated_article.article.parsing import MKDOCS_BUILTIN_EXTENSIONS, ArticleParser
from annotated_article.article.text import read_text
from annotated_article.data.registries import MAX_FEATURED, MAX_PAGES
from annotated_article.model import ArticleText, Relation, TextQuote
from annotated_article.render import relations_map
from annotated_article.render.relations import all_relations
from conftest import PROJECT

VOCABULARY = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def at_most(seconds: float):
    started = cpu()
    yield
    took = cpu() - started
    assert took < seconds, f"{took:.1f} s of CPU"


def article_text(markdown: str) -> ArticleText:
    return read_text(*ArticleParser((MKDOCS_BUILTIN_EXTENSIONS, {})).parse(markdown))[0]




@pytest.mark.parametrize("count", [1_500, 3_000])
def test_an_actor_with_thousands_of_relations_is_drawn_at_once_with_its_words_in_the_list(count):
    """1,500 relations took 44-60 s (placing each label tried every other, and the map was tried 12 times)."""
    site = load_site(PROJECT / "data", PROJECT / "docs")
    first, *others = site.actors
    many = tuple(Relation(others[n % len(others)], f"relation {n}") for n in range(count))
    site = replace(site, actors={**site.actors, first: replace(site.actors[first], relations=many)})
    relations = all_relations(site)
    with at_most(5):
        svg = relations_map.relations_map_svg(site, relations, "actors/", {a: f"actors/{a}/" for a in site.actors})
    assert svg.count('<g class="relations-edge">') == len(relations)
    assert "<tspan" not in svg and f"the words of the {len(relations):,} relations are in the list below" in svg


def test_up_to_the_limit_every_relation_has_its_words_on_the_map():
    site = load_site(PROJECT / "data", PROJECT / "docs")
    first, *others = site.actors
    existing = len(all_relations(site)) - len(site.actors[first].relations)
    room = relations_map.MAX_LABELLED_RELATIONS - existing
    many = tuple(Relation(others[n % len(others)], f"relation {n}") for n in range(room))
    site = replace(site, actors={**site.actors, first: replace(site.actors[first], relations=many)})
    relations = all_relations(site)
    assert len(relations) == relations_map.MAX_LABELLED_RELATIONS
    with at_most(20):
        svg = relations_map.relations_map_svg(site, relations, "actors/", {a: f"actors/{a}/" for a in site.actors})
    assert svg.count("<text x=") - len(site.actors) == len(relations)  # a label per relation, besides the names


@pytest.mark.parametrize("article_words, quote_words", [(1_000, 100), (4_500, 300)])
def test_a_missing_quote_is_compared_with_the_article_in_linear_time(article_words, quote_words):
    """A 100-word quote missing from a crafted 1,000-word article took 18 s; 300 words in 27 KB, over 300 s."""
    rng = random.Random(article_words)
    text = article_text("# A crafted article\n\n" + " ".join(rng.choice(VOCABULARY) for _ in range(article_words)))
    quote = " ".join(rng.choice(VOCABULARY) for _ in range(quote_words))
    with at_most(4), pytest.raises(AnchorError) as failure:
        anchor_quote(text, TextQuote(quote))
    assert failure.value.problem.startswith("these words are not in the article")


def test_the_closest_passage_is_still_the_one_with_a_typo():
    words = [f"word{n}" for n in range(3_000)]
    text = article_text("# Words\n\n" + " ".join(words))
    quote = " ".join(words[1200:1300]).replace("word1250", "wodr1250")
    with at_most(4), pytest.raises(AnchorError) as failure:
        anchor_quote(text, TextQuote(quote))
    assert "The closest passage is “word1200 word1201" in failure.value.problem
    assert "the annotation has “" in failure.value.problem and "wodr1250" in failure.value.problem


@pytest.mark.parametrize("part", ["prefix", "suffix"])
def test_prefix_and_suffix_cost_their_own_length_at_each_place(part):
    """400 KB of `a a a…` with 4 annotations took 78 s: each place copied the whole text before or after it."""
    text = article_text("# A repeated word\n\n" + "a " * 200_000)
    with at_most(6):
        for _ in range(4):
            with pytest.raises(AnchorError) as failure:
                anchor_quote(text, TextQuote("a a", **{part: "b"}))
            assert f"never with this `{part}`" in failure.value.problem
        start, end = anchor_quote(text, TextQuote("a a", prefix="word"))  # the first, right after the title
        quote = text.quote(start, end)  # the selector of open data: context doubled until it occurs once
    assert (start, quote.exact) == (len("A repeated word "), "a a") and quote.prefix.startswith("A repeated word")


def test_a_paragraph_with_more_annotations_than_allowed_is_refused_at_once(data_copy, capsys):
    """2,000 annotations in one paragraph of 20,000 words took minutes: each was put on the tree as the others
    left it."""
    words = " ".join(f"w{n}" for n in range(20_000))
    (data_copy / "docs" / "articles" / "paragraph.md").write_text(f"# One paragraph\n\n{words}\n", encoding="utf-8")
    annotations = "".join(f"  - id: word-{n}\n    exact: w{n * 10} w{n * 10 + 1}\n    attributed_to: an editor\n"
                          "    kind: report\n    source_seen: not-found\n    wording: not-checked\n" for n in range(2_000))
    (data_copy / "data" / "articles" / "paragraph.yml").write_text(
        "article: articles/paragraph.md\npublisher_note: x\ndate_note: x\nrights_note: x\nannotations:\n"
        + annotations, encoding="utf-8")
    with at_most(30):
        status = check.main(["--data", str(data_copy / "data"), "--docs", str(data_copy / "docs")])
    err = capsys.readouterr().err
    assert status == 1
    first = MAX_PASSAGES_PER_PARAGRAPH  # the first annotation past the limit, by its line
    line = 6 + 6 * first + 1  # six lines an annotation, after the five of the header
    assert f"data/articles/paragraph.yml:{line}:12: more than {MAX_PASSAGES_PER_PARAGRAPH} annotations quote words " \
           "of this paragraph" in err


def test_more_pages_than_a_build_makes_in_a_minute_are_refused(data_copy, capsys):
    people = data_copy / "data" / "people.yml"
    site = load_site(data_copy / "data", data_copy / "docs")
    more = MAX_PAGES - len(site.actors) - len(site.people) + 1  # the last person is one page too many
    total = MAX_PAGES + 1 + len(site.sources) + len(site.articles)
    with open(people, "a", encoding="utf-8") as file:
        file.writelines(f"- id: extra-{n}\n  name: Person {n}\n  role: a role\n" for n in range(more))
    status = check.main(["--data", str(data_copy / "data"), "--docs", str(data_copy / "docs")])
    err = capsys.readouterr().err
    lines = people.read_text(encoding="utf-8").splitlines()
    entries = [number for number, text in enumerate(lines, 1) if text.startswith("- id: ")]
    number = entries[MAX_PAGES - len(site.actors)]  # the person whose page would be one too many
    assert status == 1 and f"data/people.yml:{number}:3: the data makes {total:,} pages" in err, err[-500:]


def test_more_featured_actors_than_the_navigation_shows_are_refused(data_copy, capsys):
    actors = data_copy / "data" / "actors.yml"
    with open(actors, "a", encoding="utf-8") as file:
        file.writelines(f"- id: extra-{n}\n  name: Actor {n}\n  kind: country\n  featured: true\n  description: d\n"
                        for n in range(MAX_FEATURED + 1))
    status = check.main(["--data", str(data_copy / "data"), "--docs", str(data_copy / "docs")])
    err = capsys.readouterr().err
    assert status == 1 and f"actors are featured, more than the navigation shows ({MAX_FEATURED} at most)" in err
