"""The offline edition: a zip that is the same bytes on every build, and a copy that reads from disk."""

from __future__ import annotations

import pytest

import datetime
import os
import subprocess
import zipfile

from conftest import PROJECT, resources_from_other_hosts, soup_of
from offline_edition import TOP_FOLDER, write_zip

pytestmark = pytest.mark.build


def test_two_builds_of_the_same_commit_give_the_same_zip(offline_zips):
    first, second = offline_zips
    assert first.read_bytes() == second.read_bytes()


def test_zip_entries_do_not_depend_on_file_dates_modes_or_creation_order(tmp_path):
    zips = []
    for run, names in enumerate([("b.html", "a/c.css"), ("a/c.css", "b.html")]):
        site = tmp_path / f"site{run}"
        for number, name in enumerate(names):
            path = site / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"content of {name}", encoding="utf-8")
            os.utime(path, (1_000_000_000 + run * 99_999 + number,) * 2)
            path.chmod(0o600 if run else 0o755)
        write_zip(site, tmp_path / f"site{run}.zip", epoch=1_700_000_000)
        zips.append((tmp_path / f"site{run}.zip").read_bytes())
    assert zips[0] == zips[1]
    with zipfile.ZipFile(tmp_path / "site0.zip") as archive:
        assert archive.namelist() == [f"{TOP_FOLDER}/a/c.css", f"{TOP_FOLDER}/b.html"]
        assert {entry.date_time for entry in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_entries_are_dated_by_the_last_commit(offline_zips):
    committed = int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=PROJECT, capture_output=True,
                                   text=True, check=True).stdout)
    moment = datetime.datetime.fromtimestamp(committed, datetime.timezone.utc)
    with zipfile.ZipFile(offline_zips[0]) as archive:
        dates = {entry.date_time for entry in archive.infolist()}
    # A zip keeps seconds in steps of two.
    assert dates == {(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second // 2 * 2)}


def test_the_copy_opens_from_its_own_folder_with_html_links_and_a_search_index_script(offline_site):
    home = soup_of(offline_site / "index.html")
    assert home.find("a", href="articles/north-korea-troops-russia.html") is not None
    assert (offline_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")


def test_no_page_of_the_copy_loads_anything_from_another_host(offline_site):
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) >= 3
    for path in pages:
        soup = soup_of(path)
        assert resources_from_other_hosts(soup) == [], path
        # Search from disk needs a Web Worker shim; it is the local copy, not one from a CDN.
        assert any(script["src"].endswith("assets/vendor/iframe-worker-shim.js")
                   for script in soup.find_all("script", src=True)), path


def test_the_open_data_names_the_hosted_pages_as_the_hosted_edition_does(offline_site, built_site):
    for name in ("annotations.jsonld", "annotations.csv"):
        assert (offline_site / name).read_bytes() == (built_site / name).read_bytes(), name
    offline_home = soup_of(offline_site / "index.html").find("script", type="application/ld+json").string
    hosted_home = soup_of(built_site / "index.html").find("script", type="application/ld+json").string
    assert offline_home == hosted_home
    assert ".html" not in offline_home
