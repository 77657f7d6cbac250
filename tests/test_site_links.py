"""The whole built site: every relative link and fragment resolves, and every generated page is linked.

Each test reads the site as it is and the site with a second article (`each_site`).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from annotated_article.render.attribution import format_date
from annotated_article.render.claims import JUDGEMENTS
from conftest import article_html, copy_project, run_mkdocs_build, site_url, soup_of

pytestmark = pytest.mark.build


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
def pages(each_site):
    return site_pages(each_site.site)


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


def test_every_relative_link_and_fragment_exists(pages, links, each_site):
    ids = {page: {element["id"] for element in soup.find_all(id=True)} for page, soup in pages.items()}
    broken = []
    for page, href, target, fragment in links:
        if not (each_site.site / target).exists():
            broken.append((page, href, "no such file"))
        elif fragment and target in ids and fragment not in ids[target]:
            broken.append((page, href, "no such id"))
    assert len(links) > 300
    assert broken == []


def test_every_actor_person_and_source_page_is_linked_from_another_page(pages, links, each_site):
    generated = [page for page in pages if page.split("/")[0] in ("actors", "people", "sources")
                 and page.count("/") == 2]
    data = each_site.data
    assert len(generated) == len(data.actors) + len(data.people) + len(data.sources)
    linked = {target for page, _, target, _ in links if target != page}
    assert [page for page in generated if page not in linked] == []


def test_every_entry_on_generated_pages_lands_on_a_passage_of_its_article(pages, links, each_site):
    articles = [article_html(path) for path in each_site.data.articles]
    passages = {(page, element["id"]) for page in articles for element in pages[page].select(".annotated-passage[id]")}
    entries = {(target, fragment) for page, _, target, fragment in links
               if target in articles and fragment and page.split("/")[0] in ("actors", "people", "sources")}
    assert entries - passages == set()
    # Every annotation that names a speaker, a source or an actor has an entry on that one's page.
    assert entries >= {(article_html(article.path), annotation.id) for article in each_site.data.articles.values()
                       for annotation in article.annotations
                       if annotation.speaker or annotation.source or annotation.actors}


def test_each_actor_page_is_reachable_from_an_article_and_from_each_related_actor(pages, links, each_site):
    data = each_site.data
    targets_from = {}
    for page, _, target, _ in links:
        targets_from.setdefault(page, set()).add(target)
    for actor in data.actors.values():
        actor_page = f"actors/{actor.id}/index.html"
        assert any(actor_page in targets_from[article_html(path)] for path in data.articles), actor.id
        for relation in actor.relations:
            assert actor_page in targets_from[f"actors/{relation.to}/index.html"], (relation.to, actor.id)
            assert f"actors/{relation.to}/index.html" in targets_from[actor_page]


def test_actors_link_once_per_article_at_their_first_mention(pages, each_site):
    site = each_site.data
    for path in site.articles:
        article = pages[article_html(path)]
        paragraphs = article.select("article p[id^=p-]")
        links = [(index, a) for index, p in enumerate(paragraphs) for a in p.select("a.actor-link")]
        hrefs = [a["href"] for _, a in links]
        assert len(hrefs) == len(set(hrefs)), path
        for actor in site.actors.values():
            pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, actor.names)) + r")(?![\w-])") \
                if actor.names else None
            mentioned = [i for i, p in enumerate(paragraphs) if pattern and pattern.search(
                "".join(t for t in p.find_all(string=True) if not t.find_parent("sup")))]  # markers aside
            linked = [index for index, a in links if a["href"].rstrip("/").endswith(f"/actors/{actor.id}")]
            assert len(linked) == (1 if mentioned else 0), (path, actor.id)
            if mentioned:
                assert linked[0] == mentioned[0], (path, actor.id)  # in the first paragraph that names it


def test_every_paragraph_and_passage_has_a_distinct_id(pages, each_site):
    for path in each_site.data.articles:
        article = pages[article_html(path)].select_one("article")
        ids = [element["id"] for element in article.find_all(id=True)]
        assert len(ids) == len(set(ids)), path
        plan = each_site.data.articles[path].loaded_plan  # every block of running text the build read has its id
        assert set(plan.paragraph_ids) <= set(ids) and all(id_.startswith("p-") for id_ in plan.paragraph_ids), path
        assert set(plan.passages) <= set(ids), path


def test_passage_highlight_on_target_needs_no_script(built_site):
    css = (built_site / "assets" / "annotations.css").read_text(encoding="utf-8")
    assert ".annotated-passage:target" in css


def test_actor_page_groups(pages, each_site):
    page = pages["actors/north-korea/index.html"]
    headings = [h.get_text() for h in page.select("article h2")]
    assert headings[:3] == ["Voices", "Claims by and about North Korea", "Figures"]
    assert "Relations" in headings
    figures = page.find("h2", string="Figures").find_next("ul").get_text(" ")
    assert "12,000" in figures and "troops pledged to Russia" in figures
    related = " ".join(page.find("h2", string="Relations").find_next("ul").get_text().split())
    assert "North Korea → Russia: sends troops and munitions" in related
    assert "China → North Korea: reportedly displeased" in related
    south = pages["actors/south-korea/index.html"]
    # Cho Tae-yul is quoted through ISW, not as a speaker: his words given by a source make the claim his actor's own.
    own = [person.id for person in each_site.data.people.values() if person.actor == "south-korea"]
    voiced = any(a.speaker in own or any(s.speaker in own for s in a.said)
                 for article in each_site.data.articles.values() for a in article.annotations)
    assert ("By its own voice" in south.get_text()) == voiced
    assert "signalled possible readiness to increase support" in south.get_text()


def test_every_entry_and_figure_on_generated_pages_names_its_article_when_there_are_several(pages, each_site):
    titles = {article_html(path): article.title for path, article in each_site.data.articles.items()}
    several, checked = len(titles) > 1, 0
    for page, soup in pages.items():
        if page.split("/")[0] not in ("actors", "people", "sources") or page.count("/") != 2:
            continue
        for entry in soup.select("article li"):
            text = " ".join(entry.get_text().split())
            for link in entry.find_all("a", href=True):
                target, _ = resolve(page, link["href"]) or ("", "")
                if target in titles:
                    assert (f"{' '.join(link.get_text().split())} in {titles[target]}" in text) == several, (page, text)
                    checked += 1
    assert checked >= sum(len(article.annotations) for article in each_site.data.articles.values())


def test_officials_statements_are_marked_as_their_actors_own(pages):
    nato = pages["actors/nato/index.html"]
    items = [" ".join(li.get_text().split()) for h3 in nato.select("article h3") for li in h3.find_next("ul").select("li")]
    assert any(text.startswith("By its own voice") and "Mark Rutte" in text for text in items)
    assert any("governments of the United States" in text for text in items)


def test_person_and_source_pages(pages, each_site):
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
    citing = [a for article in each_site.data.articles.values() for a in article.annotations
              if a.source == "isw-2024-11-01"]
    assert [[badge["class"][1] for badge in entry.select(".judgement")] for entry in cited] == \
        [[f"judgement--{a.source_seen}", f"judgement--{a.wording}"] for a in citing]


def test_featured_actors_are_in_the_navigation(pages):
    nav = [a.get_text(strip=True) for a in pages["index.html"].select("nav.md-nav--primary a.md-nav__link")]
    for name in ("Russia", "North Korea", "China", "South Korea", "People", "Sources"):
        assert name in nav
    assert "Japan" not in nav


def test_the_articles_page_lists_every_article_and_the_navigation_leads_to_both(pages, each_site):
    nav = {a.get_text(strip=True): a["href"] for a in pages["index.html"].select("nav.md-nav--primary a.md-nav__link")}
    assert nav["All articles"] == "articles/"
    assert nav["North Korea’s troop deployment to assist Russia met with condemnation"] == \
        "articles/north-korea-troops-russia/"


@pytest.mark.parametrize("page, heading, prefix", [("index.html", "Articles", "articles/"),
                                                   ("articles/index.html", "All articles", "")])
def test_the_home_and_articles_pages_list_every_article_newest_first_from_the_data(pages, each_site, page,
                                                                                   heading, prefix):
    articles = each_site.data.articles.values()
    expected = sorted((a for a in articles if a.provenance.date), key=lambda a: a.provenance.date, reverse=True)
    expected += [a for a in articles if not a.provenance.date]
    entries = pages[page].find("h2", string=heading).find_next("ul").find_all("li", recursive=False)
    assert [(li.a["href"], li.a.get_text()) for li in entries] == [
        (prefix + a.path.removeprefix("articles/").removesuffix(".md") + "/", a.title) for a in expected]
    for entry, article in zip(entries, expected):
        text = " ".join(entry.get_text().split())
        published = article.provenance
        assert (published.publisher or "Publisher not known") in text
        assert (format_date(published.date) if published.date else "date not known") in text
        assert f"{len(article.annotations)} attributed claim" in text
        for name, (words, _) in JUDGEMENTS.items():
            for value, word in words.items():
                count = sum(getattr(a, name) == value for a in article.annotations)
                assert (f"{count} {word}" in text) == (count > 0), (word, text)


def test_relations_map_is_inline_svg_with_a_link_per_actor_and_a_text_alternative(pages, each_site):
    page = pages["actors/index.html"]
    svg = page.select_one("figure.relations-map svg")
    assert svg is not None and not page.select("script[src*=d3], script[src*=cdn]")
    nodes = svg.select("a.relations-node")
    data = each_site.data
    assert sorted(node.get_text() for node in nodes) == sorted(actor.name for actor in data.actors.values())
    assert all(node["href"].endswith("/") for node in nodes)
    relations = sum(len(actor.relations) for actor in data.actors.values())
    assert len(svg.select(".relations-edge")) == relations
    words = page.find("h2", string="The relations in words").find_next("ul").select("li")
    assert len(words) == relations


def test_adding_an_actor_person_and_source_to_the_data_adds_their_pages(tmp_path):
    project = copy_project(tmp_path / "project")
    with open(project / "data" / "actors.yml", "a", encoding="utf-8") as actors:
        actors.write("\n- id: belarus\n  name: Belarus\n  kind: country\n  names: [Belarus]\n"
                     "  description: Country in Eastern Europe allied with Russia.\n"
                     "  relations:\n    - to: russia\n      relation: allied with\n      background: true\n")
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


def test_every_page_links_each_address_of_the_data_as_it_is_written(pages, each_site):
    """Footnotes, source pages and datelines write a link the same way: its href, as a browser reads it, is the
    address as the data gives it (a page that wrote it through Markdown could turn `&...;` into a character)."""
    site = each_site.data
    addresses = {link.url for source in site.sources.values() for link in source.links} | {
        link.url for article in site.articles.values() for link in article.provenance.links}
    assert addresses
    found = {element["href"] for soup in pages.values() for element in soup.select("a[href^='http']")}
    for source in site.sources.values():
        page = pages[f"sources/{source.id}/index.html"]
        shown = {a["href"] for a in page.select("a[href^='http']")}
        assert {link.url for link in source.links} <= shown, source.id
    near = [href for href in found - addresses if any(href != url and (href in url or url in href) for url in addresses)]
    assert near == []  # no page writes an address of the data otherwise
