"""schema.org JSON-LD for every page, placed in the page's head (https://schema.org/).

The article is a `NewsArticle` whose `citation`s are its sources and whose
parts are its attributed quotes, each a `Quotation` spoken by its speaker and
based on its source, citing what was said as the source has it: a `Quotation`
of the source's words (in their language), spoken by whoever said them and
based on that source; the article's words are the citing text. Actor pages describe a `Country` or an `Organization`,
people pages a `Person` (or the organization that spoke) with its affiliation,
source pages the cited work. Every node has the same IRI as in the Web
Annotations, so the two descriptions join up.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from annotated_article.data.vocabulary import ACTOR_TYPES, SOURCE_TYPES
from annotated_article.model import Actor, Link, Person, SiteData, Source
from annotated_article.render.claims import ArticleClaims, Claim, SaidEntry
from annotated_article.render.corrections import last_modified, notices
from annotated_article.render.provenance import lede
from annotated_article.site_urls import ANNOTATIONS_CSV, ANNOTATIONS_JSONLD, DATA_PAGE, SiteUrls, page_kind

SCHEMA_CONTEXT = "https://schema.org"

DATASET_DESCRIPTION = (
    "Every attributed claim in the articles, as the words quoted with the text around them, who said them, "
    "where they were published, how the article attributes them, where the editors saw the source, how the "
    "article's words compare with it, what the source said in its own words, and the editors' notes: W3C Web "
    "Annotations in JSON-LD, and the same as CSV.")
_END_OF_HEAD = re.compile(r"</head\s*>", re.IGNORECASE)


@dataclass(frozen=True)
class SiteInfo:
    name: str
    description: str
    licence: str  # the address of the data's licence


def page_data(src_uri: str, title: str, site: SiteData, claims: dict[str, ArticleClaims], urls: SiteUrls,
              info: SiteInfo) -> dict[str, Any]:
    """The JSON-LD for the page built from `src_uri`."""
    kind, name = page_kind(src_uri) or ("", "")
    if src_uri in site.articles:
        data = news_article(claims[src_uri], title, site, urls, info)
    elif kind == "actors" and name in site.actors:
        data = actor_data(site.actors[name], urls)
    elif kind == "people" and name in site.people:
        data = speaker_data(site.people[name], site, urls)
    elif kind == "sources" and name in site.sources:
        data = source_work(site.sources[name], urls)
    elif src_uri == "index.md":
        data = website(urls, info)
    elif src_uri == DATA_PAGE:
        data = dataset(title, urls, info)
    else:
        data = web_page(src_uri, title, urls)
    return {"@context": SCHEMA_CONTEXT, **data}


def news_article(claims: ArticleClaims, title: str, site: SiteData, urls: SiteUrls, info: SiteInfo) -> dict[str, Any]:
    """The article, published by its publisher at its original address (its `url`; this page's when that is
    not known) and read here, on this page (`mainEntityOfPage`)."""
    article = claims.article
    cited, actors, published = article.cited_sources, article.actors_named, article.provenance
    data = {
        "@type": "NewsArticle",
        "@id": urls.article(article.path),
        "url": urls.page(article.path),
        "mainEntityOfPage": urls.page(article.path),
        "headline": published.headline or title,
        "inLanguage": "en",
        **work_details(published.publisher, published.authors, published.date, published.links,
                       "NewsMediaOrganization", "Organization" if published.corporate_byline else "Person"),
        "isPartOf": website_reference(urls, info),
        "citation": [source_work(site.sources[id_], urls) for id_ in cited],
        "hasPart": [quotation(claim, site, urls) for claim in claims.in_reading_order()],
    }
    corrected = notices(claims)
    if corrected:
        data["correction"] = [{"@type": "CorrectionComment", "text": notice.text, "datePublished": notice.date,
                               "about": {"@id": urls.passage(article.path, notice.claim.id)}} for notice in corrected]
    modified = max(published.updated, last_modified(claims))
    for key, value in (("dateModified", modified), ("copyrightNotice", published.rights),
                       ("description", lede(article))):
        if value:
            data[key] = value
    if actors:
        data["about"] = [actor_reference(site.actors[id_], urls) for id_ in actors]
    return data


def quotation(claim: Claim, site: SiteData, urls: SiteUrls) -> dict[str, Any]:
    annotation = claim.annotation
    data: dict[str, Any] = {
        "@type": "Quotation",
        "@id": urls.passage(claim.article.path, annotation.id),
        "text": claim.words,
    }
    if annotation.speaker:
        speaker = site.people[annotation.speaker]
        key = "creator" if speaker.type == "organization" else "spokenByCharacter"
        data[key] = speaker_reference(speaker, urls)
    if annotation.attributed_to:
        data["creditText"] = annotation.attributed_to
    if annotation.source:
        data["isBasedOn"] = {"@id": urls.entity("sources", annotation.source)}
    said = [source_quotation(entry, urls) for entry in claim.said if entry.said.words]
    if said:
        data["citation"] = said
    return data


def source_quotation(entry: SaidEntry, urls: SiteUrls) -> dict[str, Any]:
    """What a source said, in its own words, as seen verbatim: the text the article's words cite."""
    said = entry.said
    data: dict[str, Any] = {"@type": "Quotation", "text": " ".join(said.words.split()), "inLanguage": said.language or "en"}
    if entry.person:
        key = "creator" if entry.person.type == "organization" else "spokenByCharacter"
        data[key] = speaker_reference(entry.person, urls)
    if entry.date:
        data["dateCreated"] = entry.date
    data["isBasedOn"] = {"@id": urls.entity("sources", entry.source.id)}
    return data


def actor_data(actor: Actor, urls: SiteUrls) -> dict[str, Any]:
    data = {**actor_reference(actor, urls), "url": urls.entity_page("actors", actor.id),
            "description": actor.description}
    if actor.full_name:
        data["alternateName"] = actor.full_name
    return data


def actor_reference(actor: Actor, urls: SiteUrls) -> dict[str, Any]:
    return {"@type": ACTOR_TYPES[actor.kind], "@id": urls.entity("actors", actor.id), "name": actor.name}


def speaker_data(person: Person, site: SiteData, urls: SiteUrls) -> dict[str, Any]:
    """A `Person` with an `affiliation`, or the `Organization` that spoke."""
    data = {**speaker_reference(person, urls), "url": urls.entity_page("people", person.id),
            "description": person.role}
    actor = site.actors.get(person.actor) if person.actor else None
    if person.type == "organization":
        if actor and actor.kind == "country":
            data["@type"] = "GovernmentOrganization"
            data["areaServed"] = actor_reference(actor, urls)
        elif actor:
            data["parentOrganization"] = actor_reference(actor, urls)
        if person.affiliation:
            data["description"] = f"{person.role} ({person.affiliation})"
        return data
    affiliations = []
    if actor and actor.kind == "country":
        affiliations.append({"@type": "GovernmentOrganization",
                             "@id": urls.entity_page("actors", actor.id) + "#government",
                             "name": f"{actor.name} government", "areaServed": actor_reference(actor, urls)})
    elif actor:
        affiliations.append(actor_reference(actor, urls))
    if person.affiliation:
        affiliations.append({"@type": "Organization", "name": person.affiliation})
    if affiliations:
        data["affiliation"] = affiliations
    return data


def speaker_reference(person: Person, urls: SiteUrls) -> dict[str, Any]:
    return {"@type": "Organization" if person.type == "organization" else "Person",
            "@id": urls.entity("people", person.id), "name": person.name}


def source_work(source: Source, urls: SiteUrls) -> dict[str, Any]:
    """The cited work."""
    return {
        "@type": SOURCE_TYPES[source.kind],
        "@id": urls.entity("sources", source.id),
        "name": source.title or f"{source.publisher}, {source.kind.replace('-', ' ')}",
        **work_details(source.publisher, source.authors, source.date, source.links),
    }


def work_details(publisher: str, authors: tuple[str, ...], date: str, links: tuple[Link, ...],
                 publisher_type: str = "Organization", author_type: str = "Person") -> dict[str, Any]:
    """Who published a work, who wrote it, when, and where: only an `original` link is its `url`; the others
    are copies or reports of it. What is not known is left out. An article's publisher is a news outlet
    (`NewsMediaOrganization`), and its byline an `Organization` when it names a desk or an outlet."""
    def linked(*kinds: str) -> list[Link]:
        return [link for link in links if link.kind in kinds]

    details = {
        "publisher": {"@type": publisher_type, "name": publisher} if publisher else None,
        "datePublished": date,
        "author": [{"@type": author_type, "name": name} for name in authors],
        "url": next((link.url for link in linked("original")), None),
        "archivedAt": [link.url for link in linked("reprint", "copy")],
        "workTranslation": [_work(link) for link in linked("translation")],
        "subjectOf": [_work(link) for link in linked("report")],
    }
    return {key: value for key, value in details.items() if value}


def _work(link: Link) -> dict[str, Any]:
    return {"@type": "CreativeWork", "url": link.url, "name": link.label or link.url}


def website(urls: SiteUrls, info: SiteInfo) -> dict[str, Any]:
    return {**website_reference(urls, info), "url": urls.site_url, "description": info.description,
            "inLanguage": "en"}


def website_reference(urls: SiteUrls, info: SiteInfo) -> dict[str, Any]:
    return {"@type": "WebSite", "@id": urls.website(), "name": info.name}


def dataset(title: str, urls: SiteUrls, info: SiteInfo) -> dict[str, Any]:
    """The Data page describes the annotations as a `Dataset` with its two downloads and its licence."""
    return {
        "@type": "Dataset",
        "@id": urls.page(DATA_PAGE) + "#dataset",
        "url": urls.page(DATA_PAGE),
        "name": f"{info.name}: {title}" if title else info.name,
        "description": DATASET_DESCRIPTION,
        "license": info.licence,
        "isAccessibleForFree": True,
        "isPartOf": website_reference(urls, info),
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": "application/ld+json",
             "contentUrl": urls.file(ANNOTATIONS_JSONLD)},
            {"@type": "DataDownload", "encodingFormat": "text/csv", "contentUrl": urls.file(ANNOTATIONS_CSV)},
        ],
    }


def web_page(src_uri: str, title: str, urls: SiteUrls) -> dict[str, Any]:
    return {"@type": "WebPage", "@id": urls.page(src_uri), "url": urls.page(src_uri), "name": title,
            "isPartOf": {"@id": urls.website()}}


def head_script(data: dict[str, Any]) -> str:
    """A `<script type="application/ld+json">` element; `<`, `>` and `&` are escaped so no text can end it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # compact: Python's C encoder, not its own
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def insert_in_head(html: str, script: str) -> str:
    """`script` placed just before `</head>`; any theme's pages have one."""
    end_of_head = _END_OF_HEAD.search(html)
    if end_of_head is None:
        raise ValueError("the page has no </head> to put its structured data in")
    return html[:end_of_head.start()] + script + html[end_of_head.start():]
