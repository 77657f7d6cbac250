"""The offline edition: the site built to be read from disk, in a zip that is the same bytes on every build.

`python tools/offline_edition.py dist/NAME.zip` (what `make offline` runs) builds the site from
mkdocs.offline.yml, which adds Material's offline plugin (page links end in `.html`, the search
index is a script, search runs without a server), and zips it under one folder. The zip is reproducible:
dates come from SOURCE_DATE_EPOCH, which defaults to the date of the last commit, and every
entry has a fixed date, mode and order.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TOP_FOLDER = "annotated-articles"
#: The earliest date a zip entry can carry, used when nothing else gives a date.
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z


def source_date_epoch(project: Path = PROJECT) -> int:
    """SOURCE_DATE_EPOCH if set, else the date of the last commit, else 1980-01-01."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").strip():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True,
                                text=True, check=True)
        return int(result.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return ZIP_EPOCH


def build_offline_site(project: Path, site_dir: Path, epoch: int) -> None:
    """`mkdocs build --strict` of `project`'s offline edition into `site_dir`."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", "mkdocs.offline.yml",
         "--site-dir", str(site_dir)],
        cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    if result.returncode != 0:  # all MkDocs said, in order: it ends with why it stopped
        raise RuntimeError(f"The offline build failed:\n{result.stdout}")


def write_zip(site_dir: Path, zip_path: Path, epoch: int, top_folder: str = TOP_FOLDER) -> None:
    """Zip every file of `site_dir` under `top_folder/`, sorted, each with the date `epoch` and mode 0644."""
    moment = datetime.datetime.fromtimestamp(max(epoch, ZIP_EPOCH), datetime.timezone.utc)
    date_time = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    files = sorted(path for path in site_dir.rglob("*") if path.is_file())
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path, "w") as archive:
        for path in files:
            entry = zipfile.ZipInfo(f"{top_folder}/{path.relative_to(site_dir).as_posix()}", date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o100644 << 16
            entry.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(entry, path.read_bytes(), compresslevel=9)


def make_offline_zip(zip_path: Path, project: Path = PROJECT) -> Path:
    """Build the offline edition of `project` and write it to `zip_path`."""
    epoch = source_date_epoch(project)
    with tempfile.TemporaryDirectory(prefix="offline-site-") as folder:
        build_offline_site(project, Path(folder), epoch)
        write_zip(Path(folder), zip_path, epoch)
    return zip_path


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].endswith(".zip"):
        print("usage: python tools/offline_edition.py dist/NAME.zip", file=sys.stderr)
        return 2
    try:
        make_offline_zip(Path(argv[0]).resolve())
    except RuntimeError as failure:
        print(failure, file=sys.stderr)
        return 1
    print(f"Wrote {argv[0]}: unzip it anywhere and open {TOP_FOLDER}/index.html.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
