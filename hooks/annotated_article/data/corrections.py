"""Corrections on the record: a published claim changes only with a dated, explained correction, and is never deleted.

For each annotation of an article file, checked against what was published of it (`data.published_record`):

- a change to a published claim's words, speaker, source or judgements needs a correction entry it did not have
  when it was published (`corrections:`, with `date`, `what` changed and `why`); withdrawing it (`withdrawn:`,
  with `date` and `why`) is its own notice;
- a published claim stays in the data: removed, it is reported where the annotations start (mark it withdrawn
  instead); its corrections stay too;
- corrections and withdrawals are for published claims: a claim that was never published is changed or deleted
  freely;
- their dates are real days, not in the future (in the earliest time zone) and not before the article's date.

An annotation whose id changed is followed to its old id by the addresses' aliases, as its links are.
"""

from __future__ import annotations

import datetime

from annotated_article.data.errors import DataError, shown
from annotated_article.data.published_record import Change, PublishedClaim, changes
from annotated_article.data.yaml_loading import YamlDocument
from annotated_article.model import Annotation, Article

#: The earliest time zone's offset: a date is in the future when it is after today there.
EARLIEST_ZONE = datetime.timezone(datetime.timedelta(hours=14))
#: Where each field of a change is in the annotation.
PLACE = {"words": "exact", "verification": "source_seen", "withdrawn": "id"}
CORRECTION_FIX = ("Add under the annotation `corrections:` with an entry of `date` (the day the change is "
                  "published), `what` changed, in words readers understand, and `why`; or, if the change is a "
                  "mistake, put back what was published")


def check_corrections(document: YamlDocument, article: Article, published: dict[str, PublishedClaim], when: str,
                      errors: list[DataError], today: datetime.date | None = None) -> None:
    """Every annotation of the article file `document` (schema checked; `article` loaded from it) against
    `published`, its claims as the site last published them (`when` says where that record is: "", the data's
    own, or " at REVISION")."""
    today = today or datetime.datetime.now(EARLIEST_ZONE).date()
    plan = article.plan
    moved = {old: target for target, olds in (plan.aliases if plan else {}).items() for old in olds}
    items = {item["id"]: (index, item) for index, item in enumerate(document.data["annotations"])}
    by_id = {annotation.id: annotation for annotation in article.annotations}
    followed = {moved[id_]: id_ for id_ in published if id_ not in items and moved.get(id_) in items}
    for id_, (index, item) in items.items():
        place: tuple = ("annotations", index)
        _check_dates(document, place, item, article.provenance.date, today, errors)
        recorded = published.get(id_) or published.get(followed.get(id_, ""))
        annotation = by_id.get(id_)
        if recorded is None:
            for key, what in (("corrections", "`corrections`"), ("withdrawn", "`withdrawn`")):
                if key in item:
                    errors.append(document.error(place + (key,), f"annotation `{id_}` has {what}, but it was never "
                                                 "published, so there is nothing to correct or withdraw",
                                                 f"Delete {what}: until the site publishes it, change the claim "
                                                 "freely, or delete it" + (" instead" if key == "withdrawn" else ""),
                                                 at_key=True))
            continue
        if annotation is None:
            continue  # not loaded (a duplicate id): its own error says why
        _against_record(document, place, annotation, item, recorded, article, when, errors)
    for id_, recorded in published.items():
        if id_ not in items and moved.get(id_) not in items:
            errors.append(document.error(("annotations",), f"annotation `{shown(id_)}` (“{shown(recorded.words, 80)}”) "
                                         f"was published{when} and is no longer here",
                                         "Put it back as it was, and mark it withdrawn (`withdrawn:` with `date` and "
                                         "`why`): a published claim stays on its page, at its address", at_key=True))


def _against_record(document: YamlDocument, place: tuple, annotation: Annotation, item: dict, recorded: PublishedClaim,
                    article: Article, when: str, errors: list[DataError]) -> None:
    count = len(annotation.corrections)
    if count < recorded.corrections:
        errors.append(document.error(place + ("corrections",), f"annotation `{annotation.id}` was published with "
                                     f"{recorded.corrections} correction(s) and has {count} now",
                                     "Put back the corrections that were published: they stay on the record",
                                     at_key=True))
        return
    plan = article.plan
    words = plan.words(annotation.id) if plan and annotation.id in plan.passages else None
    found = changes(recorded, annotation, words)
    if not found or count > recorded.corrections or (annotation.withdrawn and not recorded.withdrawn):
        return
    for change in found:
        key = PLACE.get(change.field, change.field)
        errors.append(document.error(place + (key,) if key in item else place, _changed(annotation.id, change, when),
                                     CORRECTION_FIX, at_key=key not in item))


def _changed(id_: str, change: Change, where: str) -> str:
    if change.field == "words":
        return (f"annotation `{id_}` was published{where} quoting “{shown(change.published, 80)}”, and quotes other "
                "words now, with no correction")
    if change.field == "verification":
        seen, wording = change.now.split(", ")
        return (f"annotation `{id_}` was published{where} as `verification: {change.published}`, and is "
                f"`source_seen: {seen}` and `wording: {wording}` now, with no correction")
    if change.field == "withdrawn":
        return f"annotation `{id_}` was published{where} as withdrawn, and is not withdrawn now, with no correction"
    was = f"`{shown(change.published)}`" if change.published else "none"
    now = f"`{shown(change.now)}`" if change.now else "none"
    return f"annotation `{id_}`'s `{change.field}` was published{where} as {was}, and is {now} now, with no correction"


def _check_dates(document: YamlDocument, place: tuple, item: dict, article_date: str, today: datetime.date,
                 errors: list[DataError]) -> None:
    dated: list[tuple[tuple, str]] = [(("corrections", number, "date"), entry["date"]) for number, entry in enumerate(item.get("corrections", []))]
    if "withdrawn" in item:
        dated.append((("withdrawn", "date"), item["withdrawn"]["date"]))
    for key, value in dated:
        day = datetime.date.fromisoformat(value)
        if day > today:
            errors.append(document.error(place + key, f"`date` is {value}, a day still to come",
                                         "Give the day the change is published (today, if it is published today)"))
        elif article_date and value < article_date:
            errors.append(document.error(place + key, f"`date` is {value}, before the article was published "
                                         f"({article_date})", "Give the day the change is published"))
