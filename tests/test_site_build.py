"""The real site, built by MkDocs with our hooks: the article and its footnotes in the HTML."""

from __future__ import annotations

import re

import markdown
import pytest
from bs4 import BeautifulSoup

from annotated_article.data.vocabulary import OVERSTATED
from annotated_article.render.claims import JUDGEMENT_LABELS, JUDGEMENTS
from annotated_article.render.provenance import dateline_html
from conftest import ARTICLE, ARTICLE_HTML, FIXTURES, article_html, soup_of
from project_data import project_site
from test_article_markup import EXTENSIONS, annotation, render

# The twelve attributions of the research file (the Wall Street Journal twice, so 13 places): the words the
# marker must follow, the speaker the footnote must name, and the outlet or publisher.
ATTRIBUTIONS = [
    ("according to defense officials and analysts.", "Defense officials and analysts", "U.S. Department of State"),
    ("sign of Putin’s “growing desperation.”", "Mark Rutte", "NATO"),
    ("dangerous and major escalation of a war now in its third year.", "governments of the United States",
     "North Atlantic Council"),
    ("about 1,200 Russian troops are being killed daily", "Antony Blinken", "U.S. Department of State"),
    ("most of them won’t likely come back home alive.”", "Lee Woong-gil", "The Associated Press"),
    ("having not previously carried out joint military exercises.”", "UK Ministry of Defence",
     "UK Ministry of Defence"),
    ("(ISW), a U.S.-based think tank.", "Institute for the Study of War", "Institute for the Study of War"),
    ("North Korea also has been supplying Russia with munitions and missiles.", "Institute for the Study of War",
     "Institute for the Study of War"),
    ("South Korea, told AP.", "Ahn Chan-il", "The Associated Press"),
    ("according to The Wall Street Journal newspaper.", "The Wall Street Journal", "The Wall Street Journal"),
    ("allies,” the newspaper reported.", "The Wall Street Journal", "The Wall Street Journal"),
    ("Security Affairs, told the newspaper.", "Eric J. Ballbach", "The Wall Street Journal"),
    ("citing a statement by South Korean Foreign Minister Cho Tae-yul.", "Institute for the Study of War",
     "Institute for the Study of War"),
]


@pytest.fixture(scope="module")
def article(built_site):
    return soup_of(built_site / ARTICLE_HTML)


def article_body(soup):
    return soup.select_one("article.md-content__inner")


def test_build_has_no_warning(site_build):
    _, result = site_build
    assert "WARNING" not in result.stderr, result.stderr
    assert "ERROR" not in result.stderr, result.stderr


def test_article_text_is_word_for_word(built_site):
    seed = (FIXTURES / "seed-article.txt").read_text(encoding="utf-8")
    title, *paragraphs = [block.strip() for block in seed.split("\n\n")]
    article = soup_of(built_site / ARTICLE_HTML)
    body = article_body(article)
    for apparatus in body.select("sup.annotation-marker, a.paragraph-link, p.corrections-line"):
        apparatus.decompose()
    body.select_one("div.annotation-notes").decompose()
    assert body.select_one("h1").get_text() == title
    assert [p.get_text().rstrip() for p in body.find_all("p", recursive=False)] == paragraphs
    assert article.title.get_text().startswith(title)


@pytest.mark.parametrize("words, speaker, outlet", ATTRIBUTIONS, ids=[row[1] + ": " + row[0][:30] for row in ATTRIBUTIONS])
def test_each_attribution_has_its_marker_and_footnote(article, words, speaker, outlet):
    markers = [
        sup for sup in article.select("sup.annotation-marker")
        if _text_before(sup).endswith(words)
    ]
    assert len(markers) == 1, f"no single marker right after {words!r}"
    entry = article.find(id=markers[0].a["href"][1:])
    assert entry["id"] == "cite:" + markers[0]["id"].removeprefix("fnref:")  # the marker leads to its own claim
    source = article.find(id=entry.select_one(".claim-source a")["href"][1:])  # its source, in the list of sources
    assert speaker in entry.get_text(" ")
    assert outlet in source.select_one(".source-citation").get_text(" ")
    assert f"#{entry['id']}" in [a["href"] for a in source.select(".source-claims a")]


def _text_before(marker) -> str:
    passage = marker.parent
    return passage.get_text().removesuffix(marker.get_text())


def test_every_annotation_has_a_marker(article):
    annotations = project_site().articles[ARTICLE].annotations
    assert [m["id"] for m in article.select("sup.annotation-marker")] == [f"fnref:{a.id}" for a in annotations]


# Attributions the article makes that no source was found for: marked, and said so.
UNSOURCED = [
    ("failing military efforts, experts say.", "experts-flailing-economy", "Unnamed experts"),
    ("largely inexperienced, analysts say.", "analysts-inexperienced-troops", "Unnamed analysts"),
]


@pytest.mark.parametrize("words, annotation_id, who", UNSOURCED)
def test_attributions_without_a_source_are_marked_and_say_so(article, words, annotation_id, who):
    marker = article.find(id=f"fnref:{annotation_id}")
    assert _text_before(marker).endswith(words)
    entry = article.find(id=marker.a["href"][1:])
    assert entry["id"] == f"cite:{annotation_id}"
    assert "No source was found for this attribution." in entry.get_text()
    assert who in entry.get_text()
    assert "Source: not found" in entry.get_text() and "Wording: not checked" in entry.get_text()


def test_footnote_says_how_both_judgements_and_what_was_said_with_the_editors_note(article):
    entry = article.find(id="cite:russian-losses-per-day")
    annotation = next(a for a in project_site().articles[ARTICLE].annotations if a.id == "russian-losses-per-day")
    text = " ".join(entry.get_text(" ").split())
    assert "paraphrase" in text
    assert f"Source: {JUDGEMENTS['source_seen'][0][annotation.source_seen]}" in text
    assert JUDGEMENTS["wording"][0][annotation.wording] in text
    shown = text.replace("differs: ", "")  # the words screen readers hear before words that differ
    assert all(f"“{' '.join(said.words.split())}”" in shown for said in annotation.said if said.words)
    assert "casualties, killed and wounded, not deaths" in text


def test_a_source_cited_from_several_places_is_listed_once_with_a_link_to_each_claim(article):
    source = article.find(id="fn:isw-2024-11-01")
    claims = [a["href"] for a in source.select(".source-claims a")]
    assert claims == ["#cite:isw-troops-pledged", "#cite:isw-casualties-munitions", "#cite:isw-south-korea-support"]
    assert len(article.select('[id="fn:isw-2024-11-01"]')) == 1
    markers = [article.find(id=f"fnref:{claim[6:]}").a for claim in claims]
    assert [m["href"] for m in markers] == claims
    assert len({m.get_text() for m in markers}) == 3  # each claim its own mark
    assert [m["aria-label"] for m in markers] == [f"Claim {m.get_text()}" for m in markers]
    for claim in claims:
        back = article.find(id=claim[1:]).select_one('a[role="doc-backlink"]')
        assert back.get_text() == "^" and back["href"] == f"#{claim[6:]}"


def test_each_marker_and_back_link_is_named_with_the_text_it_shows(each_site):
    """WCAG 2.5.3 (label in name): a reader who says what they see ("1", "a") reaches the link."""
    for path in each_site.data.articles:
        page = soup_of(each_site.site / article_html(path))
        links = page.select('a[role="doc-noteref"], a[role="doc-backlink"]')
        assert links
        for link in links:
            shown = re.findall(r"\w+", link.get_text())
            assert all(re.search(rf"\b{word}\b", link["aria-label"]) for word in shown), link


def test_marks_are_numbered_in_reading_order_and_each_source_is_listed_once(article):
    numbers = [int(sup.get_text()) for sup in article.select("sup.annotation-marker")]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(article.select("div.annotation-notes > ol.claim-notes > li")) == len(numbers)
    sources = {a.source for a in project_site().articles[ARTICLE].annotations if a.source}
    assert len(article.select("div.annotation-notes > ol.bibliography > li")) == len(sources)


def test_every_internal_link_of_the_article_lands_on_an_existing_id(article):
    ids = {element["id"] for element in article.find_all(id=True)}
    fragments = [a["href"][1:] for a in article.find_all("a", href=True) if a["href"].startswith("#")]
    assert fragments
    assert [f for f in fragments if f and f not in ids] == []


def test_links_say_when_they_are_a_pattern_or_a_reprint(article):
    isw = article.find(id="fn:isw-2024-11-01").select_one(".source-citation").get_text(" ")
    assert re.search(r"understandingwar\.org\s+\(address built from the site’s usual pattern, not checked\)", isw)
    ap = article.find(id="fn:ap-2024-10-30").select_one(".source-citation").get_text(" ")
    assert "KVIA (reprint)" in re.sub(r"\s+", " ", ap)


def test_the_theme_opens_no_footnote_tooltip_over_the_claim_cards(article):
    config = article.select_one("script#__config")
    assert "content.footnote.tooltips" not in config.get_text()
    scripts = [script["src"] for script in article.select("script[src]")]
    assert any(src.endswith("assets/claim-cards.js") for src in scripts)


def test_no_external_link_is_anything_but_http(article):
    for a in article.select("div.annotation-notes a[href]"):
        assert a["href"].startswith(("#", "https://", "http://", "../")), a["href"]


def test_a_summary_of_the_claims_follows_the_title_with_a_row_per_claim_in_reading_order(article):
    site = project_site()
    annotations = {a.id: a for a in next(a for a in site.articles.values() if a.path == ARTICLE).annotations}
    summary = article.select_one("h1").find_next_sibling("details")
    assert "claims-summary" in summary["class"]
    tallies = []
    for name, (words, _) in JUDGEMENTS.items():
        counts = {value: sum(getattr(a, name) == value for a in annotations.values()) for value in words}
        tallies.append(f"{JUDGEMENT_LABELS[name]}: " + " · ".join(
            f"{'warning: ' * (value in OVERSTATED)}{count} {words[value]}" for value, count in counts.items() if count))
    assert summary.summary.get_text() == f"{len(annotations)} claims. " + ". ".join(tallies) + "."
    rows = summary.select("tbody tr")
    in_reading_order = [sup["id"].removeprefix("fnref:") for sup in article.select("sup.annotation-marker")]
    assert [row.a["href"] for row in rows] == [f"#{id_}" for id_ in in_reading_order]
    for row in rows:
        claim = annotations[row.a["href"][1:]]
        who, actors, seen, wording = row.find_all("td")[1:]
        assert who.get_text() == (claim.attributed_to or site.people[claim.speaker].name)
        assert actors.get_text() == ", ".join(site.actors[id_].name for id_ in claim.actors)
        assert seen.select_one(".judgement")["class"] == ["judgement", f"judgement--{claim.source_seen}"]
        assert seen.get_text() == JUDGEMENTS["source_seen"][0][claim.source_seen]
        assert wording.select_one(".judgement")["class"] == ["judgement", f"judgement--{claim.wording}"]
        assert wording.get_text() == "warning: " * (claim.wording in OVERSTATED) + JUDGEMENTS["wording"][0][claim.wording]


def test_under_the_title_come_its_dateline_a_line_for_paper_and_the_summary_of_claims():
    result = render("# Title\n\nSome words.\n", annotation("q", "words"))
    result.build.built = "2024-11-05"
    result.build.begin_page("a.md", "# Title\n\nSome words.\n", "https://example.org/a/?x=1&y=<2>")
    soup = BeautifulSoup(markdown.Markdown(extensions=[*EXTENSIONS, result.build.extension()]).convert(
        "# Title\n\nSome words.\n"), "html.parser")
    dateline = dateline_html(result.build.site.articles["a.md"])
    expected = [["dateline"]] * bool(dateline) + [["printed-from"], ["claims-summary"]]
    under = soup.h1.find_next_siblings(limit=len(expected))
    assert [element.get("class") for element in under] == expected
    assert str(under[-2]) == ('<div class="printed-from">This page: https://example.org/a/?x=1&amp;y=&lt;2&gt; · '
                              'Site built <data value="2024-11-05">5 November 2024</data></div>')
    result.build.built = ""
    result.build.begin_page("a.md", "# Title\n\nSome words.\n")
    html = markdown.Markdown(extensions=[*EXTENSIONS, result.build.extension()]).convert("# Title\n\nSome words.\n")
    assert "printed-from" not in html and "claims-summary" in html
