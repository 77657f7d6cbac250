"""Both judgements as a reader sees them, in Chromium: an overstated claim's card says so and shows the source's words
beside the article's; no badge of a wording that goes beyond its source looks like a faithful one, in colour or in
shape, in the default colours or in forced-colours mode; the words that differ show without colour.

The claims are chosen from the data (the first that goes beyond its source, the first faithful one), never by id.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from annotated_article.data.vocabulary import OVERSTATED, WORDING_MEANINGS
from browser_fixtures import DESKTOP, reading
from conftest import ARTICLE
from project_data import project_claims
from test_accessibility import auditing, violations
from test_claim_cards import card_of, hover_open

FAITHFUL = ("same-words", "fair-paraphrase")

#: Each badge on the page: its value, its colours, and the shape its ::before draws.
BADGES = """() => [...document.querySelectorAll(".judgement")].map(badge => {
    const own = getComputedStyle(badge), shape = getComputedStyle(badge, "::before");
    return {value: badge.classList[1].replace("judgement--", ""),
            colour: [own.backgroundColor, own.color],
            shape: [shape.clipPath, shape.borderTopLeftRadius, shape.borderTopStyle, shape.backgroundImage,
                    shape.backgroundColor]};
})"""


def overstated_with_words():
    """The seed article's first claim that goes beyond its source and whose source's words differ from its own."""
    return next(claim for claim in project_claims()[ARTICLE].in_reading_order()
                if claim.overstated and any(entry.comparison and not entry.comparison.agrees for entry in claim.said))


def test_an_overstated_claims_card_says_so_with_what_it_means_and_the_sources_words_beside_the_articles(reader):
    claim = overstated_with_words()
    page = reader.page
    page.goto(reader.edition.url(ARTICLE))
    card = hover_open(page, claim.id)
    card.locator("details.claim-card__details > summary").click()  # the words beside each other are its details
    badge = card.locator(".attribution-wording .judgement")
    expect(badge).to_have_class(f"judgement judgement--{claim.wording}")
    expect(badge.locator(".visually-hidden")).to_have_text("warning: ")
    expect(card).to_contain_text(f"({WORDING_MEANINGS[claim.wording]})")
    expect(card.locator(".said .said-line--article mark.words-differ").first).to_be_visible()
    for entry in claim.said:
        if entry.said.words:
            expect(card.locator(".said")).to_contain_text(entry.said.words.split()[-1])
    differing = next(entry for entry in claim.said if entry.comparison and not entry.comparison.agrees)
    first_marked = next(word for word, differs in differing.comparison.source if differs).strip("“”")
    expect(card.locator(".said mark.words-differ", has_text=first_marked).first).to_be_visible()


@pytest.mark.parametrize("forced_colors", ["none", "active"])
def test_no_overstated_badge_looks_like_a_faithful_one_in_colour_or_shape(browser, hosted, forced_colors):
    claims = project_claims()[ARTICLE].in_reading_order()
    speaker = next(entry.person for claim in claims if claim.overstated for entry in claim.said if entry.person)
    with reading(browser, hosted, forced_colors=forced_colors, **DESKTOP) as reader:
        for url in (hosted.url(ARTICLE), hosted.url(f"people/{speaker.id}.md")):
            reader.page.goto(url)
            badges = reader.page.evaluate(BADGES)
            overstated = [badge for badge in badges if badge["value"] in OVERSTATED]
            faithful = [badge for badge in badges if badge["value"] in FAITHFUL]
            assert overstated, url
            shapes = {tuple(badge["shape"]) for badge in faithful}
            assert not [badge for badge in overstated if tuple(badge["shape"]) in shapes], url
            if forced_colors == "none":  # the system's colours replace the badges' own in forced-colours mode
                colours = {tuple(badge["colour"]) for badge in faithful}
                assert not [badge for badge in overstated if tuple(badge["colour"]) in colours], url
            underlines = reader.page.evaluate("""() => [...document.querySelectorAll("mark.words-differ")]
                .map(mark => getComputedStyle(mark).textDecorationLine)""")
            assert underlines and set(underlines) == {"underline"}, url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_overstated_claims_open_card_has_no_accessibility_violation(browser, hosted, scheme):
    claim = overstated_with_words()
    with auditing(browser, hosted, color_scheme=scheme, **DESKTOP) as reader:
        reader.page.goto(hosted.url(ARTICLE))
        hover_open(reader.page, claim.id)
        expect(card_of(reader.page, claim.id)).to_be_visible()
        card_of(reader.page, claim.id).locator("details > summary").click()  # its details too
        assert violations(reader.page, within="#claim-card") == []
