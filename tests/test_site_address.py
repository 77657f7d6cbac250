"""The site's address comes from SITE_URL when it is set (the deploy workflow sets it from GitHub Pages):
a build for another address names that address, and only it, wherever the site names itself."""

from __future__ import annotations

import csv
import gzip
import io
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import static_server
from conftest import PROJECT, run_mkdocs_build, site_url, soup_of

pytestmark = pytest.mark.build

#: As GitHub Pages' `base_url` gives it: no final slash.
OTHER = "https://news.example.net/fact-checks"
DEFAULT = site_url()


@pytest.fixture(scope="module")
def other_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("other-address")
    result = run_mkdocs_build(PROJECT, site, env={"SITE_URL": OTHER})
    assert result.returncode == 0, result.stderr
    return site


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def text_of(path: Path) -> str:
    raw = path.read_bytes()
    return (gzip.decompress(raw) if path.suffix == ".gz" else raw).decode("utf-8", "replace")


def strings_in(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return [value] if isinstance(value, str) else []


def test_the_default_address_is_nowhere_in_the_site(other_site):
    assert urlsplit(DEFAULT).netloc != urlsplit(OTHER).netloc
    files = [path for path in other_site.rglob("*") if path.is_file() and path.suffix != ".zip"]
    assert len(files) > 20
    default = DEFAULT.removeprefix("https://").rstrip("/")
    assert [path for path in files if default in text_of(path)] == []


def test_canonical_links_and_the_sitemap_use_the_address(other_site):
    for path in pages(other_site):
        page = path.relative_to(other_site).as_posix().removesuffix("index.html")
        assert soup_of(path).find("link", rel="canonical")["href"] == f"{OTHER}/{page}", path
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        tree = ElementTree.fromstring(text_of(other_site / name))
        listed = [loc.text for loc in tree.findall("s:url/s:loc", namespace)]
        assert len(listed) == len(pages(other_site))
        assert all(url.startswith(f"{OTHER}/") for url in listed), name


def test_every_pages_json_ld_names_the_site_by_the_address(other_site):
    for path in pages(other_site):
        scripts = soup_of(path).find_all("script", type="application/ld+json")
        assert scripts, path
        for script in scripts:
            data = json.loads(script.string)
            own = [text for text in strings_in(data) if text.startswith(f"{OTHER}/")]
            assert own, path  # the page's own address, at least
            assert data.get("@id", data.get("url")).startswith(f"{OTHER}/"), path  # what the data is about


def test_the_open_data_identifies_everything_by_the_address(other_site):
    collection = json.loads((other_site / "annotations.jsonld").read_text(encoding="utf-8"))
    assert collection["id"].startswith(f"{OTHER}/")
    annotations = collection["first"]["items"]
    assert annotations
    for annotation in annotations:
        assert annotation["id"].startswith(f"{OTHER}/annotations.jsonld#")
        assert annotation["target"]["source"].startswith(f"{OTHER}/articles/")
    rows = list(csv.DictReader(io.StringIO((other_site / "annotations.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(annotations)
    assert all(row["annotation"].startswith(f"{OTHER}/") and row["article"].startswith(f"{OTHER}/") for row in rows)


def test_the_404_page_links_under_the_addresss_path(other_site):
    links = [a["href"] for a in soup_of(other_site / "404.html").select("article a[href]")]
    assert links and all(link.startswith("/fact-checks/") for link in links)


def test_the_static_server_serves_under_the_path_of_site_url(monkeypatch):
    assert static_server.site_url(PROJECT / "mkdocs.yml") == DEFAULT
    monkeypatch.setenv("SITE_URL", OTHER)
    assert static_server.site_url(PROJECT / "mkdocs.yml") == OTHER
