"""`make serve`: a data mistake while serving shows in the terminal, and the last good site stays served."""

from __future__ import annotations

import os
import queue
import re
import signal
import socket
import subprocess
import threading
import time
import urllib.request

import pytest

from conftest import ARTICLE_HTML, VENV, copy_project_for_make, run_make
from mistakes import MISTAKES

pytestmark = pytest.mark.build

#: How long to wait for the server before giving up on it: a guard against a hang, not a measure of speed.
PATIENCE = 180


class Server:
    """`make serve` in its own process group, its terminal output read line by line."""

    def __init__(self, project, port: int, env: dict | None = None):
        environment = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "MAKEFLAGS")}
        environment.update(env or {})
        self.process = subprocess.Popen(
            ["make", "--no-print-directory", "-o", f"{VENV}/.installed", "serve", f"VENV={VENV}",
             f"DEV_ADDR=127.0.0.1:{port}"],
            cwd=project, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, words: str) -> list[str]:
        """Read output until a line holds `words`; return the lines read meanwhile."""
        deadline = time.monotonic() + PATIENCE
        read = []
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                pytest.fail(f"the server stopped before printing {words!r}:\n" + "\n".join(self.lines))
            self.lines.append(line)
            read.append(line)
            if words in line:
                return read
        pytest.fail(f"no {words!r} from the server:\n" + "\n".join(self.lines))

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._reader.join(timeout=30)
        self.process.stdout.close()
        while (line := self._queue.get_nowait() if not self._queue.empty() else None) is not None:
            self.lines.append(line)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def replace_in(path, old: str, new: str) -> None:
    """Edit a file as an editor's save would, in one step (a watcher never sees it half written)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    temporary = path.with_suffix(".saving")
    temporary.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.replace(temporary, path)


def fetch(url: str) -> str:
    """The page at `url`, without the epochs of the live-reload script that MkDocs' server adds to it."""
    with urllib.request.urlopen(url, timeout=30) as response:
        return re.sub(r"livereload\(\d+, \d+\)", "livereload(…)", response.read().decode("utf-8"))


def until_served(server: Server, url: str, words: str) -> bool:
    """Whether the page at `url` comes to hold `words`, checked after each reload of the browsers."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        server.wait_for("Reloading browsers")
        if words in fetch(url):
            return True
    return False


def test_serve_reports_a_data_mistake_and_keeps_serving_the_last_good_site(tmp_path):
    project = copy_project_for_make(tmp_path / "project")
    port = free_port()
    server = Server(project, port)
    try:
        (serving,) = server.wait_for("Serving on http://127.0.0.1:")[-1:]
        base = re.search(r"Serving on (http://\S+/)", serving).group(1)  # the path of site_url, as on the web
        url = base + ARTICLE_HTML.removesuffix("index.html")
        good = fetch(url)
        assert 'id="fnref:rutte-growing-desperation"' in good
        # The server adds its live-reload script to every page: a policy would refuse it, so there is none here.
        assert "livereload(" in good and "Content-Security-Policy" not in good

        mistake = next(m for m in MISTAKES if m.name == "unknown-key")
        replace_in(project / mistake.file, mistake.old, mistake.new)
        place = f"{mistake.file}:{mistake.line(project)}:"
        seen = server.wait_for(place)
        seen += server.wait_for("The last good site is still served.")
        assert any(place in line and mistake.expected in line for line in seen), seen
        assert server.process.poll() is None
        assert fetch(url) == good

        replace_in(project / mistake.file, mistake.new, mistake.old)
        replace_in(project / mistake.file, "as AFP quotes them", "as AFP reported them")
        # MkDocs logs a message only the first time it is seen, so a rebuild that takes as long as the
        # first build ("Documentation built in 1.36 seconds" again) prints no line of its own: wait for
        # the reloads, and for the page to carry the edit.
        assert until_served(server, url, "as AFP reported them")
    finally:
        server.stop()
    assert not [line for line in server.lines if "Traceback" in line or "An error happened" in line], server.lines


def test_serve_with_a_data_mistake_from_the_start_stops_with_the_message(tmp_path):
    project = copy_project_for_make(tmp_path / "project")
    mistake = next(m for m in MISTAKES if m.name == "missing-person")
    mistake.make(project)
    result = run_make(project, "serve", env={"DEV_ADDR": f"127.0.0.1:{free_port()}"}, timeout=PATIENCE)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    place = f"{mistake.file}:{mistake.line(project)}:"
    assert any(line.startswith(place) and mistake.expected in line for line in output.splitlines()), output


def test_serve_reports_the_same_mistake_each_time_it_is_made(tmp_path):
    """MkDocs prints a build message only the first time it is seen; the data's problems must show
    every time, or an editor who repeats a mistake sees "fix the problems above" and no problem."""
    project = copy_project_for_make(tmp_path / "project")
    server = Server(project, free_port())
    try:
        (serving,) = server.wait_for("Serving on http://127.0.0.1:")[-1:]
        url = re.search(r"Serving on (http://\S+/)", serving).group(1) + ARTICLE_HTML.removesuffix("index.html")
        mistake = next(m for m in MISTAKES if m.name == "unknown-key")
        for attempt in range(2):
            replace_in(project / mistake.file, mistake.old, mistake.new)
            place = f"{mistake.file}:{mistake.line(project)}:"
            seen = server.wait_for("The last good site is still served.")
            assert any(place in line and mistake.expected in line for line in seen), (attempt, seen)
            replace_in(project / mistake.file, mistake.new, mistake.old)
            replace_in(project / mistake.file, "as AFP quotes them", f"as AFP quotes them{attempt}")
            assert until_served(server, url, f"as AFP quotes them{attempt}")
    finally:
        server.stop()
