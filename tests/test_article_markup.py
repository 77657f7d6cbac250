"""Placing passages, footnote markers, actor links and paragraph ids on an article, as a build does:
planned on the article parsed when the data is loaded, then placed on the tree Python-Markdown renders."""

from __future__ import annotations

import dataclasses
import re

import markdown
import pytest
from bs4 import BeautifulSoup

from annotated_article.article.anchoring import AnchorError, anchor_quote
from annotated_article.article.parsing import MKDOCS_BUILTIN_EXTENSIONS, ArticleParser
from annotated_article.article.placement import plan_article
from annotated_article.article.text import read_text
from annotated_article.model import Actor, Annotation, Article, Link, Person, SiteData, Source
from annotated_article.open_data.published import OpenData
from annotated_article.render.attribution import format_date
from annotated_article.render.claims import ArticleClaims, site_claims
from annotated_article.render.footnotes import footnotes_html
from annotated_article.site.session import BuildSession

EXTENSIONS = (*MKDOCS_BUILTIN_EXTENSIONS, "attr_list")


def make_site(*actors: Actor) -> SiteData:
    return SiteData(
        actors={actor.id: actor for actor in actors},
        people={"ana": Person("ana", "Ana <b>Bold</b>", "Analyst & writer")},
        sources={
            "one": Source("one", "Outlet One", "news-report", title="First", date="2024-11-01",
                          links=(Link("https://example.org/a?x=1&y=2", "pattern", "example.org"),)),
            "two": Source("two", "Outlet Two", "research-report", title_note="not seen"),
        },
    )


def annotation(id_: str, exact: str, source: str = "one", **fields) -> Annotation:
    return Annotation(**{"id": id_, "exact": exact, "source": source, "kind": "direct-quote", "source_seen": "report",
                         "wording": "fair-paraphrase", "speaker": "ana", **fields})


class Rendered:
    def __init__(self, source: str, annotations: tuple[Annotation, ...], site: SiteData):
        root, stash = ArticleParser((EXTENSIONS, {})).parse(source)
        text, paragraphs = read_text(root, stash)
        passages = {a.id: anchor_quote(text, a.quote) for a in annotations}  # raises AnchorError
        names = {name: actor.id for actor in site.actors.values() for name in actor.names}
        plan, self.problems = plan_article(text, paragraphs, stash, passages, names)
        plan = dataclasses.replace(plan, source=source)
        if self.problems:
            raise AnchorError(next(iter(self.problems.values())), "")
        site.articles = {"a.md": Article("a.md", "data/articles/a.yml", annotations, text.title, plan)}
        claims = site_claims(site)

        def url_of(path: str) -> str:
            return path.removesuffix(".md") + "/"

        open_data = OpenData.for_site(site, claims, "https://example.org/", url_of, "Test site", None)
        self.build = BuildSession(site, claims, url_of, open_data)
        md = markdown.Markdown(extensions=[*EXTENSIONS, self.build.extension()])
        self.build.begin_page("a.md", source)
        self.html = md.convert(source)
        self.build.end_page()
        self.soup = BeautifulSoup(self.html, "html.parser")
        self.claims: ArticleClaims = self.build.claims["a.md"]
        self.footnotes = self.claims.footnotes

    def text(self, id_: str | None = None) -> str:
        """The text of the page (or of the element with that id), without the footnote apparatus (markers,
        links to paragraphs, the summary of claims, the list of contents)."""
        soup = BeautifulSoup(self.html, "html.parser")
        for apparatus in soup.select("sup.annotation-marker, a.paragraph-link, details.claims-summary, nav.article-contents"):
            if apparatus.name in ("details", "nav") and apparatus.next_sibling == "\n":  # the line it is put on
                apparatus.next_sibling.extract()
            apparatus.decompose()
        return (soup.find(id=id_) if id_ else soup).get_text()


def render(source: str, *annotations: Annotation, site: SiteData | None = None) -> Rendered:
    return Rendered(source, annotations, site or make_site())


def plain(source: str) -> str:
    return BeautifulSoup(markdown.markdown(source, extensions=list(EXTENSIONS)), "html.parser").get_text()


def test_markers_follow_the_words_and_text_is_unchanged():
    source = "# Title\n\nAlpha beta gamma. Delta epsilon.\n\nZeta eta.\n"
    result = render(source, annotation("b", "Delta epsilon."), annotation("a", "beta gamma", source="two"),
                    annotation("c", "Zeta", source="two"))
    assert result.text() == plain(source)
    assert '<span class="annotated-passage" id="a">beta gamma<sup' in result.html
    # Each marker leads to its own claim, numbered in reading order: one mark per claim.
    assert [(a["href"], a["aria-label"], a.get_text()) for a in result.soup.select('[role="doc-noteref"]')] == [
        ("#cite:a", "Claim 1", "1"), ("#cite:b", "Claim 2", "2"), ("#cite:c", "Claim 3", "3")]
    # The sources are numbered by their first claim: "two" is cited first; each lists the claims it supports.
    assert [(f.number, f.source.id) for f in result.footnotes] == [(1, "two"), (2, "one")]
    assert [claim.id for claim in result.footnotes[0].claims] == ["a", "c"]
    notes = BeautifulSoup(footnotes_html(result.claims, lambda kind, id_: None), "html.parser")
    bibliography = notes.select("ol.bibliography > li")
    assert [item["id"] for item in bibliography] == ["fn:two", "fn:one"]
    assert [[a["href"] for a in item.select(".source-claims a")] for item in bibliography] == [
        ["#cite:a", "#cite:c"], ["#cite:b"]]
    assert [li["id"] for li in notes.select("ol.claim-notes > li")] == ["cite:a", "cite:b", "cite:c"]


@pytest.mark.parametrize("outer, inner, expected", [
    ("alpha beta gamma", "beta", '<span class="annotated-passage" id="outer">alpha '
                                 '<span class="annotated-passage" id="inner">beta<sup'),
    ("alpha beta", "alpha", '<span class="annotated-passage" id="outer"><span class="annotated-passage" id="inner">alpha<sup'),
    ("alpha beta", "beta", 'id="inner">beta<sup class="annotation-marker" id="fnref:inner">'),
])
def test_nested_passages_nest_properly(outer, inner, expected):
    result = render("alpha beta gamma\n", annotation("outer", outer), annotation("inner", inner))
    assert expected in result.html
    outer_span = result.soup.find(id="outer")
    assert outer_span.find(id="inner") is not None
    assert outer_span.contents[-1]["id"] == "fnref:outer"  # the outer marker closes the outer passage


def test_footnotes_escape_every_text_from_the_data():
    claims = render("alpha\n", annotation("a", "alpha", note="<script>alert(1)</script> **bold** [x](y)")).claims
    html = footnotes_html(claims, lambda kind, id_: None)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; **bold** [x](y)" in html
    assert "Ana &lt;b&gt;Bold&lt;/b&gt;" in html and "Analyst &amp; writer" in html
    assert 'href="https://example.org/a?x=1&amp;y=2"' in html
    assert "(address built from the site’s usual pattern, not checked)" in html


def test_each_claim_has_its_own_note_and_back_link_and_each_source_is_listed_once():
    claims = render("alpha beta gamma\n", annotation("a", "alpha"), annotation("b", "beta"),
                    annotation("c", "gamma", source="two")).claims
    html = footnotes_html(claims, lambda kind, id_: None)
    assert re.findall(r'href="#(\w)" role="doc-backlink" aria-label="([^"]+)">([^<]+)<', html) == [
        ("a", "Back to the passage of claim 1", "^"),
        ("b", "Back to the passage of claim 2", "^"),
        ("c", "Back to the passage of claim 3", "^"),
    ]
    assert html.count('class="source-citation"') == 2
    # A note leads with who, how and both judgements; its details end with its source, linked to the list.
    soup = BeautifulSoup(html, "html.parser")
    note = soup.find(id="cite:c")
    assert [child.get("class") for child in note.find_all(recursive=False)] == [
        ["claim-backref"], ["claim-lead"], ["claim-details"]]
    assert note.select_one(".claim-details > .claim-source a")["href"] == "#fn:two"


def test_page_links_are_used_when_pages_exist():
    claims = render("alpha\n", annotation("a", "alpha")).claims
    html = footnotes_html(claims, lambda kind, id_: f"../{kind}/{id_}/")
    assert '<a href="../people/ana/">Ana &lt;b&gt;Bold&lt;/b&gt;</a>' in html
    assert '<a href="../sources/one/">Outlet One</a>' in html


@pytest.mark.parametrize("iso, words", [("2024-11-01", "1 November 2024"), ("2025-02-28", "28 February 2025")])
def test_dates_are_written_out(iso, words):
    assert format_date(iso) == words


def ids(result: Rendered) -> list[str]:
    return [p["id"] for p in result.soup.find_all("p")]


def test_paragraphs_get_stable_ids_from_their_first_words():
    result = render("# Title\n\nThe cat’s mat is red.\n\nThe cat’s *mat* is blue.\n\nAnother one here.\n")
    assert ids(result) == ["p-the-cats-mat-is-red", "p-the-cats-mat-is-blue", "p-another-one-here"]
    # Each ends in a link to itself, which is not part of its text.
    links = [(p.contents[-1].get("href"), p.contents[-1].get("class")) for p in result.soup.select('p[id^="p-"]')]
    assert links == [(f"#{id_}", ["paragraph-link"]) for id_ in ids(result)]
    assert ids(render("Same words here.\n\nSame words here.\n")) == ["p-same-words-here", "p-same-words-here-2"]


def test_paragraphs_are_python_markdowns_own():
    source = ("First para.\n   \nSecond para.\n\n```\ncode\n\nmore code\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
              "Title\n=====\n\n1) Not a list to Python-Markdown.\n\n> Quoted para.\n\n<b>Bold</b> start of a para.\n\n"
              "<div>\nA block of HTML.\n</div>\n\nLast para.\n")
    assert ids(render(source)) == ["p-first-para", "p-second-para", "p-1-not-a-list-to", "p-quoted-para",
                                   "p-bold-start-of-a-para", "p-last-para"]


def test_actor_names_link_at_the_first_mention_in_the_article_and_never_across_a_passage():
    site = make_site(Actor("land", "Land", "country", "A land.", names=("Land", "Landers")),
                     Actor("beta", "Beta", "country", "B.", names=("beta",)),
                     Actor("gamma", "Gamma", "country", "G.", names=("gamma",)))
    result = render("# Land news\n\nLanders saw Land.\n\nAlpha beta Land gamma.\n", annotation("b", "ta Land"),
                    site=site)
    assert result.soup.h1.find("a") is None  # headings are left alone
    links = [(a.get_text(), a["href"]) for a in result.soup.select("a.actor-link")]
    # "Landers" is Land's first mention; "beta" is cut by the start of passage "b"; gamma is linked.
    assert links == [("Landers", "actors/land.md"), ("gamma", "actors/gamma.md")]


def test_an_actor_first_named_where_no_link_can_go_is_linked_at_its_next_mention():
    site = make_site(Actor("land", "Land", "country", "A land.", names=("Land",)))
    source = "`Land said` and [Land report](https://x.org) and <b title='Land'>x</b> then Land.\n\nLand again.\n"
    result = render(source, site=site)
    links = result.soup.select("a.actor-link")
    assert [a.parent.name for a in links] == ["p"] and links[0].get_text() == "Land"
    assert result.text(result.soup.find_all("p")[0]["id"]).endswith("then Land.")
    assert result.soup.select_one("code").get_text() == "Land said"


def test_footnotes_are_numbered_in_the_order_readers_meet_the_markers():
    # The outer passage starts first, but the inner one's marker comes first.
    result = render("alpha beta gamma\n", annotation("outer", "alpha beta gamma"), annotation("inner", "beta", source="two"))
    assert [(f.number, f.source.id) for f in result.footnotes] == [(1, "two"), (2, "one")]
    assert re.findall(r'aria-label="Claim (\d+)"', result.html) == ["1", "2"]
    assert [claim.id for claim in result.claims.in_marker_order()] == ["inner", "outer"]


@pytest.mark.parametrize("source, exact, problem", [
    ("Some `code with words` here.\n", "code with", "inside code"),
    ("A *really bold* claim here.\n", "bold claim", "inside emphasis"),
    ("A *really bold* claim here.\n", "A really", "inside emphasis"),
    ("See [the report](https://x.org/a) now.\n", "report now", "inside a link"),
    ("See [the report](https://x.org/a) now.\n", "the report", "inside a link"),
    ("Words <b>in bold</b> here.\n", "Words in", "HTML tag"),
    ("# Heading words\n\nText.\n", "Heading words", "not within one paragraph"),
    ("- item one\n- item two\n", "item one item two", "run across two paragraphs"),
    ("- item *one*\n    - nested item\n", "one nested", "run across two paragraphs"),
    ("```\nfenced words\n```\n", "fenced words", "not within one paragraph"),
])
def test_quotes_that_would_break_the_markup_are_refused(source, exact, problem):
    with pytest.raises(AnchorError) as failure:
        render(source, annotation("a", exact))
    assert problem in failure.value.problem


@pytest.mark.parametrize("source, outer, inner", [
    ("A *really bold* claim here.\n", "A really bold claim", "really"),
    ("A *really bold* claim here.\n", "really bold claim", "bold"),  # starts where the emphasis starts
    ("“*Russian despair*,” they said.\n", "“Russian despair,”", "despair"),
    ("1) Not a list, says Python-Markdown.\n", "Not a list", "list"),
    ("<abbr title='x'>NATO</abbr> said words.\n", "said words", "words"),
    ("AT&amp;T and a \\*star\\* said so.\n", "AT&T and a *star*", "star"),
])
def test_quotes_around_or_inside_whole_inline_markup_are_placed(source, outer, inner):
    result = render(source, annotation("a", outer), annotation("b", inner))
    assert (result.text("a"), result.text("b")) == (outer, inner)
    assert result.text() == plain(source)


def test_placing_on_a_tree_that_reads_differently_is_refused():
    site = make_site()
    result = render("alpha beta\n", annotation("a", "beta"), site=site)
    md = markdown.Markdown(extensions=[*EXTENSIONS, result.build.extension()])
    with pytest.raises(ValueError, match="rendered from other Markdown than the check read"):
        result.build.begin_page("a.md", "alpha gamma\n")
    result.build.begin_page("a.md", "alpha beta\n")  # what was planned; then something changes it anyway
    with pytest.raises(ValueError, match="reads differently"):
        md.convert("alpha gamma\n")


def test_passages_markers_and_paragraph_links_go_in_any_block_of_running_text():
    source = ("# Title\n\n## Sub *head* words\n\n- tight one words\n- two words\n    - nested words\n\n"
              "> quoted words here\n\n| cell words |\n|---|\n| body words |\n")
    result = render(source, annotation("a", "head words"), annotation("b", "one words"),
                    annotation("c", "two words"), annotation("d", "quoted words"), annotation("e", "body words"))
    assert result.text() == plain(source)
    holders = {id_: result.soup.find(id=id_).find_parent(["h2", "li", "p", "td"]).name for id_ in "abcde"}
    assert holders == {"a": "h2", "b": "li", "c": "li", "d": "p", "e": "td"}
    assert result.soup.find(id="d").find_parent("blockquote") is not None
    for id_ in "abcde":
        assert result.soup.find(id=id_).select_one("sup.annotation-marker")
    # A tight list's item holding a list: its link comes after its own words, before the list it holds.
    item = result.soup.find(id="c").parent
    assert [child.name for child in item.children if child.name] == ["span", "a", "ul"]
    assert item["id"] == "p-two-words" and item.select_one(":scope > a.paragraph-link")["href"] == "#p-two-words"
    assert [element.name for element in result.soup.select("[id^='p-']")] == ["h2", "li", "li", "li", "p", "th", "td"]


def test_a_subheading_is_named_in_the_table_of_contents_by_its_words_alone():
    source = "# Title\n\n## Sub *head* words\n\nText.\n"
    site = make_site()
    result = render(source, annotation("a", "head words"), site=site)
    md = markdown.Markdown(extensions=[*EXTENSIONS, result.build.extension()])
    result.build.begin_page("a.md", source)
    md.convert(source)
    result.build.end_page()
    (title,) = md.toc_tokens
    assert [(child["id"], child["name"]) for child in title["children"]] == [("p-sub-head-words", "Sub head words")]


def test_an_article_with_headings_lists_them_at_its_top_and_one_without_has_no_list():
    """The margin holds the claims where the theme's table of contents was: the article's own headings are listed
    under its title, after the summary of claims, before its text."""
    result = render("# Title\n\n## Part & *one*\n\nAlpha words.\n\n### Detail `x`\n\nBeta.\n", annotation("q", "Alpha"))
    contents = result.soup.select_one("nav.article-contents")
    assert contents["aria-label"] == "Contents"
    headings = [(h["id"], h.get_text()) for h in result.soup.select("h2, h3")]
    assert [(a["href"], a.get_text()) for a in contents.select("a")] == [
        (f"#{headings[0][0]}", "Part & one"), (f"#{headings[1][0]}", "Detail x")]
    assert contents.find_previous_sibling().get("class") == ["claims-summary"]
    assert contents.find_next_sibling().name == "h2"
    assert render("# Title\n\nAlpha words.\n", annotation("q", "Alpha")).soup.select("nav.article-contents") == []
    # An annotated heading carries a marker and a ¶ link: the list names it by its words alone.
    annotated = render("# Title\n\n## Part *one* words\n\nBeta.\n", annotation("h", "one words"))
    assert [a.get_text() for a in annotated.soup.select("nav.article-contents a")] == ["Part one words"]
