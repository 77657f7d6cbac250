"""Loading and checking all of data/: each editor's mistake stops with file, line and what to do."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from annotated_article.article.loading import LoadCache, load_site
from annotated_article.data.errors import DataErrors
from conftest import PROJECT

ARTICLE_DATA = "articles/north-korea-troops-russia.yml"
#: What an article's data file says of where it was published, when an article is made up for a test.
PROVENANCE = "publisher: Example Times\npublisher_kind: newspaper\ndate: 2024-11-01\nrights: © Example Times\n"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(PROJECT / "docs", tmp_path / "docs")
    return tmp_path


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, name: str, words: str, occurrence: int = 1) -> int:
    """Line of the `occurrence`-th line holding `words` (not followed by more of an id)."""
    lines = (root / "data" / name).read_text(encoding="utf-8").splitlines()
    pattern = re.compile(re.escape(words) + r"(?![\w-])")
    return [number for number, line in enumerate(lines, 1) if pattern.search(line)][occurrence - 1]


def errors_after(root: Path) -> list[str]:
    with pytest.raises(DataErrors) as failure:
        load_site(root / "data", root / "docs")
    return [str(error) for error in failure.value.errors]


def test_the_real_data_loads():
    site = load_site(PROJECT / "data", PROJECT / "docs")
    assert {"russia", "north-korea", "china", "south-korea"} <= set(site.actors)
    for path in sorted((PROJECT / "data" / "articles").glob("*.yml")):
        written = yaml.safe_load(path.read_text(encoding="utf-8"))
        article = site.articles[written["article"]]
        assert {a.id: (a.source, a.speaker) for a in article.annotations} == {
            a["id"]: (a.get("source", ""), a.get("speaker", "")) for a in written["annotations"]}


def test_all_problems_are_reported_at_once(data_copy):
    edit(data_copy, ARTICLE_DATA, "\n    speaker: mark-rutte", "\n    speaker: nobody-here")
    edit(data_copy, "people.yml", "  role: Secretary General of NATO", "  rol: Secretary General of NATO")
    edit(data_copy, "sources.yml", "  date: 2024-11-15", "  date: 2024-02-30")
    messages = errors_after(data_copy)
    assert len(messages) >= 3
    assert any(m.startswith("data/people.yml") for m in messages)
    assert any(m.startswith("data/sources.yml") for m in messages)


def test_crossing_quotes_are_refused(data_copy):
    edit(data_copy, ARTICLE_DATA, "    exact: about 1,200 Russian troops are being killed daily",
         "    exact: given about 1,200 Russian troops")
    edit(data_copy, ARTICLE_DATA, "  - id: lee-woong-gil-too-young",
         "  - id: crossing\n    exact: Russian troops are being killed daily and\n    source: isw-2024-11-01\n"
         "    attributed_to: analysts\n    kind: report\n    source_seen: report\n    wording: fair-paraphrase\n"
         "    said:\n      - source: isw-2024-11-01\n        not_seen: not recorded\n\n  - id: lee-woong-gil-too-young")
    messages = errors_after(data_copy)
    assert any("overlap without one containing the other" in m for m in messages), messages


def test_a_missing_registry_file_is_an_error(data_copy):
    (data_copy / "data" / "sources.yml").unlink()
    messages = errors_after(data_copy)
    assert any(m.startswith("data/sources.yml:1:1: cannot be read") for m in messages), messages


def test_two_annotation_files_for_one_article_are_refused(data_copy):
    shutil.copy(data_copy / "data" / ARTICLE_DATA, data_copy / "data" / "articles" / "copy.yml")
    messages = errors_after(data_copy)
    assert any("already has annotations" in m for m in messages), messages


def test_a_second_article_needs_no_code(data_copy):
    (data_copy / "docs" / "articles" / "second.md").write_text("# Second\n\nRussia and China met.\n", "utf-8")
    (data_copy / "data" / "articles" / "second.yml").write_text(
        "article: articles/second.md\n" + PROVENANCE + "annotations:\n  - id: met\n    exact: Russia and China met.\n"
        "    source: isw-2024-11-01\n    speaker: institute-for-the-study-of-war\n    kind: report\n"
        "    source_seen: not-found\n    wording: not-checked\n    said:\n      - source: isw-2024-11-01\n"
        "        not_seen: no copy of the report has these words\n    actors: [russia, china]\n", "utf-8")
    site = load_site(data_copy / "data", data_copy / "docs")
    assert [a.id for a in site.articles["articles/second.md"].annotations] == ["met"]


def test_each_data_file_names_its_schema_and_the_name_resolves():
    from annotated_article.data.loading import REGISTRIES
    from annotated_article.data.yaml_loading import load_yaml_file

    data = PROJECT / "data"
    expected = {data / name: data / "schemas" / schema for name, schema in REGISTRIES.items()}
    expected |= {path: data / "schemas" / "article.schema.json" for path in (data / "articles").glob("*.yml")}
    assert len(expected) >= 4
    for path, schema in expected.items():
        document = load_yaml_file(path, path.name)
        assert document.schema_reference_line == 1, path
        named = path.parent / document.schema_reference
        assert named.is_file() and named.samefile(schema), (path, document.schema_reference)


@pytest.mark.parametrize("reference", ["https://example.org/people.schema.json", "schemas/missing.schema.json",
                                       "../schemas/people.schema.json"])
def test_a_schema_line_that_does_not_resolve_to_the_files_schema_is_an_error(data_copy, reference):
    edit(data_copy, "people.yml", "$schema=schemas/people.schema.json", f"$schema={reference}")
    messages = errors_after(data_copy)
    assert any(m.startswith(f"data/people.yml:1:1: the schema line names `{reference}`, which is not this file's "
                            "schema (data/schemas/people.schema.json). Make the line read "
                            "`# yaml-language-server: $schema=schemas/people.schema.json`") for m in messages), messages


def test_a_file_without_a_schema_line_still_loads(data_copy):
    edit(data_copy, "people.yml", "# yaml-language-server: $schema=schemas/people.schema.json\n", "")
    load_site(data_copy / "data", data_copy / "docs")


@pytest.mark.parametrize("path", ["../docs/articles/north-korea-troops-russia.md", "articles/./north-korea-troops-russia.md",
                                  "articles//north-korea-troops-russia.md", "/articles/north-korea-troops-russia.md",
                                  "articles\\north-korea-troops-russia.md"])
def test_an_article_path_must_be_written_plainly(data_copy, path):
    edit(data_copy, ARTICLE_DATA, "article: articles/north-korea-troops-russia.md", f"article: '{path}'")
    messages = errors_after(data_copy)
    line = line_of(data_copy, ARTICLE_DATA, f"article: '{path}'")
    assert any(m.startswith(f"data/{ARTICLE_DATA}:{line}:10: `article` is `{path}`, which does not have the "
                            "expected form") for m in messages), messages


def test_a_date_written_as_a_number_gets_the_date_advice(data_copy):
    edit(data_copy, "sources.yml", "  date: 2024-11-15", "  date: 20241115")
    messages = errors_after(data_copy)
    assert any("`date` must be text, not a number. Write the date as YYYY-MM-DD" in m for m in messages), messages



WRONG_SHAPES = [[], {"a": 1}, 1, 2.5, True, None, "", "x"]


def value_paths(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from value_paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data[:1]):  # the first entry of a list stands for all
            yield from value_paths(value, path + (index,))


@pytest.mark.parametrize("name, schema", [("actors.yml", "actors.schema.json"), ("people.yml", "people.schema.json"),
                                          ("sources.yml", "sources.schema.json"), (ARTICLE_DATA, "article.schema.json")])
def test_a_wrong_shape_anywhere_is_a_message_never_a_crash(name, schema):
    """Every value of the first entry (and the file itself) replaced by a list, a mapping, a number, nothing..."""
    import copy

    from annotated_article.data.schema_validation import Schemas, validate_document
    from annotated_article.data.yaml_loading import YamlDocument, load_yaml_file

    document = load_yaml_file(PROJECT / "data" / name, f"data/{name}")
    paths = list(value_paths(document.data))
    assert len(paths) >= 6
    place = re.compile(rf"^data/{re.escape(name)}:\d+:\d+: .+[.?!]$")
    schemas = Schemas(PROJECT / "data" / "schemas")
    for path in paths:
        for shape in WRONG_SHAPES:
            data = copy.deepcopy(document.data)
            if path:
                parent = data
                for part in path[:-1]:
                    parent = parent[part]
                parent[path[-1]] = shape
            else:
                data = shape
            changed = YamlDocument(document.file, data, document.value_marks, document.key_marks)
            for error in validate_document(changed, schemas, schema):
                assert place.match(str(error)), (path, shape, str(error))


@pytest.mark.parametrize("registry", ["people.yml", "sources.yml", "actors.yml"])
def test_an_empty_registry_is_reported_at_every_reference_and_never_crashes(data_copy, registry):
    (data_copy / "data" / registry).write_text("[]\n", encoding="utf-8")
    messages = errors_after(data_copy)
    assert any("there is no" in m and "with the id" in m for m in messages), messages


def test_article_files_may_end_in_yaml(data_copy):
    articles = data_copy / "data" / "articles"
    (articles / "north-korea-troops-russia.yml").rename(articles / "north-korea-troops-russia.yaml")
    site = load_site(data_copy / "data", data_copy / "docs")
    assert site.articles["articles/north-korea-troops-russia.md"].data_file.endswith(".yaml")


def test_an_article_without_an_annotation_file_is_named_with_the_file_to_add(data_copy):
    (data_copy / "docs" / "articles" / "second-story.md").write_text("# A second story\n\nText.\n", encoding="utf-8")
    assert errors_after(data_copy) == [
        "docs/articles/second-story.md:1:1: this article has no annotation file. Add "
        "data/articles/second-story.yml with `article: articles/second-story.md`, where it was published (see "
        "CONTRIBUTING.md) and its annotations (`annotations: []` while it has none), or move the file out of "
        "docs/articles/."]


def test_an_article_with_an_empty_annotation_file_loads(data_copy):
    (data_copy / "docs" / "articles" / "second-story.md").write_text("# A second story\n\nText.\n", encoding="utf-8")
    (data_copy / "data" / "articles" / "second-story.yml").write_text(
        "# yaml-language-server: $schema=../schemas/article.schema.json\n"
        "article: articles/second-story.md\n" + PROVENANCE + "annotations: []\n", encoding="utf-8")
    site = load_site(data_copy / "data", data_copy / "docs")
    assert site.articles["articles/second-story.md"].annotations == ()
    assert site.articles["articles/second-story.md"].title == "A second story"


def test_an_unreadable_annotation_file_is_not_also_reported_as_missing(data_copy):
    (data_copy / "data" / "articles" / "north-korea-troops-russia.yml").write_bytes(b"article: [\n")
    messages = errors_after(data_copy)
    assert messages and not [m for m in messages if "no annotation file" in m]


@pytest.mark.parametrize("schema, cls", [("actors.schema.json", "Actor"), ("people.schema.json", "Person"),
                                         ("sources.schema.json", "Source"), ("article.schema.json", "Annotation"),
                                         ("article.schema.json", "Provenance")])
def test_every_field_a_schema_allows_is_read_into_the_data(schema, cls):
    """Entries are read by field name: a field added to a schema and not to its data class would be dropped."""
    import dataclasses
    import json

    from annotated_article import model
    from annotated_article.data import registries

    properties = json.loads((PROJECT / "data" / "schemas" / schema).read_text(encoding="utf-8"))
    if cls == "Annotation":
        properties = properties["properties"]["annotations"]["items"]
    elif cls == "Provenance":  # the article's own fields, besides its path and its annotations
        properties = {"properties": {key: value for key, value in properties["properties"].items()
                                     if key not in ("article", "annotations")}}
    else:
        properties = properties["items"]
    names = {field.name for field in dataclasses.fields(getattr(model, cls))}
    assert set(properties["properties"]) <= names
    for key, nested in registries._NESTED.items():
        if key in properties["properties"]:
            node = properties["properties"][key]
            if "$ref" in node:  # a list defined once for several files
                file, _, pointer = node["$ref"].partition("#/")
                node = json.loads((PROJECT / "data" / "schemas" / file).read_text(encoding="utf-8"))
                for part in pointer.split("/"):
                    node = node[part]
            assert set(node["items"]["properties"]) <= {field.name for field in dataclasses.fields(nested)}


def test_a_reload_in_the_same_process_reuses_an_article_until_what_it_depends_on_changes(data_copy):
    """`mkdocs serve` reloads the data on every save: an unchanged article is not parsed and anchored again."""
    cache = LoadCache()  # what the hooks keep from one load to the next
    first = load_site(data_copy / "data", data_copy / "docs", cache=cache)
    path, article = next(iter(first.articles.items()))
    assert load_site(data_copy / "data", data_copy / "docs", cache=cache).articles[path].plan.text is article.plan.text
    name = next(name for actor in first.actors.values() for name in actor.names)
    edit(data_copy, "actors.yml", f"names: [{name}", f"names: [{name}x, {name}")  # a new name: links may change
    assert load_site(data_copy / "data", data_copy / "docs", cache=cache).articles[path].plan.text \
        is not article.plan.text
    markdown = data_copy / "docs" / path
    markdown.write_text(markdown.read_text(encoding="utf-8") + "\nOne more paragraph.\n", encoding="utf-8")
    assert load_site(data_copy / "data", data_copy / "docs", cache=cache).articles[path].plan.text.text.endswith(
        "One more paragraph.")


def test_a_reload_in_the_same_process_reads_again_only_the_data_files_that_changed(data_copy):
    """`mkdocs serve` reloads the data on every save: a file read and checked before is not parsed again while
    its bytes stay the same; one with a mistake is read again on every load, and so reported every time."""
    cache = LoadCache()  # what the hooks keep from one load to the next
    first = load_site(data_copy / "data", data_copy / "docs", cache=cache)
    second = load_site(data_copy / "data", data_copy / "docs", cache=cache)
    assert [a.annotations for a in second.articles.values()] == [a.annotations for a in first.articles.values()]
    documents = {key[0]: document for key, (_, document) in cache.documents.documents.items()
                 if key[0].startswith(str(data_copy))}
    assert {Path(name).name for name in documents} >= {"actors.yml", "people.yml", "sources.yml"}
    person = next(iter(first.people.values()))
    edit(data_copy, "people.yml", f"name: {person.name}", f"name: {person.name} Junior")
    third = load_site(data_copy / "data", data_copy / "docs", cache=cache)
    assert third.people[person.id].name == f"{person.name} Junior"
    actors = str(data_copy / "data" / "actors.yml")
    assert next(d for k, (_, d) in cache.documents.documents.items() if k[0] == actors) is documents[actors]
    edit(data_copy, "people.yml", f"name: {person.name} Junior", "name: [unclosed")
    for _ in range(2):
        with pytest.raises(DataErrors) as failure:
            load_site(data_copy / "data", data_copy / "docs", cache=cache)
        assert any(e.file == "data/people.yml" for e in failure.value.errors)
    edit(data_copy, "people.yml", "name: [unclosed", f"name: {person.name}")
    edit(data_copy, "people.yml", "people.schema.json", "actors.schema.json")  # valid data, wrong schema line
    for _ in range(2):
        with pytest.raises(DataErrors) as failure:
            load_site(data_copy / "data", data_copy / "docs", cache=cache)
        assert [e.file for e in failure.value.errors] == ["data/people.yml"]
        assert "which is not this file's schema" in failure.value.errors[0].message


def test_only_the_first_missing_quotes_of_an_article_are_compared_with_every_passage(data_copy):
    """That comparison costs a good part of a second per quote: a file of wrong quotes must not take minutes."""
    from annotated_article.article.anchoring import EXPLAINED_MISSES

    path = data_copy / "data" / "articles" / "north-korea-troops-russia.yml"
    text = path.read_text(encoding="utf-8")
    extra = "".join(f"\n  - id: missing-{n}\n    exact: words that stand nowhere in the article, number {n}\n"
                    f"    kind: report\n    source_seen: not-found\n    wording: not-checked\n    attributed_to: Nobody\n"
                    for n in range(EXPLAINED_MISSES + 5))
    path.write_text(text.rstrip("\n") + "\n" + extra, encoding="utf-8")
    messages = [m for m in errors_after(data_copy) if "stand nowhere" not in m]
    missing = [m for m in errors_after(data_copy) if "these words are not in the article" in m]
    assert messages == missing and len(missing) == EXPLAINED_MISSES + 5
    assert len([m for m in missing if "first few such quotes" in m]) == 5


@pytest.mark.parametrize("markdown", [
    "# Title\n\nText.\n",
    "---\ntitle: A\n---\n# Title\n\nText.\n",
    "---\ntitle: A\n...\n\n\n# Title\n",
    "---\njust a line\n---\n# Title\n",  # YAML, but not a mapping: MkDocs renders it
    "---\n: [unclosed\n---\n# Title\n",  # not YAML at all
    "Note: captured text\n\n# Title\n",  # MultiMarkdown's header lines
    "Note: captured\n    and continued\nAuthor: x\n\n\n# Title\n",
    "Note: captured\n# Title\n",
    "\n\n# Title after blank lines\n",
    "Title: a\r\nDate: b\r\n\r\nText\r\n",
])
def test_an_articles_front_matter_is_taken_off_as_mkdocs_takes_it_off(markdown):
    from mkdocs.utils.meta import get_data

    from annotated_article.data.article_files import without_front_matter

    body, first_line = without_front_matter(markdown)
    assert body == get_data(markdown)[0]
    assert markdown.replace("\r\n", "\n").split("\n")[first_line - 1:][:1] == body.split("\n")[:1]


@pytest.mark.parametrize("markdown", [
    "# Title\n\nText.\n",
    "---\ntitle: A\ndate: 2024-11-20\npublisher: |\n  Two\n  lines\n---\n# Title\n\nText.\n",
    "---\njust a line\n---\n# Title\n",
    "Note: captured\n    and continued\nAuthor: x\n\n\n# Title\n",
    "Title: a\r\nDate: b\r\n\r\nText\r\n",
])
def test_the_front_matters_keys_are_those_mkdocs_reads_each_with_its_line(markdown):
    from mkdocs.utils.meta import get_data

    from annotated_article.data.article_files import front_matter_keys

    keys = front_matter_keys(markdown)
    assert {key.lower() for key, _ in keys} == set(get_data(markdown)[1])
    lines = markdown.replace("\r\n", "\n").split("\n")
    assert all(lines[line - 1].startswith(key + ":") for key, line in keys)
