"""The hosted edition, read from the HTML MkDocs builds: what search engines and static hosts see."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import resources_from_other_hosts, site_url, soup_of


@pytest.fixture(scope="module")
def site_dir(each_site):
    """The site as it is, then the site with a second article."""
    return each_site.site


def page_files(site):
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def page_url(site, path) -> str:
    relative = path.relative_to(site).as_posix().removesuffix("index.html")
    return site_url() + relative


def test_every_page_has_a_meta_description(site_dir):
    for path in page_files(site_dir) + [site_dir / "404.html"]:
        description = soup_of(path).find("meta", attrs={"name": "description"})
        assert description is not None and len(description["content"].split()) >= 8, path


def test_every_page_has_a_canonical_link_built_from_site_url(site_dir):
    pages = page_files(site_dir)
    assert len(pages) >= 2
    for path in pages:
        assert soup_of(path).find("link", rel="canonical")["href"] == page_url(site_dir, path)


def test_the_sitemap_lists_every_page_at_its_canonical_address(site_dir):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ElementTree.parse(site_dir / "sitemap.xml")
    listed = [loc.text for loc in tree.getroot().findall("s:url/s:loc", namespace)]
    assert sorted(listed) == sorted(page_url(site_dir, path) for path in page_files(site_dir))


def test_the_404_page_says_what_happened_and_offers_every_page_of_the_navigation(site_dir):
    soup = soup_of(site_dir / "404.html")
    assert soup.title.get_text().startswith("Page not found")
    assert soup.select_one("article h1").get_text() == "Page not found"
    links = [a["href"] for a in soup.select("article a[href]")]
    # Served at any address, the 404 page links absolutely, under the site's path.
    assert links and all(link.startswith(urlsplit(site_url()).path) for link in links)
    reached = {urljoin(site_url(), link) for link in links}
    navigation = soup_of(site_dir / "index.html").select_one('nav[aria-label="Navigation"]')
    assert reached >= {urljoin(site_url(), a["href"]) for a in navigation.select("a[href]")
                       if not a["href"].startswith("#")}  # the home page's own headings
    assert soup.find("input", attrs={"aria-label": "Search"}) is not None


def test_no_page_loads_anything_from_another_host(site_dir):
    for path in page_files(site_dir) + [site_dir / "404.html"]:
        assert resources_from_other_hosts(soup_of(path)) == [], path
