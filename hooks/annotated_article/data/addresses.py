"""Addresses that never break: every paragraph and passage address an article has published keeps landing.

`data/addresses/NAME.yml`, written by `make addresses` when the site is published, lists the
addresses of one article with the words each led to. An edit of a paragraph's first words changes
its id, and a renamed annotation changes its passage's: the old address is then kept as an alias
on the paragraph or passage whose words now most resemble those recorded. When none does, the
build stops and says what to do.

What is recorded may only grow: one file per article, named after its article's path, and, compared
with a base revision (`make check BASE=...`, in a pull request), every address recorded there still
recorded with the same words (`retired: true` may be added). Otherwise an edit of the recorded words
would move a published address to other words, unseen.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from annotated_article.data.base_revision import BaseRevision, recorded_at
from annotated_article.data.errors import DataError, DataErrors, shown
from annotated_article.data.project_files import read_bytes
from annotated_article.data.yaml_loading import YamlDocument, load_yaml_bytes

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


def address_file(article_path: str) -> str:
    """The name of an article's address file: `articles/2024/x.md` -> `2024--x.yml`, after the whole path."""
    return article_path.removeprefix("articles/").removesuffix(".md").replace("/", "--") + ".yml"


def check_address_files(documents: list[YamlDocument], articles: dict[str, str], errors: list[DataError]) -> None:
    """One address file per article, named after it, and no two articles whose files would have one name.

    `articles` holds every article's path and the data file that annotates it."""
    by_name: dict[str, str] = {}
    for path, data_file in articles.items():
        name = address_file(path)
        if name in by_name:
            errors.append(DataError(data_file, 1, 1, f"the addresses of `{shown(path)}` and of "
                                    f"`{shown(by_name[name])}` would both be recorded in data/addresses/{shown(name)}",
                                    "Rename one of the two articles' Markdown files (for example without `--` or "
                                    "without its folder), and its `article:` here"))
        by_name.setdefault(name, path)
    holders = address_files(documents)
    for document in documents:
        article, name = document.data["article"], document.file.rsplit("/", 1)[-1]
        if holders[article] is not document:
            errors.append(document.error(("article",), f"the addresses of `{shown(article)}` are recorded in "
                                         f"{shown(holders[article].file)} already", "Keep one address file per "
                                         "article: move the entries that are only here into that file, and delete "
                                         "this one"))
        elif name != address_file(article):
            errors.append(document.error(("article",), f"the addresses of `{shown(article)}` belong in "
                                         f"data/addresses/{shown(address_file(article))}, not in {shown(name)}",
                                         f"Rename the file to {shown(address_file(article))}"))


def address_files(documents: list[YamlDocument]) -> dict[str, YamlDocument]:
    """The address file of each article: the one named after it, else the first (any other is an error)."""
    holders: dict[str, YamlDocument] = {}
    for document in sorted(documents, key=lambda d: d.file.rsplit("/", 1)[-1] != address_file(d.data["article"])):
        holders.setdefault(document.data["article"], document)
    return holders


def kept_since(base: BaseRevision, data_dir: Path, docs_dir: Path) -> list[DataError]:
    """Every address recorded at `base` still recorded in `data_dir`, with the words it was recorded with (it may be
    retired); an article's whole file may go only with the article. Problems point into the working tree's files."""
    folder = data_dir / "addresses"
    display = f"{data_dir.name}/addresses"
    then = {article: (name, _recorded(data)) for article, (name, data) in recorded_at(base, folder).items()}
    read: list[YamlDocument] = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        try:
            read.append(load_yaml_bytes(read_bytes(path, f"{display}/{path.name}", data_dir.parent),
                                        f"{display}/{path.name}"))
        except DataErrors:
            continue  # the check reports why
    now = address_files([document for document in read
                         if isinstance(document.data, dict) and isinstance(document.data.get("article"), str)])
    errors = []
    name = shown(base.name)
    restore = f"Restore it as it was (`git checkout {name} -- FILE`), or, to let an address go, add `retired: " \
              "true` to its entry"
    for article, (file, entries) in then.items():
        if article not in now:
            if (docs_dir / article).is_file():
                errors.append(DataError(f"{display}/{file}", 1, 1, f"this file, which records the addresses "
                                        f"`{shown(article)}` has published, was there at {name} and is gone",
                                        restore.replace("FILE", f"data/addresses/{shown(file)}")))
            continue
        document = now[article]
        found = {entry.get("id"): (index, entry) for index, entry in reversed(list(enumerate(
            document.data.get("addresses") or []))) if isinstance(entry, dict)}
        for id_, words in entries.items():
            if id_ not in found:
                errors.append(document.error(("addresses",), f"the address `#{shown(id_)}` (“{_shorten(words)}”) "
                                             f"was recorded at {name} and is no longer here",
                                             restore.replace("FILE", document.file), at_key=True))
            elif not isinstance(found[id_][1].get("words"), str) or " ".join(found[id_][1]["words"].split()) != words:
                errors.append(document.error(
                    ("addresses", found[id_][0], "words"), f"the words of `#{shown(id_)}` changed since {name}, "
                    f"where they were “{_shorten(words)}”", "Put back the recorded words: an address leads to the "
                    "words it was published with, and new words get addresses of their own when the site is published"))
    return errors


def _recorded(data: dict) -> dict[str, str]:
    """The addresses of a recorded file's content: each id's words (spacing made single), the first entry of an id."""
    words: dict[str, str] = {}
    for entry in data.get("addresses") or []:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str) and isinstance(entry.get("words"), str):
            words.setdefault(entry["id"], " ".join(entry["words"].split()))
    return words


def _unique(candidate: str, taken: set[str]) -> str:
    number = 2
    while f"{candidate}-{number}" in taken:
        number += 1
    return f"{candidate}-{number}"


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
