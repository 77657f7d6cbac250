"""The offline edition offered on the hosted site: a link on the home and Data pages to the zip, published
with the site, with its size and date; and the zip it leads to reads from disk."""

from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
from pathlib import Path

import pytest

import test_reading_in_browser as reading_tests
import test_sharing_and_search
from annotated_article.site.offline_download import PLACEHOLDER, OfflineZip, fill
from browser_fixtures import Edition, reading
from conftest import PROJECT, copy_project_for_make, run_make, run_mkdocs_build, soup_of
from offline_edition import TOP_FOLDER, write_zip
from test_site_links import resolve, site_pages

OFFER = "Download for offline reading"
#: The offer's words after the link: size and date.
DETAILS = re.compile(r"\(zip, ([\d.]+) (kB|MB), built (\d{1,2} [A-Z][a-z]+ \d{4})\)")
UNITS = {"kB": 1000, "MB": 1_000_000}


def small_zip(folder: Path, files: dict[str, str], epoch: int = 1_700_000_000) -> Path:
    for name, content in files.items():
        (folder / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "site" / name).write_text(content, encoding="utf-8")
    write_zip(folder / "site", folder / "edition.zip", epoch)
    return folder / "edition.zip"


def test_the_zip_is_read_for_its_size_date_and_first_page(tmp_path):
    offline = OfflineZip.read(small_zip(tmp_path, {"index.html": "<p>home</p>", "a/b.html": "page"}))
    assert offline.size == (tmp_path / "edition.zip").stat().st_size
    assert offline.date == datetime.date(2023, 11, 14)  # the date of 1_700_000_000
    assert offline.index == f"{TOP_FOLDER}/index.html"


def test_the_offer_links_from_any_page_and_gives_size_and_date(tmp_path):
    offline = OfflineZip(tmp_path / "edition.zip", 864_034, datetime.date(2026, 12, 1), "x/index.html")
    offer = offline.offer("index.md")
    assert offer.startswith(f"[{OFFER}](edition.zip)")
    assert "(zip, 864 kB, built 1 December 2026)" in offer and "`x/index.html`" in offer
    assert offline.offer("sub/page.md").startswith(f"[{OFFER}](../edition.zip)")
    assert "(zip, 1.2 MB," in OfflineZip(tmp_path / "e.zip", 1_234_567, datetime.date(2026, 1, 2), "x").offer("a.md")


def test_the_placeholder_becomes_the_offer_or_goes(tmp_path):
    offline = OfflineZip(tmp_path / "edition.zip", 2000, datetime.date(2026, 1, 2), "x/index.html")
    page = f"# Home\n\n{PLACEHOLDER}\n\nText.\n"
    assert fill(page, "index.md", offline) == f"# Home\n\n{offline.offer('index.md')}\n\nText.\n"
    assert fill(page, "index.md", None) == "# Home\n\n\n\nText.\n"
    assert fill("# Home\n", "index.md", offline) == "# Home\n"


@pytest.mark.parametrize("files, expected", [
    (None, "is not a readable zip"),
    ({"notes.txt": "no page"}, "holds no FOLDER/index.html"),
])
def test_a_file_that_is_not_the_offline_zip_is_refused(tmp_path, files, expected):
    path = small_zip(tmp_path, files) if files else tmp_path / "missing.zip"
    with pytest.raises(ValueError, match=expected):
        OfflineZip.read(path)


def offer_on(site: Path, page: str):
    """The offer's link on `page` of `site`, and the file it leads to."""
    soup = soup_of(site / page)
    (link,) = soup.find_all("a", string=OFFER)
    target, _ = resolve(page, link["href"])
    return link, site / target


@pytest.mark.parametrize("page", ["index.html", "data/index.html"])
def test_the_home_and_data_pages_offer_the_zip_with_its_size_and_date(built_site, offline_zip, page):
    link, target = offer_on(built_site, page)
    assert target.read_bytes() == offline_zip.read_bytes()
    size, unit, date = DETAILS.search(link.parent.get_text()).groups()
    # Whole kilobytes, or megabytes to one decimal: off by at most half of the last digit shown.
    assert abs(float(size) * UNITS[unit] - offline_zip.stat().st_size) <= (500 if unit == "kB" else 50_000)
    with zipfile.ZipFile(offline_zip) as archive:
        dated = {entry.date_time[:3] for entry in archive.infolist()}
    assert datetime.datetime.strptime(date, "%d %B %Y").date() == datetime.date(*max(dated))


def test_the_offline_edition_offers_no_download_of_itself(offline_site):
    for page in ("index.html", "data.html"):
        text = (offline_site / page).read_text(encoding="utf-8")
        assert OFFER not in text and PLACEHOLDER not in text


@pytest.mark.build
def test_a_missing_zip_stops_the_build_with_a_clear_message(tmp_path):
    result = run_mkdocs_build(PROJECT, tmp_path / "site", env={"OFFLINE_ZIP": str(tmp_path / "missing.zip")})
    assert result.returncode != 0
    assert "mkdocs.yml: extra.offline_zip: " in result.stderr and "run `make offline`" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.build
def test_make_build_publishes_the_zip_and_every_link_of_the_site_resolves(tmp_path):
    project = copy_project_for_make(tmp_path / "project")
    result = run_make(project, "build")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    _, target = offer_on(site, "index.html")
    assert target.read_bytes() == (project / "dist" / "annotated-articles-offline.zip").read_bytes()
    broken = []
    for page, soup in site_pages(site).items():
        for element in soup.select("a[href], link[href], script[src], img[src]"):
            resolved = resolve(page, element.get("href") or element["src"])
            if resolved and not (site / resolved[0]).exists():
                broken.append((page, resolved[0]))
    assert broken == []


def test_the_home_pages_download_opens_from_disk_with_search_and_footnotes(browser, hosted, tmp_path):
    with reading(browser, hosted) as reader:
        reader.page.goto(hosted.url("index.md"))
        with reader.page.expect_download() as started:
            reader.page.get_by_role("link", name=OFFER).click()
        download = started.value
        assert download.failure() is None
        saved = tmp_path / posixpath.basename(download.suggested_filename)
        download.save_as(saved)
    with zipfile.ZipFile(saved) as archive:
        archive.extractall(tmp_path / "unzipped")
    folder = tmp_path / "unzipped" / TOP_FOLDER
    downloaded = Edition("downloaded", folder.as_uri() + "/", folder, directory_urls=False)
    with reading(browser, downloaded) as reader:
        test_sharing_and_search.test_a_search_result_lands_on_the_paragraph_that_matched(reader)
    with reading(browser, downloaded) as reader:
        reading_tests.test_hovering_a_footnote_marker_shows_the_attribution(reader)
