"""What an article's data file must say beyond its schema, and how its Markdown is read as MkDocs renders it.

An article's data file says where it was published (or that it is not known), and gives its annotations
ids that the page does not take for itself; every article in `docs/articles/` has one. The Markdown is
read without its front matter, the way MkDocs removes it, so that quotes anchor in the text MkDocs renders.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import yaml

from annotated_article.data.errors import DataError, shown
from annotated_article.data.schema_validation import HIDING, character_name, nearest
from annotated_article.data.yaml_loading import YamlDocument
from annotated_article.model import Provenance

#: What an article's data file must give, or say is not known in the field's `_note`.
PROVENANCE_REQUIRED = {"publisher": "the outlet that published it", "date": "the date it was published (YYYY-MM-DD)",
                       "rights": "who holds the rights to its text, and on what terms it is reproduced here"}
#: Ids the article page gives elements of its own.
RESERVED_PASSAGE_IDS = {"sources-and-attributions", "corrections-and-updates"}
# MkDocs' own rules for what is not rendered at the top of a page (mkdocs.utils.meta.get_data): a YAML block
# that reads as a mapping, or else MultiMarkdown's `Key: value` lines up to the first blank line.
_YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*.*")
_META_MORE = re.compile(r"^([ ]{4}|\t)\s*.*")
_TOP_KEY = re.compile(r"^([A-Za-z0-9_-]+)[ \t]*:")
#: Front matter keys an article's page reads: MkDocs' `title`, and those of the theme's templates.
PAGE_KEYS = {"title", "description", "template", "hide", "icon", "status", "subtitle", "search"}


def check_provenance(document: YamlDocument, errors: list[DataError]) -> None:
    """An article says who published it, when and on what terms, or says that it is not known."""
    data = document.data
    for field_, what in PROVENANCE_REQUIRED.items():
        if field_ not in data and f"{field_}_note" not in data:
            errors.append(document.error(
                ("article",), f"the article has no `{field_}`",
                f"Add `{field_}:` with {what}, or, if it is not known, `{field_}_note:` saying what is known"))
    if "publisher" in data and "publisher_kind" not in data:
        errors.append(document.error(
            ("publisher",), "the article's `publisher` has no `publisher_kind`",
            "Add `publisher_kind:` saying what kind of outlet it is: newspaper, magazine, news-site, news-agency "
            "or broadcaster"))
    if "headline_note" in data and "headline" not in data:
        errors.append(document.error(
            ("headline_note",), "`headline_note` says something of the headline as published, but the article has "
            "no `headline`, so the page would say the headline is not known",
            "Add `headline:` with the headline as published (the article's first line, when it is the same), or "
            "delete `headline_note`"))
    if "byline_kind" in data and "authors" not in data:
        errors.append(document.error(
            ("byline_kind",), "`byline_kind` says what kind of byline `authors` is, but the article has no `authors`",
            "Add `authors:` with the byline as published, or remove `byline_kind`"))
    if "updated" in data and "date" in data and data["updated"] < data["date"]:
        errors.append(document.error(
            ("updated",), f"`updated` is {data['updated']}, before the date of publication ({data['date']})",
            "Check both dates: `updated` is when the article was last changed, on or after `date`"))


def check_passage_ids(document: YamlDocument, errors: list[DataError]) -> None:
    """An annotation's id is the address of its passage: it may not be one the page uses itself."""
    for index, annotation in enumerate(document.data["annotations"]):
        if annotation["id"].startswith("p-") or annotation["id"] in RESERVED_PASSAGE_IDS:
            errors.append(document.error(
                ("annotations", index, "id"), f"the id `{annotation['id']}` could be taken by the page itself",
                "Choose an id that does not start with `p-` (those are paragraph ids)"
                if annotation["id"].startswith("p-") else "Choose another id"))


def check_every_article_is_annotated(docs_dir: Path, annotated: set[str], errors: list[DataError]) -> None:
    """An article with no annotation file would be a page nothing lists or links to."""
    for markdown in sorted((docs_dir / "articles").glob("*.md")):
        path = markdown.relative_to(docs_dir).as_posix()
        unreadable = any(error.file == f"{docs_dir.name}/{path}" for error in errors)
        if path not in annotated and markdown.name != "index.md" and not unreadable:
            errors.append(DataError(
                f"{docs_dir.name}/{path}", 1, 1, "this article has no annotation file",
                f"Add data/articles/{markdown.stem}.yml with `article: {path}`, where it was published "
                "(see CONTRIBUTING.md) and its annotations (`annotations: []` while it has none), or move the "
                "file out of docs/articles/"))


_HIDING = re.compile("[" + "".join(sorted(HIDING)) + "]")


def check_hidden_characters(markdown: str, display_name: str, errors: list[DataError]) -> None:
    """An article shows no bidirectional control or zero-width space (as no text of the data does): the first is
    reported where it is, with how many lines hold others."""
    found = _HIDING.search(markdown)
    if found is None:
        return
    line_start = markdown.rfind("\n", 0, found.start()) + 1
    lines = {markdown.count("\n", 0, match.start()) for match in _HIDING.finditer(markdown)}
    more = f" (and on {len(lines) - 1:,} more line{'s' * (len(lines) > 2)})" if len(lines) > 1 else ""
    errors.append(DataError(
        display_name, markdown.count("\n", 0, found.start()) + 1, found.start() - line_start + 1,
        f"the article contains the invisible character U+{ord(found.group()):04X} ({character_name(found.group())}) "
        f"after `{shown(markdown[max(line_start, found.start() - 30):found.start()])}`{more}",
        "Delete it and retype the words around it: it changes how the text shows (it often comes with text copied "
        "from other pages)"))


def front_matter_keys(markdown: str) -> list[tuple[str, int]]:
    """The keys of the Markdown's front matter, as MkDocs reads it (`without_front_matter`), each with its line."""
    body, first_line = without_front_matter(markdown)
    if first_line == 1:
        return []
    header = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")[:first_line - 1]
    if _YAML_BLOCK.match(markdown):
        return [(match.group(1), number) for number, line in enumerate(header, 1)
                if (match := _TOP_KEY.match(line))]
    return [(line.split(":", 1)[0].strip(), number) for number, line in enumerate(header, 1)
            if _META_LINE.match(line)]


def check_front_matter(markdown: str, display_name: str, data_file: str, errors: list[DataError]) -> None:
    """An article's front matter holds only what the pages read (MkDocs' `title`, the theme's keys): where it was
    published is the data file's, and any other key would be ignored without a word."""
    provenance = {field_.name for field_ in fields(Provenance)}
    for key, line in front_matter_keys(markdown):
        if key.lower() in PAGE_KEYS:
            continue
        if key in provenance or nearest(key, provenance):
            field_ = key if key in provenance else nearest(key, provenance).split("`")[1]
            errors.append(DataError(
                display_name, line, 1, f"the front matter's `{key}` is not read by the build: where and when the "
                f"article was published goes in {data_file}",
                f"Move it there as `{field_}:` (see CONTRIBUTING.md, “Add an article”), and delete it here"))
        else:
            errors.append(DataError(
                display_name, line, 1, f"the front matter's `{key}` is not read by the build",
                f"Delete it; where the article was published goes in {data_file}, its annotations too"))


def without_front_matter(markdown: str) -> tuple[str, int]:
    """The Markdown as MkDocs renders it, without its front matter, and the number of its first line."""
    if block := _YAML_BLOCK.match(markdown):
        try:
            mapping = isinstance(yaml.safe_load(block.group(1)), dict)
        except yaml.YAMLError:
            mapping = False
        if not mapping:
            return markdown, 1
        rest = markdown[block.end():]
        body = rest.lstrip("\n")
        return body, markdown.count("\n", 0, block.end()) + rest.count("\n", 0, len(rest) - len(body)) + 1
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    skipped, key = 0, False
    while skipped < len(lines) and lines[skipped].strip():
        if _META_LINE.match(lines[skipped]):
            key = True
        elif not (key and _META_MORE.match(lines[skipped])):
            break
        skipped += 1
    if skipped < len(lines) and not lines[skipped].strip():
        skipped += 1  # the blank line that ends the header
    body = "\n".join(lines[skipped:])
    stripped = body.lstrip("\n")
    return stripped, skipped + body.count("\n", 0, len(body) - len(stripped)) + 1
