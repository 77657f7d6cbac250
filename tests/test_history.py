"""When a file last changed, from a real git repository: committed changes have their commit's date, others none."""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

from annotated_article.data.history import last_commits


def git(folder: Path, *arguments: str, when: str = "") -> str:
    environment = {**os.environ, "GIT_AUTHOR_NAME": "Ed", "GIT_AUTHOR_EMAIL": "ed@example.org",
                   "GIT_COMMITTER_NAME": "Ed", "GIT_COMMITTER_EMAIL": "ed@example.org"}
    if when:
        environment.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", *arguments], cwd=folder, env=environment, capture_output=True, text=True,
                          check=True).stdout


def commit(folder: Path, files: dict[str, str], when: str, message: str = "change") -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    git(folder, "add", "--", *files)
    git(folder, "commit", "-q", "-m", message, when=when)


def moment(text: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(text)


def repository(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    commit(folder, {"docs/a.md": "A", "data/a.yml": "a", "docs/b.md": "B"}, "2024-01-01T10:00:00+00:00")
    commit(folder, {"docs/a.md": "A, edited"}, "2024-02-01T10:00:00+01:00")
    return folder


def test_a_committed_file_has_the_date_of_the_last_commit_that_changed_it(tmp_path):
    folder = repository(tmp_path)
    assert last_commits(folder, ["docs/a.md", "data/a.yml", "docs/b.md"]) == {
        "docs/a.md": moment("2024-02-01T10:00:00+01:00"), "data/a.yml": moment("2024-01-01T10:00:00+00:00"),
        "docs/b.md": moment("2024-01-01T10:00:00+00:00")}


def test_a_file_with_changes_not_committed_or_not_tracked_has_none(tmp_path):
    folder = repository(tmp_path)
    (folder / "docs/b.md").write_text("B, not committed", encoding="utf-8")
    (folder / "docs/c.md").write_text("C, new", encoding="utf-8")
    git(folder, "add", "docs/a.md")  # staged with no change: still as committed
    assert last_commits(folder, ["docs/a.md", "docs/b.md", "docs/c.md", "docs/none.md"]) == {
        "docs/a.md": moment("2024-02-01T10:00:00+01:00")}


def test_a_change_merged_into_the_branch_has_the_date_of_the_merge(tmp_path):
    folder = repository(tmp_path)
    git(folder, "checkout", "-q", "-b", "edit")
    commit(folder, {"data/a.yml": "a, edited"}, "2024-03-01T10:00:00+00:00")
    git(folder, "checkout", "-q", "main")
    commit(folder, {"docs/b.md": "B, edited"}, "2024-03-02T10:00:00+00:00")
    git(folder, "merge", "-q", "--no-ff", "-m", "merge", "edit", when="2024-03-05T10:00:00+00:00")
    found = last_commits(folder, ["data/a.yml", "docs/b.md"])
    assert found == {"data/a.yml": moment("2024-03-05T10:00:00+00:00"), "docs/b.md": moment("2024-03-02T10:00:00+00:00")}


def test_paths_are_taken_literally(tmp_path):
    folder = repository(tmp_path)
    assert last_commits(folder, ["docs/*.md", ":(glob)docs/*"]) == {}


def test_outside_git_or_in_a_shallow_clone_no_file_has_a_date(tmp_path):
    outside = tmp_path / "outside"
    (outside / "docs").mkdir(parents=True)
    (outside / "docs/a.md").write_text("A", encoding="utf-8")
    assert last_commits(outside, ["docs/a.md"]) == {}
    folder = repository(tmp_path)
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{folder}", str(shallow))
    assert last_commits(shallow, ["docs/a.md", "docs/b.md"]) == {}  # its history is cut: b.md's date is not known
