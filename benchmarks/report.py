"""benchmarks/REPORT.md from the figures of one run (benchmarks/results.json).

    python benchmarks/report.py [--results benchmarks/results.json] [--report benchmarks/REPORT.md]

Other parts are added where their file is there:
- bench/results/lighthouse.md: Lighthouse's scores, as tools/lighthouse_bench.py writes them;
- benchmarks/results-before.json: the same figures before the fixes, for a before/after table;
- benchmarks/notes.md: what the profiles showed and what was changed, in words.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any, Callable

BENCHMARKS = Path(__file__).resolve().parent
HOOKS_TARGET = 0.05
CHECK_TARGET_S = 0.15
#: A rebuild under `make serve` after a data edit: at most this share of a full build at 30x, and at most this
#: many seconds at 100x.
SERVE_SHARE_30X = 0.25
SERVE_100X_TARGET_S = 5.0
BUILD_100X_TARGET_S = 60.0


def _s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def _kb(size: int) -> str:
    return f"{size / 1024:,.1f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.2f} MiB"


def _serve_share(scale: dict, key: str) -> float:
    """The rebuild under `make serve` as a share of the full build of the same run (wall: the build alone)."""
    return scale["serve"]["build" if key == "wall" else "cpu"] / scale["build_hooked"][key]


def _overhead(scale: dict, key: str) -> float:
    return scale["build_hooked"][key] / scale["build_plain"][key] - 1


def _exponent(small: float, large: float, factor: float) -> str:
    if small <= 0 or large <= 0:
        return "n/a"
    return f"{math.log(large / small) / math.log(factor):.2f}"


def _mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |",
            *("| " + " | ".join(row) + " |" for row in rows), ""]


def growth_rows(scales: list[dict]) -> list[list[str]]:
    """Each figure at the smallest and largest scale, and the exponent of its growth between the two largest."""
    first, last = scales[0], scales[-1]
    before_last = scales[-2] if len(scales) > 2 else first
    step = last["scale"] / before_last["scale"]
    figures: list[tuple[str, Callable[[dict], Any], Callable[[Any], str]]] = [
        ("data (YAML + article Markdown), bytes", lambda s: s["data_bytes"], str),
        ("pages", lambda s: s["pages"], str),
        ("build with our hooks, wall", lambda s: s["build_hooked"]["wall"], _s),
        ("build with our hooks, CPU", lambda s: s["build_hooked"]["cpu"], _s),
        ("plain build (MkDocs alone), CPU", lambda s: s["build_plain"]["cpu"], _s),
        ("our hooks' share, CPU", lambda s: s["build_hooked"]["cpu"] - s["build_plain"]["cpu"], _s),
        ("validation pass (check), wall", lambda s: s["check"]["wall"], _s),
        ("rebuild under serve after a data edit", lambda s: s["serve"]["build"], _s),
        ("peak memory of a build, MiB", lambda s: s["build_hooked"]["peak_mib"], lambda v: f"{v:.0f}"),
        ("search index, gzip bytes", lambda s: s["search_index"]["gzip"], str),
    ]
    rows = []
    for name, get, show in figures:
        a, b, c = get(first), get(last), get(before_last)
        rows.append([name, show(a), show(b), f"{b / a:.1f}x" if a else "n/a", _exponent(c, b, step)])
    return rows


def lighthouse_section(path: Path) -> list[str]:
    """Lighthouse's table as tools/lighthouse_bench.py writes it (bench/results/lighthouse.md), if there."""
    lines = ["## Lighthouse", ""]
    if not path.is_file():
        return lines + [f"Not measured: `{path.relative_to(path.parents[2])}` is absent. `make bench` writes it "
                        "first (tools/lighthouse_bench.py, Lighthouse's mobile scores of the article and an actor "
                        "page); this section then shows its table.", ""]
    return lines + [f"From `{path.relative_to(path.parents[2])}`, which `make bench` writes just before this report "
                    "(the figures of its last run):", "",
                    path.read_text(encoding="utf-8").strip(), ""]


def before_after_section(before_path: Path, after: dict) -> list[str]:
    if not before_path.is_file():
        return []
    before = json.loads(before_path.read_text(encoding="utf-8"))
    lines = ["## Before and after", "",
             f"Before: commit {before['environment']['commit']} ({before['environment']['date']}), measured by its "
             f"own `make bench` (`benchmarks/results-before.json`); after: this run. Medians. Wall-clock figures "
             f"depend on the machine's load at the time of each run; CPU figures less so, though on this shared "
             f"machine they too vary by several percent between runs.", ""]
    rows = []
    after_by_scale = {s["scale"]: s for s in after["scales"]}
    for old in before["scales"]:
        new = after_by_scale.get(old["scale"])
        if new is None:
            continue
        for name, get, show in (
            ("build with our hooks, CPU", lambda s: s["build_hooked"]["cpu"], _s),
            ("plain build, CPU", lambda s: s["build_plain"]["cpu"], _s),
            ("our hooks' overhead, CPU", lambda s: _overhead(s, "cpu"), lambda v: f"{v:+.1%}"),
            ("validation pass (check), CPU", lambda s: s["check"]["cpu"], _s),
            ("validation pass (check), wall", lambda s: s["check"]["wall"], _s),
            ("build with our hooks, wall", lambda s: s["build_hooked"]["wall"], _s),
            ("rebuild under serve, wall", lambda s: s["serve"]["build"], _s),
            ("peak memory of a build, MiB", lambda s: s["build_hooked"]["peak_mib"], lambda v: f"{v:.0f}"),
        ):
            rows.append([f"{old['scale']}x", name, show(get(old)), show(get(new))])
    return lines + _table(["scale", "figure", "before", "after"], rows)


def weight_rows(weight: dict) -> list[list[str]]:
    return [[r["path"], _kb(r["raw"]), _kb(r["gzip"])] for r in weight["resources"]]


def render(results: dict, benchmarks: Path = BENCHMARKS) -> str:
    env, scales = results["environment"], results["scales"]
    by_scale = {s["scale"]: s for s in scales}
    lines = [
        "# Benchmark: build cost at scale and page weight", "",
        "Generated by `make bench` (`benchmarks/run.py`, figures in `benchmarks/results.json`); do not edit by hand.",
        "",
        f"One run on {env['date']}: {env['cores']} cores ({env['cpu']}), Python {env['python']}, MkDocs "
        f"{env['mkdocs']}, Material {env['material']}, commit {env['commit']}; load average "
        f"{env['load_before'][0]:.1f} before and {env.get('load_after', [math.nan])[0]:.1f} after (the machine is "
        f"shared, so wall-clock times carry other work's noise; CPU times, user + system of the build process "
        f"alone, do not). The run took {env.get('duration_s', 0) / 60:.1f} minutes.", "",
        "Each scale is the seed site (1 article) plus synthetic blocks of the seed's size "
        "(`benchmarks/synthetic.py`). The plain baseline is the same site built by MkDocs alone from the "
        "Markdown our hooks produce, written out as files with a mkdocs.yml without hooks "
        "(`benchmarks/plain_site.py`); the benchmark checks that both builds write the same files.", "",
        "## Sites", "",
    ]
    lines += _table(["scale", "pages", "articles", "annotations", "actors", "people", "sources", "same files"],
                    [[f"{s['scale']}x", str(s["pages"]), str(s["articles"]), str(s["annotations"]), str(s["actors"]),
                      str(s["people"]), str(s["sources"]),
                      f"{s['same_site']['files'] - len(s['same_site']['different'])}/{s['same_site']['files']}"]
                     for s in scales])
    lines += ["## Build time", "",
              "Medians of the runs (hooked and plain builds alternate). `mkdocs build --strict`, a new process "
              "each time, so Python's start and imports are included on both sides.", ""]
    lines += _table(["scale", "runs", "with our hooks (wall)", "plain (wall)", "overhead (wall)",
                     "with our hooks (CPU)", "plain (CPU)", "overhead (CPU)", "peak memory (hooks / plain)"],
                    [[f"{s['scale']}x", str(len(s["build_hooked"]["runs"])), _s(s["build_hooked"]["wall"]),
                      _s(s["build_plain"]["wall"]), f"{_overhead(s, 'wall'):+.1%}", _s(s["build_hooked"]["cpu"]),
                      _s(s["build_plain"]["cpu"]), f"{_overhead(s, 'cpu'):+.1%}",
                      f"{s['build_hooked']['peak_mib']:.0f} / {s['build_plain']['peak_mib']:.0f} MiB"]
                     for s in scales])
    lines += ["## Editing: check and rebuild", "",
              f"Check: {scales[0]['check']['command']}, wall-clock, median. Rebuild: `make serve`'s "
              "`mkdocs serve --dirty --strict`, one line of data/actors.yml changed per edit (a relation of the "
              "first actor, a featured one); *build* runs from the server's 'Building documentation' to its "
              "'Reloading browsers', *save to reload* from the file's save (it includes the watcher's polling, up "
              "to 0.5 s, and its 0.1 s settling delay), *CPU* is the server's from the save to the reload; each "
              "is set against the full build of the same run (`mkdocs build`, a new process, medians above).", ""]
    lines += _table(["scale", "check (wall)", "check (CPU)", "serve: pages rendered", "serve: build (wall)",
                     "serve: save to reload", "serve: CPU", "of a full build (wall / CPU)", "serve peak memory"],
                    [[f"{s['scale']}x", _s(s["check"]["wall"]), _s(s["check"]["cpu"]), s["serve"].get("rendered", ""),
                      _s(s["serve"]["build"]), _s(s["serve"]["save_to_reload"]),
                      _s(s["serve"]["cpu"]) if "cpu" in s["serve"] else "",
                      f"{_serve_share(s, 'wall'):.0%} / " + (f"{_serve_share(s, 'cpu'):.0%}" if "cpu" in s["serve"] else "-"),
                      f"{s['serve']['peak_mib']:.0f} MiB"] for s in scales])
    if len(scales) >= 2:
        first, last = scales[0], scales[-1]
        lines += ["## Growth", "",
                  f"From {first['scale']}x to {last['scale']}x; the exponent is that of the growth from "
                  f"{scales[-2]['scale'] if len(scales) > 2 else first['scale']}x to {last['scale']}x "
                  "(1.00 is linear in the data, below 1 fixed costs still weigh, above 1 is faster than linear). "
                  "Our hooks' share is the difference of two medians: below 100x it is within the spread of the "
                  "runs (each run is in results.json), so its exponent is rough; wall-clock figures follow the "
                  "machine's load as much as the data.", ""]
        lines += _table(["figure", f"{first['scale']}x", f"{last['scale']}x", "growth", "exponent"],
                        growth_rows(scales))
    lines += ["## Targets", "",
              "Judged on CPU time (user + system of the process alone), which is what a build needs of an idle "
              "machine; wall-clock time on this shared machine is shown beside it.", ""]
    rows = [[f"our hooks add at most {HOOKS_TARGET:.0%} to a build, {s['scale']}x", f"{_overhead(s, 'cpu'):+.1%}",
             f"{_overhead(s, 'wall'):+.1%}", _mark(_overhead(s, "cpu") <= HOOKS_TARGET)] for s in scales]
    if 1 in by_scale:
        check = by_scale[1]["check"]
        rows.append([f"check at most {CHECK_TARGET_S} s at 1x", _s(check["cpu"]), _s(check["wall"]),
                     _mark(check["cpu"] <= CHECK_TARGET_S)])
    if 30 in by_scale and "cpu" in by_scale[30]["serve"]:
        s = by_scale[30]
        rows.append([f"rebuild under make serve after a data edit at most {SERVE_SHARE_30X:.0%} of a full build, 30x",
                     f"{_serve_share(s, 'cpu'):.0%} ({_s(s['serve']['cpu'])})",
                     f"{_serve_share(s, 'wall'):.0%} ({_s(s['serve']['build'])})",
                     _mark(_serve_share(s, "cpu") <= SERVE_SHARE_30X)])
    if 100 in by_scale and "cpu" in by_scale[100]["serve"]:
        serve = by_scale[100]["serve"]
        rows.append([f"rebuild under make serve after a data edit at most {_s(SERVE_100X_TARGET_S)}, 100x",
                     _s(serve["cpu"]), _s(serve["build"]), _mark(serve["cpu"] <= SERVE_100X_TARGET_S)])
    if 100 in by_scale:
        build = by_scale[100]["build_hooked"]
        rows.append([f"100x site builds in under {BUILD_100X_TARGET_S:.0f} s on {env['cores']} cores", _s(build["cpu"]),
                     _s(build["wall"]), _mark(build["cpu"] < BUILD_100X_TARGET_S)])
        plain = by_scale[100]["build_plain"]
        rows.append(["(the same 100x site built by MkDocs alone)", _s(plain["cpu"]), _s(plain["wall"]),
                     _mark(plain["cpu"] < BUILD_100X_TARGET_S)])
    lines += _table(["target", "CPU", "wall", ""], rows)
    lines += ["## Page weight", "",
              "The seed article page as a browser loads it: the requests Chromium made for it from a local "
              "server (`measure.page_weight`; a static reading of the HTML where Chromium is missing), with each "
              "file's size as built and gzip-compressed (level 6), as a server that compresses would send it.", ""]
    lines += _table(["scale", "requests", "bytes", "gzip", "of which the search index (gzip)"],
                    [[f"{s['scale']}x", str(s["article_weight"]["requests"]), _kb(s["article_weight"]["raw"]),
                      _kb(s["article_weight"]["gzip"]), _kb(s["search_index"]["gzip"])] for s in scales])
    first = scales[0]
    for key, title in (("article_weight", "Article page"), ("actor_weight", "Actor page")):
        if key in first:
            weight = first[key]
            lines += [f"{title} at {first['scale']}x (`{weight['page']}`, {weight['requests']} requests, measured "
                      f"with {weight['method']}):", ""]
            lines += _table(["request", "bytes", "gzip"], weight_rows(weight)
                            + [["**total**", f"**{_kb(weight['raw'])}**", f"**{_kb(weight['gzip'])}**"]])
    lines += lighthouse_section(benchmarks.parent / "bench" / "results" / "lighthouse.md")
    lines += before_after_section(benchmarks / "results-before.json", results)
    notes = benchmarks / "notes.md"
    if notes.is_file():
        lines += [notes.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def write_report(results_path: Path, report_path: Path) -> None:
    results = json.loads(results_path.read_text(encoding="utf-8"))
    report_path.write_text(render(results, results_path.parent), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--results", type=Path, default=BENCHMARKS / "results.json")
    parser.add_argument("--report", type=Path, default=BENCHMARKS / "REPORT.md")
    arguments = parser.parse_args()
    write_report(arguments.results, arguments.report)


if __name__ == "__main__":
    main()
