"""Every annotation as a W3C Web Annotation, in one AnnotationCollection (https://www.w3.org/TR/annotation-model/).

Each annotation targets its article's address through a TextQuoteSelector
(the words as published, with the text just before and after), and carries two
embedded textual bodies, each a sentence a person can read and the same facts as
structured properties: one `describing` the attribution (speaker, source, kind of
attribution, editor's note), one `assessing` it (where the source was seen, how
the article's words compare with it, and what was said as each source has it:
the words seen verbatim, in their language, or why they were not seen). Terms
the W3C context does not define are given IRIs in the site's own vocabulary,
explained on the Data page.
"""

from __future__ import annotations

from typing import Any

from annotated_article.model import Actor, Person, SiteData, Source
from annotated_article.render import attribution
from annotated_article.render.claims import JUDGEMENT_LABELS, JUDGEMENTS, ArticleClaims, Claim, SaidEntry
from annotated_article.render.corrections import claim_notices
from annotated_article.render.said import claim_said_text
from annotated_article.site_urls import SiteUrls

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

#: The site's own terms and how each is defined on top of the vocabulary namespace; the Data page explains each
#: one under an anchor of the same name, which is where its IRI leads.
VOCABULARY: dict[str, dict[str, str]] = {
    "speaker": {"@type": "@id"},
    "role": {},
    "attributedTo": {},
    "citedSource": {"@type": "@id"},
    "sourceKind": {},
    "titleNote": {},
    "dateNote": {},
    "sourceNote": {},
    "link": {"@type": "@id"},
    "linkKind": {},
    "attributionKind": {},
    "sourceSeen": {},
    "wording": {},
    "said": {},
    "words": {},
    "notSeen": {},
    "seenIn": {},
    "translatedBy": {},
    "editorsNote": {},
    "actor": {"@type": "@id"},
}

#: Terms borrowed from vocabularies the W3C context already names (Dublin Core elements, RDF Schema).
BORROWED_TERMS = {
    "title": "dc:title",
    "publisher": "dc:publisher",
    "date": {"@id": "dc:date", "@type": "xsd:date"},
    "author": "dc:creator",
    "seeAlso": {"@id": "rdfs:seeAlso", "@type": "@id"},
}


def context(urls: SiteUrls) -> list[Any]:
    """The W3C context, then the site's own terms and the borrowed ones."""
    terms: dict[str, Any] = {"aa": urls.vocabulary()}
    for name, definition in VOCABULARY.items():
        terms[name] = {"@id": f"aa:{name}", **definition} if definition else f"aa:{name}"
    terms.update(BORROWED_TERMS)
    return [W3C_CONTEXT, terms]


def annotation_collection(site: SiteData, claims: dict[str, ArticleClaims], urls: SiteUrls, label: str,
                          rights: str) -> dict[str, Any]:
    """All annotations of all articles, in one page of one collection; `rights` is the licence's address."""
    items = [web_annotation(site, claim, urls, rights) for path in sorted(claims)
             for claim in claims[path].in_reading_order()]
    collection_id = urls.annotation_collection()
    page_id = collection_id + "#page-1"
    return {
        "@context": context(urls),
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "rights": rights,
        "total": len(items),
        "first": {
            "id": page_id,
            "type": "AnnotationPage",
            "partOf": {"id": collection_id, "label": label, "total": len(items)},
            "startIndex": 0,
            "items": items,
        },
        "last": page_id,
    }


def web_annotation(site: SiteData, claim: Claim, urls: SiteUrls, rights: str) -> dict[str, Any]:
    article, annotation = claim.article, claim.annotation
    quote = article.loaded_plan.quote(annotation.id)
    selector = {"type": "TextQuoteSelector", "exact": quote.exact}
    if quote.prefix:
        selector["prefix"] = quote.prefix
    if quote.suffix:
        selector["suffix"] = quote.suffix
    found = {
        "id": urls.annotation(article.path, annotation.id),
        "type": "Annotation",
        "motivation": "describing",
        "rights": rights,
        "body": [attribution_body(site, claim, urls), assessment_body(site, claim, urls)],
        "target": {"type": "SpecificResource", "source": urls.page(article.path), "selector": selector},
    }
    if changed := claim_notices(claim):  # newest first: the day of its last correction or its withdrawal
        found["modified"] = f"{changed[0].date}T12:00:00Z"  # the day is known, not the time: noon UTC
    return found


def attribution_body(site: SiteData, claim: Claim, urls: SiteUrls) -> dict[str, Any]:
    annotation = claim.annotation
    body: dict[str, Any] = {
        "type": "TextualBody",
        "purpose": "describing",
        "format": "text/plain",
        "language": "en",
        "value": attribution_sentence(claim),
    }
    if annotation.speaker:
        body["speaker"] = speaker_node(site.people[annotation.speaker], site, urls)
    if annotation.attributed_to:
        body["attributedTo"] = annotation.attributed_to
    if annotation.source:
        body["citedSource"] = source_node(site.sources[annotation.source], urls)
    body["attributionKind"] = annotation.kind
    if annotation.note:
        body["editorsNote"] = annotation.note
    if annotation.see_also:
        body["seeAlso"] = [source_node(site.sources[id_], urls) for id_ in annotation.see_also]
    if annotation.actors:
        body["actor"] = [actor_node(site.actors[id_], urls) for id_ in annotation.actors]
    return body


def assessment_body(site: SiteData, claim: Claim, urls: SiteUrls) -> dict[str, Any]:
    """The editors' judgements of the attribution, and what each source said."""
    body: dict[str, Any] = {
        "type": "TextualBody",
        "purpose": "assessing",
        "format": "text/plain",
        "language": "en",
        "value": assessment_sentence(claim),
        "sourceSeen": claim.source_seen,
        "wording": claim.wording,
    }
    if claim.said:
        body["said"] = [said_node(site, entry, urls) for entry in claim.said]
    return body


def said_node(site: SiteData, entry: SaidEntry, urls: SiteUrls) -> dict[str, Any]:
    """One source's words for the claim (in their language), or why they were not seen."""
    said = entry.said
    node: dict[str, Any] = {"citedSource": {"id": urls.entity("sources", entry.source.id)}}
    if entry.person:
        node["speaker"] = speaker_node(entry.person, site, urls)
    if entry.date:
        node["date"] = entry.date
    if said.words:
        node["words"] = attribution.words(said.words)
        node["language"] = said.language or "en"
        for key, value in (("seenIn", said.seen_in), ("translatedBy", said.translated_by)):
            if value:
                node[key] = value
    else:
        node["notSeen"] = said.not_seen
    return node


def speaker_node(person: Person, site: SiteData, urls: SiteUrls) -> dict[str, Any]:
    node: dict[str, Any] = {"id": urls.entity("people", person.id),
            "type": "Organization" if person.type == "organization" else "Person",
            "name": person.name, "role": person.role}
    if person.actor:
        node["actor"] = actor_node(site.actors[person.actor], urls)
    return node


def actor_node(actor: Actor, urls: SiteUrls) -> dict[str, Any]:
    return {"id": urls.entity("actors", actor.id), "name": actor.name}


def source_node(source: Source, urls: SiteUrls) -> dict[str, Any]:
    node: dict[str, Any] = {"id": urls.entity("sources", source.id), "publisher": source.publisher}
    if source.title:
        node["title"] = source.title
    if source.title_note:
        node["titleNote"] = source.title_note
    if source.date:
        node["date"] = source.date
    if source.date_note:
        node["dateNote"] = source.date_note
    if source.authors:
        node["author"] = list(source.authors)
    node["sourceKind"] = source.kind
    if source.links:
        node["link"] = [{"id": link.url, "label": link.label or link.url, "linkKind": link.kind}
                        for link in source.links]
    if source.note:
        node["sourceNote"] = source.note
    return node


def attribution_sentence(claim: Claim) -> str:
    """The footnote's facts as plain text: who, how, where, and the editor's note."""
    parts = [f"Who: {attribution.as_text(claim.who)}",
             f"How: {claim.kind_words}",
             f"Source: {attribution.as_text(claim.citation) if claim.source else 'none found'}"]
    parts = [attribution.ended(part) for part in parts]
    if claim.annotation.note:
        parts.append(f"Editor’s note: {claim.annotation.note}")
    return " ".join(parts)


def assessment_sentence(claim: Claim) -> str:
    """The judgements as plain text, each with what it means, then what was said."""
    parts = [f"{JUDGEMENT_LABELS[name]}: {words[claim.judgement(name)]} ({meanings[claim.judgement(name)]})."
             for name, (words, meanings) in JUDGEMENTS.items()]
    said = claim_said_text(claim)
    return " ".join(parts + ([said] if said else []))
