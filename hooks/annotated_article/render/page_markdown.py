"""A generated page's Markdown: its lines, links to other pages and to passages, and footnotes for its sources.

Text from the data goes through `markdown_text`, so it shows as written.
"""

from __future__ import annotations

from typing import Callable, Iterable

from markupsafe import Markup, escape

from annotated_article.model import SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.claims import Claim
from annotated_article.render.footnotes import badge_html
from annotated_article.render.text import excerpt, html_format, markdown_text
from annotated_article.site_urls import page_path, relative_source_path, relative_url

#: A footnote reference as Python-Markdown's footnotes make it: the first to a note, then `fnref2:`, `fnref3:`…
_REFERENCE = '<sup id="fnref{}:{}"><a class="footnote-ref" href="#fn:{}">{}</a></sup>'
_BACK_LINK = '<a class="footnote-backref" href="#fnref{}:{}" title="Jump back to footnote {} in the text">&#8617;</a>'


class PageMarkdown:
    """Markdown lines for one page, with the footnotes for the sources it cites.

    Given `page_url(src_path)` (the site URL of a page), the page can also hold blocks of HTML made here
    (`url` gives their links), and its footnotes are made here too, as Python-Markdown's footnotes would make
    them: their references can then stand in those blocks, which Markdown does not read.
    """

    def __init__(self, path: str, site: SiteData, title: str, page_url: Callable[[str], str] | None = None):
        self.path = path
        self.site = site
        self.lines = [f"# {markdown_text(title)}", ""]
        self.cited: list[str] = []
        self.page_url = page_url
        self._references: dict[str, int] = {}

    def url(self, target_path: str, fragment: str = "") -> str:
        """The link from this page to the page built from `target_path` (inside docs/), for HTML made here."""
        assert self.page_url is not None
        return relative_url(self.page_url(self.path), self.page_url(target_path)) + (f"#{fragment}" if fragment else "")

    def link(self, text: str, target_path: str, fragment: str = "") -> str:
        return markdown_link(self.path, text, target_path, fragment)

    def passage(self, claim: Claim, words: str = "", shown: str = "") -> str:
        """A link to the claim's passage (its first words, or `words`, or `shown`: Markdown already made),
        naming its article when there are several."""
        if shown:
            link = f"[{shown}]({relative_source_path(self.path, claim.article.path)}#{claim.id})"
        else:
            link = self.link(words or excerpt(claim.words), claim.article.path, claim.id)
        if len(self.site.articles) > 1:
            link += f" in *{markdown_text(claim.article.title or claim.article.path)}*"
        return link

    def speaker(self, claim: Claim) -> str:
        return attribution.as_markdown(claim.who, self.link_to_page)

    def link_to_page(self, text: str, kind: str, id_: str) -> str:
        return self.link(text, page_path(kind, id_))

    def footnote(self, source_id: str) -> str:
        """A footnote marker for the source (nothing for an attribution whose source was not found)."""
        if not source_id:
            return ""
        if source_id not in self.cited:
            self.cited.append(source_id)
        if self.page_url is None:
            return f"[^{source_id}]"
        count = self._references[source_id] = self._references.get(source_id, 0) + 1
        return str(html_format(_REFERENCE, "" if count == 1 else count, source_id, source_id,
                                     self.cited.index(source_id) + 1))

    def entry(self, claim: Claim, with_speaker: bool = True) -> str:
        parts = [self.speaker(claim)] if with_speaker else []
        parts += [claim.kind_words, *self.judgements(claim)]
        return f"- {self.passage(claim)} — {' · '.join(p for p in parts if p)}{self.footnote(claim.annotation.source)}"

    @staticmethod
    def judgements(claim: Claim) -> list[str]:
        """Both judgements of the claim, as the footnotes' badges."""
        return [f"Source: {badge_html('source_seen', claim.source_seen)}",
                f"Wording: {badge_html('wording', claim.wording)}"]

    def section(self, heading: str, lines: list[str]) -> None:
        if lines:
            self.lines += [f"## {markdown_text(heading)}", "", *lines, ""]

    def markdown(self) -> str:
        if self.page_url is not None:
            return "\n".join(self.lines + ([self._footnotes_html()] if self.cited else [])) + "\n"
        notes = [f"[^{source_id}]: {source_markdown(self, self.site.sources[source_id])}" for source_id in self.cited]
        return "\n".join(self.lines + notes) + "\n"

    def _footnotes_html(self) -> str:
        """The page's footnotes, as Python-Markdown's footnotes make them: each source's citation, then a link back
        to each reference."""
        notes = []
        for number, source_id in enumerate(self.cited, 1):
            source = self.site.sources[source_id]
            parts = attribution.source(source)
            back = Markup("").join(html_format(_BACK_LINK, "" if count == 1 else count, source_id, number)
                                   for count in range(1, self._references[source_id] + 1))
            notes.append(html_format('<li id="fn:{}">\n<p>{}{}&#160;{}</p>\n</li>',
                source_id, self.parts_html(parts), attribution.full_stop(parts), back))
        return str(html_format('<div class="footnote">\n<hr />\n<ol>\n{}\n</ol>\n</div>', Markup("\n").join(notes)))

    def parts_html(self, parts: Iterable[attribution.Part]) -> Markup:
        """Parts of an attribution as `attribution.as_markdown` gives them, made into HTML here: their words (a
        title in quotation marks), those with a page linked to it."""
        html = []
        for part in parts:
            shown = escape(f"“{part.text}”" if part.role == "title" else part.text)
            html.append(html_format('<a href="{}">{}</a>', self.url(page_path(*part.page)), shown) if part.page else shown)
        return Markup("").join(html)


def markdown_link(from_path: str, text: str, target_path: str, fragment: str = "") -> str:
    """A Markdown link from the page at `from_path` to the one at `target_path` (paths inside docs/)."""
    target = relative_source_path(from_path, target_path)
    return f"[{markdown_text(text)}]({target}{'#' + fragment if fragment else ''})"


def source_markdown(page: PageMarkdown, source: Source) -> str:
    """A source as a one-line citation, linked to its page."""
    parts = attribution.source(source)
    return attribution.as_markdown(parts, page.link_to_page) + attribution.full_stop(parts)
