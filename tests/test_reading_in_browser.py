"""Reading the site in Debian's Chromium, as hosted on 127.0.0.1 and as unzipped on file://.

Every test here runs on both editions; the `reader` fixture fails a test whose pages asked for
anything outside the edition or logged a console error.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from annotated_article.render.claims import JUDGEMENT_LABELS, JUDGEMENTS
from browser_fixtures import DESKTOP, PHONE, reading
from conftest import ARTICLE
from project_data import project_claims

RUTTE = "rutte-growing-desperation"
RUTTE_MARKER = f'[id="fnref:{RUTTE}"] a'
RUTTE_BACK_LINK = f'[id="cite:{RUTTE}"] [role="doc-backlink"]'


def judgements_said(claim_id: str = RUTTE) -> list[str]:
    """What a claim's footnote and card say of its two judgements, in words, from the data."""
    claim = project_claims()[ARTICLE].by_id[claim_id]
    return [f"{JUDGEMENT_LABELS[name]}: {words[claim.judgement(name)]}" for name, (words, _) in JUDGEMENTS.items()]
#: One page of each template and kind (the accessibility test opens every page).
PAGE_OF_EVERY_KIND = ["index.md", ARTICLE, "data.md", "actors/index.md", "actors/nato.md", "people/index.md",
                      "people/mark-rutte.md", "sources/index.md", "sources/nato-2024-10-28.md"]


def tab_to(page, selector: str, limit: int = 300) -> None:
    """Press Tab until the element matching `selector` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement === document.querySelector(selector)", selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector}")


def focus_is_visible(page) -> bool:
    """The focused element shows a solid outline at least 2 CSS pixels thick (WCAG's focus appearance)."""
    return page.evaluate("""() => {
        const element = document.activeElement, style = getComputedStyle(element);
        return element.matches(":focus-visible") && style.outlineStyle === "solid" && parseFloat(style.outlineWidth) >= 2;
    }""")


def test_a_page_of_every_kind_opens_and_stays_on_the_site(reader):
    for number, page in enumerate(PAGE_OF_EVERY_KIND):
        # The first page waits for the network to go quiet, so that what loads after the page
        # (the search worker and its index) is recorded too; the others load the same.
        reader.page.goto(reader.edition.url(page), wait_until="networkidle" if number == 0 else "load")
        expect(reader.page.locator("article h1")).to_be_visible()


def test_hovering_a_footnote_marker_shows_the_attribution(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    marker = page.locator(RUTTE_MARKER)
    marker.hover()
    card = page.get_by_role("dialog", name=marker.get_attribute("aria-label"))
    expect(card).to_be_visible()
    for words in ("NATO", "Who: Mark Rutte", "How: direct quote", *judgements_said(), "What was said:"):
        expect(card).to_contain_text(words)


def expect_landed_on_rutte_passage(page) -> None:
    """The passage of Rutte's words is on screen and is the page's target (highlighted)."""
    passage = page.locator(f'[id="{RUTTE}"]')
    expect(passage).to_be_in_viewport()
    # From file:// the fragment can become the target a moment after the page shows: wait for it.
    page.wait_for_function("id => document.getElementById(id).matches(':target')", arg=RUTTE)


def test_the_keyboard_alone_reaches_the_attribution_and_returns_to_the_exact_passage(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    tab_to(page, RUTTE_MARKER)
    assert focus_is_visible(page)
    card = page.get_by_role("dialog", name=page.locator(RUTTE_MARKER).get_attribute("aria-label"))
    expect(card).to_be_visible()
    expect(card).to_contain_text("Who: Mark Rutte")

    page.keyboard.press("Enter")  # into the card, whose last link leads to the claim's note
    card.get_by_role("link", name=re.compile("^Full note")).focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#cite:{RUTTE}$"))
    expect(page.locator(f'[id="cite:{RUTTE}"]')).to_be_in_viewport()

    tab_to(page, RUTTE_BACK_LINK)
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"#{RUTTE}$"))
    expect_landed_on_rutte_passage(page)


def test_an_actor_link_leads_to_the_actor_page_and_its_entry_back_to_the_exact_passage(reader):
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    paragraph = page.locator("p").filter(has=page.locator(f'[id="{RUTTE}"]'))
    paragraph.get_by_role("link", name="NATO", exact=True).click()
    expect(page).to_have_url(reader.edition.url("actors/nato.md"))
    expect(page.get_by_role("heading", level=1)).to_have_text("NATO")

    entry = page.get_by_role("article").get_by_role("listitem").filter(has_text="growing desperation").first
    entry.get_by_role("link", name="the passage (note").first.click()  # the link after the claim's words
    expect(page).to_have_url(reader.edition.url(f"{ARTICLE}#{RUTTE}"))
    expect_landed_on_rutte_passage(page)


def test_the_relations_map_is_reached_by_keyboard_and_its_nodes_lead_to_the_actors(reader):
    page = reader.page
    page.goto(reader.edition.url("actors/index.md"))
    node = 'svg a.relations-node[href*="north-korea"]'
    tab_to(page, node)
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(reader.edition.url("actors/north-korea.md"))
    expect(page.get_by_role("heading", level=1)).to_have_text("North Korea")


#: Every text of the relations map: its words, its size in CSS pixels as drawn, its box, and for a
#: relation's label the relation's words as its title gives them ("A → B: words").
MAP_TEXTS = r"""() => {
    const svg = document.querySelector("figure.relations-map svg");
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll("text")].map(text => {
        const box = text.getBoundingClientRect(), edge = text.closest(".relations-edge");
        return {words: text.textContent, size: parseFloat(getComputedStyle(text).fontSize) * scale,
                box: [box.left, box.top, box.right, box.bottom],
                relation: edge ? edge.querySelector("title").textContent.split(": ").slice(1).join(": ")
                  .replace(/ \((source: |passage of |editors’ background)[\s\S]*\)$/, "") : null};
    });
}"""


@pytest.mark.parametrize("options", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_every_word_of_the_relations_map_is_readable_whole_and_apart(browser, edition, options):
    with reading(browser, edition, **options) as reader:
        page = reader.page
        page.goto(edition.url("actors/index.md"))
        texts = page.evaluate(MAP_TEXTS)
        labels = [text for text in texts if text["relation"] is not None]
        assert labels and len(texts) > len(labels)
        assert [text["words"] for text in texts if text["size"] < 12] == []
        for label in labels:  # all the words, none cut ("…")
            assert re.sub(r"\s", "", label["words"]) == re.sub(r"\s", "", label["relation"])
        overlapping = [(a["words"], b["words"]) for index, a in enumerate(texts) for b in texts[index + 1:]
                       if a["box"][0] < b["box"][2] and b["box"][0] < a["box"][2]
                       and a["box"][1] < b["box"][3] and b["box"][1] < a["box"][3]]
        assert overlapping == []
        # A narrow screen scrolls the map sideways: every word can be brought into view.
        drawing = page.locator("figure.relations-map svg").bounding_box()
        assert all(drawing["x"] <= t["box"][0] and t["box"][2] <= drawing["x"] + drawing["width"] for t in texts)
        figure = page.locator("figure.relations-map")
        assert figure.evaluate("figure => figure.scrollWidth <= figure.clientWidth || "
                               "getComputedStyle(figure).overflowX === 'auto'")
