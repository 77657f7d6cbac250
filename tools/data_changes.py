"""What the data changes between a git revision and the working tree, in Markdown, for a reviewer.

    python tools/data_changes.py [BASE]      (what `make changes BASE=...` runs; BASE defaults to main)

First the corrections and withdrawals of claims it adds, as readers will be told them. Then, per article:
the annotations added, changed, removed and renamed, each with its quote (and, when its words
occur more than once in the article, the fewest words around them that tell the place apart), who said it
(`speaker`, and `attributed_to`), how the article attributes it (`kind`) and its two judgements, where the
source was seen and how the article's words compare with it (a changed value as old → new); below it, what
each source said (the words, or why they were not seen) and the editor's note for an added annotation, and
for a changed one each entry of `said` added, changed or removed and every other changed field (the note
among them); an added or removed article, an added one with where it was published (publisher, date,
rights...), a changed one with what changed of it; the article's text when it changed. Then the actors,
people and sources added, changed, removed and renamed. The files are read as YAML only, not checked (`make check` does that):
a file that cannot be read is named and left out. Every text from the data is escaped, so none of it
becomes Markdown or HTML in a pull request's job summary, and its addresses, @mentions and #references
are shown in code spans, so that none becomes a link or notifies anyone.

Exit status: 0 with the summary on standard output; 2 if BASE is not a commit of the repository.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT / "hooks") not in sys.path:
    sys.path.insert(0, str(PROJECT / "hooks"))

from annotated_article.data import base_revision, project_files  # noqa: E402  (after the path to it)
from annotated_article.data.errors import DataErrors  # noqa: E402
from annotated_article.data.yaml_loading import load_yaml_bytes  # noqa: E402
from annotated_article.model import ArticleText  # noqa: E402
from change_lines import (  # noqa: E402
    SAID_APART,
    brief,
    field_changes,
    field_values,
    ident,
    judgements,
    said_changes,
    text,
)
from change_quotes import published_text, quote_shown  # noqa: E402

REGISTRIES = {"actors": "Actors", "people": "People", "sources": "Sources"}
#: Where the data and the articles are, relative to the repository.
READ = ("data/actors.yml", "data/people.yml", "data/sources.yml", "data/articles/", "data/addresses/", "docs/articles/")


RevisionNotFound = base_revision.RevisionNotFound
#: Fields of an annotation said in lines of their own: corrections and a withdrawal are listed first.
NOTICED_APART = (*SAID_APART, "corrections", "withdrawn")


@dataclass
class ArticleData:
    path: str  # the article's Markdown inside docs/
    data_file: str
    title: str
    annotations: dict[str, dict] = field(default_factory=dict)
    text: bytes | None = None
    #: Where it was published: the data file's fields besides `article` and `annotations`.
    provenance: dict = field(default_factory=dict)

    def published(self) -> ArticleText | None:
        """The article's text as the build reads it (its Markdown parsed with mkdocs.yml's extensions), or None."""
        return published_text(self.text, PROJECT / "mkdocs.yml") if self.text is not None else None



@dataclass
class Snapshot:
    """The data at one moment: registries by id, articles by path, and files that could not be read."""

    registries: dict[str, dict[str, dict]] = field(default_factory=dict)
    articles: dict[str, ArticleData] = field(default_factory=dict)
    #: The recorded addresses of each article (data/addresses/), by article and id.
    addresses: dict[str, dict[str, dict]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def speaker(self, annotation: dict) -> str:
        """Who said it: the speaker's name, and whom the article credits (`attributed_to`), as the page names both."""
        speaker = annotation.get("speaker")
        person = self.registries.get("people", {}).get(speaker) if isinstance(speaker, str) else None
        named = person["name"] if person and isinstance(person.get("name"), str) else str(speaker) if speaker else ""
        credited = f"attributed to {annotation['attributed_to']}" if annotation.get("attributed_to") else ""
        return ", ".join(part for part in (named, credited) if part) or "nobody named"


def snapshot(files: dict[str, bytes]) -> Snapshot:
    """The data in `files` (repository path → bytes), read leniently: what cannot be read is listed."""
    result = Snapshot()
    for name in REGISTRIES:
        path = f"data/{name}.yml"
        entries = _read(files, path, result)
        result.registries[name] = _by_id(entries if isinstance(entries, list) else [], path, result)
    for path in sorted(p for p in files if p.startswith("data/articles/") and p.endswith((".yml", ".yaml"))):
        document = _read(files, path, result)
        if not isinstance(document, dict):
            if document is not None:
                result.unreadable.append(f"{path} is not an article file (it has no `article:` and `annotations:`)")
            continue
        named = document.get("article")
        article = named if isinstance(named, str) else path
        if article in result.articles:
            result.unreadable.append(f"{path} names `{article}`, which {result.articles[article].data_file} "
                                     "annotates already")
            continue
        annotations = document.get("annotations")
        text = files.get(f"docs/{article}")
        result.articles[article] = ArticleData(
            article, path, _title(text, article), _by_id(annotations if isinstance(annotations, list) else [],
                                                         path, result), text,
            {key: value for key, value in document.items() if key not in ("article", "annotations")})
    for path in sorted(p for p in files if p.startswith("data/addresses/") and p.endswith(".yml")):
        document = _read(files, path, result)
        if isinstance(document, dict) and isinstance(document.get("article"), str):
            entries = document.get("addresses")
            result.addresses[document["article"]] = _by_id(entries if isinstance(entries, list) else [], path, result)
    return result


def _read(files: dict[str, bytes], path: str, result: Snapshot) -> Any:
    if path not in files:
        return None
    try:
        return load_yaml_bytes(files[path], path).data
    except DataErrors as failure:
        result.unreadable.append(f"{path} cannot be read: {failure.errors[0]}")
        return None


def _by_id(entries: list, path: str, result: Snapshot) -> dict[str, dict]:
    by_id: dict[str, dict] = {}
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            result.unreadable.append(f"{path}: entry {number} has no id, so it is left out here")
        elif entry["id"] in by_id:
            result.unreadable.append(f"{path}: the id `{entry['id']}` is used twice; the second is left out here")
        else:
            by_id[entry["id"]] = entry
    return by_id


def _title(text: bytes | None, path: str) -> str:
    for line in (text or b"").decode("utf-8", "replace").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path


# Reading a revision and the working tree


def resolve(repo: Path, revision: str) -> str:
    """The commit `revision` names in `repo`. Raises RevisionNotFound."""
    return base_revision.base_revision(repo, revision).commit


def files_at(repo: Path, commit: str) -> dict[str, bytes]:
    return base_revision.base_revision(repo, commit).files(*READ)


def files_in_working_tree(repo: Path) -> dict[str, bytes]:
    """The files as the check reads them: regular files inside the project, none longer than the size cap (a
    file that is not is left out, and `make check` says why)."""
    found = {}
    for pattern in READ:
        paths = sorted((repo / pattern).glob("*")) if pattern.endswith("/") else [repo / pattern]
        for path in paths:
            name = path.relative_to(repo).as_posix()
            try:
                if path.is_file():
                    found[name] = project_files.read_bytes(path, name, repo)
            except DataErrors:
                continue
    return found


# Comparing


@dataclass
class Comparison:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.renamed)


def compare(old: dict[str, dict], new: dict[str, dict], same_thing: Callable[[dict], Any]) -> Comparison:
    """Entries by id; an entry gone and one come with the same `same_thing` (and no other with it) is a rename."""
    result = Comparison()
    gone = [key for key in old if key not in new]
    came = [key for key in new if key not in old]
    for key in list(gone):
        matches = [other for other in came if same_thing(new[other]) == same_thing(old[key])]
        if len(matches) == 1 and same_thing(old[key]) is not None:
            result.renamed.append((key, matches[0]))
            gone.remove(key)
            came.remove(matches[0])
    result.removed, result.added = gone, came
    result.changed = [key for key in new if key in old and new[key] != old[key]]
    return result


def _quote_of(annotation: dict) -> Any:
    exact = annotation.get("exact")
    return (" ".join(exact.split()), annotation.get("prefix"), annotation.get("suffix")) if isinstance(exact, str) \
        else None


def _registry_identity(entry: dict) -> Any:
    without_id = {key: value for key, value in entry.items() if key != "id"}
    return tuple(sorted((key, repr(value)) for key, value in without_id.items())) or None


# Writing (each line's words: change_lines)


def annotation_line(what: str, key: str, annotation: dict, data: Snapshot, old: dict | None = None,
                    article: ArticleData | None = None) -> str:
    return (f"- {what} {key}: {quote_shown(annotation, article.published() if article else None)} "
            f"({text(data.speaker(annotation))}; "
            f"{judgements(annotation, old)})")


def added_lines(annotation: dict) -> list[str]:
    """Under an added annotation: what each source said, and the editor's note."""
    note = [f"  - {ident('note')}: {brief(annotation['note'])}"] if annotation.get("note") else []
    return said_changes(None, annotation) + note


def article_section(path: str, base: Snapshot, head: Snapshot) -> list[str]:
    old, new = base.articles.get(path), head.articles.get(path)
    if new is None:
        assert old is not None
        lines = [f"### Article removed: {text(old.title)}", "", f"`{text(path)}`, with its "
                 f"{len(old.annotations)} annotation(s):", ""]
        return lines + [annotation_line("Removed", ident(k), a, base, article=old)
                        for k, a in old.annotations.items()] + [""]
    if old is None:
        lines = [f"### New article: {text(new.title)}", ""]
        if new.provenance:
            lines += ["- Where it was published:", *field_values(new.provenance), ""]
        lines += [f"`{text(path)}`, with {len(new.annotations)} annotation(s):", ""]
        for key, annotation in new.annotations.items():
            lines += [annotation_line("Added", ident(key), annotation, head, article=new), *added_lines(annotation)]
        return lines + [""]
    found = compare(old.annotations, new.annotations, _quote_of)
    text_changed = old.text != new.text
    published = field_changes(old.provenance, new.provenance)
    if not found and not text_changed and not published:
        return []
    lines = [f"### {text(new.title)}", ""]
    if text_changed:
        lines += [f"- The article's text changed (`docs/{text(path)}`).", ""]
    if published:
        lines += ["- Where it was published:", *published, ""]
    for key in found.added:
        lines += [annotation_line("Added", ident(key), new.annotations[key], head, article=new),
                  *added_lines(new.annotations[key])]
    for key in found.changed:
        annotation, before = new.annotations[key], old.annotations[key]
        lines.append(annotation_line("Changed", ident(key), annotation, head, before, new))
        lines += said_changes(before, annotation) + field_changes(before, annotation, skip=NOTICED_APART)
    for before_key, key in found.renamed:
        annotation, before = new.annotations[key], old.annotations[before_key]
        lines.append(annotation_line("Renamed", f"{ident(before_key)} → {ident(key)}", annotation, head, before,
                                     new))
        lines += said_changes(before, annotation) + field_changes(before, annotation, skip=("id", *NOTICED_APART))
    for key in found.removed:
        lines.append(annotation_line("Removed", ident(key), old.annotations[key], base, article=old))
    return lines + [""]


def corrections_section(base: Snapshot, head: Snapshot) -> list[str]:
    """First, what readers will be told changed: each correction and each withdrawal the data adds to a claim, with
    its date, what changed and why, as the claim's footnote and the article's "Corrections and updates" say it."""
    lines = []
    for path, new in head.articles.items():
        old = base.articles.get(path)
        for key, annotation in new.annotations.items():
            before = old.annotations.get(key, {}) if old else {}
            known = _listed(before.get("corrections"))
            entries = _listed(annotation.get("corrections"))
            claim = f"{ident(key)} ({brief(annotation.get('exact'))}) in *{text(new.title)}*"
            for entry in (entry for entry in entries if isinstance(entry, dict) and entry not in known):
                lines.append(f"- Corrected {text(entry.get('date', '(no date)'))}: {claim}. What changed: "
                             f"{brief(entry.get('what'))} Why: {brief(entry.get('why'))}")
            withdrawn = annotation.get("withdrawn")
            if isinstance(withdrawn, dict) and withdrawn != before.get("withdrawn"):
                lines.append(f"- **Withdrawn** {text(withdrawn.get('date', '(no date)'))}: {claim}. Why: "
                             f"{brief(withdrawn.get('why'))}")
    return ["### Corrections", "", *lines, ""] if lines else []


def _listed(value: Any) -> list:
    return value if isinstance(value, list) else []


def entry_name(kind: str, entry: dict) -> str:
    if kind == "sources":
        parts = [text(entry.get("publisher", "")), brief(entry["title"]) if entry.get("title") else "",
                 text(entry.get("date", ""))]
        return ", ".join(part for part in parts if part)
    return text(entry.get("name", ""))


def registry_section(kind: str, base: Snapshot, head: Snapshot) -> list[str]:
    old, new = base.registries.get(kind, {}), head.registries.get(kind, {})
    found = compare(old, new, _registry_identity)
    if not found:
        return []
    lines = [f"### {REGISTRIES[kind]}", ""]
    lines += [f"- Added {ident(key)}: {entry_name(kind, new[key])}" for key in found.added]
    for key in found.changed:
        lines.append(f"- Changed {ident(key)}: {entry_name(kind, new[key])}")
        lines += field_changes(old[key], new[key])
    lines += [f"- Renamed {ident(before)} → {ident(key)}: {entry_name(kind, new[key])}" for before, key in found.renamed]
    lines += [f"- Removed {ident(key)}: {entry_name(kind, old[key])}" for key in found.removed]
    return lines + [""]


#: New addresses listed one by one; past them, a count.
LISTED_NEW_ADDRESSES = 20


def addresses_section(base: Snapshot, head: Snapshot) -> list[str]:
    """What changes for the addresses readers' links use: one whose recorded words changed (its links would lead
    to other words; `make check BASE=...` refuses it), one retired or dropped (its links no longer land on its
    words), or brought back; and each newly recorded one with its words (`make addresses` records them when the
    site is published, so one added in a pull request was added by hand)."""
    lines, added = [], []
    for article in sorted(set(base.addresses) | set(head.addresses)):
        old, new = base.addresses.get(article, {}), head.addresses.get(article, {})
        for key in sorted(set(old) | set(new)):
            before, after = old.get(key, {}), new.get(key, {})
            where = f"{ident(key)} of {text(article)}"
            if before and not after:
                lines.append(f"- Dropped {where}: the build no longer keeps it working (it led to "
                             f"{brief(before.get('words'))})")
            elif after and not before:
                added.append(f"- New {where}: {brief(after.get('words'))}")
            elif _words(before) != _words(after):
                lines.append(f"- **Words changed** of {where}: links to it will lead to other words, "
                             f"{brief(before.get('words'))} → {brief(after.get('words'))}")
            if before and after and after.get("retired") and not before.get("retired"):
                lines.append(f"- **Retired** {where}: links to it will open the article at its top (it led to "
                             f"{brief(after.get('words'))})")
            elif before and after and before.get("retired") and not after.get("retired"):
                lines.append(f"- Brought back {where}")
    more = len(added) - LISTED_NEW_ADDRESSES
    lines += added[:LISTED_NEW_ADDRESSES] + ([f"- and {more} more new address{'es' * (more > 1)}"] if more > 0 else [])
    if added:
        lines.append(f"- {len(added)} new address{'es' * (len(added) > 1)} recorded")
    return ["### Published addresses", "", *lines, ""] if lines else []


def _words(entry: dict) -> Any:
    words = entry.get("words")
    return " ".join(words.split()) if isinstance(words, str) else words


def summary(base: Snapshot, head: Snapshot, base_name: str, commit: str) -> str:
    name = f"`{base_name}`" if re.fullmatch(r"[^`\s]+", base_name) else text(base_name)
    lines = [f"## What the data changes since {name} ({commit[:12]})", ""]
    problems = [f"- {text(problem)}" for problem in head.unreadable]
    if problems:
        lines += ["Some of the data could not be read, and is left out below (`make check` says why):", "",
                  *problems, ""]
    body = corrections_section(base, head)
    for path in [*head.articles, *(path for path in base.articles if path not in head.articles)]:
        body += article_section(path, base, head)
    for kind in REGISTRIES:
        body += registry_section(kind, base, head)
    body += addresses_section(base, head)
    lines += body or ["No change to the annotations, the articles' text, the actors, the people or the sources.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/data_changes.py", description=__doc__.split("\n")[0])
    parser.add_argument("base", nargs="?", default="main", help="a branch, tag or commit (default: main)")
    parser.add_argument("--repo", type=Path, default=PROJECT, help="the repository (default: this project)")
    arguments = parser.parse_args(argv)
    try:
        commit = resolve(arguments.repo, arguments.base)
    except RevisionNotFound as failure:
        print(f"make changes: {failure}. Give BASE as a branch, a tag or a commit that exists, for example "
              "BASE=main or BASE=HEAD~1 (a shallow clone may need `git fetch` first).", file=sys.stderr)
        return 2
    base = snapshot(files_at(arguments.repo, commit))
    head = snapshot(files_in_working_tree(arguments.repo))
    print(summary(base, head, arguments.base, commit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
