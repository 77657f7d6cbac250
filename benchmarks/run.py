"""`make bench`: what the site costs at 1x, 10x, 30x and 100x the seed's size, against MkDocs alone.

    python benchmarks/run.py [--scales 1 10 30 100] [--runs 5] [--large-runs 2] [--edits 3] [--large-edits 1]
                             [--results benchmarks/results.json] [--report benchmarks/REPORT.md]
                             [--profile DIR] [--project DIR [--commit NAME]] [--keep DIR]

For each scale: generate the synthetic site (benchmarks/synthetic.py); capture the Markdown our
hooks produce and write it out as a plain site without hooks (benchmarks/plain_site.py); check
that both builds give the same pages; then time, with the medians of several runs, the build with
our hooks and the plain build (alternating, so that both see the same machine load), the
validation pass in a fresh process (`make check`'s command), and the rebuild under `make serve`'s
`mkdocs serve --dirty` after one data edit (wall clock, and the server's CPU time); record peak memory, the search index, and the weight of the seed article
page as a browser loads it. Writes the figures as JSON and the report as Markdown
(benchmarks/report.py). With --profile, also writes a cProfile of one build and one check per
scale.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import measure  # noqa: E402
import plain_site  # noqa: E402
import report  # noqa: E402
import synthetic  # noqa: E402

BENCHMARKS = Path(__file__).resolve().parent
PROJECT = BENCHMARKS.parent
SEED_ARTICLE_URL = "articles/north-korea-troops-russia/"
SEED_ACTOR_URL = "actors/russia/"
LOAD_SITE = ("from pathlib import Path; from annotated_article.site_data import load_site; "
             "load_site(Path('data'), Path('docs'))")


def check_command(project: Path, python: str) -> tuple[list[str], str]:
    """`make check`'s command where the project has it, else the validation pass it runs."""
    package = project / "hooks" / "annotated_article"
    for module in ("annotated_article.article.check", "annotated_article.check"):  # today's layout, then the old one
        if (package / module.removeprefix("annotated_article.").replace(".", "/")).with_suffix(".py").is_file():
            return [python, "-m", module], f"python -m {module} (make check)"
    return [python, "-c", LOAD_SITE], "annotated_article.site_data.load_site in a fresh process (no make check yet)"


def summary(runs: list[measure.Run]) -> dict:
    return {"wall": statistics.median(r.wall for r in runs), "cpu": statistics.median(r.cpu for r in runs),
            "peak_mib": max(r.peak_mib for r in runs), "runs": [r.as_dict() for r in runs]}


#: What our `on_post_page` (and `on_post_template`) put in a page's head: its JSON-LD, its Open Graph tags, the
#: link to the feed, and an article's tags for reference managers.
_HEAD_DATA = re.compile(r'<script type="application/ld\+json">\n.*?\n</script>\n'
                        r'|<meta (?:property="[\w:]+"|name="(?:citation_\w+|twitter:card|z\.itemType|prism\.\w+|DC\.\w+)") '
                        r'[^>]*>\n|<link rel="alternate" type="application/atom\+xml" [^>]*>\n', re.DOTALL)
# What the Markdown extension puts in an article's paragraphs while MkDocs renders it: the plain site renders the
# same Markdown without them.
_PARAGRAPH = re.compile(r'<p id="p-[^"]*">(.*?)</p>', re.DOTALL)
_MARKER = re.compile(r'<sup class="annotation-marker" id="[^"]*"><a [^>]*>\d+</a></sup>')
_ACTOR_LINK = re.compile(r'<a class="actor-link" href="[^"]*">(.*?)</a>')
_PASSAGE = re.compile(r'<span class="annotated-passage" id="[^"]*">')
_DATELINE = re.compile(r'\n?<div class="dateline">.*?</div>', re.DOTALL)
_UNDER_TITLE = re.compile(r'\n?<div class="printed-from">.*?</div>|\n?<details class="claims-summary">.*?</details>'
                          r'|\n?<p class="corrections-line">.*?</p>|\n?<nav class="article-contents">.*?</nav>',
                          re.DOTALL)
_PARAGRAPH_LINK = re.compile(r'<a [^>]*class="paragraph-link"[^>]*>¶</a>')


def without_placements(html: str) -> str:
    """An article page as MkDocs alone renders its Markdown: without passages, markers, actor links, paragraph
    ids and links, and what goes under the title (dateline, line for paper, summary of claims). A paragraph that
    holds a span of another kind is left as it is (the pages then differ)."""
    def paragraph(match: re.Match) -> str:
        inner = _ACTOR_LINK.sub(r"\1", _MARKER.sub("", _PARAGRAPH_LINK.sub("", match.group(1))))
        if inner.count("<span") != len(_PASSAGE.findall(inner)):
            return match.group()
        return "<p>" + _PASSAGE.sub("", inner).replace("</span>", "") + "</p>"
    return _PARAGRAPH.sub(paragraph, _UNDER_TITLE.sub("", _DATELINE.sub("", html, count=1)))


def same_pages(hooked: Path, plain: Path) -> dict:
    """Compare the two builds file by file.

    The search index and sitemap only differ in the order of the pages; the pages of the hooked
    build also have the JSON-LD and citation tags that our `on_post_page` puts in their head, which
    Markdown cannot carry, and the articles the elements our Markdown extension places: both are set
    aside before comparing, and the search entries of those articles are compared by place and title
    only (less the entries our hooks add for their paragraphs, claims, notes and sources, which carry a boost). Every page of the hooked build
    is finished (its policy and HTML fixes): the plain page is finished the same way before comparing.
    """
    from annotated_article.site.finished_pages import finished

    files = sorted(p.relative_to(hooked).as_posix() for p in hooked.rglob("*") if p.is_file())
    different, placed = [], set()
    for name in [name for name in files if name.endswith(".html")]:
        b = plain / name
        page = _HEAD_DATA.sub("", (hooked / name).read_text(encoding="utf-8"))
        if without_placements(page) != page:
            placed.add(name.removesuffix("index.html"))
        if not b.is_file() or without_placements(page) != finished(b.read_text(encoding="utf-8")):
            different.append(name)
    for name in [name for name in files if not name.endswith(".html")]:
        a, b = hooked / name, plain / name
        if not b.is_file():
            different.append(name)
        elif name == "search/search_index.json":
            indexes = [json.loads(p.read_text(encoding="utf-8")) for p in (a, b)]
            entries = [sorted(_search_entry(doc, placed) for doc in index["docs"]
                              if doc["location"].partition("#")[0] not in placed or "boost" not in doc)
                       for index in indexes]
            if indexes[0]["config"] != indexes[1]["config"] or entries[0] != entries[1]:
                different.append(name)
        elif not name.startswith("sitemap.xml") and a.read_bytes() != b.read_bytes():
            different.append(name)
    extra = sorted(p.relative_to(plain).as_posix() for p in plain.rglob("*") if p.is_file()
                   and not (hooked / p.relative_to(plain)).is_file())
    return {"files": len(files), "different": different, "only_in_plain": extra}


def _search_entry(doc: dict, placed: set[str]) -> tuple[str, str, str]:
    page = doc["location"].partition("#")[0]
    return doc["location"], doc.get("title", ""), "" if page in placed else doc.get("text", "")


def profile_build(project: Path, site_dir: Path, output: Path, python: str) -> None:
    env = plain_site.mkdocs_environment(project)
    subprocess.run([python, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "--strict", "--quiet",
                    "--site-dir", str(site_dir)], cwd=project, env=env, check=True)


def top_functions(stats_file: Path, limit: int = 25) -> str:
    stream = __import__("io").StringIO()
    stats = pstats.Stats(str(stats_file), stream=stream)
    stats.sort_stats("cumulative").print_stats(limit)
    return stream.getvalue()


def bench_scale(scale: int, work: Path, runs: int, edits: int, python: str, profile_dir: Path | None,
                log, project: Path = PROJECT) -> dict:
    folder = work / f"{scale}x"
    site = synthetic.generate(folder / "hooked", scale, project)
    log(f"{scale}x: {len(site.articles)} articles, {site.annotations} annotations, "
        f"{site.actors} actors, {site.people} people, {site.sources} sources")
    plain_site.capture(site.project, folder / "capture", folder / "site-capture", python)
    plain_site.write_plain_site(site.project, folder / "capture", folder / "plain")
    hooked_env = plain_site.mkdocs_environment(site.project)
    plain_env = plain_site.mkdocs_environment(folder / "plain")
    hooked_runs: list[measure.Run] = []
    plain_runs: list[measure.Run] = []
    for number in range(runs):
        order = [("hooked", site.project, hooked_env, hooked_runs), ("plain", folder / "plain", plain_env, plain_runs)]
        for name, project, env, results in order if number % 2 == 0 else order[::-1]:
            results.append(measure.run(plain_site.build_command("mkdocs.yml", folder / f"site-{name}", python),
                                       project, env))
            log(f"{scale}x: build {name} #{number + 1}: {results[-1].wall:.2f} s wall, {results[-1].cpu:.2f} s CPU, "
                f"{results[-1].peak_mib:.0f} MiB")
    comparison = same_pages(folder / "site-hooked", folder / "site-plain")
    if comparison["different"] or comparison["only_in_plain"]:
        raise RuntimeError(f"{scale}x: the plain baseline does not build the same site: {comparison}")
    command, check_label = check_command(site.project, python)
    checks = [measure.run(command, site.project, hooked_env) for _ in range(runs)]
    log(f"{scale}x: check median {statistics.median(r.wall for r in checks):.2f} s")
    # `make serve`'s command: with --dirty, a rebuild renders again only the pages whose inputs changed.
    serve = [python, "-m", "mkdocs", "serve", "--dirty", "--strict", "--dev-addr", f"127.0.0.1:{measure.free_port()}"]
    rebuilds, serve_peak = measure.serve_rebuilds(serve, site.project, hooked_env,
                                                  site.project / "data" / "actors.yml", edits)
    log(f"{scale}x: serve rebuilds {[round(r.build, 2) for r in rebuilds]} s wall, "
        f"{[round(r.cpu, 2) for r in rebuilds]} s CPU, rendered {[r.rendered for r in rebuilds]}")
    index = folder / "site-hooked" / "search" / "search_index.json"
    weight = measure.page_weight(folder / "site-hooked", SEED_ARTICLE_URL)
    result = {
        "scale": scale, "pages": sum(1 for _ in (folder / "plain" / "docs").rglob("*.md")), "articles": len(site.articles), "annotations": site.annotations,
        "actors": site.actors, "people": site.people, "sources": site.sources,
        "data_bytes": sum(p.stat().st_size for p in (site.project / "data").rglob("*.yml"))
        + sum(p.stat().st_size for p in (site.project / "docs" / "articles").glob("*.md")),
        "build_hooked": summary(hooked_runs), "build_plain": summary(plain_runs),
        "same_site": comparison,
        "check": {**summary(checks), "command": check_label},
        "serve": {"save_to_reload": statistics.median(r.save_to_reload for r in rebuilds),
                  "build": statistics.median(r.build for r in rebuilds),
                  "cpu": statistics.median(r.cpu for r in rebuilds), "rendered": rebuilds[-1].rendered,
                  "peak_mib": serve_peak, "edits": [r.__dict__ for r in rebuilds]},
        "search_index": {"raw": index.stat().st_size, "gzip": len(gzip.compress(index.read_bytes(), 6, mtime=0))},
        "article_weight": weight,
    }
    if scale == 1:
        result["actor_weight"] = measure.page_weight(folder / "site-hooked", SEED_ACTOR_URL)
    if profile_dir is not None:
        profile_dir.mkdir(parents=True, exist_ok=True)
        profile_build(site.project, folder / "site-profile", profile_dir / f"build-{scale}x.prof", python)
        with_check = cProfile.Profile()
        sys.path.insert(0, str(site.project / "hooks"))
        from annotated_article.article.loading import load_site
        with_check.runcall(load_site, site.project / "data", site.project / "docs")
        with_check.dump_stats(str(profile_dir / f"check-{scale}x.prof"))
        log(top_functions(profile_dir / f"build-{scale}x.prof"))
    shutil.rmtree(folder / "site-capture", ignore_errors=True)
    return result


def environment(python: str, project: Path) -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=project, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=project,
                           capture_output=True, text=True)
    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "cpu": cpu, "cores": os.cpu_count(),
            "load_before": os.getloadavg(), "python": platform.python_version(),
            "mkdocs": metadata.version("mkdocs"), "material": metadata.version("mkdocs-material"),
            "commit": commit.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 30, 100])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure below 50x (default 5)")
    parser.add_argument("--large-runs", type=int, default=2, help="runs per figure from 50x (default 2)")
    parser.add_argument("--edits", type=int, default=3, help="data edits under mkdocs serve below 50x (default 3)")
    parser.add_argument("--large-edits", type=int, default=1, help="data edits under mkdocs serve from 50x (default 1)")
    parser.add_argument("--results", type=Path, default=BENCHMARKS / "results.json")
    parser.add_argument("--report", type=Path, default=BENCHMARKS / "REPORT.md")
    parser.add_argument("--profile", type=Path, help="write cProfile statistics into this folder")
    parser.add_argument("--project", type=Path, default=PROJECT,
                        help="the project whose data, docs and hooks are measured (default: this one)")
    parser.add_argument("--commit", default="", help="name the project's commit in the report (for --project)")
    parser.add_argument("--keep", type=Path, help="generate the sites here and keep them (default: a temporary folder)")
    arguments = parser.parse_args(argv)
    python = sys.executable
    started = time.perf_counter()

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.0f} s] {text}", flush=True)

    work = arguments.keep or Path(tempfile.mkdtemp(prefix="annotated-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"environment": environment(python, arguments.project), "scales": []}
    if arguments.commit:
        results["environment"]["commit"] = arguments.commit
    try:
        for scale in arguments.scales:
            runs, edits = (arguments.runs, arguments.edits) if scale < 50 else (arguments.large_runs, arguments.large_edits)
            results["scales"].append(bench_scale(scale, work, runs, edits, python, arguments.profile, log,
                                                 arguments.project.resolve()))
            results["environment"]["load_after"] = os.getloadavg()
            results["environment"]["duration_s"] = round(time.perf_counter() - started)
            # after each scale, so that an interrupted run still leaves what it measured
            arguments.results.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
            report.write_report(arguments.results, arguments.report)
    finally:
        if arguments.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    log(f"wrote {arguments.results} and {arguments.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
