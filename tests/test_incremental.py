"""The fingerprints and records of `make serve`'s rebuilds (site/incremental.py), and the shapes of MkDocs and
Material they rely on: a change to either fails here, by name, before a served site goes quietly stale."""

from __future__ import annotations

import inspect
import json
from dataclasses import replace
from pathlib import Path

import material
import mkdocs.commands.build
import pytest
from material.plugins.search.plugin import SearchIndex, SearchPlugin

from annotated_article.article.loading import load_site
from annotated_article.render.claims import site_claims
from annotated_article.site import incremental
from annotated_article.site.incremental import PageRecords, site_signature, stable_text
from conftest import PROJECT, copy_project

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def site():
    return load_site(PROJECT / "data", PROJECT / "docs")


def test_equal_data_loaded_twice_reads_the_same_and_any_field_changes_it(site):
    again = load_site(PROJECT / "data", PROJECT / "docs")
    for path, claims in site_claims(site).items():
        assert stable_text(claims) == stable_text(site_claims(again)[path])
    article = next(iter(site.articles.values()))
    annotation = article.annotations[0]
    changed = replace(article, annotations=(replace(annotation, note=annotation.note + " again"),
                                            *article.annotations[1:]))
    assert stable_text(changed) != stable_text(article)
    # A field left out of the dataclass's repr (the article's plan) is read too.
    assert article.plan is not None
    assert stable_text(replace(article, plan=replace(article.plan, source=article.plan.source + "\n"))) \
        != stable_text(article)


def test_sets_read_in_any_order_and_unknown_objects_never_match():
    assert stable_text({"b", "a", "c"}) == stable_text({"c", "b", "a"})
    assert stable_text({"a": 1, "b": 2}) != stable_text({"b": 2, "a": 1})  # a mapping's order can show on a page
    assert stable_text(object()) != stable_text(object())
    assert stable_text((1, "1")) != stable_text(("1", 1))


def test_the_pages_the_navigation_names_without_a_title():
    nav = [{"Home": "index.md"}, {"Articles": [{"All articles": "articles.md"}, "articles/a.md", "articles/b.md"]},
           "data.md", {"Elsewhere": "https://example.org/"}, "https://example.org/x"]
    assert incremental.untitled_nav_paths(nav) == ["articles/a.md", "articles/b.md", "data.md"]


def test_mkdocs_dirty_warning_is_the_one_filtered():
    source = inspect.getsource(mkdocs.commands.build)
    assert incremental.DIRTY_WARNING in source, "MkDocs changed its dirty-build warning: update incremental.incremental.DIRTY_WARNING"
    assert not incremental.keep_log_message(incremental.DIRTY_WARNING + ", this will likely lead to inaccurate navigation")
    assert incremental.keep_log_message("Documentation built in 1.00 seconds")


def test_material_search_keeps_the_shape_the_serve_index_relies_on():
    """The hook sets `search_index_prev` to None on every rebuild, so Material writes the entries of the pages
    rendered again, alone; the hook puts every page's entries back in order. If Material renames or drops the
    attribute, or merges by other means, this fails."""
    plugin = SearchPlugin()
    assert hasattr(plugin, "search_index_prev") and plugin.search_index_prev is None
    assert "search_index_prev" in inspect.getsource(SearchPlugin.on_post_build)
    index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    index.entries = [{"location": "b/", "title": "B", "text": ""}]
    previous = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
    previous.entries = [{"location": "a/", "title": "A", "text": ""}, {"location": "b/", "title": "old", "text": ""}]
    assert json.loads(index.generate_search_index(None))["docs"] == index.entries
    # Its merge puts the page rendered again last: not the order of a full build, hence the index is ours.
    assert [d["title"] for d in json.loads(index.generate_search_index(previous))["docs"]] == ["A", "B"]


def test_the_search_entries_of_pages_not_rendered_again_are_kept_in_the_order_of_a_full_build():
    records = PageRecords()
    pages = [("index.md", "./"), ("a.md", "a/"), ("b.md", "b/"), ("c.md", "c/")]
    assert not records.begin("one", pages)
    for path, _ in pages:
        assert records.modified(path, lambda title, path=path: (path, title, ""))
        records.written(path, f"title {path}", {}, None, None)
    docs = [{"location": "" if url == "./" else url, "title": path} for path, url in pages] + [{"location": "#x", "title": "h"}]
    assert records.search_docs(docs) == [docs[0], docs[4], *docs[1:4]]
    records.finished()

    assert not records.begin("one", pages)
    for path, _ in pages:
        assert records.modified(path, lambda title, path=path: (path, title, "new" if path == "b.md" else "")) \
            == (path == "b.md")
    assert records.kept("a.md").title == "title a.md" and records.kept("b.md") is None
    new_b = {"location": "b/", "title": "new b"}
    assert [d["title"] for d in records.search_docs([new_b])] == ["index.md", "h", "a.md", "new b", "c.md"]
    assert records.finished().startswith("Rendered 1 of 4 pages")

    # Another signature renders every page, in a cleaned folder; so does the rebuild after one that failed.
    assert records.begin("two", pages)
    assert all(records.modified(path, lambda title: ()) for path, _ in pages)
    records.failed()
    assert records.begin("two", pages) and records.modified("a.md", lambda title: ())


def test_the_site_signature_changes_with_what_every_page_is_made_from_and_not_with_the_data(tmp_path):
    project = copy_project(tmp_path / "project")
    theme_dirs = [str(project / "overrides"), str(Path(material.__file__).parent / "templates")]

    def signature(*values):
        return site_signature(project, project / "mkdocs.yml", theme_dirs, *values)

    first = signature("nav")
    assert signature("nav") == first
    assert signature("another nav") != first
    for path in ("data/actors.yml", "data/people.yml", "docs/index.md"):  # the pages' own inputs, not the site's
        edit(project / path)
        assert signature("nav") == first, path
    schema = sorted((project / "data" / "schemas").glob("*.json"))[0].relative_to(project).as_posix()
    for path in ("mkdocs.yml", "overrides/404.html", "hooks/site_hooks.py", "hooks/annotated_article/render/footnotes.py",
                 schema):
        before = signature("nav")
        edit(project / path)
        assert signature("nav") != before, path


def edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def test_what_is_made_from_a_page_is_kept_only_while_the_page_is_not_rendered_again():
    records = PageRecords()
    pages = [("a.md", "a/"), ("b.md", "b/")]
    made = []

    def make(value):
        made.append(value)
        return value

    records.begin("one", pages)
    for path, _ in pages:
        records.modified(path, lambda title, path=path: (path, ""))
        records.written(path, path, {}, None, None)
    assert [records.made_from(path, lambda path=path: make(f"{path} 1")) for path, _ in pages] == ["a.md 1", "b.md 1"]
    records.finished()

    records.begin("one", pages)  # b's inputs change: b's is made again, a's kept
    for path, _ in pages:
        records.modified(path, lambda title, path=path: (path, "new" if path == "b.md" else ""))
    assert [records.made_from(path, lambda path=path: make(f"{path} 2")) for path, _ in pages] == ["a.md 1", "b.md 2"]
    records.finished()

    records.begin("two", pages)  # another signature: everything is made again
    for path, _ in pages:
        records.modified(path, lambda title, path=path: (path,))
    assert [records.made_from(path, lambda path=path: make(f"{path} 3")) for path, _ in pages] == ["a.md 3", "b.md 3"]
    assert made == ["a.md 1", "b.md 1", "b.md 2", "a.md 3", "b.md 3"]
