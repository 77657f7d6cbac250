"""`make check`: every editor's mistake stops it with file, line and what to do, and no traceback."""

from __future__ import annotations

import re

import pytest

from annotated_article.site_data import load_site
from conftest import PROJECT, copy_project_for_make, run_make, snapshot
from mistakes import ARTICLE_DATA, MISTAKES, Mistake

pytestmark = pytest.mark.build

MESSAGE = re.compile(r"^data/[\w./-]+\.yml:\d+:\d+: .+[.?!]$")
SUMMARY = re.compile(r"^\d+ problems? found in the data\. ")


@pytest.fixture
def project(tmp_path):
    return copy_project_for_make(tmp_path / "project")


def problem_lines(result) -> list[str]:
    """The lines of `make check`'s report, without make's own closing line."""
    return [line for line in result.stderr.splitlines() if line and not line.startswith("make")]


def test_check_passes_on_the_real_data(project):
    result = run_make(project, "check")
    assert result.returncode == 0, result.stderr
    site = load_site(PROJECT / "data", PROJECT / "docs")
    annotations = sum(len(article.annotations) for article in site.articles.values())
    assert result.stdout == (f"data/ has no problems: {len(site.actors)} actors, {len(site.people)} people, "
                             f"{len(site.sources)} sources, {len(site.articles)} article(s) with {annotations} "
                             "annotations.\n")
    assert len(site.actors) >= 9 and annotations >= 13
    assert result.stderr == ""


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.name for m in MISTAKES])
def test_each_mistake_fails_make_check_with_file_line_and_fix(project, mistake: Mistake):
    mistake.make(project)
    data_before = snapshot(project / "data")
    result = run_make(project, "check")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    lines = problem_lines(result)
    assert SUMMARY.match(lines[-1]), lines
    assert all(MESSAGE.match(line) for line in lines[:-1]), lines
    place = f"data/{mistake.file}:{mistake.line(project)}:"
    assert any(line.startswith(place) and mistake.expected in line for line in lines), (place, lines)
    assert "::error" not in result.stdout  # workflow annotations only on GitHub Actions
    assert snapshot(project / "data") == data_before  # nothing rewrites the data


def test_all_problems_are_reported_at_once_and_as_workflow_annotations(project):
    chosen = [m for m in MISTAKES if m.name in ("unknown-key", "invalid-date", "javascript-link", "missing-actor", "duplicate-id")]
    for mistake in chosen:
        mistake.make(project)
    result = run_make(project, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    lines = problem_lines(result)
    assert lines[-1].startswith(f"{len(lines) - 1} problems found")
    annotations = result.stdout.splitlines()
    assert len(annotations) == len(lines) - 1
    for mistake in chosen:
        place = f"data/{mistake.file}:{mistake.line(project)}:"
        assert any(line.startswith(place) and mistake.expected in line for line in lines), (place, lines)
        pattern = (rf"::error file=data/{re.escape(mistake.file)},line={mistake.line(project)},col=\d+,"
                   rf"title=Data problem::.*{re.escape(mistake.expected)}.*")
        assert any(re.fullmatch(pattern, line) for line in annotations), (pattern, annotations)


def test_workflow_annotations_escape_what_github_reads_as_syntax(project):
    (project / "data" / ARTICLE_DATA).write_text(
        (project / "data" / ARTICLE_DATA).read_text("utf-8").replace(
            "    speaker: mark-rutte", "    speaker: mark-rutte\n    speaker%0A: x", 1), "utf-8")
    result = run_make(project, "check", env={"GITHUB_ACTIONS": "true"})
    (annotation,) = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert "unknown key `speaker%250A`" in annotation


def test_every_message_is_explained_in_contributing():
    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = sorted({m.explained for m in MISTAKES if m.explained not in guide})
    assert missing == []
