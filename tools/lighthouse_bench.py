"""Lighthouse's mobile scores of the hosted edition, served on 127.0.0.1 with gzip as static hosts serve it.

`make bench` runs `python tools/lighthouse_bench.py SITE_DIR`: for each page in PAGES, Lighthouse
(npm lighthouse@12.2.3 in bench/, run with CHROME_PATH=/usr/bin/chromium) audits the page RUNS
times (default 3) with its default mobile emulation and throttling, and keeps the run with the
median performance score: on a shared 2-core machine the performance score moves by several
points from run to run, so every run's score and the load average are recorded too.
The figures go to bench/results/lighthouse.json and bench/results/lighthouse.md (for a
benchmark report to include); full reports to bench/results/reports/ (not committed).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from static_server import serve, site_url

PROJECT = Path(__file__).resolve().parent.parent
BENCH = PROJECT / "bench"
RESULTS = BENCH / "results"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: The pages measured: (name, path under the site's URL).
PAGES = [("article", "articles/north-korea-troops-russia/"), ("actor page", "actors/north-korea/")]


def audit(url: str, report_path: Path) -> dict:
    """Run Lighthouse on `url`; returns its JSON report."""
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report_path}", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROME_FLAGS)}"]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr}")
    return json.loads(report_path.read_text(encoding="utf-8"))


def scores(report: dict) -> dict:
    """Each category's score out of 100, and what keeps it below 100."""
    summary = {"lighthouse": report["lighthouseVersion"], "scores": {}, "below_100": {}}
    for key, category in report["categories"].items():
        summary["scores"][key] = round(category["score"] * 100)
        failing = []
        for reference in category["auditRefs"]:
            result = report["audits"][reference["id"]]
            if reference["weight"] > 0 and result["score"] is not None and result["score"] < 1:
                value = f" ({result['displayValue']})" if result.get("displayValue") else ""
                failing.append(f"{result['title']}{value}")
        if failing:
            summary["below_100"][key] = failing
    metrics = report["audits"]
    summary["metrics"] = {name: metrics[name]["displayValue"]
                          for name in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                                       "cumulative-layout-shift", "speed-index") if name in metrics}
    return summary


def markdown_table(results: dict) -> str:
    lines = ["| page | " + " | ".join(CATEGORIES) + " | performance, every run |",
             "| --- |" + " ---: |" * len(CATEGORIES) + " --- |"]
    for name, result in results.items():
        lines.append(f"| {name} | " + " | ".join(str(result["scores"][c]) for c in CATEGORIES)
                     + f" | {', '.join(map(str, result['performance_runs']))} |")
    notes = [f"- {name}, {category}: " + "; ".join(items)
             for name, result in results.items() for category, items in result["below_100"].items()]
    version = next(iter(results.values()))["lighthouse"]
    load = next(iter(results.values()))["load_average"]
    text = (f"Lighthouse {version}, mobile (its default emulation and throttling), Debian Chromium, "
            f"site served on 127.0.0.1 with gzip; the run with the median performance score of each page. "
            f"Load average on the 2-core machine before the runs: {load}.\n\n" + "\n".join(lines) + "\n")
    return text + ("\nBelow 100:\n\n" + "\n".join(notes) + "\n" if notes else "")


def measure(url: str, report_stem: Path, runs: int) -> dict:
    """Audit `url` `runs` times; the summary of the run with the median performance score."""
    summaries = []
    for run in range(1, runs + 1):
        report_path = report_stem.with_name(f"{report_stem.name}-run{run}.json")
        summaries.append({**scores(audit(url, report_path)), "report": report_path.relative_to(PROJECT).as_posix()})
    summaries.sort(key=lambda summary: summary["scores"]["performance"])
    median = summaries[len(summaries) // 2]
    return {**median, "performance_runs": [summary["scores"]["performance"] for summary in summaries]}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python tools/lighthouse_bench.py SITE_DIR", file=sys.stderr)
        return 2
    site_dir = Path(argv[0])
    runs = int(os.environ.get("RUNS", "3"))
    (RESULTS / "reports").mkdir(parents=True, exist_ok=True)
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    results = {}
    with serve(site_dir, base_path=urlsplit(site_url(PROJECT / "mkdocs.yml")).path) as root:
        for name, path in PAGES:
            if not (site_dir / path / "index.html").is_file():
                print(f"skipped {name}: {path} is not in the site", file=sys.stderr)
                continue
            report_stem = RESULTS / "reports" / name.replace(" ", "-")
            results[name] = {"path": path, "load_average": load, **measure(root + path, report_stem, runs)}
            print(f"{name}: " + ", ".join(f"{c} {results[name]['scores'][c]}" for c in CATEGORIES), flush=True)
    if not results:
        print("No page to measure.", file=sys.stderr)
        return 1
    (RESULTS / "lighthouse.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "lighthouse.md").write_text(markdown_table(results), encoding="utf-8")
    print(f"Wrote {RESULTS.relative_to(PROJECT)}/lighthouse.json and lighthouse.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
