"""The project's files read as untrusted input: only inside the project, bounded in size, decoded with a message.

A file in `data/` or `docs/` may be a link to anything on the machine (a file of the system, a
device that never ends), or saved in another encoding: each is an editor's message, never a
traceback, and nothing outside the project is read or published.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
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
    """Every link under `folder` that resolves outside the project (`folder`'s parent), and every one that never
    ends: to a folder that holds it (MkDocs, which follows links, would copy it into itself without end) or back
    to itself through other links. The folders are walked without following any link."""
    root, errors = folder.resolve().parent, []
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(parent, name)
            if not path.is_symlink():
                continue
            shown = f"{display_name}/{path.relative_to(folder).as_posix()}"
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError) as error:  # RuntimeError, or ELOOP: a circle of links
                if isinstance(error, RuntimeError) or error.errno == errno.ELOOP:
                    errors.append(DataError(shown, 1, 1, "is a link that leads back to itself, through other links",
                                            "Delete the link, or make it lead to a file"))
                    continue
                target = None
            if target is not None and path.parent.resolve().is_relative_to(target):
                errors.append(DataError(shown, 1, 1, "is a link to a folder that holds it, which the build would copy "
                                        "into itself without end", "Delete the link"))
            elif not _inside(path, root):
                errors.append(DataError(shown, 1, 1, OUTSIDE, OUTSIDE_FIX))
    return errors


def unreadable_names(folder: Path, display_name: str) -> list[DataError]:
    """Every file or folder under `folder` whose name holds a character that is not printable (a line break, a
    control, an invisible character): shown in a log, such a name could start a line of its own (`::warning`),
    and MkDocs and the tools print names as they are."""
    errors = []
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            hidden = next((c for c in name if not c.isprintable()), None)
            if hidden is not None:
                shown = f"{display_name}/{Path(parent, name).relative_to(folder).as_posix()}"
                what = {"\n": "line feed", "\r": "carriage return", "\t": "tab"}.get(hidden) or \
                    unicodedata.name(hidden, "an invisible character").lower()
                errors.append(DataError(shown, 1, 1, f"the file's name contains U+{ord(hidden):04X} ({what})",
                                        "Rename it with letters, digits, hyphens and dots"))
    return errors


def _inside(path: Path, root: Path) -> bool:
    """Whether `path` resolves inside the project, and not into one of its hidden folders (`.git`, `.venv`...)."""
    try:
        target = path.resolve()
        return target.is_relative_to(root.resolve()) and not any(
            part.startswith(".") for part in target.relative_to(root.resolve()).parts)
    except (OSError, RuntimeError):  # a loop of links
        return False
