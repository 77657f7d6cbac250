"""The article's words beside a source's (`article.wording`): what is compared, what counts as a difference, and what
the check and the pages make of it, on the data as it is."""

from __future__ import annotations

import copy

import pytest
import yaml

from annotated_article.article.loading import load_site
from annotated_article.article.wording import compare, compared, compared_parts
from annotated_article.data.errors import DataErrors
from annotated_article.data.vocabulary import OVERSTATED, WORDING_WORDS
from annotated_article.render.claims import site_claims
from conftest import PROJECT, add_second_article, copy_project


def marked(words) -> list[str]:
    return [word for word, differs in words if differs]


def test_the_words_inside_quotation_marks_are_compared_cut_at_an_ellipsis_and_all_words_without_them():
    assert compared_parts("Rutte called it Putin’s “growing desperation.”") == ["growing desperation."]
    assert compared_parts('He said "a big gamble. … But things will change," and left') == \
        ["a big gamble.", "But things will change,"]
    assert compared_parts("“One,” he said. “Two...three”") == ["One,", "Two", "three"]
    assert compared_parts("about 1,200 troops killed daily") == ["about 1,200 troops killed daily"]
    assert compared_parts("it is “…”") == []


@pytest.mark.parametrize("article, source", [
    ("Putin’s “growing desperation.”", "a sign of Putin's growing desperation."),  # curly and straight
    ("“Growing  desperation”", "growing desperation"),  # spacing, a capital first letter
    ("the “Japan–ROK–U.S. statement”", "the Japan - ROK - U.S. statement"),  # dashes and the spaces around them
    ("“we counted 42 trains,”", "We counted 42 trains."),  # punctuation at the ends of words
    ("“They are too young. They’ll go,” he said. “But not back.”", "They are too young."),  # more than was seen
])
def test_typography_and_words_beyond_the_other_texts_are_no_difference(article, source):
    comparison = compare(article, source)
    assert comparison.agrees and marked(comparison.article) == marked(comparison.source) == []


def test_a_word_in_place_of_another_is_marked_on_both_sides_and_the_sources_context_is_not():
    comparison = compare("Putin’s “growing despair.”", "The deployment is also a sign of Putin's deepening despair.")
    assert not comparison.agrees
    assert marked(comparison.article) == ["growing"] and marked(comparison.source) == ["deepening"]
    assert comparison.differences() == ("growing", "deepening")


def test_killed_for_casualties_is_marked_and_the_shared_figure_is_not():
    comparison = compare("about 1,200 Russian troops are being killed daily", "more than 1,200 casualties per day")
    assert not comparison.agrees
    assert "killed" in marked(comparison.article) and "1,200" not in marked(comparison.article)
    assert marked(comparison.source) == ["more", "than", "casualties", "per", "day"]


def test_words_with_nothing_in_common_are_all_marked():
    comparison = compare("a sign of “Russian despair,”", "it's desperate")
    assert not comparison.agrees
    assert marked(comparison.article) == ["Russian", "despair,"] and marked(comparison.source) == ["it's", "desperate"]


def test_a_part_of_the_quote_the_source_does_not_cover_is_not_marked_when_another_part_matches():
    comparison = compare("“They won’t understand.” Then: “But most won’t come back.”", "They won't understand.")
    assert comparison.agrees and marked(comparison.article) == []


def test_only_english_words_of_the_annotations_speaker_or_of_anyone_for_a_group_are_compared():
    assert compared("rutte", "", "") and compared("rutte", "rutte", "en-GB")
    assert not compared("rutte", "blinken", "") and not compared("rutte", "", "ko")
    assert compared("", "blinken", "")  # the article credits a group: every speaker's words are compared


def site_with_both_articles(tmp_path):
    project = add_second_article(copy_project(tmp_path / "project"))
    return load_site(project / "data", project / "docs")


def test_the_claims_view_marks_what_the_check_would_refuse_as_same_words(tmp_path):
    """Every compared entry of the data: a claim whose words differ is never `same-words`, and one that agrees
    has no mark; the article's words are marked only where they differ from every source compared."""
    site = site_with_both_articles(tmp_path)
    entries = 0
    for claims in site_claims(site).values():
        for claim in claims.in_reading_order():
            for entry in claim.said:
                if entry.comparison is None:
                    assert not entry.said.words or not compared(claim.annotation.speaker, entry.said.speaker,
                                                                entry.said.language)
                    continue
                entries += 1
                assert entry.comparison.agrees == (marked(entry.comparison.article) == marked(entry.comparison.source)
                                                   == [])
                if claim.wording == "same-words":
                    assert entry.comparison.agrees, claim.id
            for index, (_, differs) in enumerate(claim.article_said):
                assert differs == all(e.comparison.article[index][1] for e in claim.said if e.comparison)
    assert entries >= 2


def test_a_data_file_from_before_the_two_judgements_is_told_how_to_move_on_once_per_annotation(tmp_path):
    """Each annotation of the data written with `verification`, as it was, gets one message naming both fields
    that replace it and what to write for its value, and none saying a key is unknown or missing."""
    project = copy_project(tmp_path / "project")
    path = next((project / "data" / "articles").glob("*.yml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    old = copy.deepcopy(data)
    for annotation in old["annotations"]:
        seen = annotation.pop("source_seen")
        annotation.pop("wording")
        annotation.pop("said", None)
        annotation["verification"] = {"original": "confirmed", "report": "likely", "not-found": "unverified"}[seen]
    path.write_text(yaml.safe_dump(old, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(DataErrors) as failure:
        load_site(project / "data", project / "docs")
    messages = [error.message for error in failure.value.errors]
    assert len(messages) == len(old["annotations"])
    for message, annotation in zip(messages, old["annotations"]):
        assert message.startswith("`verification` is no longer used: `source_seen` (where the source was seen) and "
                                  "`wording` (how the article's words compare with it) replace it.")
        if annotation["verification"] == "unverified":
            assert "Write `source_seen: not-found` and `wording: not-checked` in its place" in message
        else:
            assert all(f"`{value}`" in message for value in WORDING_WORDS if value != "not-checked")
        assert "`said:`" in message
    assert not [m for m in messages if "unknown key" in m or "has no `" in m]


def test_the_overstated_wordings_are_wordings():
    assert set(OVERSTATED) < set(WORDING_WORDS)
    assert {"stronger-than-source", "not-in-source"} == set(OVERSTATED)


def test_the_seed_has_every_claim_judged_twice_from_the_editors_table():
    """The seed's claims all carry both judgements, and at least one of them goes beyond its source."""
    seed = yaml.safe_load((PROJECT / "data/articles/north-korea-troops-russia.yml").read_text(encoding="utf-8"))
    assert all({"source_seen", "wording"} <= set(annotation) for annotation in seed["annotations"])
    assert any(annotation["wording"] in OVERSTATED for annotation in seed["annotations"])
    assert all("said" in annotation for annotation in seed["annotations"] if "source" in annotation)
