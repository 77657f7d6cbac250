"""When files of the project last changed, as its git history tells: the dates the feed gives its entries.

A file whose last change is committed has the date of the last commit on the current branch that changed it
(the committer's date; for a change merged into the branch, the merge's). A file git does not track, one with
changes not committed, and every file of a project that is not a git repository, or is a shallow clone
(whose history is cut short), have none: the caller falls back on another date.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path
from typing import Iterable

#: Longer than any repository of this size takes, short enough that a stuck git does not hold up a build.
_TIMEOUT = 60


def last_commits(folder: Path, paths: Iterable[str]) -> dict[str, datetime.datetime]:
    """The date of the last commit that changed each of `paths` (relative to `folder`, as `/`-separated
    paths), for those whose last change is committed."""
    wanted = sorted(set(paths))
    if not wanted:
        return {}
    try:
        if _git(folder, "rev-parse", "--is-shallow-repository").strip() != "false":
            return {}
        tracked = set(_git(folder, "ls-files", "-z", "--", *wanted).split("\0"))
        uncommitted = set(_git(folder, "diff", "--name-only", "-z", "--relative", "HEAD", "--", *wanted).split("\0"))
        log = _git(folder, "log", "--first-parent", "--diff-merges=first-parent", "--format=@%cI", "--name-only",
                   "--relative", "--", *wanted)
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, datetime.datetime] = {}
    date = None
    for line in log.splitlines():
        if line.startswith("@"):
            date = _moment(line[1:])
        elif date is not None and line in tracked and line not in uncommitted:
            found.setdefault(line, date)
    return {path: found[path] for path in wanted if path in found}


def last_commit(folder: Path) -> datetime.datetime | None:
    """The date of the last commit of the repository `folder` is in (None outside one): the date the offline
    edition's zip carries, and the site's build date."""
    try:
        stamp = _git(folder, "log", "-1", "--format=%ct").strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return datetime.datetime.fromtimestamp(int(stamp), datetime.timezone.utc) if stamp.isdigit() else None


def _git(folder: Path, *arguments: str) -> str:
    """What `git ARGUMENTS` prints, run in `folder` (raises CalledProcessError when git fails)."""
    return subprocess.run(["git", "--literal-pathspecs", "-c", "core.quotePath=false", *arguments], cwd=folder, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", check=True, timeout=_TIMEOUT).stdout


def _moment(text: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
