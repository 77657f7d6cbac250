"""What was said, beside the article's words: each source's words as seen (or why they were not seen), who said
them, when and where they were seen, with the words that differ from the article's marked; as HTML (footnotes
and cards), Markdown (the pages of people, actors and sources) and text (search entries, open data).

Words that differ are a `<mark>` that starts with words for screen readers ("differs: "); the stylesheet
underlines them too, so that they show without colour and in forced-colours mode. A mark at either end of the
words holds the quotation mark there, so that no element parts a word from its quotation mark (search results
show the same markup, and their words are the page's). Every text from the data is escaped.
"""

from __future__ import annotations

from itertools import groupby
from typing import Callable

from markupsafe import Markup, escape

from annotated_article.article.wording import Word
from annotated_article.render import attribution
from annotated_article.render.attribution import Part, format_date
from annotated_article.render.claims import Claim, SaidEntry
from annotated_article.render.text import html_format, markdown_text

#: What screen readers hear before words that differ (and what the page has, visually hidden).
DIFFERS = "differs: "
_MARK = Markup('<mark class="words-differ"><span class="visually-hidden">' + DIFFERS + "</span>{}</mark>")
#: A page's address, for the links of who said the words (None: no link, as in search results).
PageUrl = Callable[[str, str], "str | None"]


def said_parts(entry: SaidEntry, who: bool = True) -> list[Part]:
    """Who said it (linked to their page, or to the source's when no person is named; not with `who` false, as on
    their own page), when, where the words were seen and who translated them."""
    parts = _said_parts(entry)
    return parts if who else parts[2:]


def _said_parts(entry: SaidEntry) -> list[Part]:
    said = entry.said
    parts = [Part(attribution.words(entry.who), "speaker" if entry.person else "",
                  ("people", entry.person.id) if entry.person else ("sources", entry.source.id))]
    if entry.date:
        parts += [Part(", "), Part(format_date(entry.date), "date", value=entry.date)]
    if said.words and said.seen_in:
        parts += [Part(", "), Part(attribution.words(said.seen_in))]
    if said.words and said.translated_by:
        parts += [Part(", translated by "), Part(attribution.words(said.translated_by))]
    return parts


def not_seen(entry: SaidEntry) -> str:
    return f"words not seen ({attribution.words(entry.said.not_seen)})"


def said_text(entry: SaidEntry) -> str:
    """The entry as one line of text: “Who, date, where seen: “words”” or “Who, date: words not seen (why)”."""
    label = attribution.as_text(said_parts(entry))
    return f"{label}: “{attribution.words(entry.said.words)}”" if entry.said.words else f"{label}: {not_seen(entry)}"


def claim_said_text(claim: Claim) -> str:
    """What was said for the claim, as text: the article's compared words, then each entry ('' for none)."""
    if not claim.said:
        return ""
    lines = ([f"The article: “{' '.join(word for word, _ in claim.article_said)}”"] if claim.article_said else [])
    return "What was said: " + " ".join(attribution.ended(line) for line in lines + [said_text(e) for e in claim.said])


def _runs(words: tuple[Word, ...]) -> list[tuple[bool, str]]:
    """The words in runs that differ or not, the quotation marks around them put in the first and last run."""
    runs = [(differs, " ".join(word for word, _ in run)) for differs, run in groupby(words, key=lambda word: word[1])]
    if not runs:
        return [(False, "“”")]
    runs[0] = (runs[0][0], "“" + runs[0][1])
    runs[-1] = (runs[-1][0], runs[-1][1] + "”")
    return runs


def words_html(words: tuple[Word, ...], language: str = "") -> Markup:
    """Words in quotation marks, each run that differs marked."""
    shown = Markup(" ").join(_MARK.format(text) if differs else escape(text) for differs, text in _runs(words))
    lang = html_format(' lang="{}"', language) if language else ""
    return html_format('<span class="said-words"{}>{}</span>', lang, shown)


def entry_html(entry: SaidEntry, page_url: PageUrl, element: str = "p") -> Markup:
    """An entry as a line: who said it, when and where the words were seen, then the words or why they were not
    seen. In a search result (`element="span"`) who and when are plain text, so that no element parts a word from
    the punctuation after it."""
    parts = said_parts(entry)
    label = attribution.as_html(parts, page_url) if element == "p" else escape(attribution.as_text(parts))
    said = (words_html(entry.words, entry.said.language) if entry.said.words else
            html_format('<span class="not-seen">{}</span>', not_seen(entry)))
    return html_format('<{} class="said-line{}"><span class="said-who">{}:</span> {}</{}>',
        element, "" if entry.said.words else " said-line--not-seen", label, said, element)


def said_html(claim: Claim, page_url: PageUrl, element: str = "p") -> Markup:
    """The claim's `said` as a block: the article's compared words, then each source's, the differences marked.
    With `element="span"`, a run of text for a search result (which is a link itself: pass no `page_url`)."""
    if not claim.said:
        return Markup("")
    lines = [html_format('<{} class="said-line said-line--article"><span class="said-who">The article:</span> {}</{}>',
        element, words_html(claim.article_said), element)] if claim.article_said else []
    lines += [entry_html(entry, page_url, element) for entry in claim.said]
    container, between = ("div", Markup("")) if element == "p" else ("span", Markup(" "))
    return html_format('<{} class="said"><{} class="said-heading"><span class="label">What was said:</span></{}>{}{}</{}>',
        container, element, element, between, between.join(lines), container)


def words_markdown(words: tuple[Word, ...], language: str = "") -> str:
    """`words_html` for a Markdown page: the words escaped for Markdown, the marks as HTML."""
    shown = " ".join(f'<mark class="words-differ"><span class="visually-hidden">{DIFFERS}</span>{markdown_text(text)}'
                     "</mark>" if differs else markdown_text(text) for differs, text in _runs(words))
    lang = f' lang="{escape(language)}"' if language else ""
    return f'<span class="said-words"{lang}>{shown}</span>'


def entry_markdown(entry: SaidEntry, link: Callable[[str, str, str], str]) -> str:
    """The entry on a Markdown page: who said it (linked), when, where seen: the words, or why they were not seen."""
    label = attribution.as_markdown(said_parts(entry), link)
    said = words_markdown(entry.words, entry.said.language) if entry.said.words else markdown_text(not_seen(entry))
    return f"{label}: {said}"
