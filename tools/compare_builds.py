"""Prove that a change (a refactoring) changed no page: the site built from BASE and from the working tree, compared.

`python tools/compare_builds.py [--repo PATH] [BASE]` from the project folder with .venv's python, or `make compare
BASE=...`. BASE (default HEAD; a branch, tag or commit of the git repository PATH, default this project) is extracted
with `git archive`, and the working tree copied as it is (without .git, .venv, site*, dist, caches), into a temporary
folder: nothing in the project is written. Each is built in both editions (mkdocs.yml, mkdocs.offline.yml), as it is
and with the tests' second article added (tests/second_article.py, each tree's own fixture), with one environment: SOURCE_DATE_EPOCH = BASE's
commit time, a fixed SITE_URL, no OFFLINE_ZIP, PYTHONPATH = that tree's own hooks/ (no PYTHON* inherited).
The builds must hold the same files. HTML is compared parsed (tags, sorted attributes, text, comments, entities
resolved, JSON-LD as JSON): entity spelling and attribute order do not count. JSON as JSON, .xml.gz decompressed,
anything else as bytes. Each differing file is printed with its first difference.
Exit status: 0 all equal, 1 some file differs, 2 a build (or git) failed.
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.append(str(PROJECT / "tests"))  # tests/second_article.py: plain code, no pytest
from second_article import SECOND_ARTICLE, add_second_article  # type: ignore[import-not-found]  # noqa: E402

SITE_URL = "https://example.org/annotated-articles/"
EDITIONS = {"hosted": "mkdocs.yml", "offline": "mkdocs.offline.yml"}
PROJECTS = ("as is", "second article")
SIDES = ("BASE", "the working tree")
#: Left out of the working tree's copy: at its top, then at any depth.
SKIPPED_AT_TOP = (".git", ".venv", "site*", "dist")
SKIPPED_ANYWHERE = ("__pycache__", "*.pyc", ".pytest_cache", ".ruff_cache", ".mypy_cache", "node_modules")
CONTEXT = 40  # characters shown on each side of a difference
MAX_SHOWN = 20  # differing files printed in full; the rest are counted
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _Canonical(HTMLParser):
    """A page as a string of its parsed parts: the same string for the same parse, whatever the spelling."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # text arrives with its entities resolved, attributes always do
        self.parts: list[str] = []
        self.text: list[str] = []
        self.json_ld = False

    def flush(self) -> None:
        text, self.text = "".join(self.text), []
        if text and self.json_ld:
            try:
                text = json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, indent=1)
            except ValueError:
                pass
        if text:
            self.parts.append(html.escape(text, quote=False))

    def mark(self, part: str) -> None:
        self.flush()
        self.parts.append(part)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pairs = sorted((name, value or "") for name, value in attrs)
        self.mark(f"<{tag}" + "".join(f' {name}="{html.escape(value)}"' for name, value in pairs) + ">")
        self.json_ld = tag == "script" and ("type", "application/ld+json") in pairs

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:  # <br/> is <br>, but <path/> is <path></path>
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self.mark(f"</{tag}>")
        self.json_ld = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.mark(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.mark(f"<!{decl}>")

    def unknown_decl(self, data: str) -> None:
        self.mark(f"<![{data}]>")

    def handle_pi(self, data: str) -> None:
        self.mark(f"<?{data}>")


def canonical_html(text: str) -> str:
    """`text` as a string of its parsed parts: equal for two pages exactly when their parses are equal."""
    parser = _Canonical()
    parser.feed(text)
    parser.close()
    parser.flush()
    return "".join(parser.parts)


def text_difference(base: str, work: str) -> str | None:
    """Where two texts first differ, with CONTEXT characters on each side; None if they are equal."""
    if base == work:
        return None
    at = next((i for i, (a, b) in enumerate(zip(base, work)) if a != b), min(len(base), len(work)))

    def show(text: str) -> str:
        start, end = max(0, at - CONTEXT), at + CONTEXT
        return ("…" if start else "") + f"{text[start:at]}⟦{text[at:end]}⟧" + ("…" if end < len(text) else "")

    where = f"line {base.count(chr(10), 0, at) + 1}, character {at}"
    return f"at {where}:\n      BASE:    {show(base)!r}\n      working: {show(work)!r}"


def json_difference(base: Any, work: Any, path: str = "$") -> str | None:
    """The JSON path of the first difference between two parsed JSON values, and what differs there."""
    if type(base) is not type(work):
        return f"{path}: {json.dumps(base)[:CONTEXT]} in BASE, {json.dumps(work)[:CONTEXT]} in the working tree"
    if isinstance(base, dict):
        for key in sorted(set(base) | set(work)):
            step = f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"
            if key not in base or key not in work:
                return f"{step}: only in {'BASE' if key in base else 'the working tree'}"
            found = json_difference(base[key], work[key], step)
            if found:
                return found
        return None
    if isinstance(base, list):
        for index, (a, b) in enumerate(zip(base, work)):
            found = json_difference(a, b, f"{path}[{index}]")
            if found:
                return found
        return None if len(base) == len(work) else f"{path}: {len(base)} items in BASE, {len(work)} in the working tree"
    if base == work:
        return None
    if isinstance(base, str):
        return f"{path}: {text_difference(base, work)}"
    return f"{path}: {base!r} in BASE, {work!r} in the working tree"


def compare_contents(name: str, base: bytes, work: bytes) -> str | None:
    """How the file `name` of BASE's build first differs from the working tree's, or None if equal."""
    if base == work:
        return None
    if name.endswith(".xml.gz"):
        base, work, name = gzip.decompress(base), gzip.decompress(work), name.removesuffix(".gz")
    if name.endswith((".json", ".jsonld")):
        try:
            return json_difference(json.loads(base), json.loads(work))
        except ValueError:
            pass  # not JSON on one side: compared as text
    try:
        base_text, work_text = base.decode("utf-8"), work.decode("utf-8")
    except UnicodeDecodeError:
        at = next((i for i, (a, b) in enumerate(zip(base, work)) if a != b), min(len(base), len(work)))
        return f"bytes differ from byte {at} ({len(base)} bytes in BASE, {len(work)} in the working tree)"
    if name.endswith((".html", ".htm")):
        return text_difference(canonical_html(base_text), canonical_html(work_text))
    return text_difference(base_text, work_text)


def compare_trees(base: Path, work: Path) -> tuple[int, list[tuple[str, str]]]:
    """How many files the two builds hold between them, and each differing file with its first difference."""
    def files(folder: Path) -> set[str]:
        return {path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file()}

    in_base, in_work = files(base), files(work)
    differences = []
    for name in sorted(in_base | in_work):
        if name not in in_work or name not in in_base:
            found: str | None = f"only in {'BASE' if name in in_base else 'the working tree'}'s build"
        else:
            found = compare_contents(name, (base / name).read_bytes(), (work / name).read_bytes())
        if found:
            differences.append((name, found))
    return len(in_base | in_work), differences


def _skipped(folder: str, names: list[str]) -> set[str]:
    patterns = SKIPPED_ANYWHERE + (SKIPPED_AT_TOP if Path(folder) == PROJECT else ())
    return {name for name in names if any(fnmatch.fnmatch(name, pattern) for pattern in patterns)}


def git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True).stdout


def build(tree: Path, config: str, out: Path, epoch: int) -> tuple[subprocess.CompletedProcess, float]:
    """`mkdocs build --strict` of `tree` with `config` into `out`: the same environment for every tree."""
    environment = {key: value for key, value in os.environ.items()
                   if not key.startswith("PYTHON") and key not in ("OFFLINE_ZIP", "MAKEFLAGS", "GITHUB_ACTIONS")}
    environment.update(SOURCE_DATE_EPOCH=str(epoch), SITE_URL=SITE_URL, NO_MKDOCS_2_WARNING="1",
                       PYTHONPATH=str(tree / "hooks"), PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(out)],
                            cwd=tree, env=environment, capture_output=True, text=True, timeout=900)
    return result, time.monotonic() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("base", nargs="?", default="HEAD", help="a branch, tag or commit (default HEAD)")
    parser.add_argument("--repo", type=Path, default=PROJECT, help="the git repository BASE is in (default: this project)")
    args = parser.parse_args(argv)
    try:
        commit = git(args.repo, "rev-parse", "--verify", "--end-of-options", f"{args.base}^{{commit}}").decode().strip()
        epoch = int(git(args.repo, "log", "-1", "--format=%ct", commit))
        archive = git(args.repo, "archive", "--format=tar", commit)
    except (OSError, subprocess.CalledProcessError, ValueError) as failure:
        why = getattr(failure, "stderr", b"").decode(errors="replace").strip() or failure
        print(f"compare_builds: cannot read {args.base!r} in {args.repo}: {why}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as folder:
        temporary, jobs = Path(folder), []

        def site(project: str, edition: str, side: str) -> Path:
            return temporary / "out" / f"{project}, {edition}, {side}"

        for project in PROJECTS:
            for side in SIDES:
                tree = temporary / f"{project}, {side}"
                if side == "BASE":
                    tree.mkdir()
                    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
                else:
                    shutil.copytree(PROJECT, tree, ignore=_skipped, symlinks=True)
                if project == "second article":  # each tree's own fixture, written in its own data format
                    own = tree / "tests" / "fixtures" / "second-article"
                    add_second_article(tree, own if own.is_dir() else SECOND_ARTICLE)
                jobs += [(project, edition, side, tree) for edition in EDITIONS]
        print(f"compare_builds: BASE {args.base} ({commit[:12]}) against the working tree {PROJECT}: "
              f"{len(jobs)} builds, 2 at a time", file=sys.stderr)
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda job: build(job[3], EDITIONS[job[1]], site(*job[:3]), epoch), jobs))
        for (project, edition, side, _), (result, seconds) in zip(jobs, results):
            print(f"  built {project}, {edition} edition, {side}: {seconds:.1f} s"
                  + ("" if result.returncode == 0 else f", FAILED (exit {result.returncode})"), file=sys.stderr)
        failed = [(job, result) for job, (result, _) in zip(jobs, results) if result.returncode != 0]
        for (project, edition, side, _), result in failed:
            tail = "\n".join((result.stderr or result.stdout).splitlines()[-25:])
            print(f"compare_builds: the {edition} build of the project {project}, from {side}, failed:\n{tail}")
        if failed:
            print(f"compare_builds: {len(failed)} of {len(jobs)} builds failed")
            return 2
        total, differing = 0, 0
        for project in PROJECTS:
            for edition in EDITIONS:
                count, differences = compare_trees(site(project, edition, SIDES[0]), site(project, edition, SIDES[1]))
                for name, difference in differences[:max(0, MAX_SHOWN - differing)]:
                    print(f"{project}, {edition} edition: {name}: {difference}")
                total, differing = total + count, differing + len(differences)
        if differing > MAX_SHOWN:
            print(f"… and {differing - MAX_SHOWN} more differing files")
    print(f"compare_builds: {len(jobs) // 2} builds, {total} files, {differing} differ")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
