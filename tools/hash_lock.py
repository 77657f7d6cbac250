"""`make lock`'s second file: requirements.lock with the SHA-256 of each file pip installs in CI, for `--require-hashes`.

    python tools/hash_lock.py [requirements.lock] [requirements-ci.lock]

The workflows install the packages of requirements.lock from requirements-ci.lock (`LOCK=...`, see the
Makefile), in which every pin carries the hash of the file pip downloads for the CI's machine (Debian
bookworm: CPython 3.11 on x86-64 Linux): pip then refuses any other file, so a package replaced on the
index after it was locked never runs with the workflows' permissions. `pip download` fetches each file
(with `--no-deps`: the lock already names every package) and its hash is computed here, as `pip hash`
does. requirements.lock itself stays without hashes, for other machines and versions of Python.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
#: The CI's machine, as pip names what it can install there: Debian bookworm's glibc 2.36 runs wheels built for
#: it or any older glibc (pip does not widen a platform given to it), and CPython 3.11 those for its ABI, the stable
#: ABI or any.
_GLIBC = [f"manylinux_2_{minor}_x86_64" for minor in range(36, 4, -1)] + \
    ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"]
PLATFORM = (*(option for tag in _GLIBC for option in ("--platform", tag)), "--python-version", "3.11",
            "--implementation", "cp", "--abi", "cp311", "--abi", "abi3", "--abi", "none", "--prefer-binary",
            "--ignore-requires-python")  # which file is installed does not depend on 3.11's patch level
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")
HEADER = """# The pins of requirements.lock, each with the SHA-256 of the file pip installs on the CI's machine (CPython 3.11,
# x86-64 Linux): the workflows install from this file (LOCK=requirements-ci.lock), so pip refuses any other file.
# Written by `make lock` (tools/hash_lock.py) from requirements.lock; do not edit by hand.
"""


def pins(lock: str) -> list[tuple[str, str]]:
    """Each `name==version` of a lock file, in its order."""
    found = []
    for line in lock.splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith(("#", "-")):
            match = _PIN.match(line.split()[0])
            if match is None:
                raise ValueError(f"not an exact pin: {line}")
            found.append((match.group(1), match.group(2)))
    return found


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def downloaded_file(folder: Path, name: str, version: str) -> Path:
    """The file pip saved for `name==version` (a wheel or a source archive)."""
    wanted = normalized(name).replace("-", "_")
    for path in sorted(folder.iterdir()):
        stem = path.name.removesuffix(".tar.gz").removesuffix(".zip")
        file_name, _, rest = stem.partition(f"-{version}")
        if normalized(file_name).replace("-", "_") == wanted and (rest == "" or rest.startswith("-")):
            return path
    raise FileNotFoundError(f"pip downloaded no file for {name}=={version}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/hash_lock.py", description=__doc__.split("\n")[0])
    parser.add_argument("lock", nargs="?", type=Path, default=PROJECT / "requirements.lock")
    parser.add_argument("output", nargs="?", type=Path, default=PROJECT / "requirements-ci.lock")
    arguments = parser.parse_args(argv)
    pinned = pins(arguments.lock.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps",
                        *PLATFORM, "--dest", folder, *(f"{name}=={version}" for name, version in pinned)], check=True)
        lines = []
        for name, version in pinned:
            digest = hashlib.sha256(downloaded_file(Path(folder), name, version).read_bytes()).hexdigest()
            lines.append(f"{name}=={version} \\\n    --hash=sha256:{digest}")
    arguments.output.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{arguments.output.name}: {len(lines)} pins with their hashes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
