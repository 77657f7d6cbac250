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

#: An annotation's `source_seen`: where the source was seen, in a few words (a badge), ...
SOURCE_SEEN_WORDS = {
    "original": "seen at the original",
    "report": "seen only in a report",
    "not-found": "not found",
}

#: ... and in a sentence (the key to the badges, the cards, the open data).
SOURCE_SEEN_MEANINGS = {
    "original": "the source was seen at the original, or in a verbatim copy or reprint of it",
    "report": "the source was seen only through another outlet’s report, or a copy that is not verbatim",
    "not-found": "the source was not found",
}

#: An annotation's `wording`: how the article's words compare with what the source says, in a few words, ...
WORDING_WORDS = {
    "same-words": "same words",
    "fair-paraphrase": "fair paraphrase",
    "stronger-than-source": "stronger than the source",
    "weaker-than-source": "weaker than the source",
    "not-in-source": "not in the source",
    "not-checked": "not checked",
}

#: ... and in a sentence.
WORDING_MEANINGS = {
    "same-words": "the words the article quotes are the source’s own",
    "fair-paraphrase": "the article says what the source says, in other words",
    "stronger-than-source": "the article overstates its source: it says more, or says it more firmly, than the "
                            "source does",
    "weaker-than-source": "the article says less, or says it less firmly, than the source does",
    "not-in-source": "the source does not say this: the words are the article’s own",
    "not-checked": "the article’s words could not be compared: no source was seen",
}

#: The values of `wording` that say the article goes beyond its source: never shown like a faithful one.
OVERSTATED = ("stronger-than-source", "not-in-source")

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
