"""`make addresses`: record every address the articles publish, so that later edits keep them working.

    python tools/record_addresses.py [--data DIR] [--docs DIR]

For each article, `data/addresses/NAME.yml` lists every paragraph and passage address with the words it
leads to: those recorded before in their order, then the new ones. No recorded address is ever dropped:
one the article no longer produces is an alias now, and takes the words of the paragraph or passage it
leads to (so that it follows later edits too); a retired one stays as it is. The data must be free of problems first (`make check`). Run when the site is
published: the deploy workflow does, and commits what changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from annotated_article.article.check import report
from annotated_article.article.loading import load_site
from annotated_article.data.addresses import address_file
from annotated_article.data.errors import DataErrors
from annotated_article.model import Article

HEADER = """# yaml-language-server: $schema=../schemas/addresses.schema.json
#
# Every address docs/{article} has published, with the words it led to, written by
# `make addresses` when the site is published. The build keeps each address working: when an
# edit changes a paragraph's first words or an annotation's id, the old address leads to the
# paragraph or passage most like the words below. Edit an entry only to retire it (`retired: true`).

"""


def recorded(article: Article, previous: list[dict]) -> list[dict]:
    """Every address recorded before, in its place, then the article's new ones in reading order. One the article
    still produces takes its words now; one it no longer produces is an alias now, and takes the words of the
    paragraph or passage it leads to; a retired one stays as it is."""
    plan = article.loaded_plan
    words = {id_: plan.text.text[p.start:p.end] for id_, p in zip(plan.paragraph_ids, plan.text.paragraphs)}
    words.update((id_, plan.words(id_)) for id_ in plan.in_marker_order())
    alias_of = {old: target for target, olds in plan.aliases.items() for old in olds}
    entries = []
    for entry in previous:
        if entry["id"] in words:
            entry = {"id": entry["id"], "words": words[entry["id"]]}
        elif entry["id"] in alias_of:
            entry = {**entry, "words": words[alias_of[entry["id"]]]}
        entries.append(entry)
    known = {entry["id"] for entry in previous}
    return entries + [{"id": id_, "words": text} for id_, text in words.items() if id_ not in known]


def file_name(article_path: str) -> str:
    """`articles/2024/x.md` -> `2024--x.yml`: named after the whole path (the check refuses two articles whose
    names would be the same)."""
    return address_file(article_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/record_addresses.py", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    arguments = parser.parse_args(argv)
    try:
        site = load_site(arguments.data, arguments.docs)
    except DataErrors as failure:
        report(failure.errors)
        return 1
    folder = arguments.data / "addresses"
    existing = {}
    for path in sorted(folder.glob("*.yml")):
        content = yaml.safe_load(path.read_text(encoding="utf-8"))
        existing[content["article"]] = (path, content["addresses"])
    changed = 0
    for article in site.articles.values():
        path, previous = existing.get(article.path, (folder / file_name(article.path), []))
        text = HEADER.format(article=article.path) + yaml.safe_dump(
            {"article": article.path, "addresses": recorded(article, previous)}, allow_unicode=True, sort_keys=False,
            width=100)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed += 1
            print(f"{path.as_posix()}: recorded")
    print(f"{changed} address file{'' if changed == 1 else 's'} written, {len(site.articles) - changed} unchanged.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
