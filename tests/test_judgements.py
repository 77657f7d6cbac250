"""Both judgements and what was said, on every surface that shows a claim: the footnote, the summary of claims, the
search entries, the pages of people, actors and sources, the article list, and the open data (CSV, W3C, schema.org).

Every expected value comes from the data (`each_site`: the seed, then the seed with a second article): which
claims go beyond their source, what each source said and who said it. An overstated claim (`OVERSTATED`) never has
a faithful claim's badge: its class, and words for screen readers, are its own.
"""

from __future__ import annotations

import json

import pytest

from annotated_article.data.vocabulary import OVERSTATED
from annotated_article.render.actor_page import actor_claims
from annotated_article.render.attribution import format_date
from annotated_article.render.claims import JUDGEMENTS, Claim, site_claims
from annotated_article.render.site_index import index_site
from conftest import article_html, soup_of
from linked_data import read_rows

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def claims(each_site) -> list[Claim]:
    return [claim for article in site_claims(each_site.data).values() for claim in article.in_reading_order()]


def words(text: str) -> str:
    return " ".join(text.split())


def badge_words(name: str, value: str) -> str:
    """A badge's words, as its element's text: "warning: " first for a wording that goes beyond the source."""
    return "warning: " * (value in OVERSTATED) + JUDGEMENTS[name][0][value]


def assert_badges(element, claim: Claim) -> None:
    """`element` holds the claim's two badges, each of its value's class and words, and no other."""
    badges = element.select(".judgement")
    assert [badge["class"] for badge in badges] == [["judgement", f"judgement--{claim.source_seen}"],
                                                    ["judgement", f"judgement--{claim.wording}"]], claim.id
    assert [badge.get_text() for badge in badges] == [badge_words("source_seen", claim.source_seen),
                                                      badge_words("wording", claim.wording)]
    assert bool(badges[1].select(".visually-hidden")) == claim.overstated


def said_lines(element) -> list[str]:
    """The text of each line of what was said, as shown."""
    return [words(line.get_text()) for line in element.select(".said-line")]


def expected_said(claim: Claim) -> list[str]:
    """What the lines of the claim's `said` must show, from the data: the article's compared words, then each
    entry's who, when and where, and its words or why they were not seen (the marks only add "differs: ")."""
    lines = [f"The article: “{' '.join(word for word, _ in claim.article_said)}”"] if claim.article_said else []
    for entry in claim.said:
        label = entry.who + (f", {format_date(entry.date)}" if entry.date else "")
        if entry.said.words:
            label += "".join(f", {part}" for part in (entry.said.seen_in,) if part)
            label += f", translated by {entry.said.translated_by}" if entry.said.translated_by else ""
            lines.append(f"{words(label)}: “{words(entry.said.words)}”")
        else:
            lines.append(f"{words(label)}: words not seen ({words(entry.said.not_seen)})")
    return lines


def without_marks(line: str) -> str:
    return line.replace("differs: ", "")


def test_each_footnote_shows_both_judgements_and_what_was_said_beside_the_articles_words(each_site, claims):
    for path in each_site.data.articles:
        page = soup_of(each_site.site / article_html(path))
        for claim in (c for c in claims if c.article.path == path):
            entry = page.find(id=f"cite:{claim.id}")
            assert_badges(entry, claim)
            assert [without_marks(line) for line in said_lines(entry)] == expected_said(claim)
            marks = [words(mark.get_text()).removeprefix("differs: ") for mark in entry.select(".said mark")]
            differing = [e for e in claim.said if e.comparison and not e.comparison.agrees]
            assert bool(marks) == bool(differing), claim.id
            for mark in entry.select(".said mark.words-differ"):
                assert mark.select_one(".visually-hidden").get_text() == "differs: "
            for said in claim.said:
                if said.said.language:
                    assert entry.select_one(f'.said-words[lang="{said.said.language}"]')


def test_an_overstated_claims_differing_words_are_marked_in_its_footnote(each_site, claims):
    """The article's word the source does not have ("killed" for "casualties") is marked, beside the source's."""
    overstated = [c for c in claims if c.overstated and any(e.comparison and not e.comparison.agrees for e in c.said)]
    assert overstated
    for claim in overstated:
        entry = soup_of(each_site.site / article_html(claim.article.path)).find(id=f"cite:{claim.id}")
        article_line, *sources = entry.select(".said-line")
        article_marks = {words(m.get_text()).removeprefix("differs: ").strip("“”") for m in article_line.select("mark")}
        assert article_marks and article_marks <= {" ".join(w for w, d in run) for run in _runs(claim.article_said)}
        for line, said in zip(sources, claim.said):
            if said.comparison and not said.comparison.agrees:
                shown = {words(m.get_text()).removeprefix("differs: ").strip("“”") for m in line.select("mark")}
                assert shown == {" ".join(w for w, _ in run) for run in _runs(said.comparison.source)}


def _runs(marked_words):
    """The runs of words that differ."""
    runs, run = [], []
    for word, differs in marked_words:
        if differs:
            run.append((word, differs))
        elif run:
            runs.append(run)
            run = []
    return runs + ([run] if run else [])


def test_the_summary_counts_both_judgements_and_badges_each_claim(each_site, claims):
    for path in each_site.data.articles:
        summary = soup_of(each_site.site / article_html(path)).select_one("details.claims-summary")
        mine = [c for c in claims if c.article.path == path]
        tallies = summary.summary.select(".claims-tally")
        for tally, (name, (names, _)) in zip(tallies, JUDGEMENTS.items()):
            shown = [(badge["class"][1], badge.get_text()) for badge in tally.select(".judgement")]
            counts = {value: sum(c.judgement(name) == value for c in mine) for value in names}
            assert shown == [(f"judgement--{value}", "warning: " * (value in OVERSTATED) + f"{count} {names[value]}")
                             for value, count in counts.items() if count]
        rows = {row.a["href"][1:]: row for row in summary.select("tbody tr")}
        for claim in mine:
            assert_badges(rows[claim.id], claim)


def search_documents(site_dir) -> dict[str, dict]:
    return {doc["location"]: doc for doc in json.loads((site_dir / "search" / "search_index.json").read_text())["docs"]}


def test_each_claims_search_entry_shows_its_badges_and_what_was_said(each_site, claims):
    from bs4 import BeautifulSoup

    documents = search_documents(each_site.site)
    for claim in claims:
        location = article_html(claim.article.path).removesuffix("index.html") + f"#cite:{claim.id}"
        entry = BeautifulSoup(documents[location]["text"], "html.parser")
        assert len(entry.find_all("p", recursive=False)) == 1  # one block: the search shows it whole
        assert_badges(entry, claim)
        assert not entry.select("a")  # a search result is a link itself
        assert [without_marks(line) for line in said_lines(entry)] == expected_said(claim)


def person_section(page):
    heading = page.find("h2", string=["What they said", "What it said"])
    return heading.find_next("ul").find_all("li", recursive=False) if heading else []


def test_a_persons_page_lists_their_own_words_with_the_articles_version_where_it_differs(each_site, claims):
    """Every entry of `said` a person is the speaker of is on their page, in their words (or why the words were
    not seen), with the article's version under it when it is not the same; no entry gives the article's
    sentence alone."""
    checked = 0
    for person in each_site.data.people.values():
        page = soup_of(each_site.site / "people" / person.id / "index.html")
        items = person_section(page)
        own = [(claim, entry) for claim in claims for entry in claim.said if entry.person and entry.person.id == person.id]
        spoken = [claim for claim in claims if claim.annotation.speaker == person.id and not any(
            entry.person and entry.person.id == person.id for entry in claim.said)]
        assert len(items) == len(own) + len(spoken), person.id
        for claim, entry in own:
            [item] = [item for item in items if (entry.said.words or entry.said.not_seen) and words(
                (entry.said.words or entry.said.not_seen)) in without_marks(words(item.get_text()))
                and item.find("a", href=lambda href: href.endswith(f"#{claim.id}"))]
            text = words(item.get_text())
            first_line = text.split("The article")[0]
            assert entry.said.words and f"“{words(entry.said.words)}”" in without_marks(first_line) or \
                first_line.startswith("Words not seen (")
            if entry.comparison and entry.comparison.agrees:
                assert "The article quotes these words:" in text
            else:
                assert "The article:" in text
            if entry.comparison and not entry.comparison.agrees:
                assert item.select("mark.words-differ")
            assert_badges(item, claim)
            checked += 1
        for claim in spoken:
            [item] = [item for item in items if item.find("a", href=lambda href: href.endswith(f"#{claim.id}"))]
            assert words(item.get_text()).startswith(("Their words: not seen (", "Its words: not seen ("))
    assert checked >= 2


def test_actor_and_source_pages_badge_each_claim_and_a_source_page_says_what_it_said(each_site, claims):
    site = each_site.data
    for source in site.sources.values():
        page = soup_of(each_site.site / "sources" / source.id / "index.html")
        heading = page.find("h2", string="Cited for")
        items = heading.find_next("ul").find_all("li", recursive=False) if heading else []
        citing = [c for c in claims if c.annotation.source == source.id]
        assert len(items) == len(citing)
        for item, claim in zip(items, citing):
            assert_badges(item, claim)
            for entry in (e for e in claim.said if e.source.id == source.id):
                shown = without_marks(words(item.get_text()))
                assert (f"“{words(entry.said.words)}”" if entry.said.words else words(entry.said.not_seen)) in shown
    index = index_site(site, site_claims(site))
    for actor in site.actors.values():
        page = soup_of(each_site.site / "actors" / actor.id / "index.html")
        checked = 0
        lists = [heading.find_next("ul") for heading in page.select("article h2, article h3")
                 if heading.get_text().startswith("Figures") or heading.name == "h3"]  # the claims by article, figures
        for item in (item for list_ in lists for item in list_.find_all("li", recursive=False)):
            link = item.find("a", href=lambda href: href and "#" in href and "articles/" in href)
            [claim] = [c for c in claims if link["href"].endswith(f"#{c.id}")]
            assert_badges(item, claim)
            checked += 1
        assert checked == len(actor_claims(actor, index)[0]) + len(index.figures[actor.id]), actor.id


def annotation_key(claim: Claim) -> str:
    """How the open data's identifier of the claim's annotation ends: its article, then its id."""
    return f"#{claim.article.path.removesuffix('.md')}/{claim.id}"


def test_the_csv_and_the_w3c_annotations_carry_both_judgements_and_what_was_said(each_site, claims):
    rows = read_rows((each_site.site / "annotations.csv").read_text("utf-8"))
    collection = json.loads((each_site.site / "annotations.jsonld").read_text(encoding="utf-8"))
    items = collection["first"]["items"]
    assert len(rows) == len(items) == len(claims)
    for claim in claims:
        [row] = [row for row in rows if row["annotation"].endswith(annotation_key(claim))]
        [item] = [item for item in items if item["id"].endswith(annotation_key(claim))]
        assert (row["source_seen"], row["wording"]) == (claim.source_seen, claim.wording)
        lines = row["said"].split("\n") if row["said"] else []
        assert [without_marks(line) for line in lines] == [line for line in expected_said(claim)
                                                           if not line.startswith("The article:")]
        assert row["said_source_ids"] == "\n".join(e.source.id for e in claim.said)
        describing, assessing = item["body"]
        assert (describing["purpose"], assessing["purpose"]) == ("describing", "assessing")
        assert (assessing["sourceSeen"], assessing["wording"]) == (claim.source_seen, claim.wording)
        for meaning in (JUDGEMENTS["source_seen"][1][claim.source_seen], JUDGEMENTS["wording"][1][claim.wording]):
            assert meaning in assessing["value"]
        said = assessing.get("said", [])
        assert [node.get("words") for node in said] == [words(e.said.words) or None for e in claim.said]
        assert [node.get("notSeen") for node in said] == [e.said.not_seen or None for e in claim.said]
        assert [node.get("language") for node in said] == [(e.said.language or "en") if e.said.words else None
                                                           for e in claim.said]
        assert all(node["citedSource"]["id"].endswith(f"/sources/{e.source.id}/#source") for node, e in zip(said, claim.said))
        assert [node.get("speaker", {}).get("name") for node in said] == [
            e.person.name if e.person else None for e in claim.said]


def test_each_quotation_cites_what_its_sources_said_in_their_own_words(each_site, claims):
    for path in each_site.data.articles:
        page = soup_of(each_site.site / article_html(path))
        [data] = [json.loads(script.string) for script in page.head.find_all("script", type="application/ld+json")]
        quotations = {part["@id"].rpartition("#")[2]: part for part in data["hasPart"]}
        for claim in (c for c in claims if c.article.path == path):
            quotation = quotations[claim.id]
            seen = [e for e in claim.said if e.said.words]
            cited = quotation.get("citation", [])
            assert quotation["text"] == claim.words  # the article's words, which cite the source's
            assert [(c["@type"], c["text"], c["inLanguage"]) for c in cited] == [
                ("Quotation", words(e.said.words), e.said.language or "en") for e in seen]
            for node, entry in zip(cited, seen):
                assert node["isBasedOn"]["@id"].endswith(f"/sources/{entry.source.id}/#source")
                if entry.person:
                    speaker = node.get("spokenByCharacter") or node.get("creator")
                    assert speaker["name"] == entry.person.name
