"""What an annotation's two judgements and what it says was said (`said`) must agree on, checked for every
article file: combinations that cannot be true are refused, each with what is wrong and how to fix it.

- `source_seen` says where the source was seen; an annotation whose source was seen names it (`source`), and
  one whose source was not found can have had no wording compared (`wording: not-checked`), while one whose
  source was seen has had it compared (any `wording` but `not-checked`).
- `see_also` names further sources: never the annotation's `source`, nor one twice.
- `said` holds, per source (and per speaker of a source), the words seen verbatim or why they were not seen:
  one of the two, never both; only for a source the annotation cites; the annotation's own `source` has an
  entry; words of a source that was not found cannot have been seen; where and in what language the words
  were seen, and who translated them, are said of words only.
- `same-words`: the words the article quotes (`article.wording`) are those of every entry of the speaker's
  words they are compared with, beyond typography.
"""

from __future__ import annotations

from typing import Any

from annotated_article.article.wording import compare, compared
from annotated_article.data.errors import DataError
from annotated_article.data.yaml_loading import YamlDocument
from annotated_article.model import SiteData

#: Where the source was seen, for the values that say it was.
SEEN = ("original", "report")
#: Fields of a `said` entry that describe words, and so go with `words` only.
ABOUT_WORDS = ("seen_in", "language", "translated_by")
CHANGED_WORDING = "`fair-paraphrase`, `stronger-than-source`, `weaker-than-source` or `not-in-source`"


def check_judgements(document: YamlDocument, site: SiteData, errors: list[DataError]) -> None:
    """Every annotation of the article file `document` (its schema already checked)."""
    for index, item in enumerate(document.data["annotations"]):
        _Annotation(document, index, item, site, errors).check()


class _Annotation:
    def __init__(self, document: YamlDocument, index: int, item: dict[str, Any], site: SiteData,
                 errors: list[DataError]):
        self.document, self.place, self.item, self.site, self.errors = document, ("annotations", index), item, site, errors
        self.name = f"annotation `{item['id']}`"

    def error(self, place: tuple, problem: str, fix: str) -> None:
        self.errors.append(self.document.error(self.place + place, problem, fix))

    def check(self) -> None:
        item = self.item
        seen, wording = item["source_seen"], item["wording"]
        if seen in SEEN and "source" not in item:
            self.error(("source_seen",), f"{self.name} has no `source`, but `source_seen` is `{seen}`",
                       "Add `source:` with an id from data/sources.yml, or, if no source was found, set "
                       "`source_seen: not-found` (and `wording: not-checked`)")
        if seen == "not-found" and wording != "not-checked":
            self.error(("wording",), f"{self.name}'s source was not found (`source_seen: not-found`), so its "
                       f"wording cannot have been compared with it, yet it is `{wording}`",
                       "Set `wording: not-checked`, or, if the source was seen after all, set `source_seen` to "
                       "`original` or `report`")
        if seen in SEEN and wording == "not-checked":
            self.error(("wording",), f"{self.name}'s source was seen (`source_seen: {seen}`), but its wording "
                       "is `not-checked`",
                       "Compare the article's words with the source and set `wording` to `same-words` or "
                       f"{CHANGED_WORDING}; if the source was not found after all, set `source_seen: not-found`")
        self.check_see_also()
        said = item.get("said", [])
        cited = [item["source"]] if "source" in item else []
        cited += item.get("see_also", [])
        if "source" in item and not any(entry["source"] == item["source"] for entry in said):
            self.error(("source",), f"{self.name} does not say what its source `{item['source']}` said",
                       f"Add `said:` with an entry whose `source` is `{item['source']}`, giving its `words` as seen "
                       "or, in `not_seen`, why they were not seen")
        for number, entry in enumerate(said):
            self.check_entry(number, entry, cited)

    def check_see_also(self) -> None:
        """`see_also` lists further sources: not the annotation's `source` again, nor one twice (the page would list
        it twice)."""
        listed: set[str] = set()
        for number, id_ in enumerate(self.item.get("see_also", [])):
            if id_ == self.item.get("source"):
                self.error(("see_also", number), f"{self.name}'s `see_also` repeats its `source`, `{id_}`",
                           f"Delete `{id_}` from `see_also`: it lists further sources, and the page names "
                           "`source` already")
            elif id_ in listed:
                self.error(("see_also", number), f"{self.name}'s `see_also` lists `{id_}` twice",
                           f"Delete the second `{id_}`")
            listed.add(id_)

    def check_entry(self, number: int, entry: dict[str, Any], cited: list[str]) -> None:
        place = ("said", number)
        item = self.item
        if "words" in entry and "not_seen" in entry:
            self.error(place + ("not_seen",), "a `said` entry gives both `words` and `not_seen`",
                       "Keep `words` if they were seen verbatim, or `not_seen` with why they were not")
        elif "words" not in entry and "not_seen" not in entry:
            self.error(place, "a `said` entry gives neither `words` nor `not_seen`",
                       "Add `words:` with the words as the source has them, copied verbatim, or `not_seen:` "
                       "saying why they were not seen")
        if "not_seen" in entry:
            for key in ABOUT_WORDS:
                if key in entry:
                    self.error(place + (key,), f"`{key}` describes words that were seen, but this entry's "
                               "were not (`not_seen`)", f"Delete `{key}`, or give the `words` in place of `not_seen`")
        if entry["source"] in self.site.sources and entry["source"] not in cited:
            self.error(place + ("source",), f"`{entry['source']}` is not a source {self.name} cites",
                       "Name the annotation's `source` or one of its `see_also`, or add this source to `see_also`")
        if "words" not in entry:
            return
        if item["source_seen"] == "not-found" and entry["source"] == item.get("source"):
            self.error(place + ("words",), f"the words of `{entry['source']}` are given, but {self.name}'s source "
                       "was not found (`source_seen: not-found`)",
                       "If the words were seen, set `source_seen` to `original` or `report` (and its `wording`); "
                       "otherwise write `not_seen:` with why, in place of `words`")
        if item["wording"] == "same-words" and compared(item.get("speaker", ""), entry.get("speaker", ""),
                                                        entry.get("language", "")):
            self.check_same_words(place, entry)

    def check_same_words(self, place: tuple, entry: dict[str, Any]) -> None:
        comparison = compare(self.item["exact"], entry["words"])
        if comparison.agrees:
            return
        article, source = comparison.differences()
        where = (f": the article has “{article}” where the source has “{source}”" if article and source else
                 f": the article has “{article}”, which the source's words do not" if article else
                 f": the source has “{source}”, which the article's words do not")
        self.error(place + ("words",), f"{self.name} is `same-words`, but the words it quotes differ from these "
                   f"words of `{entry['source']}`{where}",
                   f"If the article changed the source's words, set `wording` to {CHANGED_WORDING}; if `words` is "
                   "mistyped, copy it again from the source (quotes, dashes, spacing and a capital first letter "
                   "may differ)")
