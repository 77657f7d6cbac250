"""`make serve` renders again only what a data edit touches, and what it serves is the site a full build makes.

A server runs on a copy of the project; each edit is saved as an editor saves, and once the server has
rebuilt, every file it serves is compared, byte for byte, with a full `mkdocs build` of the same files
(search index, open data, sitemap and 404 page included). The one difference allowed is the one the
published edition has by design: its Content Security Policy `<meta>`, which a served page leaves out for the
server's live-reload script, is taken out of the full build's pages before comparing; and select-to-annotate,
which only a served site has (its script, stylesheet and data files, and the two tags at the end of an
article's head), is taken out of the served files. Nothing else.
Byte-equal rather than parsed-equal: a rebuilt page that differs in any byte (an attribute's order, a
whitespace, a search entry's place) is a page a reader of the served site would not see after a full build.
"""

from __future__ import annotations

import os
import queue
import re
import time
from pathlib import Path

import pytest
import yaml

from annotated_article.site import annotate_selection, incremental
from conftest import copy_project_for_make, run_mkdocs_build
from test_serve import Server, free_port

pytestmark = pytest.mark.build

EPOCH = "1733011200"  # 2024-12-01: the build date and the feed's time, the same in both builds
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')
_ANNOTATE_TAGS = re.compile(r'<link rel="stylesheet" href="[^"]*' + re.escape(annotate_selection.STYLE)
                            + r'"><script src="[^"]*' + re.escape(annotate_selection.SCRIPT) + r'" [^>]*></script>')
SERVED_ONLY = (annotate_selection.SCRIPT, annotate_selection.STYLE, annotate_selection.DATA_FOLDER)


def served_folder(temporary: Path) -> Path:
    """The folder `mkdocs serve` builds into (it makes one under TMPDIR)."""
    (folder,) = [p for p in temporary.iterdir() if p.name.startswith("mkdocs_") and p.is_dir()]
    return folder


def files_of(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def mtimes(folder: Path) -> dict[str, int]:
    return {name: path.stat().st_mtime_ns for name, path in files_of(folder).items()}


def wait_for_rebuild(server: Server) -> None:
    """Until the server has rebuilt after a save, and no other rebuild follows within two seconds (a save may
    reach the watcher as two events)."""
    server.wait_for("Reloading browsers")
    while True:
        try:
            line = server._queue.get(timeout=2)
        except queue.Empty:
            return
        if line is None:
            pytest.fail("the server stopped:\n" + "\n".join(server.lines))
        server.lines.append(line)
        if "Building documentation" in line:
            server.wait_for("Reloading browsers")


def assert_same_as_full_build(project: Path, served: Path, site_url: str, tmp_path: Path, step: str) -> None:
    reference = tmp_path / f"full-{step}"
    result = run_mkdocs_build(project, reference, env={"SITE_URL": site_url, "SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    full = files_of(reference)
    rebuilt = {name: path for name, path in files_of(served).items() if not name.startswith(SERVED_ONLY)}
    assert sorted(rebuilt) == sorted(full), (step, set(rebuilt) ^ set(full))
    different = []
    for name, path in full.items():
        expected = path.read_bytes()
        if name.endswith(".html"):
            expected = _POLICY.sub("", expected.decode("utf-8"), count=1).encode("utf-8")
        served_bytes = rebuilt[name].read_bytes()
        if name.endswith(".html"):
            served_bytes = _ANNOTATE_TAGS.sub("", served_bytes.decode("utf-8"), count=1).encode("utf-8")
        if served_bytes != expected:
            different.append(name)
    assert not different, f"after {step}, served files differ from a full build: {different}"


def append_to_value(path: Path, owner_line: re.Pattern, key: str, words: str) -> str:
    """Append `words` to the value of `key` in the first YAML entry whose line matches `owner_line` (a plain or
    folded scalar); returns the new text of the file, saved in one step."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if owner_line.search(line))
    at = next(i for i in range(start, len(lines)) if re.match(rf"\s*(- )?{key}:", lines[i]))
    if lines[at].rstrip().endswith((">-", ">", "|", "|-")):
        at += 1
    assert not lines[at].rstrip().endswith(("'", '"')), lines[at]
    lines[at] = lines[at].rstrip("\n") + f" {words}\n"
    text = "".join(lines)
    save(path, text)
    return text


def save(path: Path, text: str) -> None:
    temporary = path.with_suffix(".saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_data_edits_under_serve_rebuild_what_they_touch_and_give_the_full_build(tmp_path):
    project = copy_project_for_make(tmp_path / "project")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    data = project / "data"
    actors = yaml.safe_load((data / "actors.yml").read_text(encoding="utf-8"))
    people = yaml.safe_load((data / "people.yml").read_text(encoding="utf-8"))
    article_file = sorted((data / "articles").glob("*.yml"))[0]
    article = yaml.safe_load(article_file.read_text(encoding="utf-8"))
    noted = next(a for a in article["annotations"] if a.get("note"))
    plain_actor = next(a for a in actors if not a.get("featured") and a.get("description"))
    featured = next(a for a in actors if a.get("featured"))
    person = next(p for p in people if p.get("role"))

    port = free_port()
    server = Server(project, port, env={"TMPDIR": str(temporary), "SOURCE_DATE_EPOCH": EPOCH})
    try:
        (serving,) = server.wait_for("Serving on http://127.0.0.1:")[-1:]
        site_url = re.search(r"Serving on (http://\S+/)", serving).group(1)
        served = served_folder(temporary)
        assert_same_as_full_build(project, served, site_url, tmp_path, "the first build")

        edits = [
            ("an annotation's note", False, lambda: append_to_value(
                article_file, re.compile(rf"id: {re.escape(noted['id'])}\s*$"), "note", "Noted again.")),
            ("an actor's description", False, lambda: append_to_value(
                data / "actors.yml", re.compile(rf"id: {re.escape(plain_actor['id'])}\s*$"), "description",
                "Described again.")),
            ("a person's role", False, lambda: append_to_value(
                data / "people.yml", re.compile(rf"id: {re.escape(person['id'])}\s*$"), "role", "and more")),
            ("a template", True, lambda: save(project / "overrides" / "404.html", (
                project / "overrides" / "404.html").read_text(encoding="utf-8") + "{# edited #}\n")),
            ("a featured actor's name", True, lambda: append_to_value(
                data / "actors.yml", re.compile(rf"id: {re.escape(featured['id'])}\s*$"), "name", "Renamed")),
            ("a page added", True, lambda: save(project / "docs" / "added-page.md", "# An added page\n\nIts text.\n")),
        ]
        for step, everything, edit in edits:
            before = mtimes(served)
            time.sleep(0.05)  # a file written again has a newer time than any of the last build's
            edit()
            wait_for_rebuild(server)
            after = mtimes(served)
            pages = [name for name in after if name.endswith(".html")]
            rewritten = [name for name in pages if before.get(name) != after[name]]
            assert rewritten, step
            if everything:
                assert sorted(rewritten) == sorted(pages), f"{step} must render every page again"
            else:
                assert len(rewritten) < len(pages), f"{step} rendered every page again: {len(pages)}"
            assert_same_as_full_build(project, served, site_url, tmp_path, step)
    finally:
        server.stop()
    assert not [line for line in server.lines if "Traceback" in line or "ERROR" in line or "Aborted" in line], \
        server.lines
    assert not [line for line in server.lines if incremental.DIRTY_WARNING in line], server.lines
