"""Who said it and where it was published: the same words in HTML, Markdown and plain text."""

from __future__ import annotations

import re

import markdown

from annotated_article.model import Actor, Annotation, Person, SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.text import markdown_text


def site() -> SiteData:
    actors = {"alpha": Actor("alpha", "Alpha", "country", "A country.")}
    people = {"minister": Person("minister", "Ann <Minister>", "Foreign Minister", actor="alpha"),
              "envoy": Person("envoy", "Ed Envoy", "Alpha’s envoy", actor="alpha")}
    sources = {"paper": Source("paper", "The *Paper*", "news-report", title="A [story]", title_note="as reprinted",
                               date="2024-11-02", date_note="approximate", authors=("A. One", "B. Two", "C. Three"))}
    return SiteData(actors, people, sources, {})


def quoted(speaker: str = "", attributed_to: str = "") -> Annotation:
    return Annotation("said", "Words.", "direct-quote", "report", "same-words", source="paper", speaker=speaker,
                      attributed_to=attributed_to)


def url(kind: str, id_: str) -> str:
    return f"/{kind}/{id_}/"


def md_link(words: str, kind: str, id_: str) -> str:
    """A link as the generated pages make them: the words escaped."""
    return f"[{markdown_text(words)}]({url(kind, id_)})"


def rendered_markdown(parts) -> str:
    return markdown.markdown(attribution.as_markdown(parts, md_link))


def plain(html: str) -> str:
    """The text a reader sees in `html`."""
    return re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_a_speaker_is_named_with_role_and_the_actor_the_role_does_not_name():
    parts = attribution.who(quoted("minister"), site())
    assert attribution.as_text(parts) == "Ann <Minister>, Foreign Minister, Alpha"
    assert attribution.as_html(parts, url) == (
        '<span class="speaker"><a href="/people/minister/">Ann &lt;Minister&gt;</a></span>, Foreign Minister, '
        '<a href="/actors/alpha/">Alpha</a>')
    assert attribution.as_text(attribution.who(quoted("envoy"), site())) == "Ed Envoy, Alpha’s envoy"


def test_words_for_a_group_come_first_and_the_person_on_record_after():
    both = attribution.who(quoted("envoy", "Officials of Alpha"), site())
    assert attribution.as_text(both) == "Officials of Alpha; on record: Ed Envoy, Alpha’s envoy"
    assert attribution.as_text(attribution.who(quoted(attributed_to="Analysts"), site())) == "Analysts"


def test_a_source_citation_carries_its_uncertainties_and_authors():
    parts = attribution.source(site().sources["paper"])
    text = ("The *Paper*, “A [story]”, title: as reprinted, 2 November 2024, date: approximate. "
            "By A. One, B. Two and C. Three")
    assert attribution.as_text(parts) == text
    html = attribution.as_html(parts, url)
    # Not a <time>: on an article's page, a reference manager would read it as the article's date.
    assert '<data value="2024-11-02">2 November 2024</data>' in html and "<time" not in html
    assert "<cite>“A [story]”</cite>" in html and '<span class="uncertain">date: approximate</span>' in html


def test_html_and_markdown_show_the_same_words_as_the_text_and_link_the_same_pages():
    data = site()
    for parts in (attribution.who(quoted("minister"), data), attribution.who(quoted("envoy", "Officials"), data),
                  attribution.source(data.sources["paper"])):
        html = attribution.as_html(parts, url)
        from_markdown = rendered_markdown(parts)
        assert plain(html) == attribution.as_text(parts)
        assert plain(from_markdown).removeprefix("<p>").removesuffix("</p>") == attribution.as_text(parts)
        assert re.findall(r'href="([^"]+)"', html) == re.findall(r'href="([^"]+)"', from_markdown)


def test_no_link_where_a_page_has_no_address():
    parts = attribution.who(quoted("minister"), site())
    assert "<a " not in attribution.as_html(parts, lambda kind, id_: None)


def test_a_citation_ends_in_one_full_stop_and_text_from_a_yaml_block_is_one_line():
    data = site()
    data.sources["paper"] = Source("paper", "The Paper", "news-report", authors=("Jim Smith Jr.",))
    data.people["minister"] = Person("minister", "Ann\nMinister", "Foreign\n  Minister\n", actor="alpha")
    parts = attribution.source(data.sources["paper"])
    assert attribution.as_text(parts) + attribution.full_stop(parts) == "The Paper. By Jim Smith Jr."
    assert attribution.full_stop(attribution.source(site().sources["paper"])) == "."
    who = attribution.who(quoted("minister"), data)
    assert attribution.as_text(who) == "Ann Minister, Foreign Minister, Alpha"
    assert rendered_markdown(who) == ('<p><a href="/people/minister/">Ann Minister</a>, Foreign Minister, '
                                      '<a href="/actors/alpha/">Alpha</a></p>')
