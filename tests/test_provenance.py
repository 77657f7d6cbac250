"""An article's provenance: the dateline under its title, its citation tags and description, its JSON-LD."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as etree

import pytest
from bs4 import BeautifulSoup
from markdown.serializers import to_html_string

from annotated_article.model import Article, ArticlePlan, ArticleText, Link, Paragraph, Provenance
from annotated_article.render.attribution import format_date, join_names
from annotated_article.render.claims import article_claims
from annotated_article.render.corrections import last_modified
from annotated_article.render.provenance import citation_tags, dateline_html, lede, under_title
from conftest import article_html, soup_of

KNOWN = Provenance(publisher="The Example Gazette", publisher_kind="newspaper", headline="Trains, as published", authors=("Ann Lee", "Bo Kim"),
                   date="2024-11-22", updated="2024-11-23", rights="© 2024 The Example Gazette",
                   links=(Link("https://example.org/a", "original"), Link("https://example.net/b", "reprint", "Net")))
UNKNOWN = Provenance(publisher_note="it reads like a forum piece", date_note="probably November 2024",
                     rights_note="terms not seen", links_note="not found online")
HOSTILE = '<b>"x"</b> & \'y\''


def article(provenance: Provenance, title: str = "Trains") -> Article:
    return Article("articles/trains.md", "data/articles/trains.yml", (), title, provenance=provenance)


def text_of(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def line_and_details(html: str) -> tuple[str, list[str]]:
    """The dateline's compact line, and what its disclosure holds, item by item."""
    soup = BeautifulSoup(html, "html.parser")
    line = soup.select_one(".dateline-facts")
    return (text_of(str(line)) if line else "",
            [text_of(str(item)) for item in soup.select("details.dateline-details li")])


def test_a_known_provenance_reads_as_one_compact_line_with_the_original_linked_and_the_rest_behind_it():
    html = dateline_html(article(KNOWN))
    assert line_and_details(html) == (
        "The Example Gazette · 22 November 2024 · By Ann Lee and Bo Kim · Read the original",
        ["Published as “Trains, as published”", "Updated 23 November 2024", "Net (reprint)",
         "© 2024 The Example Gazette"])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("details > summary").get_text() == "About this text"
    assert [a["href"] for a in soup.find_all("a")] == ["https://example.org/a", "https://example.net/b"]
    # The date of publication is its one <time>: reference managers read the first <time> as the article's date.
    assert [t["datetime"] for t in soup.find_all("time")] == ["2024-11-22"]
    assert [d["value"] for d in soup.find_all("data")] == ["2024-11-23"]


def test_an_update_is_no_time_of_the_page_when_the_date_of_publication_is_not_known():
    soup = BeautifulSoup(dateline_html(article(dataclasses.replace(UNKNOWN, updated="2024-11-23"))), "html.parser")
    assert soup.find("time") is None and soup.find("data")["value"] == "2024-11-23"


def test_what_is_not_known_is_said_with_the_editors_note_and_never_filled_in():
    assert line_and_details(dateline_html(article(UNKNOWN))) == (
        "Publisher not known · Date not known · Original not found",
        ["Publisher not known (it reads like a forum piece)", "Date not known (probably November 2024)",
         "Original not found (not found online)", "Rights not known (terms not seen)"])


def test_a_headline_as_published_that_is_the_title_is_not_repeated():
    assert "Published as" not in dateline_html(article(KNOWN, title="Trains, as published"))


def test_every_value_is_escaped_in_the_dateline_and_the_tags():
    hostile = Provenance(publisher=HOSTILE, headline=HOSTILE, authors=(HOSTILE,), rights=HOSTILE, date="2024-11-22",
                         links=(Link("https://example.org/?a=1&b=2", "reprint", HOSTILE),))
    dateline = BeautifulSoup(dateline_html(article(hostile)), "html.parser")
    assert dateline.find("b") is None and dateline.get_text().count(HOSTILE) == 5
    assert dateline.find("a")["href"] == "https://example.org/?a=1&b=2"
    tags = BeautifulSoup(citation_tags(article(hostile), "Trains"), "html.parser").find_all("meta")
    assert [m["content"] for m in tags if m["name"] not in ("citation_publication_date", "z.itemType")] \
        == [HOSTILE] * 5


def tags_of(provenance: Provenance, title: str = "Trains") -> list[tuple[str, str]]:
    return [(m["name"], m["content"]) for m in BeautifulSoup(citation_tags(article(provenance, title), title),
                                                              "html.parser").find_all("meta")]


def test_citation_tags_name_what_is_known_only():
    # Zotero's Embedded Metadata translator files it as a newspaper article, in the publication, with the
    # original's address in Extra (DC.description, read so once z.itemType gives the type) and the page's own
    # address (its canonical link) as the item's: no citation_public_url, which would take its place.
    assert tags_of(KNOWN) == [
        ("citation_title", "Trains, as published"), ("citation_author", "Ann Lee"), ("citation_author", "Bo Kim"),
        ("citation_publication_date", "2024/11/22"), ("citation_publisher", "The Example Gazette"),
        ("z.itemType", "newspaperArticle"), ("prism.publicationName", "The Example Gazette"),
        ("DC.rights", "© 2024 The Example Gazette"), ("DC.description", "Original URL: https://example.org/a")]
    # Nothing that is not known: no date, no publication, no byline (the item is still a news article).
    assert tags_of(UNKNOWN) == [("citation_title", "Trains"), ("z.itemType", "newspaperArticle")]


def test_a_magazine_article_is_filed_as_one_and_a_corporate_byline_as_one_institution():
    magazine = dataclasses.replace(KNOWN, publisher="FORUM", publisher_kind="magazine", authors=("FORUM Staff",),
                                   byline_kind="organization")
    tags = tags_of(magazine)
    assert ("z.itemType", "magazineArticle") in tags and ("prism.publicationName", "FORUM") in tags
    # `Name,` is a family name with no given name: Zotero keeps it whole, as one institutional author.
    assert [value for name, value in tags if name == "citation_author"] == ["FORUM Staff,"]
    for kind in ("newspaper", "news-site", "news-agency", "broadcaster"):
        assert ("z.itemType", "newspaperArticle") in tags_of(dataclasses.replace(KNOWN, publisher_kind=kind))


@pytest.mark.parametrize("paragraphs, expected", [
    (["One two & three.", "Four."], "One two & three."),
    ([], ""),
    ([" ".join(["word"] * 40)], " ".join(["word"] * 30) + " …"),
])
def test_the_description_is_the_first_paragraph_as_published(paragraphs, expected):
    text, spans = "Title", []
    for paragraph in paragraphs:
        spans.append(Paragraph(len(text) + 1, len(text) + 1 + len(paragraph)))
        text += " " + paragraph
    plan = ArticlePlan(ArticleText(text, tuple(spans), "Title"), {}, (), ())
    assert lede(dataclasses.replace(article(KNOWN), plan=plan)) == expected


@pytest.mark.parametrize("page, expected", [
    ("<h1>Title</h1><p>Text.</p>", '<div><h1>Title</h1>{}\n<p>Text.</p></div>'),
    ("<p>Text.</p>", '<div>{}\n<p>Text.</p></div>'),
])
def test_the_dateline_goes_right_under_the_title_as_written(page, expected):
    dateline = '<div class="dateline"><a href="https://example.org/?a=1&amp;b=2">AT&amp;T &amp;amp; &lt;b&gt;</a></div>'
    root = etree.fromstring(f"<div>{page}</div>")
    under_title(root, dateline)
    assert to_html_string(root) == expected.format(dateline)  # as Python-Markdown writes the page


# The built site, as it is and with a second article.

@pytest.fixture(scope="module")
def articles(each_site):
    """Each article of the site and its built page."""
    return [(a, soup_of(each_site.site / article_html(a.path))) for a in each_site.data.articles.values()]


def test_every_article_has_its_dateline_right_under_its_title(articles):
    for article_, page in articles:
        dateline = page.select_one("article h1").find_next_sibling()
        assert dateline is not None and dateline.get("class") == ["dateline"], article_.path
        assert text_of(str(dateline)) == text_of(dateline_html(article_)), article_.path
        p = article_.provenance
        expected = [p.publisher or "Publisher not known", format_date(p.date) if p.date else "Date not known"]
        expected += [f"By {join_names(p.authors)}"] if p.authors else []
        assert all(words in dateline.get_text() for words in expected), (article_.path, expected)
        originals = [link.url for link in p.links if link.kind == "original"]
        assert [a["href"] for a in dateline.find_all("a", string="Read the original")] == originals


def test_every_article_carries_its_provenance_in_its_json_ld_and_citation_tags(articles, each_site):
    for article_, page in articles:
        p = article_.provenance
        [data] = [json.loads(s.string) for s in page.head.find_all("script", type="application/ld+json")]
        assert data.get("publisher", {}).get("name", "") == p.publisher
        assert [author["name"] for author in data.get("author", [])] == list(p.authors)
        modified = max(p.updated, last_modified(article_claims(article_, each_site.data)))  # its corrections too
        assert (data.get("datePublished", ""), data.get("dateModified", "")) == (p.date, modified)
        assert data.get("copyrightNotice", "") == p.rights
        originals = [link.url for link in p.links if link.kind == "original"]
        assert data["url"] == (originals[0] if originals else data["mainEntityOfPage"])
        assert data["headline"] == (p.headline or page.select_one("article h1").get_text())
        expected = [(m["name"], m["content"]) for m in BeautifulSoup(
            citation_tags(article_, page.select_one("article h1").get_text()), "html.parser").find_all("meta")]
        names = {name for name, _ in expected}
        assert [(m["name"], m["content"]) for m in page.head.find_all("meta", attrs={"name": True})
                if m["name"] in names or m["name"].startswith("citation_")] == expected


def test_every_article_is_described_by_its_first_paragraph(articles):
    for article_, page in articles:
        description = page.head.find("meta", attrs={"name": "description"})["content"]
        first = next(p for p in page.select("article > p") if not p.get("class"))
        for marker in first.select("sup"):
            marker.decompose()
        assert " ".join(first.get_text().split()).startswith(description.removesuffix(" …")), article_.path
        [data] = [json.loads(s.string) for s in page.head.find_all("script", type="application/ld+json")]
        assert data["description"] == description


def test_a_note_on_a_headline_the_same_as_the_title_is_still_shown():
    title_as_headline = dataclasses.replace(UNKNOWN, headline=article(UNKNOWN).title, headline_note="seen in print")
    assert "seen in print" in text_of(dateline_html(article(title_as_headline)))
    assert "Published as" not in text_of(dateline_html(article(dataclasses.replace(title_as_headline, headline_note=""))))
