"""Serve a built site on 127.0.0.1 the way static hosts do: gzip, index.html for folders, 404.html.

The site can sit under a path, as it does on its host (`site_url`), so that the 404 page's
absolute links work. Used by the browser tests and by `make bench`;
`python tools/static_server.py SITE_DIR [PORT] [BASE_PATH]` serves a folder by hand.
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import os
import posixpath
import re
import sys
import threading
import urllib.parse
from functools import lru_cache
from pathlib import Path
from typing import Iterator

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
    ".gz": "application/gzip",
    ".woff2": "font/woff2",
    ".zip": "application/zip",
}
#: Compressed on the way out when the browser accepts gzip, as static hosts do.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


@lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class StaticSiteHandler(http.server.BaseHTTPRequestHandler):
    site_dir: Path
    base_path: str = "/"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def log_message(self, format: str, *args) -> None:
        pass

    def _respond(self, with_body: bool) -> None:
        path = self._resolve(urllib.parse.urlsplit(self.path).path)
        if path is None:
            status, path = 404, self.site_dir / "404.html"
            if not path.is_file():
                self.send_error(404)
                return
        elif path.is_dir():
            self.send_response(301)
            self.send_header("Location", urllib.parse.urlsplit(self.path).path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        else:
            status = 200
        suffix = path.suffix.lower()
        gzipped = suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        body = _gzipped(path, path.stat().st_mtime_ns) if gzipped else path.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPES.get(suffix, "application/octet-stream"))
        if suffix in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache" if suffix == ".html" else "public, max-age=3600")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def _resolve(self, url_path: str) -> Path | None:
        """The file for `url_path` (a folder's index.html), a folder missing its slash, or None."""
        if not (url_path + "/").startswith(self.base_path):
            return None
        relative = posixpath.normpath(urllib.parse.unquote(url_path[len(self.base_path):])).lstrip("/")
        if relative.startswith("..") or "\0" in relative:
            return None
        target = self.site_dir / relative if relative not in ("", ".") else self.site_dir
        if target.is_dir():
            index = target / "index.html"
            if not index.is_file():
                return None
            return index if url_path.endswith("/") else target
        return target if target.is_file() else None


def site_url(config_file: Path) -> str:
    """The `site_url` of an mkdocs.yml (SITE_URL when it is set and the file says `!ENV [SITE_URL, default]`):
    where the hosted edition lives, and so the path to serve it under."""
    match = re.search(r"^site_url:\s*(!ENV\s*\[\s*(\w+)\s*,\s*)?[\"']?([^\s\"'\]]+)",
                      Path(config_file).read_text(encoding="utf-8"), re.MULTILINE)
    if match is None:
        raise ValueError(f"{config_file} has no site_url")
    return (match.group(1) and os.environ.get(match.group(2))) or match.group(3)


@contextlib.contextmanager
def serve(site_dir: Path, port: int = 0, base_path: str = "/") -> Iterator[str]:
    """Serve `site_dir` at `base_path` on 127.0.0.1 in a background thread; yields the site's URL.

    Port 0 takes a free port. The URL ends in `/`.
    """
    base_path = "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"
    handler = type("Handler", (StaticSiteHandler,), {"site_dir": Path(site_dir).resolve(), "base_path": base_path})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{base_path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 3:
        print("usage: python tools/static_server.py SITE_DIR [PORT] [BASE_PATH]", file=sys.stderr)
        return 2
    port = int(argv[1]) if len(argv) >= 2 else 8000
    with contextlib.ExitStack() as stack:
        try:
            url = stack.enter_context(serve(Path(argv[0]), port, argv[2] if len(argv) == 3 else "/"))
        except OSError as error:
            print(f"Cannot serve on 127.0.0.1:{port}: {error.strerror}. Stop what uses that port, or give another "
                  "port: python tools/static_server.py SITE_DIR PORT", file=sys.stderr)
            return 1
        print(f"Serving {argv[0]} on {url} (gzip); Ctrl-C stops.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
