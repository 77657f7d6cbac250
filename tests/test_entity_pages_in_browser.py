"""The lists of actors, people and sources filtered and sorted in the browser without a request, in both editions (the
offline one read from disk); and each actor's own map on a phone (it scrolls sideways inside its box, and says so)
and on paper (whole). Expected values come from the data."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml
from playwright.sync_api import expect

from annotated_article.render.claims import site_claims
from browser_fixtures import DESKTOP, PHONE, reading
from conftest import PROJECT
from project_data import project_site

pytestmark = pytest.mark.browser


def actors_with_relations() -> list[str]:
    entries = yaml.safe_load((PROJECT / "data" / "actors.yml").read_text(encoding="utf-8"))
    ids = {entry["id"] for entry in entries if entry.get("relations")} | \
        {relation["to"] for entry in entries for relation in entry.get("relations", [])}
    return sorted(ids)


def a_wording_some_sources_have() -> str:
    """A wording that some claims have and others not, so that filtering by it hides some entries of a list."""
    counts = Counter(claim.wording for article in site_claims(project_site()).values()
                     for claim in article.in_reading_order())
    return min(counts, key=lambda value: counts[value])


SHOWN = """list => [...list.children].filter(item => !item.hidden).map(item => [item.querySelector("a").textContent,
    Number(item.dataset.count), item.dataset.claims.split(" ").filter(Boolean)])"""


def test_a_list_filters_by_judgement_and_article_and_sorts_without_a_request(browser, edition):
    wording = a_wording_some_sources_have()
    article = next(iter(project_site().articles.values())).data_file.rsplit("/", 1)[-1].removesuffix(".yml")
    with reading(browser, edition, **DESKTOP) as reader:
        page = reader.page
        page.goto(edition.url("sources/index.md"))
        form = page.locator("form.entity-filter")
        expect(form).to_be_visible()
        items = page.locator("ul.entity-list")
        every = items.evaluate(SHOWN)
        loaded = len(reader.requests)
        form.locator('select[name="wording"]').select_option(wording)
        shown = items.evaluate(SHOWN)
        expected = [entry for entry in every if any(claim.split("/")[2] == wording for claim in entry[2])]
        assert sorted(shown) == sorted(expected) and 0 < len(shown) < len(every)
        expect(form.locator(".entity-filter-status")).to_have_text(
            f"Showing {len(expected)} of {len(every)}, those with a claim that matches.")
        form.locator('select[name="article"]').select_option(article)
        assert all(any(c.startswith(f"{article}/") and c.endswith(f"/{wording}") for c in entry[2])
                   for entry in items.evaluate(SHOWN))
        form.locator('select[name="wording"]').select_option("")
        form.locator('select[name="article"]').select_option("")
        form.locator('select[name="sort"]').select_option("count")
        counts = [entry[1] for entry in items.evaluate(SHOWN)]
        assert len(counts) == len(every) and counts == sorted(counts, reverse=True)
        assert reader.requests[loaded:] == []  # filtering and sorting asked for nothing


def test_without_the_script_the_list_is_whole_and_the_form_hidden(browser, hosted):
    with reading(browser, hosted, java_script_enabled=False, **DESKTOP) as reader:
        page = reader.page
        page.goto(hosted.url("actors/index.md"))
        expect(page.locator("form.entity-filter")).to_be_hidden()
        assert page.locator("ul.entity-list > li:visible").count() == len(project_site().actors)


@pytest.mark.parametrize("actor", actors_with_relations())
def test_on_a_phone_an_actors_map_scrolls_in_its_box_and_says_so_and_on_paper_it_is_whole(browser, hosted, actor):
    with reading(browser, hosted, **PHONE) as reader:
        page = reader.page
        page.goto(hosted.url(f"actors/{actor}.md"))
        box = page.locator(".relations-map-scroll")
        expect(box).to_be_visible()
        assert box.evaluate("box => box.scrollWidth > box.clientWidth")  # wider than the phone: it scrolls in its box
        cue = page.locator(".relations-map figcaption").evaluate("caption => getComputedStyle(caption, '::before').content")
        assert "Scroll the map sideways" in cue
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        page.emulate_media(media="print")
        whole = box.evaluate("""box => {const svg = box.querySelector("svg").getBoundingClientRect(),
            own = box.getBoundingClientRect(); return box.scrollWidth <= box.clientWidth + 1 && svg.left >= own.left - 1
            && svg.right <= own.right + 1}""")
        assert whole
