"""`make check`: the build's validation of `data/`, alone, quick enough to run on every save.

    python -m annotated_article.article.check [--data DIR] [--docs DIR] [--base REVISION]

Runs the same pass as the build (`article.loading.load_site`), prints every problem as
`data/FILE.yml:LINE:COLUMN: what is wrong. How to fix it.` and exits with 1 if
there is any, 0 if there is none. With `--base` (`make check BASE=...`; a pull request's
workflow gives its base), every address recorded at that revision must still be recorded, with
the same words (see `data.addresses.kept_since`), and each claim published there is compared with
what that revision's record says was published (`data.corrections`), not with the working tree's. With `GITHUB_ACTIONS=true` it also prints each
problem as a workflow command (`::error file=...,line=...,col=...::...`), so that
GitHub shows it on the pull request's diff. It only reads: no file is written. A failure of the
check itself, or a BASE that is not a commit, exits with 2, so that it is never taken for a problem in the
data. Through `make check`, make exits with 2 whenever this exits with other than 0 (its status for any
recipe that fails), and names this one's on its last line (`make: *** [...] Error 1`).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from annotated_article.article.loading import load_site
from annotated_article.data.addresses import kept_since
from annotated_article.data.base_revision import RevisionNotFound, base_revision
from annotated_article.data.errors import DataError, DataErrors, listed
from annotated_article.data.published_record import record_at
from annotated_article.model import SiteData


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotated_article.article.check", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: data)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the articles' folder (default: docs)")
    parser.add_argument("--base", help="a branch, tag or commit (a pull request's base) whose recorded addresses "
                        "must all still be recorded, with the same words")
    arguments = parser.parse_args(argv)
    try:
        base = None if arguments.base is None else base_revision(arguments.data, arguments.base)
    except RevisionNotFound as failure:
        print(f"make check: {failure}. Give BASE as a branch, a tag or a commit that exists, for example BASE=main "
              "(a shallow clone may need `git fetch` first).", file=sys.stderr)
        return 2
    errors: list[DataError] = []
    try:
        try:
            site = load_site(arguments.data, arguments.docs, published=None if base is None else (
                f" at {base.name}", record_at(base, arguments.data)))
        except DataErrors as failure:
            errors += failure.errors
        if base is not None:
            errors += kept_since(base, arguments.data, arguments.docs)
    except Exception:  # a bug of the check, not of the data: the status tells CI the difference
        traceback.print_exc()
        print("The check itself failed (above); this is not a problem in the data.", file=sys.stderr)
        return 2
    if errors:
        report(sorted(set(errors)), github=os.environ.get("GITHUB_ACTIONS") == "true")
        return 1
    print(summary(site, arguments.data) + (f" Every address recorded at {base.name} ({base.commit[:12]}) is kept, "
                                           "and every claim published there is as published or corrected."
                                           if base is not None else ""))
    return 0


def report(errors: list[DataError], github: bool = False) -> None:
    """Every problem on standard error; with `github`, also as workflow annotations on standard output."""
    count, errors = len(errors), listed(errors)
    for error in errors:
        print(error, file=sys.stderr)
    print(f"{count:,} problem{'s' if count != 1 else ''} found in the data. "
          "Each line above says where (file:line:column), what is wrong and how to fix it.", file=sys.stderr)
    if github:
        for error in errors:
            print(workflow_annotation(error))


def workflow_annotation(error: DataError) -> str:
    """The GitHub Actions workflow command that shows `error` on the line it is about."""
    return (f"::error file={_property(error.file)},line={error.line},col={error.column},"
            f"title={_property('Data problem')}::{_data(error.message)}")


def summary(site: SiteData, data_dir: Path) -> str:
    annotations = sum(len(article.annotations) for article in site.articles.values())
    return (f"{data_dir.as_posix()}/ has no problems: {len(site.actors)} actors, {len(site.people)} people, "
            f"{len(site.sources)} sources, {len(site.articles)} article(s) with {annotations} annotations.")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":
    sys.exit(main())
