"""The navigation: the Articles section filled from the data, then the actors, people and sources; and an
article's own contents, listed at its top (its margin holds the claims, not the theme's table of contents).

A navigation title is HTML to MkDocs and the theme, so every name from the data in it is escaped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markupsafe import Markup

from annotated_article.article.text import APPARATUS_CLASSES
from annotated_article.model import SiteData
from annotated_article.render.index_pages import ARTICLES_INDEX, newest_first
from annotated_article.render.text import html_format, html_text
from annotated_article.site_urls import index_path, page_path

#: How many articles the navigation names, at most, unless mkdocs.yml names more itself: Material
#: renders the whole navigation into every page, so a long list costs every page of the site (and
#: a reader scrolls past it). The Articles page lists them all.
NAV_ARTICLES = 10
#: What Python-Markdown holds in place of raw HTML and code while it renders a page (its stash's placeholders).
_STASHED = re.compile("\x02[^\x03]*\x03")


def with_generated_nav(nav: list, site: SiteData) -> list:
    """`nav` from mkdocs.yml with the generated entries added.

    The `Articles` section (added after the first entry if mkdocs.yml has none) starts with the
    Articles page, keeps the articles mkdocs.yml lists, and is filled up to `NAV_ARTICLES` articles
    with those the navigation does not name yet, newest first. Then come the actors (their index
    and the featured actors), people and sources.
    """
    nav = list(nav)
    section = next((i for i, entry in enumerate(nav) if isinstance(entry, dict) and list(entry) == ["Articles"]),
                   None)
    if section is None:
        nav.insert(min(1, len(nav)), {"Articles": []})
        section = min(1, len(nav) - 1)
    chosen = nav[section]["Articles"]
    chosen = chosen if isinstance(chosen, list) else [] if chosen is None else [chosen]  # or one page
    listed = _paths(nav)
    room = max(0, NAV_ARTICLES - len(_paths(chosen) & set(site.articles)))
    added = [article.path for article in newest_first(site) if article.path not in listed][:room]
    head = [] if ARTICLES_INDEX in listed else [{"All articles": ARTICLES_INDEX}]
    nav[section] = {"Articles": [*head, *chosen, *added]}
    return [*nav, *nav_entries(site)]


def _paths(nav: list) -> set[str]:
    """Every page path a navigation (or part of one) names."""
    found: set[str] = set()
    for entry in nav:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            if isinstance(value, list):
                found |= _paths(value)
            elif isinstance(value, str):
                found.add(value)
    return found


def nav_entries(site: SiteData) -> list[dict]:
    """Navigation for the generated pages: featured actors by name, and the three indexes.

    A navigation title is HTML to MkDocs and the theme (it becomes the page's title, printed as it is
    in the navigation, `<title>`, the footer and the 404 page), so a name from the data is escaped.
    """
    featured = [{html_text(actor.name): page_path("actors", actor.id)}
                for actor in site.actors.values() if actor.featured]
    return [{"Actors": [{"All actors": index_path("actors")}, *featured]},
            {"People": index_path("people")},
            {"Sources": index_path("sources")}]


def _words(element: etree.Element) -> str:
    """An element's words without the apparatus inside it (a heading's markers and its ¶ link)."""
    words = [element.text or ""]
    for child in element:
        if not APPARATUS_CLASSES & set((child.get("class") or "").split()):
            words.append(_words(child))
        words.append(child.tail or "")
    return "".join(words)


def article_contents_html(root: etree.Element) -> str:
    """A compact list of the article's own headings (h2 and h3 with an id) for the top of its page, or '' when it
    has none: on an article page the margin holds the claims' notes where the theme's table of contents was."""
    headings = [(heading.get("id"), _STASHED.sub("", _words(heading)).strip()) for heading in root.iter()
                if heading.tag in ("h2", "h3") and heading.get("id")]
    if not headings:
        return ""
    links = Markup(" · ").join(html_format('<a href="#{}">{}</a>', id_, text) for id_, text in headings)
    return str(html_format('<nav class="article-contents" aria-label="Contents"><p><span class="label">Contents:</span> '
                           "{}</p></nav>",
                           links))
