"""The pages of actors, people and sources, and their lists, as built: every expectation is worked out here from the
data (`each_site`: the seed, then the seed with a second article), not from the code that renders them.

An actor's page lists each claim by its own officials or outlets or about it once, grouped by article (newest first),
with its date, speaker, both judgements, its words in full and a link to its passage, counted by judgement at the
top; says plainly when none of its own voices is quoted; and draws its own relations, each citing what the data says
it cites. A person's page links every claim the data names them in; a source's page, every claim it supports, and
its links with the original first. The lists carry each entry's claims for the filters.
"""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from annotated_article.data.vocabulary import SOURCE_SEEN_WORDS, WORDING_WORDS
from annotated_article.model import SiteData
from annotated_article.render.attribution import format_date
from annotated_article.render.claims import Claim, site_claims
from annotated_article.render.corrections import claim_notices
from conftest import soup_of

pytestmark = pytest.mark.build


def words(text: str) -> str:
    return " ".join(text.split())


def article_key(claim: Claim) -> str:
    return claim.article.data_file.rsplit("/", 1)[-1].removesuffix(".yml")


@pytest.fixture(scope="module")
def claims(each_site) -> list[Claim]:
    return [claim for article in site_claims(each_site.data).values() for claim in article.in_reading_order()]


def voices(claim: Claim) -> set[str]:
    """Whose words the claim gives: its speaker, and the speaker of each of its sources' entries."""
    annotation = claim.annotation
    return {person for person in (annotation.speaker, *(said.speaker or annotation.speaker for said in annotation.said))
            if person}


def members(site: SiteData, actor_id: str) -> set[str]:
    return {person.id for person in site.people.values() if person.actor == actor_id}


def of_actor(site: SiteData, claims: list[Claim], actor_id: str) -> tuple[list[Claim], list[Claim]]:
    """The claims by the actor's own people, and all its claims (by its own, or about it)."""
    own = [c for c in claims if voices(c) & members(site, actor_id)]
    return own, [c for c in claims if c in own or actor_id in c.annotation.actors]


def newest_first(site: SiteData) -> list[str]:
    dated = sorted((a for a in site.articles.values() if a.provenance.date), key=lambda a: a.provenance.date,
                   reverse=True)
    return [a.path for a in dated] + [a.path for a in site.articles.values() if not a.provenance.date]


def when(site: SiteData, claim: Claim) -> str:
    """The claim's date as a page shows it: when its first dated `said` entry was said (the entry's date, else its
    source's), else its source's date."""
    for said in claim.annotation.said:
        date = said.date or site.sources[said.source].date
        if date:
            return format_date(date)
    source = site.sources.get(claim.annotation.source)
    return format_date(source.date) if source and source.date else "Date not known"


def link_ending(element, ending: str):
    """The first link inside `element` whose address ends with `ending` (a trailing `/` aside), or None."""
    return next((a for a in element.select("a[href]") if a["href"].rstrip("/").endswith(ending)), None)


def claims_section(page, actor_name: str) -> list:
    """The actor page's claims section: each article heading (h3) with its list items."""
    heading = page.find("h2", string=f"Claims by and about {actor_name}")
    groups = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        if node.name == "h3":
            groups.append((node, node.find_next_sibling("ul").find_all("li", recursive=False)))
    return groups


def test_an_actor_page_lists_each_claim_by_its_own_or_about_it_once_by_article_with_counts(each_site, claims):
    site = each_site.data
    for actor in site.actors.values():
        page = soup_of(each_site.site / "actors" / actor.id / "index.html")
        text = words(page.select_one("article").get_text())
        own, everything = of_actor(site, claims, actor.id)
        if not everything:
            assert f"No claim by or about {actor.name} is annotated yet." in text
            continue
        noun = "claim" if len(everything) == 1 else "claims"
        assert f"{len(everything)} {noun} in" in text and f"{len(own)} by its own officials or outlets" in text
        for label, vocabulary, name in (("Source", SOURCE_SEEN_WORDS, "source_seen"), ("Wording", WORDING_WORDS, "wording")):
            counts = Counter(c.judgement(name) for c in everything)
            expected = ", ".join(f"{counts[v]} {vocabulary[v]}" for v in vocabulary if counts[v])
            assert f"{label}: {expected}" in text, actor.id
        groups = claims_section(page, actor.name)
        order = [path for path in newest_first(site) if any(c.article.path == path for c in everything)]
        assert [words(h.find("a").get_text()) for h, _ in groups] == [words(site.articles[p].title) for p in order]
        shown = []
        for heading, items in groups:
            for item in items:
                link = item.find("a", href=lambda href: href and "#" in href and "articles/" in href)
                [claim] = [c for c in everything if link["href"].endswith(f"#{c.id}") and c.article.title ==
                           heading.find("a").get_text()]
                item_text = words(item.get_text())
                assert words(claim.words) in item_text  # in full, not cut
                facts = item_text.split(" · ")
                notices = claim_notices(claim)  # its latest correction or withdrawal, dated, before its date
                if notices:
                    assert facts.pop(1) == f"{notices[0].kind} {format_date(notices[0].date)}", claim.id
                assert facts[1] == when(site, claim), claim.id
                assert ("By its own voice" if claim in own else "About it") in item_text
                assert [b["class"][1] for b in item.select(".judgement")] == [
                    f"judgement--{claim.source_seen}", f"judgement--{claim.wording}"]
                shown.append(claim)
        assert sorted((c.article.path, c.id) for c in shown) == sorted((c.article.path, c.id) for c in everything)


def test_an_actor_page_says_whose_voices_are_heard_and_plainly_when_none_of_its_own_is(each_site, claims):
    site = each_site.data
    for actor in site.actors.values():
        page = soup_of(each_site.site / "actors" / actor.id / "index.html")
        section = page.find("h2", string="Voices").find_next_sibling()
        quoted = {person for c in claims for person in voices(c)} & members(site, actor.id)
        if not quoted:
            assert words(section.get_text()) == f"No official or outlet of {actor.name} is quoted in these articles."
        else:
            listed = section.find_next_sibling("ul")
            assert {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in listed.select("a")} == quoted


def relations_of(project, actor_id: str) -> list[tuple[str, dict]]:
    """The relations of actor `actor_id` as written in data/actors.yml (either way), with the actor that has each."""
    entries = yaml.safe_load((project / "data" / "actors.yml").read_text(encoding="utf-8"))
    return [(entry["id"], relation) for entry in entries for relation in entry.get("relations", [])
            if actor_id in (entry["id"], relation["to"])]


def test_every_relation_in_the_data_cites_a_source_or_a_passage_or_says_it_is_background(each_site):
    entries = yaml.safe_load((each_site.project / "data" / "actors.yml").read_text(encoding="utf-8"))
    relations = [relation for entry in entries for relation in entry.get("relations", [])]
    assert relations
    for relation in relations:
        assert ("source" in relation or "annotation" in relation) != bool(relation.get("background")), relation


def test_an_actor_page_maps_its_own_relations_each_arrow_citing_what_the_data_cites(each_site, claims):
    site = each_site.data
    for actor in site.actors.values():
        page = soup_of(each_site.site / "actors" / actor.id / "index.html")
        relations = relations_of(each_site.project, actor.id)
        svg = page.select_one(".relations-map svg")
        if not relations:
            assert svg is None
            continue
        neighbours = {actor.id} | {other for owner, r in relations for other in (owner, r["to"])}
        nodes = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in svg.select("a.relations-node")]
        assert sorted(actor.id if node == "." else node for node in nodes) == sorted(neighbours)  # "./": its own
        edges = svg.select(".relations-edge")
        assert len(edges) == len(relations)
        listed = page.find("h2", string="Relations").find_next_sibling("ul").find_all("li", recursive=False)
        assert len(listed) == len(relations)
        for (owner, relation), edge, line in zip(relations, edges, listed):
            title = words(edge.find("title").get_text())
            assert title.startswith(f"{site.actors[owner].name} → {site.actors[relation['to']].name}: ")
            line_text = words(line.get_text())
            if "source" in relation:
                assert edge.name == "a" and edge["href"].rstrip("/").endswith(f"sources/{relation['source']}")
                assert link_ending(line, f"sources/{relation['source']}")
            elif "annotation" in relation:
                id_ = relation["annotation"].rsplit("#", 1)[-1]
                assert edge.name == "a" and edge["href"].endswith(f"#{id_}")
                [claim] = [c for c in claims if c.id == id_ and (
                    "#" not in relation["annotation"] or article_key(c) == relation["annotation"].split("#")[0])]
                assert link_ending(line, f"#{id_}")
                assert [b["class"][1] for b in line.select(".judgement")] == [
                    f"judgement--{claim.source_seen}", f"judgement--{claim.wording}"]
            else:
                assert edge.name == "g" and "editors’ background, no source" in title
                assert line_text.endswith("editors’ background, no source")


def named_in(site: SiteData, claims: list[Claim], person_id: str) -> list[Claim]:
    """Every claim the data names the person in: as its speaker, the speaker of a source's words, or the one a
    source it cites or suggests is by."""
    theirs = {s.id for s in site.sources.values() if person_id in s.by}
    return [c for c in claims if person_id in voices(c) or ({c.annotation.source, *c.annotation.see_also} & theirs)]


def test_a_person_page_links_every_claim_the_data_names_them_in_and_gives_their_own_words(each_site, claims):
    site = each_site.data
    for person in site.people.values():
        page = soup_of(each_site.site / "people" / person.id / "index.html")
        content = page.select_one("article")
        text = words(content.get_text())
        named = named_in(site, claims, person.id)
        if named:
            assert "No statement of theirs" not in text, person.id
        for claim in named:
            assert link_ending(content, f"#{claim.id}"), (person.id, claim.id)
        for claim in claims:
            for said in claim.annotation.said:
                if (said.speaker or claim.annotation.speaker) == person.id and said.words:
                    assert f"“{words(said.words)}”" in text.replace("differs: ", ""), (person.id, claim.id)
        for source in (s for s in site.sources.values() if person.id in s.by):
            assert link_ending(content, f"sources/{source.id}"), source.id


def test_the_people_the_notes_named_in_free_text_have_pages_that_cite_them(each_site, claims):
    """Lloyd Austin (footnote 1b's note), Sabrina Singh (credited by the Pentagon briefing's source) and the North
    Atlantic Council (footnote 4's source) are named in the data's structured fields, and their pages cite them."""
    site = each_site.data
    for person_id in ("lloyd-austin", "sabrina-singh", "north-atlantic-council"):
        assert any(person_id in s.by for s in site.sources.values()), person_id
        assert named_in(site, claims, person_id), person_id


def test_a_source_page_gives_each_claim_it_supports_whether_it_was_seen_and_the_original_first(each_site, claims):
    site = each_site.data
    for source in site.sources.values():
        page = soup_of(each_site.site / "sources" / source.id / "index.html")
        content = page.select_one("article")
        text = words(content.get_text())
        citing = [c for c in claims if c.annotation.source == source.id]
        for claim in citing:
            [item] = [li for li in content.select("li") if link_ending(li, f"#{claim.id}")
                      and "Cited for" in words(li.find_previous("h2").get_text())]
            assert words(claim.words) in words(item.get_text())
            assert [b["class"][1] for b in item.select(".judgement")][:2] == [
                f"judgement--{claim.source_seen}", f"judgement--{claim.wording}"]
        seen = Counter(c.source_seen for c in citing)
        for value, count in seen.items():
            assert f"{SOURCE_SEEN_WORDS[value]} for {count} claim" in text.lower(), source.id
        if not citing:
            assert "Seen: not judged: no claim cites it as its source" in text
        links = [a["href"] for li in content.select("li") if li.get_text().startswith("Link:") for a in li.select("a")]
        assert links == [link.url for link in sorted(source.links, key=lambda link: link.kind != "original")]
        for person_id in source.by:
            assert link_ending(content, f"people/{person_id}")


def expected_tokens(claims: list[Claim]) -> list[str]:
    return sorted(f"{article_key(c)}/{c.source_seen}/{c.wording}" for c in claims)


def list_items(page) -> dict[str, object]:
    """Each item of the page's lists, by the id of the page its link opens."""
    return {li.find("a")["href"].rstrip("/").removesuffix(".html").rsplit("/", 1)[-1]: li
            for li in page.select("ul.entity-list > li")}


def test_the_lists_carry_each_entrys_claims_and_counts_and_a_hidden_form_to_filter_them(each_site, claims):
    site = each_site.data
    expected = {
        "actors": {a.id: of_actor(site, claims, a.id)[1] for a in site.actors.values()},
        "people": {p.id: named_in(site, claims, p.id) for p in site.people.values()},
        "sources": {s.id: [c for c in claims if s.id in (c.annotation.source, *c.annotation.see_also)]
                    for s in site.sources.values()},
    }
    keys = sorted(a.data_file.rsplit("/", 1)[-1].removesuffix(".yml") for a in site.articles.values())
    for kind, entries in expected.items():
        page = soup_of(each_site.site / kind / "index.html")
        items = list_items(page)
        assert set(items) == set(entries), kind
        for id_, entry_claims in entries.items():
            item = items[id_]
            assert int(item["data-count"]) == len(entry_claims), (kind, id_)
            assert sorted(item["data-claims"].split()) == expected_tokens(entry_claims), (kind, id_)
            noun = "claim" if len(entry_claims) == 1 else "claims"
            assert words(item.select_one(".entity-counts").get_text()).startswith(
                f"{len(entry_claims)} {noun}" if entry_claims else "No claim")
        for form in page.select("form.entity-filter"):
            assert form.has_attr("hidden")
            assert sorted(o["value"] for o in form.select('select[name="article"] option') if o["value"]) == keys
        assert page.select("form.entity-filter") and not page.select("article [style]")
        assert page.find("script", src=lambda src: src and src.endswith("assets/entity-lists.js"))
