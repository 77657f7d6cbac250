"""A generated page's Markdown: its lines, links to other pages and to passages, and footnotes for its sources.

Text from the data goes through `markdown_text`, so it shows as written.
"""

from __future__ import annotations

from annotated_article.model import SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.claims import Claim
from annotated_article.render.footnotes import badge_html
from annotated_article.render.text import excerpt, markdown_text
from annotated_article.site_urls import page_path, relative_source_path


class PageMarkdown:
    """Markdown lines for one page, with the footnotes for the sources it cites."""

    def __init__(self, path: str, site: SiteData, title: str):
        self.path = path
        self.site = site
        self.lines = [f"# {markdown_text(title)}", ""]
        self.cited: list[str] = []

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
        return f"[^{source_id}]"

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
        notes = [f"[^{source_id}]: {source_markdown(self, self.site.sources[source_id])}" for source_id in self.cited]
        return "\n".join(self.lines + notes) + "\n"


def markdown_link(from_path: str, text: str, target_path: str, fragment: str = "") -> str:
    """A Markdown link from the page at `from_path` to the one at `target_path` (paths inside docs/)."""
    target = relative_source_path(from_path, target_path)
    return f"[{markdown_text(text)}]({target}{'#' + fragment if fragment else ''})"


def source_markdown(page: PageMarkdown, source: Source) -> str:
    """A source as a one-line citation, linked to its page."""
    parts = attribution.source(source)
    return attribution.as_markdown(parts, page.link_to_page) + attribution.full_stop(parts)
