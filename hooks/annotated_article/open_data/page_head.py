"""What a page's head tells programs that show or follow it: the Open Graph and article tags link previews read
(the card a link pasted into a chat or a social network shows), and the link to the site's feed.

Every page has its type, title, hosted address, description and the site's name; an article's page adds the
dates and byline of the article, where they are known. The one exception: an article page whose publisher is
not known does not name the site (`og:site_name`), since Zotero files the site's name as the article's
newspaper when nothing else names one, and this site is not its publisher. Every value is escaped here.

The feed's link is relative, as the theme writes its own feeds' links: the theme's script loads the sitemap
beside every `rel="alternate"` link of a page, so a link to the hosted address would make a copy served
elsewhere load from the hosted site. From a hosted page it leads to the hosted feed. (The offline edition's
pages have no feed link at all: see `OpenData.link_feed`.)
"""

from __future__ import annotations

from markupsafe import Markup

from annotated_article.model import Article
from annotated_article.render.text import html_format
from annotated_article.site_urls import SiteUrls


def open_graph_tags(src_uri: str, title: str, description: str, article: Article | None, urls: SiteUrls,
                    site_name: str) -> str:
    """The Open Graph (https://ogp.me/) tags of the page built from `src_uri`, and a Twitter card that takes
    them; `title` and `description` are plain text."""
    properties = [("og:type", "article" if article else "website"), ("og:title", title),
                  ("og:url", urls.page(src_uri))]
    if article is None or article.provenance.publisher:
        properties.append(("og:site_name", site_name))
    if description:
        properties.append(("og:description", description))
    if article is not None:
        p = article.provenance
        properties += [("article:published_time", p.date)] if p.date else []
        properties += [("article:modified_time", p.updated)] if p.updated else []
        properties += [("article:author", name) for name in p.authors]
    tags = [html_format('<meta property="{}" content="{}">\n', key, " ".join(value.split()))
            for key, value in properties]
    tags.append(Markup('<meta name="twitter:card" content="summary">\n'))
    return str(Markup("").join(tags))


def site_name_tag(site_name: str) -> str:
    return str(html_format('<meta property="og:site_name" content="{}">\n', site_name))


def feed_link(href: str, site_name: str) -> str:
    """The link that feed readers follow from a page to the feed of the articles, at `href` from that page."""
    return str(html_format('<link rel="alternate" type="application/atom+xml" title="{}" href="{}">\n',
        site_name, href))
