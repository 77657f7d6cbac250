"""Measurements of one process or one server: wall and CPU time, peak memory, rebuild latency, page weight."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@dataclass(frozen=True)
class Run:
    """One run of a command: wall-clock seconds, CPU seconds (user + system) and peak resident memory."""

    wall: float
    cpu: float
    peak_mib: float

    def as_dict(self) -> dict:
        return asdict(self)


def run(command: list[str], cwd: Path, env: dict[str, str], timeout: float = 900) -> Run:
    """Run `command` to the end; its own resource usage comes from wait4, so nothing else is counted."""
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            raise RuntimeError(f"{' '.join(command)} in {cwd} failed ({process.returncode}):\n"
                               f"{output.read().decode(errors='replace')[-4000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Rebuild:
    """One data edit under `mkdocs serve`: from the file's save to the browsers' reload, and the build alone (wall
    clock); the server's CPU time (user + system) from the save to the reload; and what the server said it
    rendered ("4 of 996 pages"; empty where it does not say)."""

    save_to_reload: float
    build: float
    cpu: float = 0.0
    rendered: str = ""


def process_cpu(pid: int) -> float:
    """The CPU time (user + system, in seconds) a running process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    """`mkdocs serve` of a project, with each line it logs and the moment it arrived."""

    def __init__(self, command: list[str], cwd: Path, env: dict[str, str]):
        # A job started in the background by a shell ignores SIGINT, and so would the server: give it back
        # the default, so that Python turns SIGINT into KeyboardInterrupt and the server shuts down cleanly.
        self.process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True, bufsize=1,
                                        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None  # stderr=PIPE
        for line in self.process.stderr:
            self.lines.put((time.perf_counter(), line))
        self.lines.put((time.perf_counter(), ""))

    def wait_for(self, text: str, timeout: float, after: float = 0.0) -> float:
        """The moment a line containing `text` arrived after `after`; fails on an error line or when the server ends.

        Lines from before `after` (a rebuild the watcher started twice for the previous edit) are skipped.
        """
        deadline = time.perf_counter() + timeout
        while True:
            try:
                moment, line = self.lines.get(timeout=max(deadline - time.perf_counter(), 0.01))
            except queue.Empty:
                raise TimeoutError(f"mkdocs serve did not log {text!r} in {timeout:.0f} s:\n{''.join(self.log)}") from None
            self.log.append(line)
            if not line:
                raise RuntimeError(f"mkdocs serve ended:\n{''.join(self.log)}")
            if "ERROR" in line or "Aborted" in line:
                raise RuntimeError(f"mkdocs serve failed:\n{''.join(self.log)}")
            if text in line and moment >= after:
                return moment

    def stop(self, timeout: float = 60) -> float:
        """Stop the server (SIGINT, as Ctrl-C does; killed if it has not ended in `timeout` s); its peak memory in MiB."""
        self.process.send_signal(signal.SIGINT)
        killer = threading.Timer(timeout, self.process.kill)
        killer.start()
        try:
            _, _, usage = os.wait4(self.process.pid, 0)
        finally:
            killer.cancel()
            self.process.returncode = 0
        return usage.ru_maxrss / 1024


def serve_rebuilds(command: list[str], cwd: Path, env: dict[str, str], data_file: Path, edits: int,
                   timeout: float = 600) -> tuple[list[Rebuild], float]:
    """Start `mkdocs serve`, make `edits` one-line edits to `data_file`, time each rebuild; and the peak memory."""
    original = data_file.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    line_number = next(i for i, line in enumerate(lines) if line.lstrip().startswith("relation: "))
    server = Server(command, cwd, env)
    rebuilds = []
    try:
        server.wait_for("Serving on", timeout)
        for edit in range(1, edits + 1):
            time.sleep(1.0)  # let the watcher settle after the previous build
            changed = lines[:line_number] + [lines[line_number].rstrip("\n") + f" (edit {edit})\n"] \
                + lines[line_number + 1:]
            cpu = process_cpu(server.process.pid)
            saved = time.perf_counter()
            data_file.write_text("".join(changed), encoding="utf-8")
            building = server.wait_for("Building documentation", timeout, after=saved)
            reloaded = server.wait_for("Reloading browsers", timeout, after=building)
            rendered = [m.group(1) for line in server.log if (m := re.search(r"Rendered (\d+ of \d+ pages)", line))]
            rebuilds.append(Rebuild(reloaded - saved, reloaded - building, process_cpu(server.process.pid) - cpu,
                                    rendered[-1] if rendered else ""))
    finally:
        peak = server.stop()
        data_file.write_text(original, encoding="utf-8")
    return rebuilds, peak


# --- Page weight -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Resource:
    path: str
    raw: int
    gzip: int


class _References(HTMLParser):
    """What an HTML page makes a browser fetch by itself: stylesheets, scripts, icons, images."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("href") and set((attributes.get("rel") or "").split()) & {
                "stylesheet", "icon", "preload", "modulepreload", "manifest"}:
            self.urls.append(attributes["href"])
        elif tag in ("script", "img", "iframe", "source", "audio", "video") and attributes.get("src"):
            self.urls.append(attributes["src"])


def _size(path: Path) -> Resource:
    data = path.read_bytes()
    return Resource("", len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


def _file_of(site: Path, url_path: str) -> Path | None:
    relative = unquote(url_path).lstrip("/")
    target = site / relative
    if target.is_dir() or url_path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def browser_requests(site: Path, page: str, chromium: str = CHROMIUM) -> list[str] | None:
    """The paths a real browser requests to show `page` (site-relative URL), or None without Chromium."""
    if not Path(chromium).exists():
        return None
    requested: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            requested.append(urlsplit(self.path).path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    profile = tempfile.mkdtemp(prefix="bench-chromium-")
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
        subprocess.run([chromium, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={profile}",
                        "--virtual-time-budget=10000", "--dump-dom", url],
                       capture_output=True, timeout=180, check=True)
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(profile, ignore_errors=True)
    return list(dict.fromkeys(requested))


def static_requests(site: Path, page: str) -> list[str]:
    """The paths the page's HTML and its stylesheets reference (what a browser fetches before any script runs)."""
    page_path = "/" + page
    parser = _References()
    html = _file_of(site, page_path)
    if html is None:
        raise FileNotFoundError(f"{page} is not a page of the site in {site}")
    parser.feed(html.read_text(encoding="utf-8"))
    paths = [page_path]
    for url in parser.urls:
        parts = urlsplit(urljoin(f"http://site{page_path}", url))
        if parts.netloc == "site":
            paths.append(parts.path)
    return list(dict.fromkeys(paths))


def page_weight(site: Path, page: str) -> dict:
    """Requests and bytes, raw and gzip-compressed, for one page with all it loads; measured in Chromium if there."""
    observed = browser_requests(site, page)
    paths = observed if observed is not None else static_requests(site, page)
    resources, missing = [], []
    for path in paths:
        file = _file_of(site, path)
        if file is None:
            missing.append(path)
            continue
        size = _size(file)
        resources.append(Resource(path, size.raw, size.gzip))
    return {"page": page, "method": "chromium" if observed is not None else "static",
            "requests": len(paths), "missing": missing,
            "raw": sum(r.raw for r in resources), "gzip": sum(r.gzip for r in resources),
            "resources": [asdict(r) for r in resources]}
