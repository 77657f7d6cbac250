"""The project's files read as untrusted input: only inside the project, bounded in size, decoded with a message.

A file in `data/` or `docs/` may be a link to anything on the machine (a file of the system, a
device that never ends), or saved in another encoding: each is an editor's message, never a
traceback, and nothing outside the project is read or published.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annotated_article.data.errors import DataError, DataErrors

#: Largest file read, in bytes: ours are a few kilobytes, and reading stays well under a second.
MAX_FILE_BYTES = 1_000_000
OUTSIDE = "is a link to a place outside the project, or into one of its hidden folders"
OUTSIDE_FIX = "Put the file itself in the project instead of a link to it"


def read_bytes(path: Path, display_name: str, root: Path | None = None) -> bytes:
    """The bytes of `path`, a regular file inside `root` (when given) and at most MAX_FILE_BYTES long."""
    try:
        if root is not None and not _inside(path, root):
            raise DataErrors([DataError(display_name, 1, 1, OUTSIDE, OUTSIDE_FIX)])
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise DataErrors([DataError(display_name, 1, 1, "is not a regular file",
                                        "Replace it with the file itself")])
        with open(path, "rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise DataErrors([DataError(display_name, 1, 1, f"cannot be read ({error.strerror})",
                                    "Check that the file exists and is readable")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise DataErrors([too_big(display_name)])
    return raw


def too_big(display_name: str) -> DataError:
    return DataError(display_name, 1, 1, f"the file is larger than {MAX_FILE_BYTES // 1_000_000} MB, more than "
                     "a data file should ever be",
                     "Check that the right file was saved here; long texts belong in the article, not in the data")


def decode(raw: bytes, display_name: str) -> str:
    """`raw` as UTF-8 text (a byte order mark dropped), or the place of the first byte that is not."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line, column = before.count(b"\n") + 1, len(before) - (before.rfind(b"\n") + 1) + 1
        raise DataErrors([DataError(
            display_name, line, column, f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be read)",
            "Save the file with UTF-8 encoding")]) from None


def read_text(path: Path, display_name: str, root: Path | None = None) -> str:
    return decode(read_bytes(path, display_name, root), display_name)


def links_outside(folder: Path, display_name: str) -> list[DataError]:
    """Every file or folder under `folder` that resolves outside the project (`folder`'s parent)."""
    root, errors = folder.resolve().parent, []
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(parent, name)
            if path.is_symlink() and not _inside(path, root):
                shown = f"{display_name}/{path.relative_to(folder).as_posix()}"
                errors.append(DataError(shown, 1, 1, OUTSIDE, OUTSIDE_FIX))
    return errors


def _inside(path: Path, root: Path) -> bool:
    """Whether `path` resolves inside the project, and not into one of its hidden folders (`.git`, `.venv`...)."""
    try:
        target = path.resolve()
        return target.is_relative_to(root.resolve()) and not any(
            part.startswith(".") for part in target.relative_to(root.resolve()).parts)
    except (OSError, RuntimeError):  # a loop of links
        return False
