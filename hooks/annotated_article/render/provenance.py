"""Where an article comes from, as its page shows it: the dateline under its title, the citation meta
tags reference managers read (Zotero's Embedded Metadata translator, Google Scholar), and its
description, taken from its first paragraph.

Every value is the editors' text: it is escaped here, for HTML and for attributes alike. What is not
known is said to be not known, with the editors' note, and never filled in.

The article's date of publication is the only `<time datetime>` of its page (in the dateline's compact line): a reference manager that finds
no date in the meta tags takes the page's first one (Zotero does), so every other date of the page (the
update, the sources', the build's) is a `<data value>`, which none reads as the article's.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markupsafe import Markup, escape

from annotated_article.data.vocabulary import PUBLISHER_ITEM_TYPES
from annotated_article.model import Article, Link
from annotated_article.render.attribution import format_date, join_names, words
from annotated_article.render.text import excerpt, html_format, link_shown


def dateline_html(article: Article) -> str:
    """The dateline: one compact line (publisher · date · byline · the original), then, behind a disclosure, what
    the editors know of each (the headline as published, their notes, an update, every address the article was
    published at, the rights). A value not known is named so in the line only when the editors say something of
    it; the disclosure is left out when it would add nothing."""
    p = article.provenance
    originals = [link for link in p.links if link.kind == "original"]
    line = [
        _known(escape(words(p.publisher)) if p.publisher else None, p.publisher_note, "Publisher not known"),
        _known(_time(p.date) if p.date else None, p.date_note, "Date not known"),
        _known(html_format("By {}", join_names(tuple(map(words, p.authors)))) if p.authors else None,
               p.authors_note, "Byline not known"),
        _known(Markup(" · ").join(map(_link, originals)) if originals else None, p.links_note if not p.links else "",
               "Original not found"),
    ]
    headline = None if not p.headline else "" if p.headline == article.title and not p.headline_note else \
        html_format("Published as “{}”", words(p.headline))
    others = [link for link in p.links if link.kind != "original"]
    details = [
        _fact(headline, p.headline_note, "Headline as published not known"),
        _fact(html_format("By {}", join_names(tuple(map(words, p.authors)))) if p.authors and p.authors_note
              else "" if p.authors else None, p.authors_note, "Byline not known"),
        _fact(escape(words(p.publisher)) if p.publisher and p.publisher_note else "" if p.publisher else None,
              p.publisher_note, "Publisher not known"),
        _fact(html_format("Published {}", date_value(p.date)) if p.date and p.date_note else "" if p.date else None,
              p.date_note, "Date not known"),
        html_format("Updated {}", date_value(p.updated)) if p.updated else "",
        _fact(Markup(" · ").join(map(_link, others)) if others else "" if p.links else None, p.links_note,
              "Original not found"),
        _fact(escape(words(p.rights)) if p.rights else None, p.rights_note, "Rights not known"),
    ]
    shown = Markup(" · ").join(fact for fact in line if fact)
    items = Markup("").join(html_format("<li>{}</li>", fact) for fact in details if fact)
    parts = ([html_format('<p class="dateline-facts">{}</p>', shown)] if shown else []) + (
        [html_format('<details class="dateline-details"><summary>About this text</summary><ul>{}</ul></details>',
            items)] if items else [])
    return str(html_format('<div class="dateline">\n{}\n</div>', Markup("\n").join(parts))) if parts else ""


def _known(shown: str | None, note: str, unknown: str) -> Markup:
    """A fact of the compact line: its value, or that it is not known when the editors say something of it."""
    if shown is None:
        return Markup(unknown) if note else Markup("")
    return Markup(shown)


def _fact(shown: str | None, note: str, unknown: str) -> Markup:
    """`shown` (HTML; None when the value is not known) with the editors' note after it. A value that is
    not known is said to be so when there is a note about it."""
    note_html = html_format(' <span class="uncertain">({})</span>', words(note)) if note else ""
    if shown is None:
        return Markup(unknown) + note_html if note else Markup("")
    return Markup(shown) + note_html if shown else Markup("")


def _time(iso_date: str) -> Markup:
    """The article's date of publication: the one `<time>` of its page."""
    return html_format('<time datetime="{}">{}</time>', iso_date, format_date(iso_date))


def date_value(iso_date: str) -> Markup:
    """Any other date of an article's page, machine-readable all the same."""
    return html_format('<data value="{}">{}</data>', iso_date, format_date(iso_date))


def _link(link: Link) -> Markup:
    if link.kind == "original":
        return html_format('<a href="{}">Read the original</a>', link.url)
    label, kind = link_shown(link)
    return html_format('<a href="{}">{}</a> ({})', link.url, words(label), kind)


def under_title(root: etree.Element, html: str) -> None:
    """`html`, one element, put right after the title of Python-Markdown's tree (its first h1), or first.

    The tree holds an `&` of the text as `&amp;`, as Python-Markdown's own does: its serializer writes
    an entity in the text as it is, so that a `&amp;` the editors typed would otherwise show as `&`."""
    if not html:
        return
    element = etree.fromstring(html)
    for node in element.iter():
        node.text, node.tail = (part and part.replace("&", "&amp;") for part in (node.text, node.tail))
        for key, value in node.attrib.items():
            node.set(key, value.replace("&", "&amp;"))
    element.tail = "\n"
    title = next((index for index, child in enumerate(root) if child.tag == "h1"), -1)
    root.insert(title + 1, element)


def citation_tags(article: Article, title: str) -> str:
    """The meta tags reference managers read, of what is known; `title` is the page's title as text.

    The Highwire Press `citation_*` tags (Google Scholar, Zotero, Mendeley) give the title, the byline, the
    date and the publisher. Zotero's Embedded Metadata translator reads a few more: its item type
    (`z.itemType`: a newspaper or a magazine article, as `publisher_kind` says), the publication
    (`prism.publicationName`), the rights (`DC.rights`), and, in its Extra field, the address of the original
    (`DC.description`, which Zotero reads as Extra once the item type comes from `z.itemType`): the item's
    own address stays the page's (its canonical link). A corporate byline is written `Name,` (a family name
    and no given name), which Zotero keeps as one institutional author rather than splitting it into a
    person's names; a name with a comma of its own cannot be written so."""
    p = article.provenance
    tags = [("citation_title", p.headline or title),
            *(("citation_author", f"{words(name)}," if p.corporate_byline else name) for name in p.authors)]
    if p.date:
        tags.append(("citation_publication_date", p.date.replace("-", "/")))
    if p.publisher:
        tags.append(("citation_publisher", p.publisher))
    tags.append(("z.itemType", PUBLISHER_ITEM_TYPES.get(p.publisher_kind, "newspaperArticle")))
    if p.publisher:
        tags.append(("prism.publicationName", p.publisher))
    if p.rights:
        tags.append(("DC.rights", p.rights))
    tags += [("DC.description", f"Original URL: {link.url}") for link in p.links if link.kind == "original"][:1]
    return str(Markup("").join(html_format('<meta name="{}" content="{}">\n', name, words(value))
                               for name, value in tags))


def lede(article: Article, length: int = 30) -> str:
    """The article's first paragraph as published, cut to `length` words."""
    text = article.loaded_plan.text
    if not text.paragraphs:
        return ""
    return excerpt(text.text[text.paragraphs[0].start:text.paragraphs[0].end], length)
