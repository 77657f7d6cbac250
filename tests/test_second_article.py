"""An editor adds a second article exactly as CONTRIBUTING.md says (tests/fixtures/second-article):
`make check` and `make build` pass, and every page kind, both editions and search take it.

The site-wide tests (links and fragments, open data and the W3C suite, the hosted edition's HTML) run on
this site too, through the `each_site` fixture; here is what needs the offline edition or a browser.
"""

from __future__ import annotations

import zipfile
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

import offline_edition
import static_server
from annotated_article.article.loading import load_site
from browser_fixtures import Edition, reading
from conftest import THIRD_ARTICLE, resources_from_other_hosts, site_url, soup_of
from test_accessibility import auditing, violations_by_page
from test_sharing_and_search import follow_result

SECOND = "articles/rail-freight-monitors.md"
#: The third article, added with the second: written with a subheading, a tight list and a quotation.
THIRD = "articles/" + next((THIRD_ARTICLE / "docs" / "articles").glob("*.md")).name


@pytest.fixture(scope="module")
def second(second_article_project):
    """The data of the project with the second article, and that article."""
    site = load_site(second_article_project / "data", second_article_project / "docs")
    return site, site.articles[SECOND]


def test_make_check_and_make_build_pass(second_article_make, second):
    site, _ = second
    check, build = second_article_make["check"], second_article_make["build"]
    assert check.returncode == 0, check.stderr
    assert f"{len(site.articles)} article(s)" in check.stdout and len(site.articles) >= 2
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr, build.stderr


def pages_of(site, article) -> list[str]:
    """The pages an article adds to or changes on the site, as paths inside docs/: its own, the index
    pages, and the page of each actor, person and source it names."""
    people = {a.speaker for a in article.annotations if a.speaker}
    return (["index.md", "articles/index.md", article.path, "actors/index.md", "people/index.md", "sources/index.md"]
            + [f"actors/{id_}.md" for id_ in article.actors_named]
            + [f"people/{id_}.md" for id_ in sorted(people)]
            + [f"sources/{id_}.md" for id_ in article.cited_sources])


@pytest.fixture(scope="module")
def second_hosted(second_article_site):
    with static_server.serve(second_article_site, base_path=urlsplit(site_url()).path) as root:
        yield Edition("hosted", root, second_article_site, directory_urls=True)


@pytest.fixture(scope="module")
def second_offline(second_article_project, tmp_path_factory):
    """The offline edition of the project with the second article, unzipped."""
    folder = tmp_path_factory.mktemp("second-offline")
    with zipfile.ZipFile(offline_edition.make_offline_zip(folder / "offline.zip", second_article_project)) as archive:
        archive.extractall(folder)
    copy = folder / offline_edition.TOP_FOLDER
    return Edition("offline", copy.as_uri() + "/", copy, directory_urls=False)


@pytest.fixture(scope="module", params=["hosted", "offline"])
def second_edition(request):
    return request.getfixturevalue(f"second_{request.param}")


def test_every_page_the_article_adds_opens_and_stays_on_the_site(browser, second_edition, second):
    site, article = second
    with reading(browser, second_edition) as reader:
        for number, page in enumerate(pages_of(site, article)):
            reader.page.goto(second_edition.url(page), wait_until="networkidle" if number == 0 else "load")
            expect(reader.page.locator("article h1")).to_be_visible()


def test_search_finds_the_second_article_and_lands_on_the_passage(browser, second_edition):
    with reading(browser, second_edition) as reader:
        page = reader.page
        page.goto(second_edition.url("index.md"))
        follow_result(page, "spokesperson", 'a[href*="rail-freight-monitors"][href*="#p-"]')
        expect(page.locator('[id="han-sanctions"] mark')).to_have_text("spokesperson")
        expect(page.locator('[id="han-sanctions"]')).to_be_in_viewport()


def test_no_page_of_the_offline_copy_loads_anything_from_another_host(second_offline):
    assert (second_offline.site_dir / "articles" / "rail-freight-monitors.html").is_file()
    for path in sorted(second_offline.site_dir.rglob("*.html")):
        assert resources_from_other_hosts(soup_of(path)) == [], path


def test_the_pages_the_article_adds_have_no_accessibility_violation(browser, second_hosted, second):
    site, article = second
    with auditing(browser, second_hosted) as reader:
        assert violations_by_page(reader, [second_hosted.url(page) for page in pages_of(site, article)]) == {}


def test_the_third_articles_page_has_no_accessibility_violation(browser, second_hosted):
    """Its subheading, list items and quotation carry passages, markers and links to themselves."""
    with auditing(browser, second_hosted) as reader:
        assert violations_by_page(reader, [second_hosted.url(THIRD)]) == {}
