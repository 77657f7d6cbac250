"""Fuzzing the check: random damage to the real data files never ends in a traceback.

Each round damages a copy of one real data file (lines deleted, duplicated or re-indented,
characters swapped or inserted, the file cut short), makes an edit of the kinds that once cost the
build minutes or ended in a traceback (long texts in the fields, many annotations quoting the same
words, an actor's relations by the thousand, a link in a loop, a line break or an invisible
character in a file's name), or makes two mistakes of the catalogue at once, then runs the check's
entry point in-process, as `make check` does. It must exit with 0, or with 1 and only
`FILE:LINE:COLUMN: message.` lines, within ROUND_SECONDS of CPU. Rounds run for about FUZZ_SECONDS
(30 by default) from a fixed seed (FUZZ_SEED), so a failure names the round that reproduces it.
"""

from __future__ import annotations

import os
import random
import re
import resource
import shutil
import time
from pathlib import Path

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

#: A value of a field (`key: value`, in a list or not), whose value is on its line.
_FIELD = re.compile(r"^(\s*(?:- )?[a-z_]+: )(\S.*)$", re.MULTILINE)
#: Most CPU one round may take: a check that takes longer has found a cost that grows faster than the data.
ROUND_SECONDS = 15


def long_texts(project: Path, rng: random.Random) -> str:
    """Values of one data file made long: one field, or every field at once."""
    path = rng.choice(sorted((project / "data").rglob("*.yml")))
    text = path.read_text(encoding="utf-8")
    fields = list(_FIELD.finditer(text))
    chosen = fields if rng.random() < 0.3 else [rng.choice(fields)]
    length = rng.choice([300, 3_000, 30_000]) // max(1, len(chosen) // 20)
    filler = rng.choice(["word ", "a", "Korea ", "x-", "“a” "])
    for match in reversed(chosen):
        value = (filler * (length // len(filler) + 1))[:length].strip() or "x"
        text = text[:match.start(2)] + f'"{value}"' + text[match.end(2):]
    path.write_text(text, encoding="utf-8")
    return f"{len(chosen)} long value(s) in {path.relative_to(project).as_posix()}"


def repeated_quotes(project: Path, rng: random.Random) -> str:
    """Many more annotations quoting the words of one annotation (each nests in the one before)."""
    path = rng.choice(sorted((project / "data" / "articles").glob("*.yml")))
    text = path.read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=  - id: )", text.split("\nannotations:\n", 1)[1])
    block = rng.choice([b for b in blocks if b.startswith("  - id: ")])
    count = rng.choice([20, 100, 600])
    copies = "".join(re.sub(r"^  - id: (\S+)", rf"  - id: \1-{n}", block, count=1) for n in range(count))
    path.write_text(text.rstrip("\n") + "\n" + copies, encoding="utf-8")
    return f"{count} copies of an annotation in {path.name}"


def relations_at_scale(project: Path, rng: random.Random) -> str:
    path = project / "data" / "actors.yml"
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r"(?m)^- id: (\S+)$", text)
    count = rng.choice([200, 1_500, 4_000])
    relations = "".join(f"    - to: {rng.choice(ids)}\n      relation: relation {n}\n" for n in range(count))
    path.write_text(text.replace("  relations:\n", "  relations:\n" + relations, 1), encoding="utf-8")
    return f"{count} relations more for one actor"


def link_in_a_loop(project: Path, rng: random.Random) -> str:
    folder = project / rng.choice(["docs", "docs/articles", "data", "data/articles"])
    target = rng.choice([".", "..", "../..", "loop-b", "../.git", "/"])
    (folder / "loop-a").symlink_to(target)
    if target == "loop-b":
        (folder / "loop-b").symlink_to("loop-a")
    return f"{folder.relative_to(project).as_posix()}/loop-a -> {target}"


def odd_name(project: Path, rng: random.Random) -> str:
    folder = project / rng.choice(["docs", "docs/articles", "data/articles", "data/addresses"])
    name = rng.choice(["nl\n::warning title=INJECTED::x\nx", "cr\rx", "tab\tx", "bidi\u202ex", "zw\u200bx",
                       "nul-free\x1b[31mred"]) + rng.choice([".md", ".yml", ""])
    path = folder / name
    if rng.random() < 0.3:
        path.mkdir()
    else:
        path.write_text("# A page\n" if name.endswith(".md") else "article: articles/x.md\n", encoding="utf-8")
    return f"a file named {name!r} in {folder.relative_to(project).as_posix()}"


PROJECT_MUTATIONS = [long_texts, repeated_quotes, relations_at_scale, link_in_a_loop, odd_name]


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


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
        elif rng.random() < 0.3:
            change = rng.choice(PROJECT_MUTATIONS)
            what = f"{change.__name__}: {change(project, rng)}"
        else:
            name, mutation = rng.choice(files), rng.choice(MUTATIONS)
            path = project / name
            path.write_text(mutation(path.read_text(encoding="utf-8"), rng), encoding="utf-8", newline="")
            what = f"{mutation.__name__} in {name}"
        where = f"round {rounds} of FUZZ_SEED={SEED}: {what}"
        started = cpu()
        status = check.main(["--data", str(project / "data"), "--docs", str(project / "docs")])
        took = cpu() - started
        out, err = capsys.readouterr()
        lines = err.splitlines()
        assert status in (0, 1) and "Traceback" not in err, (where, err[-3000:])
        assert took < ROUND_SECONDS, (where, f"{took:.1f} s of CPU")
        if status == 1:
            assert lines and SUMMARY.match(lines[-1]), (where, lines[-3:])
            assert all(MESSAGE.match(line) for line in lines[:-1]), (where, [line for line in lines if not MESSAGE.match(line)])
        else:
            assert out.startswith(f"{project / 'data'}/ has no problems") or "has no problems" in out, (where, out)
        outcomes[status] += 1
        rounds += 1
    assert rounds >= 50 and outcomes[1] >= rounds // 2, (rounds, outcomes)
