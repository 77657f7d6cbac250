"""Generated pages as Markdown, and the relations map, built directly from small data."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import markdown
import pytest

from annotated_article.article.anchoring import anchor_quote
from annotated_article.article.parsing import MKDOCS_BUILTIN_EXTENSIONS, ArticleParser
from annotated_article.article.placement import plan_article
from annotated_article.article.text import read_text
from annotated_article.model import (
    Actor,
    Annotation,
    Article,
    Figure,
    Link,
    Person,
    Provenance,
    Relation,
    Said,
    SiteData,
    Source,
)
from annotated_article.render.actor_page import actor_page
from annotated_article.render.claims import site_claims
from annotated_article.render.entity_pages import person_page, source_page
from annotated_article.render.index_pages import ARTICLE_LIST, articles_index, generated_pages, with_article_list
from annotated_article.render.navigation import NAV_ARTICLES, nav_entries, with_generated_nav
from annotated_article.render.relations import all_relations
from annotated_article.render.relations_map import relations_map_svg
from annotated_article.render.site_index import SiteIndex, index_site
from conftest import PROJECT


def small_site() -> SiteData:
    actors = {
        "alpha": Actor("alpha", "Alpha <Land>", "country", "First *country*.", featured=True,
                       relations=(Relation("beta", "trades with"),)),
        "beta": Actor("beta", "Beta", "country", "Second country."),
        "gamma": Actor("gamma", "Gamma", "alliance", "An alliance.", relations=(Relation("alpha", "watches"),)),
    }
    people = {
        "minister": Person("minister", "Ann Minister", "Foreign Minister", actor="alpha"),
        "expert": Person("expert", "Ed Expert", "Fellow", affiliation="Some Institute"),
    }
    sources = {"paper": Source("paper", "The Paper", "news-report", title="A [story]", date="2024-11-02",
                               links=(Link("https://example.org/x", "reprint", "Example"),)),
               "extra": Source("extra", "Extra", "research-report")}
    annotations = (
        Annotation("said-by-minister", "Alpha will act.", "direct-quote", "original", "same-words", source="paper",
                   speaker="minister", actors=("alpha", "beta"), figures=(Figure("beta", "troops", "1,000"),),
                   said=(Said("paper", words="Alpha will act."),)),
        Annotation("about-alpha", "Experts doubt Alpha.", "paraphrase", "report", "stronger-than-source", source="paper",
                   speaker="expert", actors=("alpha",), see_also=("extra",), note="Careful.",
                   said=(Said("paper", words="Some experts wonder about Alpha.", seen_in="as quoted by *Wire*"),
                         Said("extra", speaker="minister", not_seen="the <b>report</b> was not found"))),
    )
    article = planned(Article("articles/story.md", "data/articles/story.yml", annotations, "The story"),
                      "# The story\n\nAlpha will act. Experts doubt Alpha.\n")
    return SiteData(actors, people, sources, {"articles/story.md": article})


def planned(article: Article, markdown_source: str) -> Article:
    """`article` with the plan loading works out from its Markdown, as every loaded article has."""
    root, stash = ArticleParser((MKDOCS_BUILTIN_EXTENSIONS, {})).parse(markdown_source)
    text, paragraphs = read_text(root, stash)
    passages = {annotation.id: anchor_quote(text, annotation.quote) for annotation in article.annotations}
    plan, problems = plan_article(text, paragraphs, stash, passages, {})
    assert not problems
    return dataclasses.replace(article, plan=dataclasses.replace(plan, source=markdown_source))


def index_of(site: SiteData) -> SiteIndex:
    return index_site(site, site_claims(site))


def render(page_markdown: str) -> str:
    return markdown.markdown(page_markdown, extensions=["attr_list", "footnotes"])


def page_url(path: str) -> str:
    """A page's URL with directory URLs, as MkDocs gives it."""
    return path.removesuffix(".md").removesuffix("index") + "/"


def test_actor_page_marks_what_its_own_voices_said_and_what_was_said_about_it():
    site = small_site()
    alpha = actor_page(site.actors["alpha"], site, index_of(site), page_url)
    html = render(alpha)
    assert "<h1>Alpha &lt;Land&gt;</h1>" in html
    assert "First *country*." in html.replace("\\*", "*") and "<em>country</em>" not in html
    claims = html.split("Claims by and about Alpha &lt;Land&gt;</h2>")[1].split("</ul>")[0]
    # Both are its minister's: the speaker of one, and whose words a source gives for the other. The list is HTML
    # made by the hooks, so its links are the pages' URLs (from actors/alpha/), not Markdown's links to files.
    own, also_own = claims.split("<li>")[1:]
    assert "<em>By its own voice</em>" in own and 'href="../../articles/story/#said-by-minister"' in own
    assert "<em>By its own voice</em>" in also_own and 'href="../../articles/story/#about-alpha"' in also_own
    assert "“Experts doubt Alpha.”" in also_own and "<strong>2 November 2024</strong>" in also_own
    beta = render(actor_page(site.actors["beta"], site, index_of(site), page_url))
    about = beta.split("Claims by and about Beta</h2>")[1].split("</ul>")[0]
    assert about.count("<li>") == 1 and "<em>About it</em>" in about and "#said-by-minister" in about
    voices = html.split("Voices</h2>")[1].split("<h2")[0]
    assert '<a href="../people/minister.md">Ann Minister</a>, Foreign Minister: 2 claims' in voices
    related = html.split("Relations</h2>")[1]
    assert "→ <a href=\"beta.md\">Beta</a>: trades with — <em>editors’ background, no source</em>" in related
    assert "<a href=\"gamma.md\">Gamma</a> → Alpha &lt;Land&gt;: watches" in related
    assert 'id="fn:paper"' in html and "A [story]" in html


def test_an_actor_none_of_whose_own_voices_is_quoted_says_so():
    site = small_site()
    html = render(actor_page(site.actors["gamma"], site, index_of(site), page_url))
    assert "No official or outlet of Gamma is quoted in these articles." in html


def test_figures_show_on_the_actor_they_concern():
    site = small_site()
    html = render(actor_page(site.actors["beta"], site, index_of(site), page_url))
    figures = html.split("Figures</h2>")[1].split("</ul>")[0]
    assert "<strong>1,000</strong>: troops" in figures and "#said-by-minister" in figures


def test_person_page_lists_what_they_said_with_affiliation():
    site = small_site()
    html = render(person_page(site.people["minister"], site, index_of(site)))
    assert '<a href="../actors/alpha.md">Alpha &lt;Land&gt;</a>' in html
    assert "#said-by-minister" in html and "direct quote" in html
    expert = render(person_page(site.people["expert"], site, index_of(site)))
    assert "Some Institute" in expert


def test_source_page_lists_every_citation_and_further_reading():
    site = small_site()
    index = index_of(site)
    html = render(source_page(site.sources["paper"], site, index))
    assert html.count("../articles/story.md#") == 2
    assert "2 November 2024" in html and "(reprint)" in html and "Careful." in html
    extra = render(source_page(site.sources["extra"], site, index))
    assert "Suggested as further reading for" in extra and "#about-alpha" in extra


def test_pages_come_from_the_data_alone():
    site = small_site()
    claims = site_claims(site)
    pages = generated_pages(site, claims, index_site(site, claims), page_url)
    assert set(pages) == {
        "articles/index.md", "actors/index.md", "people/index.md", "sources/index.md", "actors/alpha.md", "actors/beta.md",
        "actors/gamma.md", "people/minister.md", "people/expert.md", "sources/paper.md", "sources/extra.md",
    }
    # Navigation titles are HTML to MkDocs and the theme: a name from the data is escaped.
    assert nav_entries(site)[0] == {"Actors": [{"All actors": "actors/index.md"}, {"Alpha &lt;Land&gt;": "actors/alpha.md"}]}


def site_with_articles(count: int) -> SiteData:
    site = small_site()
    story = site.articles["articles/story.md"]
    site.articles = {f"articles/story-{n:03}.md": dataclasses.replace(story, path=f"articles/story-{n:03}.md",
                                                                     title=f"Story {n}")
                     for n in range(1, count + 1)}
    return site


def test_the_navigation_gets_an_articles_section_after_home_with_the_articles_page_first():
    site = site_with_articles(2)
    nav = with_generated_nav([{"Home": "index.md"}, {"Data": "data.md"}], site)
    assert nav[:3] == [{"Home": "index.md"},
                       {"Articles": [{"All articles": "articles/index.md"}, "articles/story-001.md",
                                     "articles/story-002.md"]},
                       {"Data": "data.md"}]
    assert nav[3:] == nav_entries(site)


def test_the_navigation_names_at_most_so_many_articles_and_the_articles_page_lists_them_all():
    site = site_with_articles(NAV_ARTICLES + 5)
    (articles,) = [entry["Articles"] for entry in with_generated_nav([{"Home": "index.md"}], site)
                   if isinstance(entry, dict) and "Articles" in entry]
    assert articles == [{"All articles": "articles/index.md"},
                        *[f"articles/story-{n:03}.md" for n in range(1, NAV_ARTICLES + 1)]]
    listed = render(articles_index(site, site_claims(site)))
    assert all(f'href="story-{n:03}.md"' in listed for n in range(1, NAV_ARTICLES + 6))
    assert "Story 15</a>: Publisher not known, date not known. 2 attributed claims (source: 1 seen at the " \
           "original, 1 seen only in a report; wording: 1 same words, 1 stronger than the source), 2 sources; names" \
           in listed


def test_articles_mkdocs_yml_lists_are_kept_and_count_towards_the_limit():
    site = site_with_articles(NAV_ARTICLES + 5)
    chosen = [{"Latest": "articles/story-015.md"}, "articles/story-014.md"]
    nav = with_generated_nav([{"Home": "index.md"}, {"Articles": chosen}], site)
    articles = nav[1]["Articles"]
    assert articles[:3] == [{"All articles": "articles/index.md"}, *chosen]
    assert len(articles) == 1 + NAV_ARTICLES
    assert articles[3:] == [f"articles/story-{n:03}.md" for n in range(1, NAV_ARTICLES - 1)]


def test_articles_in_a_subsection_count_one_by_one_towards_the_limit():
    site = site_with_articles(NAV_ARTICLES + 5)
    chosen = {"Series": [f"articles/story-{n:03}.md" for n in range(1, NAV_ARTICLES + 3)]}
    nav = with_generated_nav([{"Home": "index.md"}, {"Articles": [chosen]}], site)
    assert nav[1] == {"Articles": [{"All articles": "articles/index.md"}, chosen]}


def test_an_articles_entry_naming_one_page_becomes_a_section_holding_it():
    site = site_with_articles(2)
    nav = with_generated_nav([{"Home": "index.md"}, {"Articles": "articles/story-002.md"}], site)
    assert [entry for entry in nav if "Articles" in entry] == [
        {"Articles": [{"All articles": "articles/index.md"}, "articles/story-002.md", "articles/story-001.md"]}]


def test_an_article_the_navigation_names_elsewhere_is_not_named_twice():
    site = site_with_articles(2)
    nav = with_generated_nav([{"Home": "index.md"}, {"Featured": "articles/story-002.md"}], site)
    assert nav[1] == {"Articles": [{"All articles": "articles/index.md"}, "articles/story-001.md"]}
    assert nav[2] == {"Featured": "articles/story-002.md"}


def test_relations_map_is_well_formed_svg_with_links_and_titles():
    site = small_site()
    urls = {actor_id: f"actors/{actor_id}/" for actor_id in site.actors}
    svg = relations_map_svg(site, all_relations(site), "actors/", urls)
    assert "\n" not in svg
    root = ElementTree.fromstring(svg)
    namespace = {"svg": "http://www.w3.org/2000/svg"}
    links = root.findall(".//svg:a", namespace)
    assert sorted(link.get("href") for link in links) == ["alpha/", "beta/", "gamma/"]
    titles = [t.text for t in root.findall(".//svg:title", namespace)]
    assert "Alpha <Land> → Beta: trades with (editors’ background, no source)" in titles
    drawing = root.find(".//svg:svg", namespace)
    width, height = float(drawing.get("width")), float(drawing.get("height"))
    assert drawing.get("viewBox") == f"0 0 {drawing.get('width')} {drawing.get('height')}"  # a unit is a CSS pixel
    for line in root.findall(".//svg:line", namespace):
        assert all(0 <= float(line.get(k)) <= width for k in ("x1", "x2"))
        assert all(0 <= float(line.get(k)) <= height for k in ("y1", "y2"))
    labels = ["".join(text.itertext()) for text in root.findall(".//svg:g[@class='relations-edge']/svg:text", namespace)]
    assert sorted(labels) == ["trades with", "watches"]


@pytest.mark.parametrize("words", ["an-unbreakable-compound-word-longer-than-any-line and more",
                                   "x" * 60, "short", " ".join(["several words"] * 12)])
def test_a_relations_words_are_drawn_whole_over_lines(words):
    site = small_site()
    site.actors["alpha"] = dataclasses.replace(site.actors["alpha"], relations=(Relation("beta", words),))
    svg = relations_map_svg(site, all_relations(site), "actors/", {actor_id: "x/" for actor_id in site.actors})
    root = ElementTree.fromstring(svg)
    namespace = {"svg": "http://www.w3.org/2000/svg"}
    label = root.find(".//svg:g[@class='relations-edge']/svg:text", namespace)
    lines = [tspan.text for tspan in label.findall("svg:tspan", namespace)]
    assert "".join(lines).replace(" ", "") == words.replace(" ", "")  # every character, on lines cut at spaces or hyphens
    assert all(line == line.strip() and line for line in lines)


def test_relations_map_layout_is_the_same_in_every_process():
    """Rebuilding must not move the map: compare runs under different hash seeds."""
    script = ("import sys; sys.path[:0] = ['hooks', 'tests']; from test_pages import small_site; "
              "from annotated_article.render.relations_map import relations_map_svg; "
              "from annotated_article.render.relations import all_relations; site = small_site(); "
              "print(relations_map_svg(site, all_relations(site), 'actors/', "
              "{a: f'actors/{a}/' for a in site.actors}))")
    outputs = {
        subprocess.run([sys.executable, "-c", script], cwd=PROJECT, capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1 and "<svg" in outputs.pop()


def test_articles_are_listed_newest_first_with_publisher_date_and_claims_by_each_judgement():
    site = site_with_articles(4)
    dates = {"articles/story-001.md": "2024-10-01", "articles/story-003.md": "2024-12-24"}
    site.articles = {path: dataclasses.replace(article, provenance=Provenance(
        publisher=f"Press <{path[-6:-3]}>", date=dates[path]) if path in dates else Provenance())
        for path, article in site.articles.items()}
    home = render(with_article_list(f"# Home\n\n{ARTICLE_LIST}\n\nMore.\n", site, site_claims(site), "index.md"))
    assert [line.split('">')[1].split("</a>")[0] for line in home.split("<li>")[1:]] == [
        "Story 3", "Story 1", "Story 2", "Story 4"]
    assert 'href="articles/story-003.md">Story 3</a>: Press &lt;003&gt;, 24 December 2024. 2 attributed claims ' \
           '(source: 1 seen at the original, 1 seen only in a report; wording: 1 same words, 1 stronger than the ' \
           'source), 2 sources; names' in home
    assert "Story 2</a>: Publisher not known, date not known." in home and "<p>More.</p>" in home
    assert ARTICLE_LIST not in home
    navigation = with_generated_nav([{"Home": "index.md"}], site)[1]["Articles"]
    assert navigation[1:] == ["articles/story-003.md", "articles/story-001.md", "articles/story-002.md",
                              "articles/story-004.md"]


def test_a_page_without_the_list_line_is_left_as_it_is():
    site = small_site()
    assert with_article_list("# Data\n\nText.\n", site, site_claims(site), "data.md") == "# Data\n\nText.\n"


def test_with_several_articles_every_statement_and_figure_names_its_article():
    site = small_site()
    other = dataclasses.replace(site.articles["articles/story.md"], path="articles/other.md", title="Another *story*")
    site.articles["articles/other.md"] = other
    index = index_of(site)
    beta = render(actor_page(site.actors["beta"], site, index, page_url))
    figures = beta.split("Figures</h2>")[1].split("</ul>")[0]
    assert figures.count("the passage</a> in <em>The story</em>") == 1
    assert figures.count("the passage</a> in <em>Another *story*</em>") == 1
    minister = render(person_page(site.people["minister"], site, index))
    assert "Alpha will act.</a> in <em>The story</em>" in minister and "in <em>Another *story*</em>" in minister
    single = small_site()
    assert " in <em>" not in render(actor_page(single.actors["beta"], single, index_of(single), page_url))
