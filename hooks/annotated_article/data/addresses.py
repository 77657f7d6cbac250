"""Addresses that never break: every paragraph and passage address an article has published keeps landing.

`data/addresses/NAME.yml`, written by `make addresses` when the site is published, lists the
addresses of one article with the words each led to. An edit of a paragraph's first words changes
its id, and a renamed annotation changes its passage's: the old address is then kept as an alias
on the paragraph or passage whose words now most resemble those recorded. When none does, the
build stops and says what to do.
"""

from __future__ import annotations

import difflib

from annotated_article.data.errors import DataError
from annotated_article.data.yaml_loading import YamlDocument

#: How alike (difflib's ratio, 0 to 1) words must be to those recorded for an address to take it over.
RESEMBLANCE = 0.6


def resemblance(recorded: str, words: str) -> float:
    matcher = difflib.SequenceMatcher(None, recorded, words, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() >= RESEMBLANCE and matcher.quick_ratio() >= RESEMBLANCE \
        else 0.0


def aliases(document: YamlDocument, current: dict[str, str], unplaced: frozenset[str] | set[str] = frozenset()
            ) -> tuple[dict[str, list[str]], dict[str, str], list[DataError]]:
    """The old addresses each address of the article now also answers to, the paragraphs whose id must change
    (their id, and the new one), and the addresses that lead nowhere.

    `current` holds every address the article publishes now (a paragraph id or an annotation id) with its
    words; `unplaced` the ids of its annotations that could not be placed (their own errors say why). A
    paragraph's old address goes to a paragraph, a passage's to a passage. A paragraph that now takes the
    id of another (the same first words) gets an id of its own, and the address stays with the words it led to.
    """
    found: dict[str, list[str]] = {}
    renamed: dict[str, str] = {}
    errors: list[DataError] = []
    seen: set[str] = set()
    taken = set(current) | {entry["id"] for entry in document.data["addresses"]}
    for index, entry in enumerate(document.data["addresses"]):
        old, words = entry["id"], entry["words"]
        place = ("addresses", index, "id")
        if old in seen:
            errors.append(document.error(place, f"the address `#{old}` is listed twice", "Keep one entry for it"))
        seen.add(old)
        if entry.get("retired") or old in unplaced or (old in current and (
                current[old] == words or resemblance(words, current[old]) >= RESEMBLANCE)):
            continue
        paragraph = old.startswith("p-")
        if old in current and not paragraph:
            errors.append(document.error(
                place, f"the address `#{old}` led to “{_shorten(words)}”, but the annotation with that id now "
                f"quotes “{_shorten(current[old])}”", "An annotation's id is the address of its words: give the new "
                "annotation an id of its own (keep the old one for the old words, or retire this entry)"))
            continue
        scored = [(resemblance(words, now), id_) for id_, now in current.items()
                  if id_.startswith("p-") == paragraph and id_ != old]
        score, target = max(scored, default=(0.0, ""))
        if score >= RESEMBLANCE:
            if old in current:  # another paragraph now has this address's id: it gets one of its own
                renamed[old] = _unique(old, taken)
                taken.add(renamed[old])
            found.setdefault(target, []).append(old)
            continue
        what = "paragraph" if paragraph else "annotated passage"
        errors.append(document.error(
            place, f"the address `#{old}` led to “{_shorten(words)}”, and no {what} of {document.data['article']} "
            "resembles those words any more",
            "If they were removed on purpose, add `retired: true` to this entry (links to the address will open "
            + ("the paragraph that now has its id" if old in current else "the article at its top")
            + "); otherwise bring back words close to them, or the annotation's old id"))
    return found, renamed, errors


def _unique(candidate: str, taken: set[str]) -> str:
    number = 2
    while f"{candidate}-{number}" in taken:
        number += 1
    return f"{candidate}-{number}"


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
