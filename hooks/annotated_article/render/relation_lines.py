"""A relation as a line of a page's list under its map: “actor → actor: relation”, then what it cites (the source's
page, the passage with both judgements of its claim) or that it is the editors' background with no source; and the
addresses the map's arrows link to."""

from __future__ import annotations

from dataclasses import replace

from annotated_article.model import SiteData
from annotated_article.render import attribution
from annotated_article.render.page_markdown import PageMarkdown, source_markdown
from annotated_article.render.relations import BACKGROUND, ActorRelation, relation_parts
from annotated_article.site_urls import page_path


def relation_line(page: PageMarkdown, site: SiteData, relation: ActorRelation, own: str = "") -> str:
    """The relation as a Markdown list item; on the page of actor `own`, its name is not a link."""
    parts = [part if own == "" or part.page != ("actors", own) else replace(part, page=None)
             for part in relation_parts(relation, site)]
    return "- " + attribution.as_markdown(parts, page.link_to_page) + " — " + cited_markdown(page, relation)


def cited_markdown(page: PageMarkdown, relation: ActorRelation) -> str:
    if relation.cited_source is not None:
        return "source: " + source_markdown(page, relation.cited_source)
    if relation.claim is not None:
        claim = relation.claim
        return (f"the passage {page.passage(claim)}, note {claim.name} "
                f"({' · '.join(page.judgements(claim))}){page.footnote(claim.annotation.source)}")
    return f"*{BACKGROUND}*"


def cited_urls(relations: list[ActorRelation], page_url) -> list[str | None]:
    """For each relation, the site address of what it cites (a source's page, a passage), or None."""
    urls: list[str | None] = []
    for relation in relations:
        if relation.cited_source is not None:
            urls.append(page_url(page_path("sources", relation.cited_source.id)))
        elif relation.claim is not None:
            urls.append(f"{page_url(relation.claim.article.path)}#{relation.claim.id}")
        else:
            urls.append(None)
    return urls
