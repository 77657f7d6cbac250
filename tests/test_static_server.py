"""The static server the browser tests and `make bench` read the hosted edition from."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from static_server import serve


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    site = tmp_path_factory.mktemp("served")
    (site / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (site / "404.html").write_text("<h1>Page not found</h1>", encoding="utf-8")
    (site / "page").mkdir()
    (site / "page" / "index.html").write_text("<h1>Page</h1>" + "words " * 500, encoding="utf-8")
    (site / "logo.png").write_bytes(b"\x89PNG not really")
    (site.parent / "secret.txt").write_text("outside the site", encoding="utf-8")
    with serve(site, base_path="/sub/") as url:
        yield url


def fetch(url: str, gzip_ok: bool = False):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.status, error.headers, error.read()


def test_the_site_is_served_under_its_path_and_folders_give_their_index(root):
    assert root.startswith("http://127.0.0.1:") and root.endswith("/sub/")
    assert fetch(root)[2] == b"<h1>Home</h1>"
    status, headers, body = fetch(root + "page/")
    assert status == 200 and body.startswith(b"<h1>Page</h1>")
    assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_text_is_gzipped_for_browsers_that_accept_it_and_images_are_not(root):
    status, headers, body = fetch(root + "page/", gzip_ok=True)
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"<h1>Page</h1>") and len(body) < 500
    assert "Content-Encoding" not in fetch(root + "page/")[1]
    assert "Content-Encoding" not in fetch(root + "logo.png", gzip_ok=True)[1]


def test_a_folder_without_its_slash_is_redirected(root):
    request = urllib.request.Request(root + "page")
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request)
    redirect.value.close()
    assert redirect.value.status == 301
    assert redirect.value.headers["Location"] == "/sub/page/"


@pytest.mark.parametrize("path", ["missing/", "../secret.txt", "%2e%2e/secret.txt", "/other/index.html"])
def test_missing_pages_and_paths_outside_the_site_get_the_404_page(root, path):
    url = root + path if not path.startswith("/") else root.split("/sub/")[0] + path
    status, _, body = fetch(url)
    assert status == 404
    assert body == b"<h1>Page not found</h1>"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_port_in_use_is_said_in_one_line(tmp_path):
    import socket
    import subprocess
    import sys

    from conftest import PROJECT

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, str(PROJECT / "tools" / "static_server.py"), str(tmp_path), str(port)],
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"Cannot serve on 127.0.0.1:{port}: Address already in use. Stop what uses that port, or give another port: "
        "python tools/static_server.py SITE_DIR PORT"]
