"""The words the pages, footnotes and open data use for each value a data field may take.

Each table has one entry per value that field's JSON Schema allows (`data/schemas/`); a test
compares them, so a value added to a schema without its words fails the tests instead of a build.
"""

from __future__ import annotations

#: An annotation's `kind`: how the article attributes the words.
KIND_WORDS = {
    "direct-quote": "direct quote",
    "paraphrase": "paraphrase",
    "official-statement": "official statement",
    "intelligence-assessment": "intelligence assessment",
    "report": "report",
}

#: An annotation's `verification`: how sure the editors are, and what each word means.
VERIFICATION_WORDS = {
    "confirmed": "the source, or a copy of it, was seen with matching words",
    "likely": "the facts fit, but a key element (title, address, date or exact words) was not seen",
    "unverified": "the source was not found",
}

#: A source link's `kind`: what the link leads to, when it is not the original.
LINK_KIND_WORDS = {
    "original": "",
    "pattern": "address built from the site’s usual pattern, not checked",
    "reprint": "reprint",
    "report": "report quoting it",
    "translation": "translated write-up",
    "copy": "copy",
}

#: A source's `kind`.
SOURCE_KIND_WORDS = {
    "news-report": "news report",
    "press-conference": "press conference",
    "official-statement": "official statement",
    "intelligence-update": "intelligence update",
    "research-report": "research report",
    "social-media-post": "social media post",
}

#: A source's `kind` as a schema.org type.
SOURCE_TYPES = {
    "news-report": "NewsArticle",
    "press-conference": "CreativeWork",
    "official-statement": "CreativeWork",
    "intelligence-update": "Report",
    "research-report": "Report",
    "social-media-post": "SocialMediaPosting",
}

#: An actor's `kind` as a schema.org type.
ACTOR_TYPES = {"country": "Country", "alliance": "Organization", "organization": "Organization"}

#: An article's `publisher_kind`, as the item type Zotero (and so reference managers that take its types) files
#: an article of that outlet as: only a magazine's differs.
PUBLISHER_ITEM_TYPES = {
    "newspaper": "newspaperArticle",
    "magazine": "magazineArticle",
    "news-site": "newspaperArticle",
    "news-agency": "newspaperArticle",
    "broadcaster": "newspaperArticle",
}
