"""`make check`: every editor's mistake stops it with file, line and what to do, and no traceback.

The catalogue of mistakes runs in-process through the check's entry point (`check.main`), as
`make check` runs it; a few tests run `make check` itself.
"""

from __future__ import annotations

import os
import re

import pytest

from annotated_article.article import check
from annotated_article.article.loading import load_site
from conftest import PROJECT, copy_project_for_make, run_make, snapshot
from mistakes import ARTICLE_DATA, MISTAKES, Mistake

#: A problem's line. A file's name is shown with its invisible characters named (`<U+000A>`), which may hold `:`.
MESSAGE = re.compile(r"^(data|docs)/[^\s:][^\n]*?:\d+:\d+: .+[.?!]$")
SUMMARY = re.compile(r"^[\d,]+ problems? found in the data\. ")


@pytest.fixture
def project(tmp_path):
    return copy_project_for_make(tmp_path / "project")




def run_check(root, capsys, *options: str) -> tuple[int, str, str]:
    """`make check`'s program, in-process, on `root`'s data: its exit status, output and error output."""
    status = check.main(["--data", str(root / "data"), "--docs", str(root / "docs"), *options])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def problem_lines(stderr: str) -> list[str]:
    """The lines of `make check`'s report, without make's own closing line."""
    return [line for line in stderr.splitlines() if line and not line.startswith("make")]


@pytest.mark.build
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
def test_each_mistake_fails_the_check_with_file_line_and_fix(data_copy, capsys, mistake: Mistake):
    mistake.make(data_copy)
    data_before = snapshot(data_copy / "data") if mistake.action is None else None
    status, out, err = run_check(data_copy, capsys)
    assert status == 1
    lines = problem_lines(err)
    assert SUMMARY.match(lines[-1]), lines
    assert all(MESSAGE.match(line) for line in lines[:-1]), lines
    place = f"{mistake.file}:{mistake.line(data_copy)}:"
    assert any(line.startswith(place) and mistake.expected in line for line in lines), (place, lines)
    assert out == ""  # workflow annotations only on GitHub Actions
    assert data_before is None or snapshot(data_copy / "data") == data_before  # nothing rewrites the data


@pytest.mark.build
def test_a_mistake_fails_make_check_without_a_traceback(project):
    (mistake,) = [m for m in MISTAKES if m.name == "unknown-key"]
    mistake.make(project)
    result = run_make(project, "check")
    # The check exits with 1 for a data problem; make, with 2 for any recipe that fails, naming the recipe's status.
    assert result.returncode == 2 and result.stderr.rstrip().endswith("Error 1"), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = problem_lines(result.stderr)
    assert any(line.startswith(f"{mistake.file}:{mistake.line(project)}:") and mistake.expected in line
               for line in lines), lines
    missing = run_make(project, "check", variables={"BASE": "no-such-branch"})  # the check cannot say: 2, and 2
    assert missing.returncode == 2 and missing.stderr.rstrip().endswith("Error 2"), missing.stderr


@pytest.mark.build
def test_all_problems_are_reported_at_once_and_as_workflow_annotations(project):
    chosen = [m for m in MISTAKES if m.name in ("unknown-key", "invalid-date", "javascript-link", "missing-actor", "duplicate-id")]
    for mistake in chosen:
        mistake.make(project)
    result = run_make(project, "check", env={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    lines = problem_lines(result.stderr)
    assert lines[-1].startswith(f"{len(lines) - 1} problems found")
    annotations = result.stdout.splitlines()
    assert len(annotations) == len(lines) - 1
    for mistake in chosen:
        place = f"{mistake.file}:{mistake.line(project)}:"
        assert any(line.startswith(place) and mistake.expected in line for line in lines), (place, lines)
        pattern = (rf"::error file={re.escape(mistake.file)},line={mistake.line(project)},col=\d+,"
                   rf"title=Data problem::.*{re.escape(mistake.expected)}.*")
        assert any(re.fullmatch(pattern, line) for line in annotations), (pattern, annotations)


def test_workflow_annotations_escape_what_github_reads_as_syntax(data_copy, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    path = data_copy / "data" / ARTICLE_DATA
    path.write_text(path.read_text("utf-8").replace("\n    speaker: mark-rutte", "\n    speaker: mark-rutte\n    speaker%0A: x", 1),
                    "utf-8")
    _, out, _ = run_check(data_copy, capsys)
    (annotation,) = [line for line in out.splitlines() if line.startswith("::error")]
    assert "unknown key `speaker%250A`" in annotation


def test_every_message_is_explained_in_contributing():
    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = sorted({m.explained for m in MISTAKES if m.explained not in guide})
    assert missing == []


def test_the_catalogue_has_each_mistake_once():
    names = [m.name for m in MISTAKES]
    assert len(names) == len(set(names))
    edits = [(m.file, m.old, m.new) for m in MISTAKES if m.action is None]
    assert len(edits) == len(set(edits))


def _entries(count: int, entry: str) -> str:
    return "".join(entry.format(n=n) for n in range(count))


#: Files of up to the size cap that cost the most to check: many values, many problems of one kind.
COSTLY_FILES = {
    "empty mappings to the size cap": "[" + ",".join(["{}"] * 330_000) + "]\n",
    "empty mappings under the value cap": "[" + ",".join(["{}"] * 99_000) + "]\n",
    "dangling references": _entries(10_000, "- id: p{n}\n  name: Person {n}\n  role: Role\n  actor: natoo{n}\n"),
    "repeated keys": "- id: a\n" + "  name: b\n" * 49_000,
    "escaped control characters": _entries(14_000, '- id: p{n}\n  name: "a\\x08"\n  role: r\n'),
    "tabs": "- id: a\n" + "\tname: b\n" * 110_000,
}


@pytest.mark.build  # a process per file, a second or so each
@pytest.mark.parametrize("content", COSTLY_FILES.values(), ids=COSTLY_FILES)
def test_a_costly_file_is_checked_within_200_mb_and_lists_at_most_50_problems(data_copy, content):
    import resource
    import subprocess
    import sys

    assert len(content.encode()) <= 1_000_000
    (data_copy / "data" / "people.yml").write_text(content, encoding="utf-8")
    limit = 200 * 1024 * 1024
    result = subprocess.run(
        [sys.executable, "-m", "annotated_article.article.check", "--data", "data", "--docs", "docs"], cwd=data_copy,
        capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(PROJECT / "hooks")},
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
    assert result.returncode == 1, result.stderr[-2000:]
    lines = problem_lines(result.stderr)
    assert "Traceback" not in result.stderr and all(MESSAGE.match(line) for line in lines[:-1]), lines[-5:]
    listed = [line for line in lines if line.startswith("data/people.yml:")]
    assert len(listed) <= 51
    if len(listed) == 51:
        assert "more problems from here on, not listed" in listed[-1]


def test_a_failure_of_the_check_itself_exits_with_2_not_as_a_data_problem(data_copy, capsys, monkeypatch):
    def broken(data_dir, docs_dir, **options):
        raise RuntimeError("a bug")

    monkeypatch.setattr(check, "load_site", broken)
    status, out, err = run_check(data_copy, capsys)
    assert status == 2
    assert "RuntimeError: a bug" in err and err.rstrip().endswith("this is not a problem in the data.")


def test_a_value_with_a_line_break_cannot_start_a_line_of_the_messages(data_copy, capsys):
    """CI reads `::error`, `::add-mask::` and other commands at the start of a line of a job's output."""
    path = data_copy / "data" / "actors.yml"
    text = path.read_text("utf-8")
    forged = '"Japan\\n::error file=README.md,line=1::Forged"'
    path.write_text(text.replace("names: [Russia,", f"names: [{forged}, Russia,", 1)
                    .replace("names: [North Korea,", f"names: [{forged}, North Korea,", 1), "utf-8")
    code, out, err = run_check(data_copy, capsys)
    assert code == 1 and "Forged" in err
    assert not [line for line in (out + err).splitlines() if line.startswith("::")]


def test_a_file_name_with_a_line_break_cannot_start_a_line_of_the_messages(data_copy, capsys):
    """A pull request can add a file whose name holds a line break: the name is shown, on the message's line."""
    (data_copy / "data" / "articles" / "x\n::error file=README.md,line=1::Forged.yml").write_text("[unclosed\n", "utf-8")
    code, out, err = run_check(data_copy, capsys)
    assert code == 1 and "Forged" in err and "<U+000A>" in err
    assert not [line for line in (out + err).splitlines() if line.startswith("::")]
