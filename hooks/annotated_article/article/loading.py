"""The site's data: shared registries of actors, people and sources, and each article's annotations.

`load_site` reads every file in `data/`, checks it against its schema, checks
that every reference names an existing id and that every quote is found in its
article, and either returns the whole model or raises `DataErrors` listing
every problem at once.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from . import project_files
from .addresses import aliases
from .anchoring import EXPLAINED_MISSES, AnchorError, SourceLines, TextQuote, anchor_quote
from .article_markup import ArticlePlan, plan_article
from .article_tree import ArticleParser, MarkdownConfig, markdown_config, read_text
from .errors import DataError, DataErrors, shown
from .schema_validation import mixed_scripts, nearest, validate_document
from .yaml_loading import YamlDocument, load_yaml_bytes


@dataclass(frozen=True)
class Relation:
    to: str
    relation: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    description: str
    full_name: str = ""
    featured: bool = False
    names: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    role: str
    type: str = "person"
    actor: str = ""
    affiliation: str = ""


@dataclass(frozen=True)
class Link:
    url: str
    kind: str
    label: str = ""


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    kind: str
    title: str = ""
    title_note: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""
    date_note: str = ""
    links: tuple[Link, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Figure:
    actor: str
    label: str
    value: str


@dataclass(frozen=True)
class Annotation:
    id: str
    exact: str
    kind: str
    verification: str
    source: str = ""
    prefix: str = ""
    suffix: str = ""
    speaker: str = ""
    attributed_to: str = ""
    see_also: tuple[str, ...] = ()
    note: str = ""
    actors: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()

    @property
    def quote(self) -> TextQuote:
        return TextQuote(self.exact, self.prefix, self.suffix)


@dataclass(frozen=True)
class Provenance:
    """Where an article was published, as far as it is known: each `*_note` says what is known of a value
    that is left out, or what is uncertain about one that is given."""

    publisher: str = ""
    publisher_note: str = ""
    headline: str = ""
    headline_note: str = ""
    authors: tuple[str, ...] = ()
    authors_note: str = ""
    date: str = ""
    date_note: str = ""
    updated: str = ""
    links: tuple[Link, ...] = ()
    links_note: str = ""
    rights: str = ""
    rights_note: str = ""


@dataclass(frozen=True)
class Article:
    """An article's Markdown file (path inside docs/), its annotations in reading order, and where it was
    published."""

    path: str
    data_file: str
    annotations: tuple[Annotation, ...]
    title: str = ""
    #: Where its annotations go, worked out from its parsed text when the data is loaded.
    plan: ArticlePlan | None = field(default=None, compare=False, repr=False)
    provenance: Provenance = Provenance()

    @property
    def loaded_plan(self) -> ArticlePlan:
        """`plan`, which `load_site` works out for every article it loads."""
        if self.plan is None:
            raise ValueError(f"{self.path} has no plan: it was not loaded by load_site")
        return self.plan

    def words(self, annotation: Annotation) -> str:
        """The annotation's words as the article has them (its own quotes, dashes and spacing); as typed in the
        data for an article that was not loaded from its files."""
        return self.plan.words(annotation.id) if self.plan and annotation.id in self.plan.passages else annotation.exact

    @property
    def cited_sources(self) -> list[str]:
        """Ids of the sources its annotations cite or suggest, in reading order, each once."""
        return list(dict.fromkeys(s for a in self.annotations for s in (a.source, *a.see_also) if s))

    @property
    def actors_named(self) -> list[str]:
        """Ids of the actors its annotations concern, in reading order, each once."""
        return list(dict.fromkeys(actor for a in self.annotations for actor in a.actors))


@dataclass
class SiteData:
    actors: dict[str, Actor] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    articles: dict[str, Article] = field(default_factory=dict)


#: What an article's data file must give, or say is not known in the field's `_note`.
PROVENANCE_REQUIRED = {"publisher": "the outlet that published it", "date": "the date it was published (YYYY-MM-DD)",
                       "rights": "who holds the rights to its text, and on what terms it is reproduced here"}
#: Ids the article page gives elements of its own.
RESERVED_PASSAGE_IDS = {"sources-and-attributions"}
PLACEMENT_FIX = "Quote words of one paragraph of plain text, without cutting through code, links or emphasis"
# MkDocs' own rules for what is not rendered at the top of a page (mkdocs.utils.meta.get_data): a YAML block
# that reads as a mapping, or else MultiMarkdown's `Key: value` lines up to the first blank line.
_YAML_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_META_LINE = re.compile(r"^[ ]{0,3}[A-Za-z0-9_-]+:\s*.*")
_META_MORE = re.compile(r"^([ ]{4}|\t)\s*.*")

#: Within one process (`mkdocs serve` keeps this module from one rebuild to the next): the parser for each set of
#: Markdown extensions, and each article's plan with what it was made from, reused while those stay the same.
_PARSERS: dict = {}
_PLANS: dict[str, tuple[tuple, ArticlePlan]] = {}
#: Likewise each data file's document, once read and checked against its schema, by what it was read from.
_DOCUMENTS: dict[tuple[str, str, str], tuple[bytes, YamlDocument]] = {}

REGISTRIES = {"actors.yml": "actors.schema.json", "people.yml": "people.schema.json",
              "sources.yml": "sources.schema.json"}


def load_site(data_dir: Path, docs_dir: Path, markdown: MarkdownConfig | None = None) -> SiteData:
    """Read and check all of `data_dir` against the articles in `docs_dir`, parsed with the Markdown
    extensions `markdown` (by default those of the mkdocs.yml beside `data_dir`)."""
    loader = _Loader(data_dir, docs_dir, markdown or markdown_config(data_dir.parent / "mkdocs.yml"))
    site = loader.load()
    if loader.errors:
        raise DataErrors(loader.errors)
    return site


class _Loader:
    def __init__(self, data_dir: Path, docs_dir: Path, markdown: MarkdownConfig):
        self.data_dir = data_dir
        self.docs_dir = docs_dir
        self.markdown = markdown
        self.markdown_key = repr(markdown) if all(isinstance(name, str) for name in markdown[0]) else id(markdown)
        self.schema_dir = data_dir / "schemas"
        self.errors: list[DataError] = []
        self.unreadable: set[str] = set()
        self.article_documents: list[YamlDocument] = []

    def display(self, path: Path) -> str:
        return f"{self.data_dir.name}/{path.relative_to(self.data_dir).as_posix()}"

    def read(self, path: Path, schema: str) -> YamlDocument | None:
        key = (str(path), str(self.schema_dir), schema)
        try:
            raw = project_files.read_bytes(path, self.display(path), self.data_dir.parent)
            cached = _DOCUMENTS.get(key)
            if cached and cached[0] == raw:
                return cached[1]  # read, and found without problems, by an earlier build of this process
            document = load_yaml_bytes(raw, self.display(path))
        except DataErrors as failure:
            self.errors.extend(failure.errors)
            return None
        errors = len(self.errors)
        self.check_schema_reference(document, path, schema)
        problems = validate_document(document, self.schema_dir, schema)
        self.errors.extend(problems)
        if len(self.errors) == errors:
            _DOCUMENTS[key] = (raw, document)
        return None if problems else document

    def check_schema_reference(self, document: YamlDocument, path: Path, schema: str) -> None:
        """The `# yaml-language-server: $schema=...` line, when there is one, must name the file's schema."""
        if not document.schema_reference:
            return
        expected = os.path.relpath(self.schema_dir / schema, path.parent).replace(os.sep, "/")
        named = path.parent / document.schema_reference
        if "://" in document.schema_reference or os.path.normpath(named) != os.path.normpath(self.schema_dir / schema):
            self.errors.append(DataError(
                document.file, document.schema_reference_line, 1,
                f"the schema line names `{shown(document.schema_reference)}`, which is not this file's schema "
                f"({self.display(self.schema_dir / schema)})",
                f"Make the line read `# yaml-language-server: $schema={expected}`, so that editors check "
                "the file as the build does"))

    def load(self) -> SiteData:
        site = SiteData()
        self.errors += project_files.links_outside(self.data_dir, self.data_dir.name) + \
            project_files.links_outside(self.docs_dir, self.docs_dir.name)
        documents = {name: self.read(self.data_dir / name, schema) for name, schema in REGISTRIES.items()}
        self.unreadable = {name for name, document in documents.items() if document is None}
        site.actors = self.registry(documents["actors.yml"], Actor, page_ids=True)
        site.people = self.registry(documents["people.yml"], Person, page_ids=True)
        site.sources = self.registry(documents["sources.yml"], Source, page_ids=True)
        self.check_actor_names(documents["actors.yml"])
        sources = documents["sources.yml"]
        self.check_link_hosts(sources, [((index,), item.get("links", [])) for index, item in
                                        enumerate(sources.data if sources else [])])
        article_files = sorted([*(self.data_dir / "articles").glob("*.yml"), *(self.data_dir / "articles").glob("*.yaml")])
        if not article_files:
            self.errors.append(DataError(f"{self.data_dir.name}/articles", 1, 1, "there are no article files",
                                         "Add one YAML file per article in data/articles/"))
        all_read = True
        for path in article_files:
            document = self.read(path, "article.schema.json")
            if document is not None:
                self.check_provenance(document)
                self.check_link_hosts(document, [((), document.data.get("links", []))])
                self.article(document, site)
            all_read = all_read and document is not None
        if all_read:
            self.check_every_article_is_annotated(site)
        for path in sorted((self.data_dir / "addresses").glob("*.yml")):
            document = self.read(path, "addresses.schema.json")
            if document is not None:
                self.published_addresses(document, site)
        self.check_references(documents, site)
        return site

    def published_addresses(self, document: YamlDocument, site: SiteData) -> None:
        """Every address the article has published keeps landing (see `addresses`)."""
        path = document.data["article"]
        article = site.articles.get(path)
        if article is None:
            if not (self.docs_dir / path).is_file():
                self.errors.append(document.error(("article",), f"there is no article `{path}` in docs/",
                                                  "Delete this file if the article was removed on purpose"))
            return  # else the article's own errors are reported
        plan = article.loaded_plan
        current = {**{id_: plan.text.text[p.start:p.end] for id_, p in zip(plan.paragraph_ids, plan.text.paragraphs)},
                   **{id_: plan.words(id_) for id_ in plan.passages}}
        declared = {a["id"] for d in self.article_documents if d.data["article"] == path for a in d.data["annotations"]}
        found, renamed, errors = aliases(document, current, declared - set(plan.passages))
        self.errors.extend(errors)
        ids = tuple(renamed.get(id_, id_) for id_ in plan.paragraph_ids)
        site.articles[path] = replace(article, plan=replace(plan, aliases=found, paragraph_ids=ids))

    def check_every_article_is_annotated(self, site: SiteData) -> None:
        """An article with no annotation file would be a page nothing lists or links to."""
        for markdown in sorted((self.docs_dir / "articles").glob("*.md")):
            path = markdown.relative_to(self.docs_dir).as_posix()
            unreadable = any(error.file == f"{self.docs_dir.name}/{path}" for error in self.errors)
            if path not in site.articles and markdown.name != "index.md" and not unreadable:
                self.errors.append(DataError(
                    f"{self.docs_dir.name}/{path}", 1, 1, "this article has no annotation file",
                    f"Add data/articles/{markdown.stem}.yml with `article: {path}`, where it was published "
                    "(see CONTRIBUTING.md) and its annotations (`annotations: []` while it has none), or move the "
                    "file out of docs/articles/"))

    def registry(self, document: YamlDocument | None, cls: type, page_ids: bool = False) -> dict[str, Any]:
        """Entries by id. With `page_ids`, ids name generated pages, so `index` is reserved."""
        if document is None:
            return {}
        entries: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for index, item in enumerate(document.data):
            entry = _entry(cls, item)
            if page_ids and entry.id == "index":
                self.errors.append(document.error((index, "id"), "the id `index` is reserved for the list page",
                                                  "Choose another id, for example the full name as a slug"))
                continue
            if entry.id in entries:
                self.errors.append(document.error(
                    (index, "id"), f"the id `{entry.id}` is used twice (first on line {first_line[entry.id]})",
                    "Give each entry its own id, or merge the two entries"))
                continue
            entries[entry.id] = entry
            first_line[entry.id] = document.where((index, "id"))[0]
        return entries

    def check_actor_names(self, document: YamlDocument | None) -> None:
        """A name in an article must mean one actor: no name may belong to two."""
        if document is None:
            return
        owner: dict[str, str] = {}
        for index, item in enumerate(document.data):
            for number, name in enumerate(item.get("names", [])):
                if name in owner and owner[name] != item["id"]:
                    self.errors.append(document.error(
                        (index, "names", number), f"the name `{name}` is already a name of `{owner[name]}`",
                        "Give each name to one actor only, so that the article links it to the right page"))
                owner.setdefault(name, item["id"])

    def check_link_hosts(self, document: YamlDocument | None, links_at: list[tuple[tuple, list]]) -> None:
        """A host that mixes alphabets is a look-alike of another (`exаmple.com`, with a Cyrillic а).
        `links_at`: each list of links of `document`, with the place of the mapping that holds it."""
        if document is None:
            return
        for place, links in links_at:
            for number, link in enumerate(links):
                scripts = mixed_scripts(link["url"])
                if scripts:
                    self.errors.append(document.error(
                        (*place, "links", number, "url"), f"the address's host mixes alphabets ({', '.join(scripts)}), "
                        "as look-alikes of well-known addresses do",
                        "Retype the address by hand, or copy it again from the address bar of the page"))

    def check_provenance(self, document: YamlDocument) -> None:
        """An article says who published it, when and on what terms, or says that it is not known."""
        data = document.data
        for field_, what in PROVENANCE_REQUIRED.items():
            if field_ not in data and f"{field_}_note" not in data:
                self.errors.append(document.error(
                    ("article",), f"the article has no `{field_}`",
                    f"Add `{field_}:` with {what}, or, if it is not known, `{field_}_note:` saying what is known"))
        if "updated" in data and "date" in data and data["updated"] < data["date"]:
            self.errors.append(document.error(
                ("updated",), f"`updated` is {data['updated']}, before the date of publication ({data['date']})",
                "Check both dates: `updated` is when the article was last changed, on or after `date`"))

    def article(self, document: YamlDocument, site: SiteData) -> None:
        path = document.data["article"]
        article_file = self.docs_dir / path
        if path in site.articles:
            self.errors.append(document.error(("article",), f"`{path}` already has annotations in "
                                              f"{site.articles[path].data_file}",
                                              "Keep one annotation file per article"))
            return
        if not article_file.is_file():
            known = [p.relative_to(self.docs_dir).as_posix() for p in self.docs_dir.rglob("*.md")]
            self.errors.append(document.error(("article",), f"there is no article `{path}` in docs/",
                                              nearest(path, known) or "Give the path of the article's Markdown "
                                              "file inside docs/"))
            return
        annotations = self.registry(YamlDocument(document.file, document.data["annotations"],
                                                 _strip_first(document.value_marks, "annotations"),
                                                 _strip_first(document.key_marks, "annotations")), Annotation)
        try:
            raw = project_files.read_text(article_file, f"{self.docs_dir.name}/{path}", self.docs_dir.parent)
        except DataErrors as failure:
            return self.errors.extend(failure.errors)
        source, first_line = _without_front_matter(raw)
        for index, annotation in enumerate(document.data["annotations"]):
            if annotation["id"].startswith("p-") or annotation["id"] in RESERVED_PASSAGE_IDS:
                self.errors.append(document.error(
                    ("annotations", index, "id"), f"the id `{annotation['id']}` could be taken by the page itself",
                    "Choose an id that does not start with `p-` (those are paragraph ids)"
                    if annotation["id"].startswith("p-") else "Choose another id"))
        actor_names = {name: actor.id for actor in site.actors.values() for name in actor.names}
        # What the plan depends on: under `mkdocs serve`, an edit elsewhere in the data reuses it.
        key = (source, repr(self.markdown), tuple(actor_names.items()),
               tuple((a["id"], a["exact"], a.get("prefix"), a.get("suffix")) for a in document.data["annotations"]))
        errors = len(self.errors)
        cached = _PLANS.get(path)
        plan = cached[1] if cached and cached[0] == key else self.plan(document, source, first_line, annotations,
                                                                      actor_names)
        if len(self.errors) == errors:
            _PLANS[path] = (key, plan)
        text = plan.text
        placed = sorted(plan.passages, key=lambda id_: (plan.passages[id_][0], -plan.passages[id_][1]))
        site.articles[path] = Article(path, document.file, tuple(annotations[id_] for id_ in placed),
                                      text.title or path, plan, _entry(Provenance, document.data))
        self.article_documents.append(document)

    def plan(self, document: YamlDocument, source: str, first_line: int, annotations: dict[str, Annotation],
             actor_names: dict[str, str]) -> ArticlePlan:
        """Parse the article, find every annotation's words in it and plan their placing; report what fails."""
        path = document.data["article"]
        if self.markdown_key not in _PARSERS:
            _PARSERS[self.markdown_key] = ArticleParser(self.markdown)
        root, stash = _PARSERS[self.markdown_key].parse(source)
        text, paragraphs = read_text(root, stash)
        where = SourceLines(f"{self.docs_dir.name}/{path}", source, text.text, first_line)
        anchored: dict[str, tuple[int, int]] = {}
        index_of: dict[str, int] = {}
        explained = 0
        for index, annotation in enumerate(document.data["annotations"]):
            entry = annotations.get(annotation["id"])
            if entry is None or entry.exact != annotation["exact"]:
                continue
            try:
                anchored[entry.id] = anchor_quote(text, entry.quote, where, explained < EXPLAINED_MISSES)
            except AnchorError as failure:
                explained += failure.problem.startswith("these words are not in the article")
                self.errors.append(document.error(("annotations", index, "exact"), failure.problem, failure.fix))
                continue
            index_of[entry.id] = index
        for id_ in _crossing(anchored, index_of, document, self.errors):
            del anchored[id_]
        plan, problems = plan_article(text, paragraphs, stash, anchored, actor_names)
        plan = replace(plan, source=source)
        for id_, problem in problems.items():
            self.errors.append(document.error(("annotations", index_of[id_], "exact"),
                                              problem + _at(where, anchored[id_][0]), PLACEMENT_FIX))
        return plan

    def check_references(self, documents: dict[str, YamlDocument | None], site: SiteData) -> None:
        actors_doc, people_doc = documents["actors.yml"], documents["people.yml"]
        if actors_doc is not None:
            for index, item in enumerate(actors_doc.data):
                for number, relation in enumerate(item.get("relations", [])):
                    place: tuple = (index, "relations", number, "to")
                    self.reference(actors_doc, place, relation["to"], site.actors, "actor", "data/actors.yml")
                    if relation["to"] == item["id"]:
                        self.errors.append(actors_doc.error(place, "an actor cannot have a relation to itself",
                                                            "Name another actor in `to`"))
        if people_doc is not None:
            for index, item in enumerate(people_doc.data):
                if "actor" in item:
                    self.reference(people_doc, (index, "actor"), item["actor"], site.actors, "actor",
                                   "data/actors.yml")
        for document in self.article_documents:
            for index, item in enumerate(document.data["annotations"]):
                place = ("annotations", index)
                if "speaker" not in item and "attributed_to" not in item:
                    self.errors.append(document.error(place, f"annotation `{item['id']}` names nobody",
                                                      "Add `speaker:` with an id from data/people.yml, or "
                                                      "`attributed_to:` with who the article credits, in words"))
                if "speaker" in item:
                    self.reference(document, place + ("speaker",), item["speaker"], site.people, "person",
                                   "data/people.yml")
                if "source" in item:
                    self.reference(document, place + ("source",), item["source"], site.sources, "source",
                                   "data/sources.yml")
                elif item["verification"] != "unverified":
                    self.errors.append(document.error(
                        place + ("verification",), f"annotation `{item['id']}` has no `source` but is "
                        f"`{item['verification']}`",
                        "Add `source:` with an id from data/sources.yml, or, if no source was found, "
                        "set `verification: unverified`"))
                for number, source in enumerate(item.get("see_also", [])):
                    self.reference(document, place + ("see_also", number), source, site.sources, "source",
                                   "data/sources.yml")
                for number, actor in enumerate(item.get("actors", [])):
                    self.reference(document, place + ("actors", number), actor, site.actors, "actor",
                                   "data/actors.yml")
                for number, figure in enumerate(item.get("figures", [])):
                    self.reference(document, place + ("figures", number, "actor"), figure["actor"], site.actors,
                                   "actor", "data/actors.yml")

    def reference(self, document: YamlDocument, place: tuple, value: str, registry: dict, what: str,
                  where: str) -> None:
        if where.removeprefix("data/") in self.unreadable:
            return  # its own errors are reported; every reference into it would only repeat them
        if value not in registry:
            self.errors.append(document.error(
                place, f"there is no {what} with the id `{value}`",
                nearest(value, registry) or f"Use an id from {where}, or add the {what} there"))


def _strip_first(marks: dict, key: str) -> dict:
    return {path[1:]: mark for path, mark in marks.items() if path[:1] == (key,)}


def _crossing(anchored: dict[str, tuple[int, int]], index_of: dict[str, int], document: YamlDocument,
              errors: list[DataError]) -> list[str]:
    """Passages must nest or stay apart: one sweep in reading order finds each that crosses another,
    reports it and returns its id."""
    crossing = []
    open_passages: list[tuple[int, str]] = []  # (end, id)
    for id_, (start, end) in sorted(anchored.items(), key=lambda item: (item[1][0], -item[1][1])):
        while open_passages and open_passages[-1][0] <= start:
            open_passages.pop()
        if open_passages and open_passages[-1][0] < end:
            errors.append(document.error(
                ("annotations", index_of[id_], "exact"),
                f"the words of `{open_passages[-1][1]}` and `{id_}` overlap without one containing the other",
                "Shorten one of the two quotes so that they do not cross"))
            crossing.append(id_)
            continue
        open_passages.append((end, id_))
    return crossing


def _at(where, position: int) -> str:
    place = where(position)
    return f" ({place})" if place else ""


def _without_front_matter(markdown: str) -> tuple[str, int]:
    """The Markdown as MkDocs renders it, without its front matter, and the number of its first line."""
    if block := _YAML_BLOCK.match(markdown):
        try:
            mapping = isinstance(yaml.safe_load(block.group(1)), dict)
        except yaml.YAMLError:
            mapping = False
        if not mapping:
            return markdown, 1
        rest = markdown[block.end():]
        body = rest.lstrip("\n")
        return body, markdown.count("\n", 0, block.end()) + rest.count("\n", 0, len(rest) - len(body)) + 1
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    skipped, key = 0, False
    while skipped < len(lines) and lines[skipped].strip():
        if _META_LINE.match(lines[skipped]):
            key = True
        elif not (key and _META_MORE.match(lines[skipped])):
            break
        skipped += 1
    if skipped < len(lines) and not lines[skipped].strip():
        skipped += 1  # the blank line that ends the header
    body = "\n".join(lines[skipped:])
    stripped = body.lstrip("\n")
    return stripped, skipped + body.count("\n", 0, len(body) - len(stripped)) + 1


#: The data class of each list of entries inside an entry, by its key.
_NESTED = {"relations": Relation, "links": Link, "figures": Figure}


def _entry(cls: type, item: dict) -> Any:
    """The data class `cls` from a checked entry: the schema and the class name the same fields; a list
    becomes a tuple, of data classes where it holds entries."""
    values = {}
    for name in (field_.name for field_ in fields(cls) if field_.name in item):
        value = item[name]
        values[name] = tuple(_entry(_NESTED[name], v) if name in _NESTED else v for v in value) \
            if isinstance(value, list) else value
    return cls(**values)
