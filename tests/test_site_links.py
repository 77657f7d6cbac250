"""The whole built site: every relative link and fragment resolves, and every generated page is linked."""

from __future__ import annotations

import re

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ARTICLE_HTML, PROJECT, copy_project, run_mkdocs_build, site_url, soup_of
from annotated_article.site_data import load_site

pytestmark = pytest.mark.build

ARTICLE_URL = "articles/north-korea-troops-russia/"


def site_pages(site: Path) -> dict[str, object]:
    return {path.relative_to(site).as_posix(): soup_of(path) for path in sorted(site.rglob("*.html"))}


SITE_PATH = urlsplit(site_url()).path


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """The target file (relative to the site) and fragment of a link on `page`, or None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "//")):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):  # absolute links, as on the 404 page, start at site_url's path
        assert path.startswith(SITE_PATH), (page, href)
        path, page = path[len(SITE_PATH):] or ".", "index.html"
    target = posixpath.dirname(page) if path else page
    if path:
        target = posixpath.normpath(posixpath.join(target, path))
        if href.split("#")[0].endswith("/") or target in (".", ""):
            target = posixpath.join(target, "index.html") if target not in (".", "") else "index.html"
    return target, unquote(parts.fragment)


@pytest.fixture(scope="module")
def pages(built_site):
    return site_pages(built_site)


@pytest.fixture(scope="module")
def links(pages):
    """(page, href, target file, fragment) of every relative link on every page."""
    found = []
    for page, soup in pages.items():
        if page.startswith("search/"):
            continue
        for element in soup.select("a[href], link[href], script[src], img[src]"):
            href = element.get("href") or element["src"]
            resolved = resolve(page, href)
            if resolved:
                found.append((page, href, *resolved))
    return found


def test_every_relative_link_and_fragment_exists(pages, links, built_site):
    ids = {page: {element["id"] for element in soup.find_all(id=True)} for page, soup in pages.items()}
    broken = []
    for page, href, target, fragment in links:
        if not (built_site / target).exists():
            broken.append((page, href, "no such file"))
        elif fragment and target in ids and fragment not in ids[target]:
            broken.append((page, href, "no such id"))
    assert len(links) > 300
    assert broken == []


def test_every_actor_person_and_source_page_is_linked_from_another_page(pages, links):
    generated = [page for page in pages if page.split("/")[0] in ("actors", "people", "sources")
                 and page.count("/") == 2]
    data = load_site(PROJECT / "data", PROJECT / "docs")
    assert len(generated) == len(data.actors) + len(data.people) + len(data.sources)
    linked = {target for page, _, target, _ in links if target != page}
    assert [page for page in generated if page not in linked] == []


def test_every_entry_on_generated_pages_lands_on_a_passage_of_the_article(pages, links):
    article_ids = {element["id"] for element in pages[ARTICLE_HTML].select(".annotated-passage[id]")}
    entries = [(page, fragment) for page, _, target, fragment in links
               if target == ARTICLE_HTML and fragment and page.split("/")[0] in ("actors", "people", "sources")]
    assert len(entries) > 40
    assert all(fragment in article_ids for _, fragment in entries), [e for e in entries if e[1] not in article_ids]


def test_each_actor_page_is_reachable_from_the_article_and_from_each_related_actor(pages, links):
    data = load_site(PROJECT / "data", PROJECT / "docs")
    targets_from = {}
    for page, _, target, _ in links:
        targets_from.setdefault(page, set()).add(target)
    for actor in data.actors.values():
        actor_page = f"actors/{actor.id}/index.html"
        assert actor_page in targets_from[ARTICLE_HTML], actor.id
        for relation in actor.relations:
            assert actor_page in targets_from[f"actors/{relation.to}/index.html"], (relation.to, actor.id)
            assert f"actors/{relation.to}/index.html" in targets_from[actor_page]


def test_actors_link_once_per_article_at_their_first_mention(pages):
    site = load_site(PROJECT / "data", PROJECT / "docs")
    for path in site.articles:
        article = pages[path.removesuffix(".md") + "/index.html"]
        paragraphs = article.select("article p[id^=p-]")
        links = [(index, a) for index, p in enumerate(paragraphs) for a in p.select("a.actor-link")]
        hrefs = [a["href"] for _, a in links]
        assert len(hrefs) == len(set(hrefs)), path
        for actor in site.actors.values():
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, actor.names)) + r")(?![\w-])") \
                if actor.names else None
            mentioned = [i for i, p in enumerate(paragraphs) if pattern and pattern.search(p.get_text())]
            linked = [index for index, a in links if a["href"].rstrip("/").endswith(f"/actors/{actor.id}")]
            assert len(linked) == (1 if mentioned else 0), (path, actor.id)
            if mentioned:
                assert linked[0] == mentioned[0], (path, actor.id)  # in the first paragraph that names it


def test_every_paragraph_and_passage_has_a_distinct_id(pages):
    article = pages[ARTICLE_HTML].select_one("article")
    paragraphs = article.find_all("p", recursive=False)
    assert all(p.get("id", "").startswith("p-") for p in paragraphs[:-1])
    ids = [element["id"] for element in article.find_all(id=True)]
    assert len(ids) == len(set(ids))


def test_passage_highlight_on_target_needs_no_script(built_site):
    css = (built_site / "assets" / "annotations.css").read_text(encoding="utf-8")
    assert ".annotated-passage:target" in css


def test_actor_page_groups(pages):
    page = pages["actors/north-korea/index.html"]
    headings = [h.get_text() for h in page.select("article h2")]
    assert headings[:2] == ["What was said about North Korea", "Figures"]
    assert "Related actors" in headings
    figures = page.find("h2", string="Figures").find_next("ul").get_text(" ")
    assert "12,000" in figures and "troops pledged to Russia" in figures
    related = " ".join(page.find("h2", string="Related actors").find_next("ul").get_text().split())
    assert "North Korea → Russia: sends troops and munitions" in related
    assert "China → North Korea: reportedly displeased" in related
    south = pages["actors/south-korea/index.html"]
    said = south.find("h2", string="What South Korea’s officials and bodies said")
    assert said is None  # Cho Tae-yul is quoted through ISW, not as a speaker
    assert "signalled possible readiness to increase support" in south.get_text()


def test_officials_statements_are_grouped_under_their_actor(pages):
    nato = pages["actors/nato/index.html"]
    group = nato.find("h2", string="What NATO’s officials and bodies said").find_next("ul")
    assert "Mark Rutte" in group.get_text()
    about = nato.find("h2", string="What was said about NATO").find_next("ul")
    assert "governments of the United States" in about.get_text()


def test_person_and_source_pages(pages):
    ahn = pages["people/ahn-chan-il/index.html"]
    assert "World Institute for North Korea Studies" in ahn.get_text()
    assert ahn.select_one('a[href$="#ahn-chan-il-big-gamble"]')
    rutte = pages["people/mark-rutte/index.html"]
    assert rutte.select_one('a[href="../../actors/nato/"]')
    isw = pages["sources/isw-2024-11-01/index.html"]
    text = " ".join(isw.get_text(" ").split())
    assert "research report" in text and "1 November 2024" in text
    assert "address built from the site’s usual pattern, not checked" in text
    cited = isw.find("h2", string="Cited for").find_next("ul").select("li")
    assert len(cited) == 3
    assert "confirmed" in cited[2].get_text() and "likely" in cited[0].get_text()


def test_featured_actors_are_in_the_navigation(pages):
    nav = [a.get_text(strip=True) for a in pages["index.html"].select("nav.md-nav--primary a.md-nav__link")]
    for name in ("Russia", "North Korea", "China", "South Korea", "People", "Sources"):
        assert name in nav
    assert "Japan" not in nav


def test_the_articles_page_lists_every_article_and_the_navigation_leads_to_both(pages):
    nav = {a.get_text(strip=True): a["href"] for a in pages["index.html"].select("nav.md-nav--primary a.md-nav__link")}
    assert nav["All articles"] == "articles/"
    assert nav["North Korea’s troop deployment to assist Russia met with condemnation"] == \
        "articles/north-korea-troops-russia/"
    data = load_site(PROJECT / "data", PROJECT / "docs")
    listed = pages["articles/index.html"].select("article li > a:first-child")
    assert [(a["href"], a.get_text()) for a in listed] == [
        (article.path.removeprefix("articles/").removesuffix(".md") + "/", article.title)
        for article in data.articles.values()]


def test_relations_map_is_inline_svg_with_a_link_per_actor_and_a_text_alternative(pages):
    page = pages["actors/index.html"]
    svg = page.select_one("figure.relations-map svg")
    assert svg is not None and not page.select("script[src*=d3], script[src*=cdn]")
    nodes = svg.select("a.relations-node")
    data = load_site(PROJECT / "data", PROJECT / "docs")
    assert sorted(node.get_text() for node in nodes) == sorted(actor.name for actor in data.actors.values())
    assert all(node["href"].endswith("/") for node in nodes)
    relations = sum(len(actor.relations) for actor in data.actors.values())
    assert len(svg.select("g.relations-edge")) == relations
    words = page.find("h2", string="The relations in words").find_next("ul").select("li")
    assert len(words) == relations


def test_adding_an_actor_person_and_source_to_the_data_adds_their_pages(tmp_path):
    project = copy_project(tmp_path / "project")
    with open(project / "data" / "actors.yml", "a", encoding="utf-8") as actors:
        actors.write("\n- id: belarus\n  name: Belarus\n  kind: country\n  names: [Belarus]\n"
                     "  description: Country in Eastern Europe allied with Russia.\n"
                     "  relations:\n    - to: russia\n      relation: allied with\n")
    with open(project / "data" / "people.yml", "a", encoding="utf-8") as people:
        people.write("\n- id: kim-jong-un\n  name: Kim Jong Un\n  role: Leader of North Korea\n  actor: north-korea\n")
    with open(project / "data" / "sources.yml", "a", encoding="utf-8") as sources:
        sources.write("\n- id: kcna-2024-11-01\n  publisher: KCNA\n  kind: official-statement\n  date: 2024-11-01\n")
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    belarus = soup_of(site / "actors" / "belarus" / "index.html")
    assert "allied with" in belarus.get_text()
    assert (site / "people" / "kim-jong-un" / "index.html").exists()
    assert (site / "sources" / "kcna-2024-11-01" / "index.html").exists()
    index = soup_of(site / "actors" / "index.html")
    assert index.select_one('svg a[href="belarus/"]')
    assert soup_of(site / "people" / "index.html").select_one('a[href="kim-jong-un/"]')
