"""What readers were shown of each claim: `data/published/NAME.yml`, the latest published state of every claim of one
article, written when the site is published (`make published`, which the deploy workflow runs), beside the
recorded addresses.

A claim's record holds what a correction is owed for: its words as the article has them, who said it (`speaker`,
`attributed_to`), its `source` and both judgements (`source_seen`, `wording`), with how many corrections it had
and whether it was withdrawn. Its notes, `said` and the rest are not recorded: a typo fixed in a note is no
correction. Records written before the two judgements hold the one they replaced, `verification`, which
`LEGACY` reads as the two where it meant them.

`make check` compares the claims with the record of the working tree; in a pull request (`make check BASE=...`)
with the record of the base (`base_revision.recorded_at`, as for the addresses), so that a pull request that
edits the record along with a claim is caught all the same (`data.corrections` says what is owed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotated_article.data.base_revision import BaseRevision, recorded_at
from annotated_article.data.yaml_loading import YamlDocument
from annotated_article.model import Annotation

#: The record's folder in data/.
FOLDER = "published"
#: What a published claim's record holds that a change of needs a correction, each with the annotation's field
#: (the words are the article's, as `exact` quotes them).
COMPARED = {"words": "exact", "speaker": "speaker", "attributed_to": "attributed_to", "source": "source",
            "source_seen": "source_seen", "wording": "wording"}
#: The one judgement published before `source_seen` and `wording` (`verification`), as the two it meant: `confirmed`
#: said the source was seen and said these words; `unverified`, that no source was found. `likely` meant neither.
LEGACY = {"confirmed": ("original", "same-words"), "unverified": ("not-found", "not-checked")}


@dataclass(frozen=True)
class PublishedClaim:
    """One claim as it was last published."""

    id: str
    words: str
    speaker: str = ""
    attributed_to: str = ""
    source: str = ""
    source_seen: str = ""
    wording: str = ""
    #: The one judgement of a record written before the two (see LEGACY).
    verification: str = ""
    #: How many corrections it had, and whether it was withdrawn.
    corrections: int = 0
    withdrawn: bool = False


@dataclass(frozen=True)
class Change:
    """A field of a published claim that is no longer what readers were shown."""

    field: str
    published: str
    now: str


#: What was published, by article path, then by claim id.
Record = dict[str, dict[str, PublishedClaim]]


def claims_of(data: object) -> dict[str, PublishedClaim]:
    """The claims of a record file's content, by id (the first entry of an id); what does not read is left out (the
    file's schema says why)."""
    claims: dict[str, PublishedClaim] = {}
    entries = data.get("claims") if isinstance(data, dict) else None
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or not isinstance(entry.get("words"), str):
            continue
        texts = {name: entry[name] for name in ("speaker", "attributed_to", "source", "source_seen", "wording",
                                                "verification") if isinstance(entry.get(name), str)}
        count = entry.get("corrections", 0)
        claims.setdefault(entry["id"], PublishedClaim(
            entry["id"], _spaced(entry["words"]), **texts, corrections=count if isinstance(count, int) else 0,
            withdrawn=entry.get("withdrawn") is True))
    return claims


def record_of(documents: list[YamlDocument]) -> Record:
    """The record of the working tree: the claims of each article's file (the first file that names it)."""
    record: Record = {}
    for document in documents:
        if isinstance(document.data, dict) and isinstance(document.data.get("article"), str):
            record.setdefault(document.data["article"], claims_of(document.data))
    return record


def record_at(base: BaseRevision, data_dir: Path) -> Record:
    """The record as it is at `base` (a pull request's base)."""
    return {article: claims_of(data) for article, (_, data) in recorded_at(base, data_dir / FOLDER).items()}


def file_name(article_path: str) -> str:
    """`articles/2024/x.md` -> `2024--x.yml`, named after the whole path as the address files are."""
    return article_path.removeprefix("articles/").removesuffix(".md").replace("/", "--") + ".yml"


def entry(annotation: Annotation, words: str) -> dict:
    """What the record holds of `annotation`, whose words the article has as `words`, as it is published now."""
    found: dict = {"id": annotation.id, "words": _spaced(words)}
    for name in ("speaker", "attributed_to", "source", "source_seen", "wording"):
        if value := getattr(annotation, name):
            found[name] = value
    if annotation.corrections:
        found["corrections"] = len(annotation.corrections)
    if annotation.withdrawn:
        found["withdrawn"] = True
    return found


def changes(published: PublishedClaim, annotation: Annotation, words: str | None) -> list[Change]:
    """What of `annotation` is no longer as `published`: each field that changed (`words` is the article's words
    now, None when they could not be found: their own error says why)."""
    now = {"words": _spaced(words) if words is not None else published.words, "speaker": annotation.speaker,
           "attributed_to": " ".join(annotation.attributed_to.split()), "source": annotation.source,
           "source_seen": annotation.source_seen, "wording": annotation.wording}
    was = {"words": published.words, "speaker": published.speaker,
           "attributed_to": " ".join(published.attributed_to.split()), "source": published.source,
           "source_seen": published.source_seen, "wording": published.wording}
    found = [Change(name, was[name], now[name]) for name in COMPARED if name not in ("source_seen", "wording")
             and was[name] != now[name]]
    if published.verification:
        if LEGACY.get(published.verification) != (annotation.source_seen, annotation.wording):
            found.append(Change("verification", published.verification,
                                f"{annotation.source_seen}, {annotation.wording}"))
    else:
        found += [Change(name, was[name], now[name]) for name in ("source_seen", "wording") if was[name] != now[name]]
    if published.withdrawn and annotation.withdrawn is None:
        found.append(Change("withdrawn", "withdrawn", "not withdrawn"))
    return found


def _spaced(text: str) -> str:
    return " ".join(text.split())
