"""The files of the project as they are at a git revision (a pull request's base), read from the repository's objects.

Nothing is checked out and nothing is written: `git rev-parse` names the commit, `git ls-tree` lists its
files and `git cat-file --batch` reads them, so the working tree and the index stay as they are. The
revision is handed to git as one argument after `--end-of-options`, never through a shell, so no name
of a branch can be read as an option or a command. Only regular files up to the size cap of the data
(`project_files.MAX_FILE_BYTES`) are read; links and larger files are left out, as the check leaves
them out of the working tree.

`make check BASE=...` compares what the data recorded at the base with the working tree (`recorded_at`: recorded
addresses may only grow, and a claim published there changes only with a correction); `make changes` reads the data at the base to say what a pull request changes.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from annotated_article.data.errors import DataErrors
from annotated_article.data.project_files import MAX_FILE_BYTES
from annotated_article.data.yaml_loading import load_yaml_bytes

#: The modes git gives regular files (the second is executable).
_REGULAR = ("100644", "100755")


class RevisionNotFound(Exception):
    """The revision names no commit of the repository (or git cannot be run): a mistake in how the tool was run,
    not in the data."""


@dataclass(frozen=True)
class BaseRevision:
    """One commit of the repository whose work tree is `top`; `name` is the revision as it was given."""

    name: str
    commit: str
    top: Path

    def files(self, *folders: str) -> dict[str, bytes]:
        """Every regular file under each of `folders` (paths from the repository's top, a file's own path too) at
        the commit, by its path from the top."""
        listing = _git(self.top, "ls-tree", "-r", "-z", "--long", "--full-tree", self.commit, "--", *folders)
        if listing.returncode != 0:
            return {}
        wanted: dict[str, str] = {}
        for record in listing.stdout.split(b"\0"):
            if not record:
                continue
            meta, _, path = record.partition(b"\t")
            mode, kind, object_id, size = meta.split()
            if mode.decode() in _REGULAR and kind == b"blob" and int(size) <= MAX_FILE_BYTES:
                wanted[path.decode("utf-8", "surrogateescape")] = object_id.decode()
        return dict(zip(wanted, _blobs(self.top, list(wanted.values()))))

    def read(self, path: str) -> bytes | None:
        """The file at `path` (from the repository's top) at the commit, or None if it is not a regular file there."""
        return self.files(path).get(path)


def base_revision(folder: Path, revision: str) -> BaseRevision:
    """The commit `revision` names in the repository that holds `folder`. Raises RevisionNotFound."""
    try:
        top = _git(folder, "rev-parse", "--show-toplevel")
    except OSError as error:
        raise RevisionNotFound(f"git cannot be run ({error.strerror})") from None
    if top.returncode != 0:
        raise RevisionNotFound(f"{folder} is not in a git repository, so there is no `{revision}` to compare with")
    root = Path(top.stdout.decode().strip())
    found = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if found.returncode != 0 or not revision:
        raise RevisionNotFound(f"`{revision}` is not a commit of the repository in {root}")
    return BaseRevision(revision, found.stdout.decode().strip(), root)


def path_in_repository(base: BaseRevision, path: Path) -> str:
    """`path` (a file or folder of the work tree) as a path from the repository's top, as `files` takes it."""
    return path.resolve().relative_to(base.top.resolve()).as_posix()


def recorded_at(base: BaseRevision, folder: Path) -> dict[str, tuple[str, dict]]:
    """The record files of `folder` (`data/addresses/`, `data/published/`: one YAML mapping per article, written
    when the site is published) at `base`: by the article each names (`article:`), the file's name and its content.
    The first file of an article counts; a file that does not read as such a mapping is left out."""
    result: dict[str, tuple[str, dict]] = {}
    for path, raw in sorted(base.files(path_in_repository(base, folder)).items()):
        if not path.endswith(".yml"):
            continue
        try:
            data = load_yaml_bytes(raw, path).data
        except DataErrors:
            continue
        if isinstance(data, dict) and isinstance(data.get("article"), str):
            result.setdefault(data["article"], (path.rsplit("/", 1)[-1], data))
    return result


def _git(where: Path, *arguments: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(where), *arguments], input=stdin, capture_output=True, check=False)


def _blobs(top: Path, object_ids: list[str]) -> list[bytes]:
    """The contents of `object_ids`, in their order, read by one `git cat-file --batch`."""
    if not object_ids:
        return []
    output = _git(top, "cat-file", "--batch", stdin="".join(f"{oid}\n" for oid in object_ids).encode()).stdout
    contents, at = [], 0
    for _ in object_ids:
        header_end = output.index(b"\n", at)
        size = int(output[at:header_end].split()[2])
        contents.append(output[header_end + 1:header_end + 1 + size])
        at = header_end + 1 + size + 1  # the content is followed by a line break
    return contents
