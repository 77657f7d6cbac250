"""The shared registries (actors, people, sources) and the annotations of an article as entries by id, with the
checks that concern one registry alone: ids used once, names that mean one actor, links whose host is honest."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from annotated_article.data.errors import DataError
from annotated_article.data.schema_validation import misleading_address, mixed_scripts
from annotated_article.data.yaml_loading import YamlDocument
from annotated_article.model import Correction, Figure, Link, Relation, Said, Withdrawal

#: The data class of each list of entries inside an entry, by its key.
_NESTED = {"relations": Relation, "links": Link, "figures": Figure, "said": Said, "corrections": Correction}
#: The data class of each single entry inside an entry, by its key.
_SINGLE = {"withdrawn": Withdrawal}


def make_entry(cls: type, item: dict) -> Any:
    """The data class `cls` from a checked entry: the schema and the class name the same fields; a list
    becomes a tuple, of data classes where it holds entries."""
    values = {}
    for name in (field_.name for field_ in fields(cls) if field_.name in item):
        value = item[name]
        if name in _SINGLE:
            values[name] = make_entry(_SINGLE[name], value)
            continue
        values[name] = tuple(make_entry(_NESTED[name], v) if name in _NESTED else v for v in value) \
            if isinstance(value, list) else value
    return cls(**values)


def registry(document: YamlDocument | None, cls: type, errors: list[DataError], page_ids: bool = False) -> dict[str, Any]:
    """Entries by id. With `page_ids`, ids name generated pages, so `index` is reserved."""
    if document is None:
        return {}
    entries: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for index, item in enumerate(document.data):
        found = make_entry(cls, item)
        if page_ids and found.id == "index":
            errors.append(document.error((index, "id"), "the id `index` is reserved for the list page",
                                         "Choose another id, for example the full name as a slug"))
            continue
        if found.id in entries:
            errors.append(document.error(
                (index, "id"), f"the id `{found.id}` is used twice (first on line {first_line[found.id]})",
                "Give each entry its own id, or merge the two entries"))
            continue
        entries[found.id] = found
        first_line[found.id] = document.where((index, "id"))[0]
    return entries


#: Longest name of an actor, in characters: "Democratic People’s Republic of Korea" has 37. Names are looked for in
#: the articles' text by one regular expression, whose groups nest as deep as the longest name.
MAX_NAME_LENGTH = 100


def check_actor_names(document: YamlDocument | None, errors: list[DataError]) -> None:
    """A name in an article must mean one actor: no name may belong to two, and none is longer than a name is."""
    if document is None:
        return
    owner: dict[str, str] = {}
    for index, item in enumerate(document.data):
        for number, name in enumerate(item.get("names", [])):
            if len(name) > MAX_NAME_LENGTH:
                errors.append(document.error(
                    (index, "names", number), f"`names` entry {number + 1} is {len(name):,} characters long, longer "
                    f"than a name is ({MAX_NAME_LENGTH} at most)",
                    "Give the words that mean this actor in the article's text (its name, or an adjective such as "
                    "`Russian`); a description belongs in `description`"))
                continue
            if name in owner and owner[name] != item["id"]:
                errors.append(document.error(
                    (index, "names", number), f"the name `{name}` is already a name of `{owner[name]}`",
                    "Give each name to one actor only, so that the article links it to the right page"))
            owner.setdefault(name, item["id"])


def check_link_hosts(document: YamlDocument | None, links_at: list[tuple[tuple, list]], errors: list[DataError]) -> None:
    """A link goes where it reads: no host that mixes alphabets, a look-alike of another (`exаmple.com`, with a
    Cyrillic а), and nothing a browser reads otherwise than Python (see `misleading_address`).
    `links_at`: each list of links of `document`, with the place of the mapping that holds it."""
    if document is None:
        return
    for place, links in links_at:
        for number, link in enumerate(links):
            misleading = misleading_address(link["url"])
            if misleading:
                errors.append(document.error((*place, "links", number, "url"), *misleading))
                continue
            scripts = mixed_scripts(link["url"])
            if scripts:
                errors.append(document.error(
                    (*place, "links", number, "url"), f"the address's host mixes alphabets ({', '.join(scripts)}), "
                    "as look-alikes of well-known addresses do",
                    "Retype the address by hand, or copy it again from the address bar of the page"))


#: Most pages the data may make (each actor, person, source and article has one): MkDocs writes a page in 7 to 12 ms
#: here (benchmarks/REPORT.md: 3,306 pages in 24 s; benchmarks/costly_data.py: 4,993 pages in 58 s on a busy
#: machine), and a build must end within a minute.
MAX_PAGES = 4_000
#: Most featured actors: Material writes the whole navigation into every page, so each costs every page.
MAX_FEATURED = 20


def check_sizes(documents: dict[str, YamlDocument | None], article_files: list[str], errors: list[DataError]) -> None:
    """No more pages than MAX_PAGES, and no more featured actors than MAX_FEATURED: the entry past the limit is named."""
    total = sum(len(d.data) for d in documents.values() if d is not None and isinstance(d.data, list)) + \
        len(article_files)
    counted = 0
    why = (f"the data makes {total:,} pages (one for each actor, person, source and article), more than the "
           f"{MAX_PAGES:,} a build makes within a minute")
    fix = "Check that the right file was saved here; a site this large needs its limit raised, and the build measured"
    for document in documents.values():
        entries = len(document.data) if document is not None and isinstance(document.data, list) else 0
        if total > MAX_PAGES and counted + entries > MAX_PAGES:
            assert document is not None
            return errors.append(document.error((MAX_PAGES - counted,), why, fix))
        counted += entries
    if total > MAX_PAGES:
        errors.append(DataError(article_files[MAX_PAGES - counted], 1, 1, why, fix))
    actors = documents.get("actors.yml")
    featured = [index for index, item in enumerate(actors.data if actors is not None else []) if item.get("featured")]
    if actors is not None and len(featured) > MAX_FEATURED:
        errors.append(actors.error((featured[MAX_FEATURED], "featured"), f"{len(featured):,} actors are featured, more "
                                   f"than the navigation shows ({MAX_FEATURED} at most)",
                                   "Feature the actors readers look for most; every actor is on the Actors page"))

