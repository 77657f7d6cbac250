"""Data crafted to cost the build the most, each case checked and built with a time limit.

    python benchmarks/costly_data.py [--project DIR] [--limit SECONDS] [--cases NAME ...]

Each case is a copy of the project (`--project`, by default this one) with one edit of its data, of the
kinds that once stalled a build whose check passed: an actor with thousands of relations, a missing quote
compared with every passage of a crafted article, `prefix` and `suffix` over a text that repeats one word,
hundreds of annotations in one paragraph, more entries or featured actors than the build can make pages or
navigation for in a minute, and, beside them, the synthetic site of benchmarks/synthetic.py at about 1 MB
of data. For each: the data's size, then `make check`'s command and `mkdocs build --strict`, each in a
fresh process, with its wall-clock time and how it ended (built, refused with messages, a traceback, or
stopped at the limit). The table is printed as Markdown. A data set of up to 1 MB must build in under a
minute or be refused, with a message, as fast.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
ARTICLE_HEADER = "# yaml-language-server: $schema=../schemas/article.schema.json\n"
PROVENANCE = "publisher_note: crafted for the benchmark\ndate_note: none\nrights_note: none\n"
#: Words of the crafted articles: few, so that every passage looks alike to a quick comparison.
VOCABULARY = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()


def add_article(project: Path, slug: str, markdown: str, annotations: str) -> None:
    (project / "docs" / "articles" / f"{slug}.md").write_text(markdown, encoding="utf-8")
    (project / "data" / "articles" / f"{slug}.yml").write_text(
        f"{ARTICLE_HEADER}article: articles/{slug}.md\n{PROVENANCE}annotations:\n{annotations}", encoding="utf-8")


def annotation(id_: str, exact: str, extra: str = "") -> str:
    return (f"  - id: {id_}\n    exact: {exact}\n{extra}    attributed_to: the benchmark\n    kind: report\n"
            "    source_seen: not-found\n    wording: not-checked\n")


def relations(count: int) -> Callable[[Path], None]:
    """One actor with `count` relations to the others (about 80 bytes each)."""
    def edit(project: Path) -> None:
        path = project / "data" / "actors.yml"
        text = path.read_text(encoding="utf-8")
        ids = [line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("- id: ")]
        extra = "".join(f"    - to: {ids[1 + n % (len(ids) - 1)]}\n      relation: relation {n} of the benchmark\n"
                        "      background: true\n"
                        for n in range(count))
        path.write_text(text.replace("  relations:\n", "  relations:\n" + extra, 1), encoding="utf-8")
    return edit


def missing_quote(article_words: int, quote_words: int) -> Callable[[Path], None]:
    """An article of `article_words` words of the vocabulary in one paragraph, and a quote of `quote_words` of them
    in another order, which is nowhere in it: the closest passage is looked for."""
    def edit(project: Path) -> None:
        rng = random.Random(article_words * 1000 + quote_words)
        text = " ".join(rng.choice(VOCABULARY) for _ in range(article_words))
        quote = " ".join(rng.choice(VOCABULARY) for _ in range(quote_words))
        add_article(project, "crafted", f"# A crafted article\n\n{text}\n", annotation("missing", quote))
    return edit


def repeated_word(size: int, annotations: int) -> Callable[[Path], None]:
    """`size` bytes of `a a a …`, and annotations of `a a` told apart by a `prefix` or `suffix` that is not there."""
    def edit(project: Path) -> None:
        body = "a " * (size // 2)
        add_article(project, "repeated", f"# A repeated word\n\n{body.strip()}\n", "".join(
            annotation(f"repeated-{n}", "a a", "    prefix: b\n" if n % 2 else "    suffix: b\n")
            for n in range(annotations)))
    return edit


def one_paragraph(words: int, annotations: int) -> Callable[[Path], None]:
    """One paragraph of `words` numbered words, and `annotations` quotes of distinct words of it."""
    def edit(project: Path) -> None:
        text = " ".join(f"w{n}" for n in range(words))
        step = max(1, words // annotations)
        add_article(project, "paragraph", f"# One paragraph\n\n{text}\n", "".join(
            annotation(f"word-{n}", f"w{n * step} w{n * step + 1}") for n in range(annotations)))
    return edit


def many_people(count: int) -> Callable[[Path], None]:
    """`count` people more in data/people.yml, each a page of its own (14,000 stay under the values a file may
    hold)."""
    def edit(project: Path) -> None:
        with open(project / "data" / "people.yml", "a", encoding="utf-8") as file:
            file.writelines(f"- id: p{n}\n  name: Person {n}\n  role: r\n" for n in range(count))
    return edit


def featured(count: int) -> Callable[[Path], None]:
    """`count` featured actors: Material puts every one in the navigation of every page."""
    def edit(project: Path) -> None:
        with open(project / "data" / "actors.yml", "a", encoding="utf-8") as file:
            file.writelines(f"- id: a{n}\n  name: Actor {n}\n  kind: country\n  featured: true\n  description: d\n"
                            for n in range(count))
    return edit


CASES: dict[str, Callable[[Path], None]] = {
    "an actor with 1,500 relations": relations(1500),
    "an actor with 3,000 relations": relations(3000),
    "a 100-word quote missing from a 1,000-word article": missing_quote(1000, 100),
    "a 300-word quote missing from a 27 KB article": missing_quote(4500, 300),
    "prefix and suffix over 400 KB of `a a a`, 4 annotations": repeated_word(400_000, 4),
    "2,000 annotations in one paragraph of 20,000 words": one_paragraph(20_000, 2_000),
    "14,000 people (a page each)": many_people(14_000),
    "3,960 people: 3,993 pages, at the limit": many_people(3_960),
    "1,000 featured actors": featured(1000),
}


def data_size(project: Path) -> int:
    return sum(path.stat().st_size for folder in ("data", "docs/articles") for path in (project / folder).rglob("*")
               if path.is_file() and "schemas" not in path.parts)


def run(command: list[str], project: Path, limit: float) -> tuple[float, str]:
    """Wall-clock seconds and how the command ended: built, refused, traceback or stopped at the limit."""
    environment = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    started = time.monotonic()
    try:
        result = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=limit)
    except subprocess.TimeoutExpired:
        return limit, f"stopped after {limit:.0f} s"
    took = time.monotonic() - started
    output = result.stdout + result.stderr
    if "Traceback" in output:
        return took, "traceback: " + output.strip().splitlines()[-1][:100]
    if result.returncode == 0:
        return took, "passed"
    problem = next((line for line in output.splitlines() if line.startswith(("data/", "docs/"))), "")
    return took, f"refused: {problem[:140]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--project", type=Path, default=PROJECT, help="the project to copy (default: this one)")
    parser.add_argument("--limit", type=float, default=300, help="seconds before a command is stopped (default 300)")
    parser.add_argument("--cases", nargs="+", help="names (or words of the names) of the cases to run")
    parser.add_argument("--synthetic", type=int, default=36, help="scale of the synthetic site (36: about 1 MB)")
    arguments = parser.parse_args(argv)
    cases = {name: edit for name, edit in CASES.items()
             if not arguments.cases or any(word in name for word in arguments.cases)}
    print("| case | data | check | outcome | build | outcome |\n| --- | --- | --- | --- | --- | --- |", flush=True)
    with tempfile.TemporaryDirectory() as work:
        jobs: list[tuple[str, Callable[[Path], None] | None]] = list(cases.items())
        if not arguments.cases or any(word in "synthetic" for word in arguments.cases):
            jobs.append((f"the synthetic site at {arguments.synthetic}x", None))
        for number, (name, edit) in enumerate(jobs):
            project = Path(work) / f"case-{number}"
            synthetic.generate(project, arguments.synthetic if edit is None else 1, arguments.project)
            if edit is not None:
                edit(project)
            check = run([sys.executable, "-m", "annotated_article.article.check"], project, arguments.limit)
            build = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
                        project, arguments.limit)
            print(f"| {name} | {data_size(project) / 1e6:.2f} MB | {check[0]:.1f} s | {check[1]} | {build[0]:.1f} s | "
                  f"{build[1]} |", flush=True)
            shutil.rmtree(project)
    return 0


if __name__ == "__main__":
    sys.exit(main())
