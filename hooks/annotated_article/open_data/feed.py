"""The Atom feed of the articles (RFC 4287), for readers that follow the site: newest first, each entry saying
where and when its article was published, as far as that is known.

Every address in it is the hosted site's, in both editions. An entry's `updated` is when its article last
changed on this site: the last commit that changed its Markdown or its data file (`data.history`); for an
article with changes not committed, or a project outside git, the time of the build, which is
SOURCE_DATE_EPOCH when that is set (two builds of the same files then give the same feed). `published` is the
day the article was published, where that is known; Atom wants a time of day as well, which is not known, so
it is written as noon UTC: that day in every time zone but the farthest. An entry whose date is not known has
no `published`, and its content says "Date not known", with the editors' note, as the article's page does.
The byline is each entry's `author`; where it is not known, the entry says that as its author's name, since
Atom requires one and the site is not the article's author. Each correction of a claim, and each withdrawal, is an
entry of its own (`render.corrections`), newest first, before the articles', in the category `correction`: its id
and link are its place in the article's "Corrections and updates", its author the site, whose editors made it.
"""

from __future__ import annotations

import datetime
import os
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from markupsafe import Markup

from annotated_article.data.history import last_commit, last_commits
from annotated_article.model import Article, SiteData
from annotated_article.render.claims import ArticleClaims
from annotated_article.render.corrections import Notice, notices
from annotated_article.render.index_pages import newest_first
from annotated_article.render.provenance import dateline_html, lede
from annotated_article.render.text import excerpt, html_format
from annotated_article.site_urls import FEED, SiteUrls

ATOM = "http://www.w3.org/2005/Atom"
#: The category of an entry that is a correction (or a withdrawal) of a claim, not an article.
CORRECTION = "correction"
#: What XML 1.0 cannot carry (an article's Markdown could hold it): left out of the feed's text.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def atom_feed(site: SiteData, claims: dict[str, ArticleClaims], urls: SiteUrls, name: str, description: str,
              changed: dict[str, datetime.datetime], built: datetime.datetime) -> str:
    """The feed: `changed` gives when each article (by its path) last changed on the site, `built` the time of
    the build, for the articles it does not give."""
    feed = etree.Element("feed", {"xmlns": ATOM, "xml:lang": "en"})
    entries = [(article, changed.get(article.path, built)) for article in newest_first(site)]
    _text(feed, "id", urls.file(FEED))
    _text(feed, "title", name)
    if description:
        _text(feed, "subtitle", description)
    etree.SubElement(feed, "link", {"rel": "self", "type": "application/atom+xml", "href": urls.file(FEED)})
    etree.SubElement(feed, "link", {"rel": "alternate", "type": "text/html", "href": urls.site_url})
    corrected = sorted(((article, notice) for article, _ in entries for notice in notices(claims[article.path])),
                       key=lambda pair: pair[1].date, reverse=True)
    latest = [when for _, when in entries] + [_noon(notice.date) for _, notice in corrected]
    _text(feed, "updated", _rfc3339(max(latest, default=built)))
    for article, notice in corrected:
        feed.append(_correction_entry(article, notice, urls, name))
    for article, when in entries:
        feed.append(_entry(article, claims[article.path], urls, when))
    etree.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + etree.tostring(feed, encoding="unicode") + "\n"


def article_changes(project: Path, docs_dir: Path, site: SiteData) -> dict[str, datetime.datetime]:
    """When each article (by its path) last changed on the site: the later of the last commits that changed its
    Markdown and its data file, for an article whose both files have their last change committed."""
    try:
        docs = docs_dir.resolve().relative_to(project.resolve()).as_posix()
    except ValueError:  # docs_dir outside the project: its history is not the project's
        return {}
    files = {path: (f"{docs}/{path}", article.data_file) for path, article in site.articles.items()}
    commits = last_commits(project, [name for pair in files.values() for name in pair])
    return {path: max(commits[markdown], commits[data]) for path, (markdown, data) in files.items()
            if markdown in commits and data in commits}


def build_time(project: Path | None = None) -> datetime.datetime:
    """The time of the build: SOURCE_DATE_EPOCH when set (as MkDocs dates a build), else the date of the last
    commit of `project` (the date the offline zip carries, so that the site and its zip say one date), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    committed = last_commit(project) if project is not None else None
    return committed or datetime.datetime.now(datetime.timezone.utc)


def _entry(article: Article, claims: ArticleClaims, urls: SiteUrls, updated: datetime.datetime) -> etree.Element:
    p = article.provenance
    entry = etree.Element("entry")
    _text(entry, "id", urls.article(article.path))
    _text(entry, "title", p.headline or article.title)
    etree.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": urls.page(article.path)})
    for link in p.links:
        if link.kind == "original":
            etree.SubElement(entry, "link", {"rel": "related", "type": "text/html", "href": link.url,
                                             "title": "The original"})
    _text(entry, "updated", _rfc3339(updated))
    if p.date:
        _text(entry, "published", f"{p.date}T12:00:00Z")
    for author in p.authors or ("Byline not known",):
        _text(etree.SubElement(entry, "author"), "name", author)
    if p.rights:
        _text(entry, "rights", p.rights)
    if summary := lede(article):
        _text(entry, "summary", summary)
    _text(entry, "content", _content(article, claims, urls), type="html")
    return entry


def _correction_entry(article: Article, notice: Notice, urls: SiteUrls, name: str) -> etree.Element:
    """A correction of a claim of `article` (or its withdrawal), as an entry of its own: where it is listed on the
    article's page, its day (at noon UTC: the time is not known), the editors' words, and a link to the claim."""
    claim = notice.claim
    entry = etree.Element("entry")
    address = f"{urls.page(article.path)}#{notice.anchor}"
    _text(entry, "id", address)
    _text(entry, "title", f"{notice.kind}: {excerpt(claim.words, 10)} ({article.provenance.headline or article.title})")
    etree.SubElement(entry, "link", {"rel": "alternate", "type": "text/html", "href": address})
    _text(entry, "updated", _rfc3339(_noon(notice.date)))
    _text(entry, "published", _rfc3339(_noon(notice.date)))
    _text(etree.SubElement(entry, "author"), "name", name)
    etree.SubElement(entry, "category", {"term": CORRECTION, "label": notice.kind})
    _text(entry, "summary", notice.text)
    _text(entry, "content", str(html_format('<p>{}</p>\n<p><a href="{}">The claim</a>: “{}”</p>',
        notice.text, urls.passage(article.path, claim.id), excerpt(claim.words))), type="html")
    return entry


def _noon(day: str) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(12), datetime.timezone.utc)


def _content(article: Article, claims: ArticleClaims, urls: SiteUrls) -> str:
    """The entry's content, as HTML: the article's dateline as its page has it, its first paragraph, and what
    its annotations cover."""
    annotated = claims.described()
    return str(html_format("{}\n<p>{}</p>\n<p><a href=\"{}\">Read it annotated</a>: {}.</p>",
        Markup(dateline_html(article)), lede(article), urls.page(article.path), annotated))


def _text(parent: etree.Element, tag: str, text: str, **attributes: str) -> etree.Element:
    element = etree.SubElement(parent, tag, attributes)
    element.text = _NOT_XML.sub("", text)
    return element


def _rfc3339(moment: datetime.datetime) -> str:
    """`moment` in UTC, to the second, as RFC 3339 writes it."""
    return moment.astimezone(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
