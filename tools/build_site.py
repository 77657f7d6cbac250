"""`make build`: the site is built into site.new/ and put in the place of site/ only if the build succeeds.

`python tools/build_site.py [MKDOCS_BUILD_OPTION...]`, from the project's folder. Once a site has
been built, a `site/` exists at every instant: the new folder and the old one are exchanged in one
step (Linux's renameat2 with RENAME_EXCHANGE; elsewhere two renames, a moment apart), then the old
one is deleted. A build stopped with Ctrl-C or killed (SIGTERM, SIGHUP) deletes its site.new/; one
killed outright (SIGKILL) leaves it, and the next build deletes it first.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

SITE, NEW, OLD = Path("site"), Path("site.new"), Path("site.old")
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(first: Path, second: Path) -> bool:
    """Swap the names of two existing paths in one step; False where the system cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    failure = ctypes.get_errno()
    if failure in (errno.ENOSYS, errno.EINVAL):  # an old kernel, or a file system that cannot
        return False
    raise OSError(failure, os.strerror(failure), str(first))


def swap_in(new: Path = NEW, site: Path = SITE, old: Path = OLD) -> None:
    """Put `new` in the place of `site`, and delete what `site` held."""
    if not site.exists():
        new.rename(site)
    elif exchange(new, site):
        shutil.rmtree(new)
    else:
        site.rename(old)
        new.rename(site)
        shutil.rmtree(old)


def _stop(signum, frame):
    raise SystemExit(128 + signum)


def main(options: list[str]) -> int:
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _stop)
    try:
        for leftover in (NEW, OLD):
            shutil.rmtree(leftover, ignore_errors=True)
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(NEW), *options]
        if subprocess.run(command).returncode != 0:
            return 1
        swap_in()
        return 0
    finally:
        shutil.rmtree(NEW, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
