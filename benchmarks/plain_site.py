"""The same site without our hooks: the baseline that says what the hooks cost.

`capture(project, ...)` builds `project` with its hooks plus `capture_hooks.py`, which
records the Markdown the hooks produce (articles with their markers and footnotes, and
every generated page), the navigation and any other generated file.
`write_plain_site(...)` turns that into a project of plain files whose mkdocs.yml has no
hooks: MkDocs alone builds the same pages from it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

from synthetic import THEME_FOLDERS

CAPTURE_HOOKS = Path(__file__).resolve().parent / "capture_hooks.py"
_HOOKS = re.compile(r"^hooks:[ \t]*\n(?:[ \t]+-.*\n|[ \t]*#.*\n)*", re.MULTILINE)
_WATCH = re.compile(r"^watch:[ \t]*\n(?:[ \t]+-.*\n|[ \t]*#.*\n)*", re.MULTILINE)  # data/ and hooks/ are not there
_NAV = re.compile(r"^nav:[ \t]*\n(?:(?:[ \t-].*|[ \t]*)\n)*", re.MULTILINE)  # to the next top-level key


#: One build time for every build of a run: a synthetic site is no git repository, and without a commit to take
#: its date from, a build would date its feed by the clock, and no two builds would write the same feed.
_EPOCH = os.environ.get("SOURCE_DATE_EPOCH") or str(int(time.time()))


def mkdocs_environment(project: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks"), "SOURCE_DATE_EPOCH": _EPOCH,
            **extra}


def build_command(config_file: str, site_dir: Path, python: str = sys.executable) -> list[str]:
    return [python, "-m", "mkdocs", "build", "--strict", "--quiet", "--config-file", config_file,
            "--site-dir", str(site_dir)]


def _hooks_block(text: str) -> re.Match:
    match = _HOOKS.search(text)
    if match is None:
        raise ValueError("mkdocs.yml has no `hooks:` list")
    return match


def capture(project: Path, capture_dir: Path, site_dir: Path, python: str = sys.executable) -> None:
    """Build `project` with its hooks and the capture hooks; the Markdown they produce lands in `capture_dir`."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    match = _hooks_block(text)
    hooks = match.group().rstrip("\n") + f"\n  - {CAPTURE_HOOKS}\n"
    config = project / "mkdocs-capture.yml"
    config.write_text(text[: match.start()] + hooks + text[match.end():], encoding="utf-8")
    if capture_dir.exists():
        shutil.rmtree(capture_dir)
    result = subprocess.run(build_command(config.name, site_dir, python), cwd=project, capture_output=True,
                            text=True, env=mkdocs_environment(project, BENCH_CAPTURE_DIR=str(capture_dir)))
    config.unlink()
    if result.returncode != 0:
        raise RuntimeError(f"the capture build of {project} failed:\n{result.stderr}")
    changed = (capture_dir / "changed.txt").read_text(encoding="utf-8").split()
    if changed:
        raise RuntimeError(f"the hooks change the HTML of {', '.join(changed)} other than by appending to it: "
                           "the plain baseline cannot reproduce that")


def write_plain_site(project: Path, capture_dir: Path, destination: Path) -> None:
    """A project of plain files: the captured Markdown and nav, the other docs files, and no hooks."""
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(project / "docs", destination / "docs", ignore=shutil.ignore_patterns("*.md"))
    for name in THEME_FOLDERS:
        if (project / name).is_dir():
            shutil.copytree(project / name, destination / name)
    shutil.copytree(capture_dir / "docs", destination / "docs", dirs_exist_ok=True)
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    match = _hooks_block(text)
    text = text[: match.start()] + text[match.end():]
    text = _WATCH.sub("", text)
    nav = (capture_dir / "nav.yml").read_text(encoding="utf-8")
    if yaml.safe_load(nav)["nav"] is not None:
        text = text if text.endswith("\n") else text + "\n"
        nav_match = _NAV.search(text)
        text = text[: nav_match.start()] + nav + text[nav_match.end():] if nav_match else text + "\n" + nav
    (destination / "mkdocs.yml").write_text(text, encoding="utf-8")
