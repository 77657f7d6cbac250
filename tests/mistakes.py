"""The one catalogue of editors' mistakes: each is made in a copy of the data, and `make check` (run
in-process through its entry point) must stop on it with the file, the line and what to do."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ARTICLE_DATA = "articles/north-korea-troops-russia.yml"

#: The seed article's notes on what is not known of where it was published, each as it is in the file.
PUBLISHER_NOTE = "publisher_note: it reads like a piece of the Indo-Pacific Defense Forum\n"
AUTHORS_NOTE = "authors_note: the Indo-Pacific Defense Forum’s usual byline, “FORUM Staff”, was not verified\n"
DATE_NOTE = ("date_note: >-\n  probably mid-to-late November 2024: it cites a November 2024 ISW report and\n"
             "  the allies’ condemnation of 8 November\n")
LINKS_NOTE = "links_note: a search of ipdefenseforum.com found no match\n"
RIGHTS_NOTE = ("rights_note: >-\n  the original was not found, so its terms could not be checked; the text is\n"
               "  reproduced as captured\n")

#: Lines of the seed's annotations that the mistakes below change, each as it is in the file.
RUTTE_JUDGEMENTS = "    kind: direct-quote\n    source_seen: report\n    wording: same-words\n"
EXPERTS_JUDGEMENTS = "    source_seen: not-found\n    wording: not-checked\n"
RUTTE_SEEN_IN = "        seen_in: as quoted by AFP (The Moscow Times; Kyiv Post copy)\n"
RUTTE_WORDS = ("        words: >-\n          The deployment [of] North Korean troops to Kursk is also a sign of\n"
               "          Putin's growing desperation.\n")
RUTTE_SAID = "    said:\n      - source: nato-2024-10-28\n" + RUTTE_SEEN_IN + RUTTE_WORDS
AHN_NOT_SEEN = "        not_seen: these words are in no copy of the AP story that was seen\n"
#: Many annotations quoting the same words: each nests inside the one before.
SAME_WORDS = "".join(f"  - id: same-words-{n}\n    exact: Further stacking the odds\n    attributed_to: an editor\n"
                     "    kind: report\n    source_seen: not-found\n    wording: not-checked\n" for n in range(1000))

ALIAS_BOMB = "\n".join(
    ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]" for level in range(1, 10)]
) + "\n"  # 10^10 strings once expanded, from ten lines


def link(path: str, target: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        (project / path).unlink(missing_ok=True)
        (project / path).symlink_to(target)
    return make


def write(path: str, content: bytes | None) -> Callable[[Path], None]:
    """Write `content` to `path`, or delete it (None)."""
    def make(project: Path) -> None:
        if content is None:
            (project / path).unlink()
        else:
            (project / path).write_bytes(content)
    return make


def copied(path: str, to: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        (project / to).write_bytes((project / path).read_bytes())
    return make


def renamed(path: str, to: str) -> Callable[[Path], None]:
    return lambda project: (project / path).rename(project / to)


def circle(first: str, second: str) -> Callable[[Path], None]:
    """Two links, each to the other."""
    def make(project: Path) -> None:
        (project / first).symlink_to(Path(second).name)
        (project / second).symlink_to(Path(first).name)
    return make


def fifo(path: str) -> Callable[[Path], None]:
    return lambda project: os.mkfifo(project / path)


ARTICLE_MARKDOWN = "docs/articles/north-korea-troops-russia.md"
ADDRESSES = "data/addresses/north-korea-troops-russia.yml"
#: The record of what the site published of each claim (written when it is published, never by editors).
PUBLISHED = "data/published/north-korea-troops-russia.yml"

#: Published claims of the seed that carry no correction yet, as they are in the file.
ANALYSTS = ("  - id: analysts-inexperienced-troops\n"
            "    exact: and the North Korean troops are largely inexperienced, analysts say.\n"
            "    attributed_to: Unnamed analysts\n")
LEE_JUDGEMENTS = "    source_seen: original\n    wording: same-words\n"  # Lee Woong-gil's, the first of the two
LEE_SPEAKER = "    speaker: lee-woong-gil\n"


def correction(date: str = "2026-12-07", what: str = "the wording changed", why: str = "the source was read again",
               indent: str = "    ") -> str:
    """A `corrections:` list of one entry, as an annotation holds it (a field left out when None is given)."""
    fields = [f"date: {date}" if date is not None else None, f"what: {what}" if what is not None else None,
              f"why: {why}" if why is not None else None]
    lines = [line for line in fields if line is not None]
    return (f"{indent}corrections:\n{indent}  - " + f"\n{indent}    ".join(lines) + "\n")


def without_block(path: str, first_line: str) -> Callable[[Path], None]:
    """Delete the annotation that starts with `first_line`, up to the next one."""
    def make(project: Path) -> None:
        text = (project / path).read_text(encoding="utf-8")
        start = text.index(first_line)
        end = text.index("\n  - id: ", start + 1) + 1
        (project / path).write_text(text[:start] + text[end:], encoding="utf-8")
    return make


def recorded_as(line: str, added: str) -> Callable[[Path], None]:
    """The record of what was published, as if the claim whose entry holds `line` had been published with `added`."""
    def make(project: Path) -> None:
        path = project / PUBLISHED
        text = path.read_text(encoding="utf-8")
        assert line in text
        path.write_text(text.replace(line, line + added, 1), encoding="utf-8")
    return make


#: A claim that was never published (no entry in the record), on words no other annotation quotes.
NEW_CLAIM = ("  - id: new-claim\n    exact: Further stacking the odds\n    attributed_to: an editor\n    kind: report\n"
             "    source_seen: not-found\n    wording: not-checked\n")


def windows_1252_article(project: Path) -> None:
    path = project / ARTICLE_MARKDOWN
    path.write_bytes(path.read_bytes().replace("’".encode(), b"\x92"))


@dataclass(frozen=True)
class Mistake:
    name: str
    file: str  # inside the project, as messages name it
    old: str | None  # None: the whole file becomes `new`
    new: str | bytes
    marker: str | int  # the line the message must name: a line number, or words on it (after the edit)
    expected: str  # words the message must hold
    explained: str  # words of CONTRIBUTING.md that explain the message
    occurrence: int = 1  # which line holding `marker`
    action: Callable[[Path], None] | None = None  # a mistake that is not an edit of a file (a link, a deleted file)

    def make(self, project: Path) -> None:
        """Make this mistake in `project`'s data."""
        if self.action is not None:
            return self.action(project)
        path = project / self.file
        if self.old is None:
            path.write_bytes(self.new if isinstance(self.new, bytes) else self.new.encode("utf-8"))
            return
        raw = path.read_bytes()
        old = self.old.encode("utf-8")
        assert raw.count(old) >= 1, f"{self.old!r} is not in {self.file}"
        new = self.new if isinstance(self.new, bytes) else self.new.encode("utf-8")
        path.write_bytes(raw.replace(old, new, 1))

    def line(self, project: Path) -> int:
        """The line the message must name, in the edited file."""
        if isinstance(self.marker, int):
            return self.marker
        lines = (project / self.file).read_bytes().split(b"\n")
        marker = self.marker.encode("utf-8")
        return [number for number, line in enumerate(lines, 1) if marker in line][self.occurrence - 1]


MISTAKES = [
    Mistake("yaml-syntax", "data/" + ARTICLE_DATA, "    see_also: [white-house-2024-11-15]",
            "    see_also: [white-house-2024-11-15]]", "white-house-2024-11-15]]",
            "YAML syntax error", "YAML syntax error"),
    Mistake("empty-file", "data/people.yml", None, "", 1, "the file is empty", "the file is empty"),
    Mistake("comments-only-file", "data/sources.yml", None, "# yaml-language-server: $schema=schemas/sources.schema.json\n",
            1, "the file is empty", "the file is empty"),
    Mistake("not-utf-8", "data/people.yml", "  name: Mark Rutte", b"  name: Mark R\xfctte", "name: Mark R",
            "the file is not UTF-8 text", "is not UTF-8 text"),
    Mistake("tab-indentation", "data/people.yml", "  role: Secretary General of NATO",
            "\trole: Secretary General of NATO", "role: Secretary General of NATO",
            "a tab is used for indentation", "a tab is used for indentation"),
    Mistake("duplicate-key", "data/people.yml", "  role: Secretary General of NATO",
            "  role: Secretary General of NATO\n  role: NATO chief", "role: NATO chief",
            "the key `role` appears twice here", "appears twice here"),
    Mistake("duplicate-id", "data/actors.yml", "- id: japan", "- id: ukraine", "id: ukraine",
            "the id `ukraine` is used twice", "is used twice", occurrence=2),
    Mistake("unknown-key", "data/" + ARTICLE_DATA, "\n    speaker: mark-rutte", "\n    speker: mark-rutte", "speker:",
            "unknown key `speker`. Did you mean `speaker`?", "unknown key"),
    Mistake("missing-field", "data/people.yml", "  name: Mark Rutte\n", "", "- id: mark-rutte",
            "entry 1 has no `name`. Add `name:`", "has no"),
    Mistake("wrong-type", "data/people.yml", "  name: Mark Rutte", "  name: 1984", "name: 1984",
            "`name` must be text, not a number. Put the value in quotes", "must be text"),
    Mistake("wrong-type-list", "data/actors.yml", "  names: [Russia, Russian, Moscow]", "  names: Russia",
            "names: Russia", "`names` must be a list", "must be a list"),
    Mistake("invalid-date", "data/sources.yml", "  date: 2024-11-15", "  date: 2024-11-31", "date: 2024-11-31",
            "`date` is `2024-11-31`, which is not a valid date", "which is not a valid date"),
    Mistake("date-in-words", "data/sources.yml", "  date: 2024-11-15", "  date: 15 November 2024", "15 November 2024",
            "which is not a valid date", "which is not a valid date"),
    Mistake("javascript-link", "data/sources.yml", "    - url: https://kvia.com", "    - url: javascript:alert(1)//kvia.com",
            "javascript:alert(1)", "which is not an http or https link", "is not an http or https link"),
    Mistake("quote-in-link", "data/sources.yml",
            "    - url: https://kvia.com/news/2024/10/30/north-korean-troops-sent-to-fight-in-ukraine-may-welcome-rare-tour/",
            "    - url: https://kvia.com/?q=\"><script>alert(1)</script>", "kvia.com/?q=",
            "which is not an http or https link", "is not an http or https link"),
    Mistake("data-link", "data/sources.yml", "    - url: https://kvia.com",
            "    - url: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data:text/html",
            "which is not an http or https link", "is not an http or https link"),
    Mistake("unknown-enum-value", "data/" + ARTICLE_DATA, "    wording: same-words", "    wording: same",
            "wording: same", "`wording` is `same`, which is not one of: same-words, fair-paraphrase, "
            "stronger-than-source, weaker-than-source, not-in-source, not-checked", "which is not one of"),
    Mistake("bad-id", "data/" + ARTICLE_DATA, "  - id: rutte-growing-desperation", "  - id: Rutte Growing",
            "Rutte Growing", "which is not a valid id", "is not a valid id"),
    Mistake("missing-person", "data/" + ARTICLE_DATA, "\n    speaker: mark-rutte", "\n    speaker: mark-rute", "mark-rute",
            "there is no person with the id `mark-rute`. Did you mean `mark-rutte`?", "there is no person"),
    Mistake("missing-source", "data/" + ARTICLE_DATA, "    source: nato-2024-10-28", "    source: nato-2024-10-29",
            "nato-2024-10-29", "there is no source with the id `nato-2024-10-29`. Did you mean `nato-2024-10-28`?",
            "there is no source"),
    Mistake("reserved-passage-id", "data/" + ARTICLE_DATA, "  - id: rutte-growing-desperation", "  - id: p-rutte",
            "id: p-rutte", "the id `p-rutte` could be taken by the page itself", "could be taken by the page itself"),
    Mistake("name-of-two-actors", "data/actors.yml", "  names: [Japan]", "  names: [Japan, Moscow]", "names: [Japan, Moscow]",
            "the name `Moscow` is already a name of `russia`", "is already a name of"),
    Mistake("missing-actor", "data/people.yml", "  actor: nato\n", "  actor: natoo\n", "natoo",
            "there is no actor with the id `natoo`. Did you mean `nato`?", "there is no actor"),
    Mistake("words-not-in-article", "data/" + ARTICLE_DATA, "    exact: about 1,200 Russian troops are being killed daily",
            "    exact: about 1,200 Russian troops are killed daily", "are killed daily",
            "these words are not in the article. The closest passage is “about 1,200 Russian troops are being",
            "these words are not in the article"),
    Mistake("ambiguous-words", "data/" + ARTICLE_DATA, "    exact: about 1,200 Russian troops are being killed daily",
            "    exact: troop deployment", "exact: troop deployment",
            "the words occur 2 times in the article (docs/articles/north-korea-troops-russia.md:",
            "nothing tells which one is meant"),
    Mistake("alias-bomb", "data/people.yml", None, ALIAS_BOMB, 1, "`&a0`: anchors and aliases (`&name`, `*name`) are not used",
            "anchors and aliases (`&name`, `*name`) are not used"),
    Mistake("alias", "data/actors.yml", "  names: [Japan]", "  names: *russia-names", "*russia-names",
            "`*russia-names`: anchors and aliases", "anchors and aliases (`&name`, `*name`) are not used"),
    Mistake("lone-surrogate", "data/people.yml", "  name: Mark Rutte", '  name: "Mark \\ud800 Rutte"', "name: \"Mark",
            "the text contains U+D800, half of a character pair", "the text contains U+…"),
    Mistake("escaped-control-character", "data/sources.yml", "  note: Issued at the APEC summit in Lima.",
            '  note: "Issued at the APEC\\u001b summit"', "APEC", "the text contains U+001B, an invisible control character",
            "the text contains U+…"),
    Mistake("huge-number", "data/people.yml", "  name: Mark Rutte", "  name: " + "9" * 5000, "name: 999",
            "cannot be read as a int. Put the value in quotes", "cannot be read as"),
    Mistake("python-tag", "data/people.yml", "- id: mark-rutte",
            '- !!python/object/apply:os.system ["echo pwned"]\n- id: mark-rutte', "!!python",
            "the tag `tag:yaml.org,2002:python/object/apply:os.system` is not allowed", "is not allowed in data files"),
    Mistake("custom-tag", "data/sources.yml", "  date: 2024-11-15", "  date: !date 2024-11-15", "!date",
            "the tag `!date` is not allowed", "is not allowed in data files"),
    Mistake("deep-nesting", "data/people.yml", "  name: Mark Rutte", "  name: " + "[" * 40 + "]" * 40, "name: [[",
            "nested more than 20 levels deep", "levels deep"),
    Mistake("control-character", "data/people.yml", "  name: Mark Rutte", "  name: Mark\x08Rutte", "name: Mark",
            "the file contains the invisible control character U+0008", "invisible control character"),
    Mistake("wrong-schema-line", "data/people.yml", "$schema=schemas/people.schema.json",
            "$schema=schemas/actors.schema.json", "$schema=", "which is not this file's schema",
            "is not this file's schema"),
    Mistake("article-without-publisher", "data/" + ARTICLE_DATA, PUBLISHER_NOTE, "", "article:",
            "the article has no `publisher`. Add `publisher:`", "the article has no"),
    Mistake("publisher-without-kind", "data/" + ARTICLE_DATA, PUBLISHER_NOTE, "publisher: Indo-Pacific Defense Forum\n",
            "publisher:", "the article's `publisher` has no `publisher_kind`. Add `publisher_kind:`",
            "has no `publisher_kind`"),
    Mistake("publisher-kind-in-words", "data/" + ARTICLE_DATA, PUBLISHER_NOTE,
            "publisher: Indo-Pacific Defense Forum\npublisher_kind: military magazine\n", "publisher_kind:",
            "`publisher_kind` is `military magazine`, which is not one of: newspaper, magazine, news-site, "
            "news-agency, broadcaster", "which is not one of"),
    Mistake("byline-kind-without-byline", "data/" + ARTICLE_DATA, AUTHORS_NOTE,
            AUTHORS_NOTE + "byline_kind: organization\n", "byline_kind:",
            "`byline_kind` says what kind of byline `authors` is, but the article has no `authors`",
            "but the article has no `authors`"),
    Mistake("byline-kind-institution", "data/" + ARTICLE_DATA, AUTHORS_NOTE,
            "authors: [FORUM Staff]\nbyline_kind: institution\n", "byline_kind:",
            "`byline_kind` is `institution`, which is not one of: people, organization", "which is not one of"),
    Mistake("article-without-date", "data/" + ARTICLE_DATA, DATE_NOTE, "", "article:", "the article has no `date`",
            "the article has no"),
    Mistake("article-without-rights", "data/" + ARTICLE_DATA, RIGHTS_NOTE, "", "article:", "the article has no `rights`",
            "the article has no"),
    Mistake("updated-before-date", "data/" + ARTICLE_DATA, DATE_NOTE, "date: 2024-11-20\nupdated: 2024-11-19\n", "updated:",
            "`updated` is 2024-11-19, before the date of publication (2024-11-20)", "before the date of publication"),
    Mistake("article-date-in-words", "data/" + ARTICLE_DATA, DATE_NOTE, "date: 20 November 2024\n", "date: 20 November",
            "`date` is `20 November 2024`, which is not a valid date", "which is not a valid date"),
    Mistake("byline-as-text", "data/" + ARTICLE_DATA, AUTHORS_NOTE, "authors: FORUM Staff\n", "authors:",
            "`authors` must be a list", "must be a list"),
    Mistake("byline-key-misspelt", "data/" + ARTICLE_DATA, AUTHORS_NOTE, "author: [FORUM Staff]\n", "author:",
            "unknown key `author`. Did you mean `authors`?", "unknown key"),
    Mistake("article-link-kind", "data/" + ARTICLE_DATA, LINKS_NOTE,
            "links:\n  - url: https://example.org/article\n    kind: copied\n", "kind: copied",
            "`kind` is `copied`, which is not one of: original, pattern, reprint, report, translation, copy",
            "which is not one of"),
    Mistake("article-path-outside", "data/" + ARTICLE_DATA, "article: articles/north-korea-troops-russia.md",
            "article: articles/../articles/north-korea-troops-russia.md", "article:",
            "does not have the expected form", "does not have the expected form"),
    Mistake("reserved-index-id", "data/actors.yml", "- id: japan", "- id: index", "id: index",
            "the id `index` is reserved for the list page", "is reserved for the list page"),
    Mistake("words-twice", "data/" + ARTICLE_DATA, "    exact: about 1,200 Russian troops are being killed daily",
            "    exact: North Korean troops", "exact: North Korean troops", "the words occur 2 times",
            "nothing tells which one is meant"),
    Mistake("words-across-paragraphs", "data/" + ARTICLE_DATA, "    exact: about 1,200 Russian troops are being killed daily",
            "    exact: assist Russia met with condemnation", "exact: assist Russia met",
            "not within one paragraph of running text",
            "not within one paragraph of running text"),
    Mistake("see-also-repeats-source", "data/" + ARTICLE_DATA, "    see_also: [white-house-2024-11-15]",
            "    see_also: [white-house-2024-11-15, north-atlantic-council-2024-11-08]",
            "see_also: [white-house-2024-11-15, north-atlantic-council-2024-11-08]",
            "annotation `allied-condemnation`'s `see_also` repeats its `source`, `north-atlantic-council-2024-11-08`. "
            "Delete `north-atlantic-council-2024-11-08` from `see_also`", "repeats its `source`"),
    Mistake("see-also-twice", "data/" + ARTICLE_DATA, "    see_also: [white-house-2024-11-15]",
            "    see_also: [white-house-2024-11-15, white-house-2024-11-15]",
            "see_also: [white-house-2024-11-15, white-house-2024-11-15]",
            "annotation `allied-condemnation`'s `see_also` lists `white-house-2024-11-15` twice", "lists `…` twice"),
    Mistake("headline-note-without-headline", "data/" + ARTICLE_DATA,
            "headline: North Korea’s troop deployment to assist Russia met with condemnation\n", "", "headline_note:",
            "`headline_note` says something of the headline as published, but the article has no `headline`",
            "but the article has no `headline`"),
    Mistake("front-matter-provenance", ARTICLE_MARKDOWN, "# North Korea’s troop deployment",
            "---\ndate: 2024-11-20\npublisher: Indo-Pacific Defense Forum\n---\n# North Korea’s troop deployment",
            "date: 2024-11-20", "the front matter's `date` is not read by the build: where and when the article was "
            "published goes in data/articles/north-korea-troops-russia.yml. Move it there as `date:`",
            "is not read by the build: where and when"),
    Mistake("front-matter-unknown-key", ARTICLE_MARKDOWN, "# North Korea’s troop deployment",
            "---\ntags: [war]\n---\n# North Korea’s troop deployment", "tags: [war]",
            "the front matter's `tags` is not read by the build. Delete it", "the front matter's `…` is not read"),
    Mistake("seen-without-source", "data/" + ARTICLE_DATA, "    source: nato-2024-10-28\n", "", "source_seen: report",
            "annotation `rutte-growing-desperation` has no `source`, but `source_seen` is `report`. Add `source:`",
            "has no `source`, but `source_seen` is", occurrence=2),
    # The two judgements and what was said (`said`): every combination that cannot be true.
    Mistake("verification-replaced", "data/" + ARTICLE_DATA, RUTTE_JUDGEMENTS,
            "    kind: direct-quote\n    verification: confirmed\n",
            "verification: confirmed", "`verification` is no longer used: `source_seen` (where the source was seen) "
            "and `wording` (how the article's words compare with it) replace it. Write `source_seen: original`",
            "is no longer used"),
    Mistake("verification-unverified-replaced", "data/" + ARTICLE_DATA, EXPERTS_JUDGEMENTS,
            "    verification: unverified\n", "verification: unverified",
            "Write `source_seen: not-found` and `wording: not-checked` in its place", "is no longer used"),
    Mistake("not-found-but-compared", "data/" + ARTICLE_DATA, EXPERTS_JUDGEMENTS,
            "    source_seen: not-found\n    wording: fair-paraphrase\n", "wording: fair-paraphrase",
            "annotation `experts-flailing-economy`'s source was not found (`source_seen: not-found`), so its wording "
            "cannot have been compared with it, yet it is `fair-paraphrase`. Set `wording: not-checked`",
            "so its wording cannot have been compared"),
    Mistake("seen-but-not-checked", "data/" + ARTICLE_DATA, RUTTE_JUDGEMENTS,
            "    kind: direct-quote\n    source_seen: report\n    wording: not-checked\n", "wording: not-checked",
            "annotation `rutte-growing-desperation`'s source was seen (`source_seen: report`), but its wording is "
            "`not-checked`", "but its wording is `not-checked`"),
    Mistake("source-without-said", "data/" + ARTICLE_DATA, RUTTE_SAID, "", "    source: nato-2024-10-28",
            "annotation `rutte-growing-desperation` does not say what its source `nato-2024-10-28` said. Add `said:`",
            "does not say what its source"),
    Mistake("said-words-and-not-seen", "data/" + ARTICLE_DATA, RUTTE_SEEN_IN,
            RUTTE_SEEN_IN + "        not_seen: the AFP copy was cut\n", "not_seen: the AFP copy was cut",
            "a `said` entry gives both `words` and `not_seen`", "gives both `words` and `not_seen`"),
    Mistake("said-neither-words-nor-not-seen", "data/" + ARTICLE_DATA, RUTTE_WORDS, "", "- source: nato-2024-10-28",
            "a `said` entry gives neither `words` nor `not_seen`", "gives neither `words` nor `not_seen`", occurrence=2),
    Mistake("said-source-not-cited", "data/" + ARTICLE_DATA, "      - source: nato-2024-10-28\n        seen_in: as quoted by AFP (",
            "      - source: pentagon-2024-10-28\n        seen_in: as quoted by AFP (", "- source: pentagon-2024-10-28",
            "`pentagon-2024-10-28` is not a source annotation `rutte-growing-desperation` cites",
            "is not a source annotation", occurrence=2),
    Mistake("said-source-missing", "data/" + ARTICLE_DATA, "      - source: nato-2024-10-28\n        seen_in: as quoted by AFP (",
            "      - source: nato-2024-10-29\n        seen_in: as quoted by AFP (", "- source: nato-2024-10-29",
            "there is no source with the id `nato-2024-10-29`. Did you mean `nato-2024-10-28`?", "there is no source"),
    Mistake("said-speaker-missing", "data/" + ARTICLE_DATA, "        speaker: antony-blinken\n",
            "        speaker: antony-blinkn\n", "antony-blinkn",
            "there is no person with the id `antony-blinkn`. Did you mean `antony-blinken`?", "there is no person"),
    Mistake("said-seen-in-not-seen", "data/" + ARTICLE_DATA, AHN_NOT_SEEN, AHN_NOT_SEEN + "        seen_in: AP\n",
            "seen_in: AP", "`seen_in` describes words that were seen, but this entry's were not (`not_seen`)",
            "describes words that were seen"),
    Mistake("said-words-of-a-source-not-found", "data/" + ARTICLE_DATA, AHN_NOT_SEEN,
            "        words: is taking a big gamble\n", "words: is taking a big gamble",
            "the words of `ap-2024-10-30` are given, but annotation `ahn-chan-il-big-gamble`'s source was not found",
            "are given, but annotation"),
    Mistake("said-language-not-a-tag", "data/" + ARTICLE_DATA, RUTTE_SEEN_IN, RUTTE_SEEN_IN + "        language: French\n",
            "language: French", "`language` is `French`, which does not have the expected form",
            "does not have the expected form"),
    Mistake("same-words-that-differ", "data/" + ARTICLE_DATA, "          Putin's growing desperation.\n",
            "          Putin's deepening desperation.\n", "words: >-",
            "annotation `rutte-growing-desperation` is `same-words`, but the words it quotes differ from these words of "
            "`nato-2024-10-28`: the article has “growing” where the source has “deepening”. If the article changed "
            "the source's words, set `wording` to", "but the words it quotes differ"),
    Mistake("missing-annotation-actor", "data/" + ARTICLE_DATA, "    actors: [russia]", "    actors: [rusia]", "rusia",
            "there is no actor with the id `rusia`. Did you mean `russia`?", "there is no actor"),
    Mistake("missing-relation-actor", "data/actors.yml", "    - to: ukraine\n      relation: at war",
            "    - to: ukrain\n      relation: at war", "ukrain",
            "there is no actor with the id `ukrain`. Did you mean `ukraine`?", "there is no actor"),
    Mistake("relation-citing-nothing", "data/actors.yml", "      relation: reportedly displeased by the troop deployment\n"
            "      annotation: wsj-china-displeased\n", "      relation: reportedly displeased by the troop deployment\n",
            "relation: reportedly displeased", "the relation of `china` to `north-korea` cites nothing. Add `source:`",
            "cites nothing"),
    Mistake("relation-background-and-cited", "data/actors.yml", "      annotation: wsj-china-displeased\n",
            "      annotation: wsj-china-displeased\n      background: true\n", "background: true",
            "the relation of `china` to `north-korea` cites `annotation` and says it is background with no source",
            "and says it is background with no source", occurrence=3),  # after the file's comment and Russia's
    Mistake("relation-missing-annotation", "data/actors.yml", "      annotation: wsj-china-displeased\n",
            "      annotation: wsj-china-displease\n", "wsj-china-displease",
            "there is no annotation with the id `wsj-china-displease`. Did you mean `wsj-china-displeased`?",
            "there is no annotation with the id"),
    Mistake("relation-annotation-of-another-article", "data/actors.yml", "      annotation: wsj-china-displeased\n",
            "      annotation: rail-freight#wsj-china-displeased\n", "rail-freight#",
            "the article `rail-freight` has no annotation with the id `wsj-china-displeased`; it is in "
            "`north-korea-troops-russia`", "the article `…` has no annotation"),
    Mistake("relation-citing-an-unrelated-passage", "data/actors.yml", "      annotation: wsj-china-displeased\n",
            "      annotation: experts-flailing-economy\n", "experts-flailing-economy",
            "annotation `experts-flailing-economy` does not concern `china`", "its passage cannot say this relation"),
    Mistake("relation-missing-source", "data/actors.yml", "      source: north-atlantic-council-2024-11-08\n",
            "      source: north-atlantic-council-2024-11-8\n", "north-atlantic-council-2024-11-8",
            "there is no source with the id `north-atlantic-council-2024-11-8`. Did you mean", "there is no source"),
    Mistake("source-by-a-missing-person", "data/sources.yml", "  by: [sabrina-singh]\n", "  by: [sabrina-sing]\n",
            "sabrina-sing", "there is no person with the id `sabrina-sing`. Did you mean `sabrina-singh`?",
            "there is no person"),
    Mistake("relation-to-itself", "data/actors.yml", "    - to: ukraine\n      relation: at war",
            "    - to: russia\n      relation: at war", "- to: russia",
            "an actor cannot have a relation to itself", "cannot have a relation to itself"),
    Mistake("invalid-month", "data/sources.yml",
            "  date: 2024-10-28\n  kind: press-conference\n  links:\n    - url: https://www.dailymotion",
            "  date: 2024-13-28\n  kind: press-conference\n  links:\n    - url: https://www.dailymotion", "2024-13-28",
            "`date` is `2024-13-28`, which is not a valid date. Write the date as YYYY-MM-DD",
            "which is not a valid date"),
    Mistake("unknown-source-kind", "data/sources.yml", "  kind: news-report\n  links:\n    - url: https://kvia",
            "  kind: newspaper\n  links:\n    - url: https://kvia", "kind: newspaper",
            "`kind` is `newspaper`, which is not one of: news-report", "which is not one of"),
    Mistake("duplicate-annotation-id", "data/" + ARTICLE_DATA, "  - id: wsj-chief-concern", "  - id: wsj-china-displeased",
            "id: wsj-china-displeased", "the id `wsj-china-displeased` is used twice", "is used twice", occurrence=2),
    Mistake("wrong-type-boolean", "data/actors.yml", "  featured: true\n  names: [Russia", "  featured: yes please\n  names: [Russia",
            "yes please", "`featured` must be true or false, not text", "must be true or false"),
    Mistake("names-nobody", "data/" + ARTICLE_DATA, "\n    speaker: mark-rutte\n", "\n", "id: rutte-growing-desperation",
            "annotation `rutte-growing-desperation` names nobody", "names nobody"),
    Mistake("missing-article", "data/" + ARTICLE_DATA, "article: articles/north-korea-troops-russia.md",
            "article: articles/north-korea-troops.md", "article:",
            "there is no article `articles/north-korea-troops.md` in docs/. Did you mean", "there is no article"),
    Mistake("empty-text", "data/sources.yml", "  note: Issued at the APEC summit in Lima.", "  note: ''", "note: ''",
            "`note` is empty. Write the text, or delete the key", "is empty"),
    Mistake("article-not-utf-8", ARTICLE_MARKDOWN, None, "", 1, "the file is not UTF-8 text (byte 0x92",
            "is not UTF-8 text", action=windows_1252_article),
    Mistake("link-to-a-device", "data/people.yml", None, "", 1, "is a link to a place outside the project",
            "is a link to a place outside the project", action=link("data/people.yml", "/dev/zero")),
    Mistake("link-to-a-system-file", "docs/notes.txt", None, "", 1, "is a link to a place outside the project",
            "is a link to a place outside the project", action=link("docs/notes.txt", "/etc/passwd")),
    Mistake("link-to-a-system-folder", "docs/more", None, "", 1, "is a link to a place outside the project",
            "is a link to a place outside the project", action=link("docs/more", "/etc")),
    Mistake("link-into-a-hidden-folder", "docs/notes.txt", None, "", 1, "or into one of its hidden folders",
            "is a link to a place outside the project",
            action=link("docs/notes.txt", "../.git/config")),
    Mistake("not-a-regular-file", "data/articles/second.yml", None, "", 1, "is not a regular file",
            "is not a regular file", action=fifo("data/articles/second.yml")),
    Mistake("schema-missing", "data/schemas/definitions.schema.json", None, "", 1, "the schema is missing",
            "the schema is missing", action=write("data/schemas/definitions.schema.json", None)),
    Mistake("schema-not-json", "data/schemas/people.schema.json", None, "", 2, "the schema is not valid JSON",
            "is not valid JSON", action=write("data/schemas/people.schema.json", b'{"type":\n')),
    Mistake("schema-line-too-long", "data/people.yml", "$schema=schemas/people.schema.json", "$schema=" + "x" * 5000,
            1, "which is not this file's schema", "is not this file's schema"),
    Mistake("zero-width-in-link", "data/sources.yml", "    - url: https://kvia.com", "    - url: https://kv\u200bia.com",
            "url: https://kv", "`url` contains the invisible character U+200B (zero width space) after `https://kv`",
            "contains the invisible character"),
    Mistake("bidi-control-in-link", "data/sources.yml", "    - url: https://kvia.com/news/2024/10/30/",
            "    - url: https://kvia.com/news/\u202e2024/10/30/", "url: https://kvia.com/news/",
            "contains the invisible character U+202E (right-to-left override)", "contains the invisible character"),
    Mistake("bidi-control-in-id", "data/actors.yml", "- id: japan", "- id: ja\u2066pan", "id: ja",
            "`id` contains the invisible character U+2066", "contains the invisible character"),
    Mistake("mixed-script-host", "data/sources.yml", "    - url: https://kvia.com", "    - url: https://kvi\u0430.com",
            "url: https://kvi", "the address's host mixes alphabets (CYRILLIC, LATIN)", "mixes alphabets"),
    Mistake("mixed-script-punycode-host", "data/sources.yml", "    - url: https://kvia.com",
            "    - url: https://xn--kvi-8cd.com", "xn--kvi-8cd", "the address's host mixes alphabets (CYRILLIC, LATIN)",
            "mixes alphabets"),
    Mistake("mixed-script-article-link", "data/" + ARTICLE_DATA, LINKS_NOTE,
            "links:\n  - url: https://ipdefense\u0444orum.com/\n    kind: original\n", "url: https://ipdefense",
            "the address's host mixes alphabets (CYRILLIC, LATIN)", "mixes alphabets"),
    Mistake("second-address-file", "data/addresses/copy.yml", None, "", "article:",
            f"are recorded in {ADDRESSES} already", "are recorded in", action=copied(ADDRESSES, "data/addresses/copy.yml")),
    Mistake("address-file-renamed", "data/addresses/renamed.yml", None, "", "article:",
            "belong in data/addresses/north-korea-troops-russia.yml, not in renamed.yml", "belong in",
            action=renamed(ADDRESSES, "data/addresses/renamed.yml")),
    Mistake("line-break-after-id", "data/people.yml", "- id: mark-rutte", '- id: "mark-rutte\\n"', 'id: "mark-rutte',
            "`id` contains the invisible character U+000A (line feed) after `mark-rutte`",
            "contains the invisible character"),
    Mistake("link-to-its-own-folder", "docs/self", None, "", 1, "is a link to a folder that holds it",
            "is a link to a folder that holds it", action=link("docs/self", ".")),
    Mistake("link-to-the-project", "docs/loop", None, "", 1, "is a link to a folder that holds it",
            "is a link to a folder that holds it", action=link("docs/loop", "..")),
    Mistake("links-in-a-circle", "docs/a", None, "", 1, "is a link that leads back to itself",
            "is a link that leads back to itself", action=circle("docs/a", "docs/b")),
    Mistake("line-break-in-a-file-name", "docs/articles/nl<U+000A>::warning title=INJECTED::x<U+000A>x.md", None, "", 1,
            "the file's name contains U+000A (line feed)", "the file's name contains",
            action=write("docs/articles/nl\n::warning title=INJECTED::x\nx.md", b"# A page\n")),
    Mistake("line-break-in-the-article-path", "data/" + ARTICLE_DATA, "article: articles/north-korea-troops-russia.md",
            'article: "articles/north-korea-troops-russia.md\\n::warning title=INJECTED::x\\nx.md"', "article:",
            "`article` contains the invisible character U+000A (line feed)", "contains the invisible character"),
    Mistake("bidi-control-in-a-name", "data/people.yml", "  name: Mark Rutte", '  name: "Mark \\u202eettuR"',
            "name: \"Mark", "`name` contains the invisible character U+202E (right-to-left override) after `Mark `",
            "contains the invisible character"),
    Mistake("zero-width-space-in-a-relation", "data/actors.yml", "      relation: at war", "      relation: at\u200b war",
            "relation: at", "`relation` contains the invisible character U+200B (zero width space) after `at`",
            "contains the invisible character"),
    Mistake("bidi-isolate-in-a-note", "data/" + ARTICLE_DATA, "    note: >-\n", "    note: >-\n      \u2067\n",
            "    note: >-", "`note` contains the invisible character U+2067 (right-to-left isolate)",
            "contains the invisible character"),
    Mistake("bidi-control-in-the-article", ARTICLE_MARKDOWN, "The United States and many",
            "The United States and \u202emany", "The United States and",
            "the article contains the invisible character U+202E (right-to-left override) after `The United States and `",
            "the article contains the invisible character"),
    Mistake("character-reference-in-link", "data/sources.yml", "    - url: https://kvia.com",
            "    - url: https://www.nato.int&#64;evil.example/kvia.com", "url: https://www.nato.int",
            "the address holds `&#64;`, an HTML character reference, which a browser reads as `@`",
            "an HTML character reference"),
    Mistake("named-reference-in-link", "data/" + ARTICLE_DATA, LINKS_NOTE,
            "links:\n  - url: https://example.org/?a=1&amp;b=2\n    kind: original\n", "url: https://example.org",
            "the address holds `&amp;`, an HTML character reference, which a browser reads as `&`",
            "an HTML character reference"),
    Mistake("backslash-in-link", "data/sources.yml", "    - url: https://kvia.com",
            "    - url: https://evil.example\\@kvia.com", "url: https://evil.example",
            "the address holds a backslash (`\\`), which browsers read as `/`", "holds a backslash"),
    Mistake("backtick-in-link", "data/sources.yml", "    - url: https://kvia.com", "    - url: https://kvia.com/`x`",
            "url: https://kvia.com/`", "the address holds a backtick", "holds a backtick"),
    Mistake("user-before-host-in-link", "data/sources.yml", "    - url: https://kvia.com",
            "    - url: https://www.nato.int@evil.example/kvia.com", "url: https://www.nato.int@",
            "the address names `www.nato.int` before an `@`, so browsers go to `evil.example`", "before an `@`"),
    Mistake("long-actor-name", "data/actors.yml", "  names: [Japan]", "  names: [Japan, " + "Japan " * 100 + "]",
            "names: [Japan, Japan Japan", "`names` entry 2 is 599 characters long, longer than a name is",
            "characters long, longer than a name is"),
    Mistake("many-annotations-on-the-same-words", "data/" + ARTICLE_DATA, "annotations:\n", "annotations:\n" + SAME_WORDS,
            "exact: Further stacking the odds", "annotations quote these words, or words around them, one inside another",
            "one inside another", occurrence=11),
    Mistake("quotes-nested-without-end", ARTICLE_MARKDOWN, "The United States and many", ">" * 2000 + " The United "
            "States and many", 1, "the article nests quotes, lists or other blocks", "the article nests quotes, lists"),
    Mistake("lists-nested-too-deep", ARTICLE_MARKDOWN, "The United States and many",
            "".join("    " * level + "- a list\n" for level in range(60)) + "\nThe United States and many", 1,
            "the article nests quotes, lists or other blocks", "the article nests quotes, lists"),
    # A published claim changed without a correction, removed, or its corrections undone; corrections misdated.
    Mistake("judgement-changed-without-correction", "data/" + ARTICLE_DATA, LEE_JUDGEMENTS,
            "    source_seen: original\n    wording: fair-paraphrase\n", "source_seen: original",
            "annotation `lee-woong-gil-too-young` was published as `verification: confirmed`, and is `source_seen: "
            "original` and `wording: fair-paraphrase` now, with no correction", "with no correction"),
    Mistake("speaker-changed-without-correction", "data/" + ARTICLE_DATA, LEE_SPEAKER, "    speaker: ahn-chan-il\n",
            "speaker: ahn-chan-il", "`speaker` was published as `lee-woong-gil`, and is `ahn-chan-il` now, with no "
            "correction", "with no correction"),
    Mistake("attribution-changed-without-correction", "data/" + ARTICLE_DATA, "    attributed_to: Unnamed analysts\n",
            "    attributed_to: Military analysts\n", "attributed_to: Military analysts",
            "`attributed_to` was published as `Unnamed analysts`, and is `Military analysts` now", "with no correction"),
    Mistake("words-changed-without-correction", "data/" + ARTICLE_DATA,
            "    exact: and the North Korean troops are largely inexperienced, analysts say.\n",
            "    exact: the North Korean troops are largely inexperienced\n", "exact: the North Korean troops are",
            "was published quoting “and the North Korean troops are largely inexperienced, analysts say.”, and quotes "
            "other words now", "quotes other words now"),
    Mistake("published-claim-removed", "data/" + ARTICLE_DATA, None, "", "annotations:",
            "annotation `analysts-inexperienced-troops` (“and the North Korean troops are largely inexperienced, "
            "analysts say.”) was published and is no longer here", "was published and is no longer here",
            action=without_block("data/" + ARTICLE_DATA, ANALYSTS)),
    Mistake("published-correction-removed", "data/" + ARTICLE_DATA, None, "", "id: analysts-inexperienced-troops",
            "was published with 1 correction(s) and has 0 now", "correction(s) and has",
            action=recorded_as("  attributed_to: Unnamed analysts\n", "  corrections: 1\n")),
    Mistake("withdrawal-undone-without-correction", "data/" + ARTICLE_DATA, None, "", "id: analysts-inexperienced-troops",
            "was published as withdrawn, and is not withdrawn now", "is not withdrawn now",
            action=recorded_as("  attributed_to: Unnamed analysts\n", "  withdrawn: true\n")),
    Mistake("correction-without-date", "data/" + ARTICLE_DATA, ANALYSTS, ANALYSTS + correction(date=None),
            "- what: the wording changed", "has no `date`", "has no"),
    Mistake("correction-without-why", "data/" + ARTICLE_DATA, ANALYSTS, ANALYSTS + correction("2026-12-06", why=None),
            "- date: 2026-12-06", "has no `why`", "has no"),
    Mistake("correction-with-empty-why", "data/" + ARTICLE_DATA, ANALYSTS, ANALYSTS + correction(why="''"),
            "why: ''", "`why` is empty", "is empty"),
    Mistake("correction-with-a-day-that-does-not-exist", "data/" + ARTICLE_DATA, ANALYSTS,
            ANALYSTS + correction(date="2026-02-30"), "date: 2026-02-30", "which is not a valid date",
            "which is not a valid date"),
    Mistake("correction-dated-in-words", "data/" + ARTICLE_DATA, ANALYSTS,
            ANALYSTS + correction(date="8 December 2026"), "date: 8 December 2026", "which is not a valid date",
            "which is not a valid date"),
    Mistake("correction-dated-in-the-future", "data/" + ARTICLE_DATA, ANALYSTS, ANALYSTS + correction(date="2999-01-01"),
            "date: 2999-01-01", "`date` is 2999-01-01, a day still to come", "a day still to come"),
    Mistake("withdrawal-dated-in-the-future", "data/" + ARTICLE_DATA, ANALYSTS,
            ANALYSTS + "    withdrawn:\n      date: 2999-01-01\n      why: no analyst was found\n", "date: 2999-01-01",
            "`date` is 2999-01-01, a day still to come", "a day still to come"),
    Mistake("withdrawal-without-why", "data/" + ARTICLE_DATA, ANALYSTS, ANALYSTS + "    withdrawn:\n      date: 2026-12-07\n",
            "      date: 2026-12-07", "has no `why`", "has no"),
    Mistake("withdrawal-as-a-flag", "data/" + ARTICLE_DATA, ANALYSTS, ANALYSTS + "    withdrawn: true\n",
            "withdrawn: true", "`withdrawn` must be a mapping", "must be a mapping"),
    Mistake("correction-of-a-claim-never-published", "data/" + ARTICLE_DATA, "annotations:\n",
            "annotations:\n" + NEW_CLAIM + correction(), "corrections:",
            "annotation `new-claim` has `corrections`, but it was never published", "but it was never published"),
    Mistake("withdrawal-of-a-claim-never-published", "data/" + ARTICLE_DATA, "annotations:\n",
            "annotations:\n" + NEW_CLAIM + "    withdrawn:\n      date: 2026-12-07\n      why: a mistake\n", "withdrawn:",
            "annotation `new-claim` has `withdrawn`, but it was never published", "but it was never published"),
    Mistake("id-too-long-for-a-file-name", "data/actors.yml", "- id: japan", "- id: japan" + "-x" * 150, "id: japan-x",
            "`id` is 305 characters long, longer than it may be (200 at most)", "characters long, longer than it may be"),
]
