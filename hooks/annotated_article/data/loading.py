"""The data stage's pass over `data/`: every file read as YAML, checked against its schema and made into entries
by id, and every reference between entries checked. The articles' Markdown is the article stage's
(`article/loading.py`), which runs this pass first.

Every problem is added to one list of `DataError`s; nothing stops at the first.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from annotated_article.data import project_files
from annotated_article.data.article_files import check_provenance
from annotated_article.data.errors import DataError, DataErrors, shown
from annotated_article.data.registries import check_actor_names, check_link_hosts, check_sizes, registry
from annotated_article.data.relation_citations import check_relation_citations
from annotated_article.data.schema_validation import Schemas, nearest, validate_document
from annotated_article.data.yaml_loading import YamlDocument, load_yaml_bytes
from annotated_article.model import Actor, Person, SiteData, Source

REGISTRIES = {"actors.yml": "actors.schema.json", "people.yml": "people.schema.json",
              "sources.yml": "sources.schema.json"}


@dataclass
class DocumentCache:
    """What one load keeps for the next under `mkdocs serve`: each data file's document, once read and found
    without problems, with the bytes it was read from; and what the schemas were worked out into, by their
    bytes. A change to any schema empties both."""

    documents: dict[tuple[str, str], tuple[bytes, YamlDocument]] = field(default_factory=dict)
    schemas: dict = field(default_factory=dict)
    schemas_read: object = None


@dataclass
class DataFiles:
    """Every file of `data/`, read and checked on its own: the registries' entries in `site`, and the documents."""

    site: SiteData
    registries: dict[str, YamlDocument | None]
    #: The article files that read without problems, in the order of their names.
    articles: list[YamlDocument]
    #: The recorded addresses (`data/addresses/`) that read without problems.
    addresses: list[YamlDocument]
    #: The record of what was published of each claim (`data/published/`) that reads without problems.
    published: list[YamlDocument]
    #: Whether every article file read without problems.
    all_read: bool
    #: The registries (by file name) that could not be read.
    unreadable: set[str]


class DataReader:
    """Reads the files of `data_dir` as YAML documents checked against their schemas."""

    def __init__(self, data_dir: Path, cache: DocumentCache, errors: list[DataError]):
        self.data_dir = data_dir
        self.schema_dir = data_dir / "schemas"
        self.errors = errors
        self.cache = cache
        self.schemas = Schemas(self.schema_dir, cache.schemas)
        if cache.schemas_read is not self.schemas.parsed:  # the schemas changed: no document is known good
            cache.documents.clear()
            cache.schemas_read = self.schemas.parsed

    def display(self, path: Path) -> str:
        return f"{self.data_dir.name}/{path.relative_to(self.data_dir).as_posix()}"

    def read(self, path: Path, schema: str) -> YamlDocument | None:
        key = (str(path), schema)
        try:
            raw = project_files.read_bytes(path, self.display(path), self.data_dir.parent)
            cached = self.cache.documents.get(key)
            if cached and cached[0] == raw:
                return cached[1]  # read, and found without problems, by an earlier load with the same schemas
            document = load_yaml_bytes(raw, self.display(path))
        except DataErrors as failure:
            self.errors.extend(failure.errors)
            return None
        errors = len(self.errors)
        self.check_schema_reference(document, path, schema)
        problems = validate_document(document, self.schemas, schema)
        self.errors.extend(problems)
        if len(self.errors) == errors:
            self.cache.documents[key] = (raw, document)
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


def read_data(data_dir: Path, docs_dir: Path, cache: DocumentCache, errors: list[DataError]) -> DataFiles:
    """Every file of `data_dir` read and checked on its own; links out of the project or that never end, and names
    that are not printable, refused in it and in `docs_dir`."""
    reader = DataReader(data_dir, cache, errors)
    for folder in (data_dir, docs_dir):
        errors += project_files.links_outside(folder, folder.name) + project_files.unreadable_names(folder, folder.name)
    documents = {name: reader.read(data_dir / name, schema) for name, schema in REGISTRIES.items()}
    site = SiteData()
    site.actors = registry(documents["actors.yml"], Actor, errors, page_ids=True)
    site.people = registry(documents["people.yml"], Person, errors, page_ids=True)
    site.sources = registry(documents["sources.yml"], Source, errors, page_ids=True)
    check_actor_names(documents["actors.yml"], errors)
    sources = documents["sources.yml"]
    check_link_hosts(sources, [((index,), item.get("links", [])) for index, item in
                               enumerate(sources.data if sources else [])], errors)
    article_files = sorted([*(data_dir / "articles").glob("*.yml"), *(data_dir / "articles").glob("*.yaml")])
    if not article_files:
        errors.append(DataError(f"{data_dir.name}/articles", 1, 1, "there are no article files",
                                "Add one YAML file per article in data/articles/"))
    check_sizes(documents, [reader.display(path) for path in article_files], errors)
    articles: list[YamlDocument] = []
    for path in article_files:
        document = reader.read(path, "article.schema.json")
        if document is not None:
            check_provenance(document, errors)
            check_link_hosts(document, [((), document.data.get("links", []))], errors)
            articles.append(document)
    addresses = [document for path in sorted((data_dir / "addresses").glob("*.yml"))
                 if (document := reader.read(path, "addresses.schema.json")) is not None]
    published = [document for path in sorted((data_dir / "published").glob("*.yml"))
                 if (document := reader.read(path, "published.schema.json")) is not None]
    return DataFiles(site, documents, articles, addresses, published, len(articles) == len(article_files),
                     {name for name, document in documents.items() if document is None})


def check_references(files: DataFiles, article_documents: list[YamlDocument], errors: list[DataError]) -> None:
    """Every id that names an entry of another file (`speaker`, `source`, `actors`...) names one that exists."""
    site = files.site

    def reference(document: YamlDocument, place: tuple, value: str, entries: dict, what: str, where: str) -> None:
        if where.removeprefix("data/") in files.unreadable:
            return  # its own errors are reported; every reference into it would only repeat them
        if value not in entries:
            errors.append(document.error(
                place, f"there is no {what} with the id `{value}`",
                nearest(value, entries) or f"Use an id from {where}, or add the {what} there"))

    actors_doc, people_doc = files.registries["actors.yml"], files.registries["people.yml"]
    if actors_doc is not None:
        for index, item in enumerate(actors_doc.data):
            for number, relation in enumerate(item.get("relations", [])):
                place: tuple = (index, "relations", number, "to")
                reference(actors_doc, place, relation["to"], site.actors, "actor", "data/actors.yml")
                if relation["to"] == item["id"]:
                    errors.append(actors_doc.error(place, "an actor cannot have a relation to itself",
                                                   "Name another actor in `to`"))
        if "sources.yml" not in files.unreadable:
            check_relation_citations(actors_doc, site.sources, article_documents, files.all_read, errors)
    sources_doc = files.registries["sources.yml"]
    if sources_doc is not None:
        for index, item in enumerate(sources_doc.data):
            for number, person in enumerate(item.get("by", [])):
                reference(sources_doc, (index, "by", number), person, site.people, "person", "data/people.yml")
    if people_doc is not None:
        for index, item in enumerate(people_doc.data):
            if "actor" in item:
                reference(people_doc, (index, "actor"), item["actor"], site.actors, "actor", "data/actors.yml")
    for document in article_documents:
        for index, item in enumerate(document.data["annotations"]):
            place = ("annotations", index)
            if "speaker" not in item and "attributed_to" not in item:
                errors.append(document.error(place, f"annotation `{item['id']}` names nobody",
                                             "Add `speaker:` with an id from data/people.yml, or "
                                             "`attributed_to:` with who the article credits, in words"))
            if "speaker" in item:
                reference(document, place + ("speaker",), item["speaker"], site.people, "person", "data/people.yml")
            if "source" in item:
                reference(document, place + ("source",), item["source"], site.sources, "source", "data/sources.yml")
            for number, said in enumerate(item.get("said", [])):
                reference(document, place + ("said", number, "source"), said["source"], site.sources, "source",
                          "data/sources.yml")
                if "speaker" in said:
                    reference(document, place + ("said", number, "speaker"), said["speaker"], site.people, "person",
                              "data/people.yml")
            for number, source in enumerate(item.get("see_also", [])):
                reference(document, place + ("see_also", number), source, site.sources, "source", "data/sources.yml")
            for number, actor in enumerate(item.get("actors", [])):
                reference(document, place + ("actors", number), actor, site.actors, "actor", "data/actors.yml")
            for number, figure in enumerate(item.get("figures", [])):
                reference(document, place + ("figures", number, "actor"), figure["actor"], site.actors, "actor",
                          "data/actors.yml")
