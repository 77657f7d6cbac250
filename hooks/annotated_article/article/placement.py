"""Where an article's annotations go on its tree: worked out once, when the data is loaded.

Around each quote: a passage (an element whose id is the annotation's id) ending in a footnote
marker. At the first mention of each actor in the article: a link to the actor's page (a link at
every mention would clutter the text). On each paragraph: an id made from its first words, and a
link to it (¶) at its end.
`plan_article` tries each of these on the parsed article, in the order they are placed, and keeps
their positions; `place` puts them on the tree MkDocs renders from those positions, without
searching again. Only elements are put around the words: every character of the text reaches the
page unchanged.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from itertools import groupby
from os.path import commonprefix
from typing import Callable

from annotated_article.article.text import own_text_end, read_text
from annotated_article.article.wrapping import wrap
from annotated_article.model import ArticlePlan, ArticleText, Placement, reading_order

_SLUG_WORD = re.compile(r"[^\W_]+")
#: Mentions of an actor tried for its link (one inside code or a link cannot take one): each try reads the
#: paragraph again, so an actor named thousands of times where no link can go is not tried thousands of times.
LINK_TRIES = 10
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def plan_article(text: ArticleText, paragraphs: list[etree.Element], stash: list,
                 passages: dict[str, tuple[int, int]], actor_names: dict[str, str]) -> tuple[ArticlePlan, dict[str, str]]:
    """Try every placement on the parsed article (`paragraphs`, changed in place).

    `passages` gives each annotation's words; `actor_names` the actor id of each name. Returns the
    plan, and why each annotation that cannot be placed cannot be.
    """
    placements: list[Placement] = []
    problems: dict[str, str] = {}
    for annotation_id in reading_order(passages):
        start, end = passages[annotation_id]
        index = text.paragraph_at(start, end)
        assert index is not None  # anchor_quote refuses words that are not within one paragraph
        offset = text.paragraphs[index].start
        span = passage_element(annotation_id)
        problem = wrap(paragraphs[index], stash, start - offset, end - offset, span)
        if problem:
            problems[annotation_id] = problem
            continue
        placements.append(Placement(index, start - offset, end - offset, annotation=annotation_id))
    placed = {id_: passages[id_] for id_ in passages if id_ not in problems}
    placements += _actor_links(text, paragraphs, stash, placed, actor_names)
    ids: list[str] = []
    for paragraph in text.paragraphs:
        ids.append(_unique(_paragraph_id(text.text[paragraph.start:paragraph.end]), set(ids)))
    return ArticlePlan(text, placed, tuple(placements), tuple(ids)), problems


def _actor_links(text: ArticleText, paragraphs: list[etree.Element], stash: list,
                 passages: dict[str, tuple[int, int]], actor_names: dict[str, str]) -> list[Placement]:
    """A link at each actor's first mention in a paragraph that can take one (not in code or a link,
    not cut by a passage's start or end)."""
    if not actor_names:
        return []
    boundaries = sorted({position for span in passages.values() for position in span})
    linked: set[str] = set()
    links = []
    tried: Counter[str] = Counter()
    for match in _names_pattern(tuple(actor_names)).finditer(text.text):
        actor = actor_names[match.group()]
        start, end = match.span()
        index = text.paragraph_at(start, end)
        if actor in linked or index is None or _cuts(boundaries, start, end) or tried[actor] >= LINK_TRIES:
            continue
        offset = text.paragraphs[index].start
        tried[actor] += 1
        if not wrap(paragraphs[index], stash, start - offset, end - offset, etree.Element("a"), is_link=True):
            linked.add(actor)
            links.append(Placement(index, start - offset, end - offset, actor=actor))
    return links


def place(plan: ArticlePlan, root: etree.Element, stash: list, actor_href: Callable[[str], str]) -> None:
    """Put the plan's passages, actor links, paragraph ids and links on `root`, a tree of the same article (as
    MkDocs renders it); `actor_href(actor_id)` gives the link to an actor's page."""
    text, paragraphs = read_text(root, stash)
    if text != plan.text:
        raise ValueError("the article reads differently from when its annotations were placed; build again")
    for placement in plan.placements:
        if placement.annotation:
            element = passage_element(placement.annotation)
        else:
            element = etree.Element("a", {"class": "actor-link", "href": actor_href(placement.actor)})
        paragraph = paragraphs[placement.paragraph]
        problem = wrap(paragraph, stash, placement.start, placement.end, element, is_link=not placement.annotation)
        if problem:
            raise ValueError(f"a placement no longer fits the article ({problem}); build again")
    for index, (paragraph, id_) in enumerate(zip(paragraphs, plan.paragraph_ids)):
        paragraph.set("id", id_)
        if paragraph.tag in HEADINGS:  # the table of contents names a heading by its words, not by its ¶ and markers
            paragraph.set("data-toc-label", html.escape(text.paragraph_text(index), quote=False))
        link = etree.Element("a", {"class": "paragraph-link", "href": f"#{id_}", "aria-label": "Link to this paragraph"})
        link.text = "¶"
        paragraph.insert(own_text_end(paragraph), link)  # a tight list's item: before the list it holds
    if plan.aliases:  # last: an alias at the start of an element moves that element's text
        passages = {span.get("id", ""): span for paragraph in paragraphs for span in paragraph.iter("span")}
        for target in (*zip(plan.paragraph_ids, paragraphs), *passages.items()):
            for old in plan.aliases.get(target[0], ()):
                alias = etree.Element("span", {"class": "address-alias", "id": old})
                alias.tail, target[1].text = target[1].text, None
                target[1].insert(0, alias)


def add_markers(root: etree.Element, marker: Callable[[str], etree.Element]) -> None:
    """End each passage with its footnote marker, `marker(annotation_id)`."""
    for span in root.iter("span"):
        if span.get("class") == "annotated-passage":
            span.append(marker(span.get("id", "")))


def passage_element(annotation_id: str) -> etree.Element:
    return etree.Element("span", {"class": "annotated-passage", "id": annotation_id})


@lru_cache(maxsize=4)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    """A whole-word match of any of `names`, the longest where several fit.

    The names are arranged as a trie whose runs of single letters are written out (`North Korea(?:n)?`), so at
    each place in the text the regex follows the text's characters instead of trying every name in turn: with
    hundreds of actors that is what keeps linking them linear in the text. Groups nest only where names branch,
    at most as deep as the longest name (which the check bounds). Compiled once per build.
    """
    return re.compile(r"(?<![\w-])(?:" + _alternatives(sorted(set(names))) + r")(?![\w-])")


def _alternatives(names: list[str]) -> str:
    """A pattern for any of `names` (sorted, each once), the longest where several fit."""
    branches = []
    for _, group in groupby((name for name in names if name), key=lambda name: name[0]):
        members = list(group)
        common = commonprefix(members)
        rest = [member[len(common):] for member in members]
        branches.append(re.escape(common) + (_alternatives(rest) if len(members) > 1 else ""))
    if not branches:
        return ""
    pattern = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{pattern})?" if "" in names else pattern


def _cuts(boundaries: list[int], start: int, end: int) -> bool:
    """Whether a passage starts or ends strictly inside [start, end)."""
    index = bisect_right(boundaries, start)
    return index < len(boundaries) and boundaries[index] < end


def _paragraph_id(text: str) -> str:
    words = _SLUG_WORD.findall(text.lower().replace("’", "").replace("'", ""))
    return "p-" + "-".join(words[:5]) if words else "p"


def _unique(candidate: str, taken: set[str]) -> str:
    if candidate not in taken:
        return candidate
    number = 2
    while f"{candidate}-{number}" in taken:
        number += 1
    return f"{candidate}-{number}"
