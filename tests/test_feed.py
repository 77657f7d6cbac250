"""The Atom feed of the articles: valid (feedparser reads it without a complaint, and RFC 4287's rules hold),
newest first, at the hosted addresses in both editions, linked from every page, and dated truly: an entry's
`updated` is when its article last changed on the site, never an invented date of publication."""

from __future__ import annotations

import dataclasses
import datetime
import re
import subprocess
import xml.etree.ElementTree as etree
from urllib.parse import urljoin, urlsplit

import feedparser

from annotated_article.model import Link, Provenance
from annotated_article.open_data.feed import ATOM, CORRECTION, atom_feed, build_time
from annotated_article.render.index_pages import newest_first
from annotated_article.render.provenance import lede
from annotated_article.site_urls import FEED
from conftest import article_html, site_url, soup_of
from project_data import project_claims, project_site, site_urls

BUILT = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
HOSTILE = '<b>"x"</b> & \'y\' ]]>'
#: RFC 3339's date-time, as Atom's Date constructs require it.
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
NS = {"a": ATOM}


def site_with(*provenances: Provenance):
    """The project's data with one copy of its first article per provenance (`articles/a0.md`, …)."""
    site = dataclasses.replace(project_site())
    seed = next(iter(project_site().articles.values()))
    site.articles = {f"articles/a{index}.md": dataclasses.replace(seed, path=f"articles/a{index}.md",
                                                                   data_file=f"data/articles/a{index}.yml",
                                                                   provenance=provenance)
                     for index, provenance in enumerate(provenances)}
    claims = {path: project_claims()[seed.path] for path in site.articles}
    return site, claims


def article_entries(feed) -> list:
    """The entries of the feed's articles (the others are corrections of their claims: see test_corrections)."""
    return [entry for entry in feed.entries if CORRECTION not in [tag.term for tag in entry.get("tags", [])]]


def feed_text(site, claims, changed=None) -> str:
    return atom_feed(site, claims, site_urls(), "Annotated articles", "News, footnoted.", changed or {}, BUILT)


DATED = Provenance(publisher="The Example Gazette", publisher_kind="newspaper", authors=("Ann Lee", "Bo Kim"),
                   date="2024-11-22", updated="2024-11-23", rights="© 2024 The Example Gazette",
                   links=(Link("https://example.org/a", "original"),))
OLDER = dataclasses.replace(DATED, date="2024-10-01", updated="")
UNDATED = Provenance(publisher_note="it reads like a forum piece", date_note="probably November 2024",
                     authors_note="not seen", rights_note="terms not seen")


def rfc4287_problems(text: str) -> list[str]:
    """What RFC 4287 requires of a feed document and of each of its entries, checked on the XML."""
    root = etree.fromstring(text.encode("utf-8"))
    problems = [] if root.tag == f"{{{ATOM}}}feed" else ["the root is not atom:feed"]

    def one(element, tag: str, where: str) -> None:
        found = element.findall(f"a:{tag}", NS)
        if len(found) != 1 or not (found[0].text or "").strip():
            problems.append(f"{where}: not exactly one atom:{tag}")

    for tag in ("id", "title", "updated"):
        one(root, tag, "feed")
    if not root.findall("a:link[@rel='self']", NS):
        problems.append("feed: no link rel=self")
    feed_author = root.find("a:author/a:name", NS) is not None
    ids = []
    for number, entry in enumerate(root.findall("a:entry", NS)):
        for tag in ("id", "title", "updated"):
            one(entry, tag, f"entry {number}")
        ids += [element.text for element in entry.findall("a:id", NS)]
        if not feed_author and entry.find("a:author/a:name", NS) is None \
                and entry.find("a:source/a:author/a:name", NS) is None:
            problems.append(f"entry {number}: no author")
        if entry.find("a:content", NS) is None and not entry.findall("a:link[@rel='alternate']", NS):
            problems.append(f"entry {number}: neither content nor an alternate link")
        if len(entry.findall("a:link[@rel='alternate'][@type='text/html']", NS)) > 1:
            problems.append(f"entry {number}: two alternate links of one type")
    for date in root.iter():
        if date.tag in (f"{{{ATOM}}}updated", f"{{{ATOM}}}published") and not RFC3339.match(date.text or ""):
            problems.append(f"{date.tag}: {date.text!r} is not an RFC 3339 date-time")
    if len(ids) != len(set(ids)):
        problems.append("two entries have one id")
    return problems


def test_the_feed_is_valid_atom_and_lists_the_articles_newest_first():
    site, claims = site_with(OLDER, UNDATED, DATED)
    text = feed_text(site, claims)
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert rfc4287_problems(text) == []
    assert [entry.link for entry in article_entries(feed)] == [site_urls().page(p) for p in
                                                               ("articles/a2.md", "articles/a0.md", "articles/a1.md")]
    assert [entry.id for entry in article_entries(feed)] == [site_urls().article(a.path) for a in newest_first(site)]
    assert feed.feed.link == site_urls().site_url
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [site_urls().file(FEED)]


def test_an_entry_gives_where_and_when_its_article_was_published_where_it_is_known():
    site, claims = site_with(DATED, UNDATED)
    dated, undated = article_entries(feedparser.parse(feed_text(site, claims)))
    assert dated.published == "2024-11-22T12:00:00Z"  # the day; its time is not known: noon UTC keeps the day
    assert [author.name for author in dated.authors] == ["Ann Lee", "Bo Kim"]
    assert dated.rights == "© 2024 The Example Gazette"
    assert [link.href for link in dated.links if link.rel == "related"] == ["https://example.org/a"]
    assert "The Example Gazette" in dated.content[0].value and "22 November 2024" in dated.content[0].value
    assert dated.summary == lede(site.articles["articles/a0.md"])
    # Not known: no date at all, and the entry says so, with the editors' note, as the page does.
    assert "published" not in undated
    assert "Date not known" in undated.content[0].value and "probably November 2024" in undated.content[0].value
    assert [author.name for author in undated.authors] == ["Byline not known"]
    assert "rights" not in undated


def test_an_entry_is_updated_when_its_article_last_changed_on_the_site_or_else_at_the_build():
    site, claims = site_with(DATED, UNDATED)
    changed = datetime.datetime(2025, 5, 6, 7, 8, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    feed = feedparser.parse(feed_text(site, claims, {"articles/a0.md": changed}))
    # Never the article's own dates: the one of the last change here, in UTC.
    assert [entry.updated for entry in article_entries(feed)] == ["2025-05-06T05:08:09Z", "2026-01-02T03:04:05Z"]
    assert feed.feed.updated == max(entry.updated for entry in feed.entries)  # the latest of its entries'


def test_the_feed_carries_the_data_as_text_whatever_it_holds():
    site, claims = site_with(dataclasses.replace(DATED, headline=HOSTILE, authors=(HOSTILE,), rights=HOSTILE))
    text = feed_text(site, claims)
    feed = feedparser.parse(text)
    assert not feed.bozo
    [entry] = article_entries(feed)
    assert (entry.title, entry.authors[0].name, entry.rights) == (HOSTILE, HOSTILE, HOSTILE)
    assert "<b>" not in text


def test_the_build_time_is_source_date_epoch_when_it_is_set(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build_time() == datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert abs(build_time() - datetime.datetime.now(datetime.timezone.utc)) < datetime.timedelta(minutes=1)


# The built site, as it is and with a second article, and the offline edition.

def last_change(project, article) -> str | None:
    """The date of the last commit that changed the article's files, or None when they have changes not committed
    (or the project is not a git repository, or a shallow clone of one, whose history is cut short)."""
    files = [f"docs/{article.path}", article.data_file]
    status = subprocess.run(["git", "status", "--porcelain", "--", *files], cwd=project, capture_output=True, text=True)
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=project, capture_output=True,
                             text=True).stdout.strip()
    if status.returncode or status.stdout.strip() or shallow != "false":
        return None
    dates = [subprocess.run(["git", "log", "-1", "--first-parent", "--format=%ct", "--", name], cwd=project,
                            capture_output=True, text=True, check=True).stdout.strip() for name in files]
    moment = datetime.datetime.fromtimestamp(max(map(int, dates)), datetime.timezone.utc)
    return moment.isoformat().replace("+00:00", "Z")


def test_the_built_feed_lists_every_article_at_its_hosted_page_dated_by_its_last_change(each_site):
    text = (each_site.site / FEED).read_text(encoding="utf-8")
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert rfc4287_problems(text) == []
    articles = newest_first(each_site.data)
    entries = article_entries(feed)
    assert [entry.link for entry in entries] == [site_url() + article_html(a.path).removesuffix("index.html")
                                                 for a in articles]
    for entry, article in zip(entries, articles):
        page = soup_of(each_site.site / article_html(article.path))
        assert entry.link == page.find("link", rel="canonical")["href"]
        assert entry.title == (article.provenance.headline or article.title)
        committed = last_change(each_site.project, article)
        if committed is not None:
            assert entry.updated == committed
        else:  # outside git, or not committed: the time of the build, the day the pages say the site was built
            stamp = page.select_one(".printed-from data")["value"]
            assert entry.updated.startswith(stamp), (entry.updated, stamp)
        if article.provenance.date:
            assert entry.published.startswith(article.provenance.date)
        else:
            assert "published" not in entry and "Date not known" in entry.content[0].value


def feed_links(path) -> list[str]:
    return [link["href"] for link in soup_of(path).head.find_all("link", rel="alternate", type="application/atom+xml")]


def test_every_page_links_the_hosted_feed(each_site):
    """Relative to the page (the theme loads the sitemap beside every `rel="alternate"` link, which must not be
    another host's), so that from a hosted page it leads to the hosted feed."""
    pages = sorted(path for path in each_site.site.rglob("*.html") if path.name != "404.html")
    assert len(pages) >= 20
    for path in pages:
        [href] = feed_links(path)
        assert urljoin(soup_of(path).find("link", rel="canonical")["href"], href) == site_url() + FEED, path
    # The 404 page is served at any address: its links start from the site's root.
    assert feed_links(each_site.site / "404.html") == [urlsplit(site_url()).path + FEED]


def test_the_offline_edition_carries_the_hosted_feed_and_links_none(built_site, offline_site):
    """Read from disk, a page would have the theme's script load the sitemap beside a feed's link (refused on
    file://), and no feed can be followed there: the pages link none, and the copy of the feed names the
    hosted pages."""
    pages = sorted(offline_site.rglob("*.html"))
    assert len(pages) >= 20 and all(feed_links(path) == [] for path in pages)
    offline = feedparser.parse((offline_site / FEED).read_text(encoding="utf-8"))
    hosted = feedparser.parse((built_site / FEED).read_text(encoding="utf-8"))
    assert [entry.link for entry in offline.entries] == [entry.link for entry in hosted.entries]
    assert all(entry.link.startswith(site_url()) for entry in offline.entries)
