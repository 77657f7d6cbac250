"""Fuzzing the check: random damage to the real data files never ends in a traceback.

Each round damages a copy of one real data file (lines deleted, duplicated or re-indented,
characters swapped or inserted, the file cut short) or makes two mistakes of the catalogue at
once, then runs the check's entry point in-process, as `make check` does. It must exit with 0, or
with 1 and only `FILE:LINE:COLUMN: message.` lines. Rounds run for about FUZZ_SECONDS (30 by
default) from a fixed seed (FUZZ_SEED), so a failure names the round that reproduces it.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import time

import pytest

from annotated_article.article import check
from conftest import PROJECT
from mistakes import MISTAKES

SEED = int(os.environ.get("FUZZ_SEED", "20241101"))
SECONDS = float(os.environ.get("FUZZ_SECONDS", "30"))
#: A problem's line. A file's name is shown with its invisible characters named (`<U+000A>`), which may hold `:`.
MESSAGE = re.compile(r"^(data|docs)/[^\s:][^\n]*?:\d+:\d+: .+[.?!]$")
SUMMARY = re.compile(r"^[\d,]+ problems? found in the data\. ")
#: Characters that mean something to YAML, or that editors paste by mistake.
INSERTED = [":", ": ", "-", "- ", "[", "]", "{", "}", "&a ", "*a", "!", "!!str ", "#", "'", '"', "\t", "|", ">",
            "\\", "%", "@", "`", "\x00", "\x1b", "\u202e", "\u200b", "\ufeff", "é", "\r", "\n", "  ", "? ", "<<: "]


def lines_deleted(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    start = rng.randrange(len(lines))
    del lines[start:start + rng.choice([1, 1, 2, 5])]
    return "".join(lines)


def block_duplicated(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    start = rng.randrange(len(lines))
    block = lines[start:start + rng.randint(1, 12)]
    at = rng.randrange(len(lines) + 1)
    return "".join(lines[:at] + block + lines[at:])


def reindented(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    number = rng.randrange(len(lines))
    lines[number] = rng.choice(["", " ", "   ", "    "]) + lines[number].lstrip(" ")
    return "".join(lines)


def characters_swapped(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) - 1)
    return text[:at] + text[at + 1] + text[at] + text[at + 2:]


def character_inserted(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text))
    return text[:at] + rng.choice(INSERTED) + text[at:]


def cut_short(text: str, rng: random.Random) -> str:
    return text[:rng.randrange(len(text))]


MUTATIONS = [lines_deleted, block_duplicated, reindented, characters_swapped, character_inserted, cut_short]


@pytest.mark.build  # about 30 s: not for the inner loop
def test_random_damage_to_the_data_never_ends_in_a_traceback(tmp_path, capsys):
    for name in ("data", "docs"):
        shutil.copytree(PROJECT / name, tmp_path / "pristine" / name)
    shutil.copy2(PROJECT / "mkdocs.yml", tmp_path / "pristine" / "mkdocs.yml")
    files = sorted(path.relative_to(tmp_path / "pristine").as_posix()
                   for path in (tmp_path / "pristine" / "data").rglob("*.yml"))
    assert len(files) >= 4
    rng, rounds, outcomes = random.Random(SEED), 0, {0: 0, 1: 0}
    deadline = time.monotonic() + SECONDS
    while time.monotonic() < deadline:
        project = tmp_path / "project"
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(tmp_path / "pristine", project)
        if rng.random() < 0.2:
            for mistake in sorted(rng.sample(MISTAKES, 2), key=lambda m: m.action is not None):
                try:
                    mistake.make(project)
                except (AssertionError, FileExistsError, FileNotFoundError):
                    pass  # the first mistake changed what the second edits (links are made last)
            what = "two mistakes of the catalogue"
        else:
            name, mutation = rng.choice(files), rng.choice(MUTATIONS)
            path = project / name
            path.write_text(mutation(path.read_text(encoding="utf-8"), rng), encoding="utf-8", newline="")
            what = f"{mutation.__name__} in {name}"
        where = f"round {rounds} of FUZZ_SEED={SEED}: {what}"
        status = check.main(["--data", str(project / "data"), "--docs", str(project / "docs")])
        out, err = capsys.readouterr()
        lines = err.splitlines()
        assert status in (0, 1) and "Traceback" not in err, (where, err[-3000:])
        if status == 1:
            assert lines and SUMMARY.match(lines[-1]), (where, lines[-3:])
            assert all(MESSAGE.match(line) for line in lines[:-1]), (where, [line for line in lines if not MESSAGE.match(line)])
        else:
            assert out.startswith(f"{project / 'data'}/ has no problems") or "has no problems" in out, (where, out)
        outcomes[status] += 1
        rounds += 1
    assert rounds >= 50 and outcomes[1] >= rounds // 2, (rounds, outcomes)
