"""`make published`: record what the site now publishes of each claim, so that a later change to it needs a correction.

    python tools/record_published.py [--data DIR] [--docs DIR]

For each article, `data/published/NAME.yml` holds each claim's latest published state: its words as the article has
them, who said it, its source, both judgements, how many corrections it had and whether it was withdrawn (see
`data/published_record.py`). The data must be free of problems first (`make check`), so that a claim changed
without a correction is never recorded. Run when the site is published: the deploy workflow does, beside
`make addresses`, and commits what changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from annotated_article.article.check import report
from annotated_article.article.loading import load_site
from annotated_article.data.errors import DataErrors
from annotated_article.data.published_record import FOLDER, entry, file_name
from annotated_article.model import Article

HEADER = """# yaml-language-server: $schema=../schemas/published.schema.json
#
# What the site last published of each claim of docs/{article}: its words, who said it, its
# source and both judgements, written by `make published` when the site is published. Do not edit it:
# to change a published claim, add a correction to it in data/articles/ (`make check` says when one is owed).

"""


def recorded(article: Article) -> dict:
    """The record of `article` as the site publishes it now, its claims in reading order."""
    return {"article": article.path,
            "claims": [entry(annotation, article.words(annotation)) for annotation in article.annotations]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/record_published.py", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data"))
    parser.add_argument("--docs", type=Path, default=Path("docs"))
    arguments = parser.parse_args(argv)
    try:
        site = load_site(arguments.data, arguments.docs)
    except DataErrors as failure:
        report(failure.errors)
        return 1
    folder = arguments.data / FOLDER
    changed = 0
    for article in site.articles.values():
        path = folder / file_name(article.path)
        text = HEADER.format(article=article.path) + yaml.safe_dump(recorded(article), allow_unicode=True,
                                                                    sort_keys=False, width=100)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed += 1
            print(f"{path.as_posix()}: recorded")
    print(f"{changed} record{'' if changed == 1 else 's'} of published claims written, "
          f"{len(site.articles) - changed} unchanged.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
