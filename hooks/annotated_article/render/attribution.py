"""Who said it, and where it was published: one wording, rendered three ways.

The footnotes (HTML), the generated pages (Markdown) and the open data (plain text) each say
who is credited with an annotation's words and which source published them. They are built
here once, as a list of parts, so that all three say the same; each part is plain text that
its renderer escapes, with what it is (a name, a title, a date, an uncertain detail) and the
generated page it links to, if any.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Callable, Iterable

from markupsafe import Markup, escape

from annotated_article.model import Annotation, SiteData, Source
from annotated_article.render.text import html_format, markdown_text

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


@dataclass(frozen=True)
class Part:
    text: str  # words from the data have their runs of white space folded into one space
    role: str = ""  # "", "speaker", "title", "date" or "uncertain"
    page: tuple[str, str] | None = None  # (kind, id) of the generated page the words link to
    value: str = ""  # a date's ISO form


def format_date(iso_date: str) -> str:
    """`2024-11-01` as `1 November 2024`."""
    date = datetime.date.fromisoformat(iso_date)
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def words(text: str) -> str:
    """Text from the data as one line: a YAML block may end in a line break, or break a line anywhere."""
    return " ".join(text.split())


def ended(text: str) -> str:
    """`text` with a full stop at its end, unless it ends in one already ("D.C.", "Jr.")."""
    return text if text.endswith(".") else text + "."


def full_stop(parts: list[Part]) -> str:
    """The full stop that ends a sentence of `parts`: none if its words end in one already."""
    return "" if as_text(parts).endswith(".") else "."


def who(annotation: Annotation, site: SiteData) -> list[Part]:
    """Who the article credits: the people's entry (name, role, and the actor if the role does not
    name it), and the article's own words for a group with no single speaker."""
    person = site.people.get(annotation.speaker) if annotation.speaker else None
    named: list[Part] = []
    if person:
        named = [Part(words(person.name), "speaker", ("people", person.id)), Part(", " + words(person.role))]
        actor = site.actors.get(person.actor) if person.actor else None
        if actor and actor.name not in person.role:
            named += [Part(", "), Part(words(actor.name), page=("actors", actor.id))]
    if annotation.attributed_to:
        return [Part(words(annotation.attributed_to)), *([Part("; on record: "), *named] if named else [])]
    return named


def source(source_: Source) -> list[Part]:
    """A source as one citation: publisher, title, date, what is uncertain about them, authors."""
    parts = [Part(words(source_.publisher), page=("sources", source_.id))]
    if source_.title:
        parts += [Part(", "), Part(words(source_.title), "title")]
    if source_.title_note:
        parts += [Part(", "), Part("title: " + words(source_.title_note), "uncertain")]
    if source_.date:
        parts += [Part(", "), Part(format_date(source_.date), "date", value=source_.date)]
    if source_.date_note:
        parts += [Part(", "), Part("date: " + words(source_.date_note), "uncertain")]
    if source_.authors:
        parts.append(Part(". By " + join_names(tuple(map(words, source_.authors)))))
    return parts


def join_names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


#: How each role of a part is marked up in HTML (the part's text, escaped, in place of `{}`).
_HTML_ROLES = {"title": Markup("<cite>“{}”</cite>"), "uncertain": Markup('<span class="uncertain">{}</span>')}


def as_html(parts: Iterable[Part], page_url: Callable[[str, str], str | None]) -> Markup:
    """HTML; `page_url(kind, id)` gives the URL of a generated page (None: no link)."""
    html = []
    for part in parts:
        text = escape(part.text)
        if part.role in _HTML_ROLES:
            text = _HTML_ROLES[part.role].format(text)
        elif part.role == "date":
            # Not a <time>: a reference manager takes the first <time> of an article's page as the article's date.
            text = html_format('<data value="{}">{}</data>', part.value, text)
        url = page_url(*part.page) if part.page else None
        if url:
            text = html_format('<a href="{}">{}</a>', url, text)
        if part.role == "speaker":
            text = html_format('<span class="speaker">{}</span>', text)
        html.append(text)
    return Markup("").join(html)


def as_markdown(parts: Iterable[Part], link: Callable[[str, str, str], str]) -> str:
    """Markdown; `link(words, kind, id)` gives a Markdown link to a generated page (escaping the words)."""
    markdown = []
    for part in parts:
        shown = f"“{part.text}”" if part.role == "title" else part.text
        markdown.append(link(shown, *part.page) if part.page else _markdown_words(shown))
    return "".join(markdown)


def _markdown_words(text: str) -> str:
    """`markdown_text`, keeping the spaces around the words (a part may be a separator such as ", ")."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core)
    return text[:start] + markdown_text(core) + text[start + len(core):]


def as_text(parts: Iterable[Part]) -> str:
    return "".join(f"“{part.text}”" if part.role == "title" else part.text for part in parts)
