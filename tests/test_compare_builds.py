"""tools/compare_builds.py's comparison: what counts as a change of a page and what does not (no build)."""

from __future__ import annotations

import gzip
import json

import pytest

from compare_builds import canonical_html, compare_contents, compare_trees, json_difference

pytestmark = pytest.mark.unit

PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tom &amp; Jerry</title>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A \\"quote\\""}</script></head>'
        '<body><p class="claim" data-note="he said &quot;no&quot;">He said &quot;it&#39;s over&quot;.<br>'
        '<!-- a comment --></p><svg><path d="M0 0"/></svg></body></html>')


def differs(base: str, work: str, name: str = "index.html") -> str | None:
    return compare_contents(name, base.encode(), work.encode())


@pytest.mark.parametrize("respelled", [
    PAGE.replace("&quot;", "&#34;"),
    PAGE.replace("&quot;", "&#x22;"),
    PAGE.replace("&#39;", "&#x27;"),
    PAGE.replace("&#39;", "'"),
    PAGE.replace("He said &quot;it&#39;s over&quot;", 'He said "it\'s over"'),
    PAGE.replace('data-note="he said &quot;no&quot;"', "data-note='he said \"no\"'"),
    PAGE.replace('class="claim" data-note="he said &quot;no&quot;"', 'data-note="he said &#34;no&#34;" class="claim"'),
    PAGE.replace("<br>", "<br/>").replace('<path d="M0 0"/>', '<path d="M0 0"></path>'),
    PAGE.replace('{"@type": "NewsArticle", "headline": "A \\"quote\\""}', '{"headline":"A \\u0022quote\\u0022","@type":"NewsArticle"}'),
])
def test_entity_spelling_attribute_order_and_json_ld_layout_do_not_count(respelled):
    assert respelled != PAGE
    assert canonical_html(respelled) == canonical_html(PAGE)
    assert differs(PAGE, respelled) is None


@pytest.mark.parametrize("changed, shown", [
    (PAGE.replace("it&#39;s over", "it&#39;s done"), "done"),
    (PAGE.replace('class="claim"', 'class="claims"'), 'class="claims"'),
    (PAGE.replace("<br>", "<br><em>new</em>"), "<em>"),
    (PAGE.replace("<!-- a comment -->", "<!-- another comment -->"), "another"),
    (PAGE.replace('<p class="claim"', '<div class="claim"').replace("</p>", "</div>"), "<div"),
    (PAGE.replace('"NewsArticle"', '"Article"'), "Article"),
    (PAGE.replace("Tom &amp; Jerry", "Tom &amp;  Jerry"), "Jerry"),
])
def test_a_changed_word_attribute_element_or_structure_counts_and_is_shown(changed, shown):
    difference = differs(PAGE, changed)
    assert difference is not None
    assert "BASE:" in difference and "working:" in difference
    assert shown in difference.split("working:")[1].replace("⟦", "")


def test_the_difference_is_shown_with_a_few_dozen_characters_around_it():
    base = "<p>" + "word " * 100 + "end</p>"
    difference = differs(base, base.replace("end", "END"))
    assert difference is not None
    assert "line 1" in difference and "⟦end</p>⟧" in difference and "⟦END</p>⟧" in difference
    assert all(len(line) < 120 for line in difference.splitlines())


def test_json_is_compared_parsed_and_its_first_difference_named_by_path():
    base = {"config": {"lang": ["en"]}, "docs": [{"location": "a/", "text": "One claim.", "title": "A"}]}
    respaced = json.dumps(base, indent=4, sort_keys=True)
    assert compare_contents("search/search_index.json", json.dumps(base).encode(), respaced.encode()) is None
    changed = json.loads(respaced)
    changed["docs"][0]["text"] = "One claims."
    difference = compare_contents("search/search_index.json", json.dumps(base).encode(), json.dumps(changed).encode())
    assert difference is not None and difference.startswith("$.docs[0].text: ")
    assert json_difference({"a": 1}, {"a": 1, "b": 2}) == "$.b: only in the working tree"
    assert json_difference([1, 2], [1, 2, 3]) == "$: 2 items in BASE, 3 in the working tree"
    assert json_difference({"x y": True}, {"x y": 1}) is not None  # true is not 1
    assert (compare_contents("data/a.jsonld", b'{"@id": "x"}', b'{"@id": "y"}') or "").startswith('$["@id"]: at line 1')


def test_a_compressed_sitemap_is_compared_decompressed():
    sitemap = b"<urlset><url><loc>https://example.org/a/</loc></url></urlset>"
    assert compare_contents("sitemap.xml.gz", gzip.compress(sitemap, mtime=1), gzip.compress(sitemap, mtime=2)) is None
    assert compare_contents("sitemap.xml.gz", gzip.compress(sitemap), gzip.compress(sitemap.replace(b"/a/", b"/b/")))


def test_other_files_are_compared_as_bytes():
    assert compare_contents("assets/a.css", b"p { color: red }", b"p { color: red }") is None
    assert compare_contents("assets/a.css", b"p { color: red }", b"p {  color: red }") is not None
    assert "byte 1" in (compare_contents("logo.png", b"\x89\xff", b"\x89\xfe") or "")


def test_an_added_or_removed_file_counts(tmp_path):
    base, work = tmp_path / "base", tmp_path / "work"
    for folder in (base, work):
        (folder / "a").mkdir(parents=True)
        (folder / "a" / "index.html").write_text("<p>Same</p>", encoding="utf-8")
    assert compare_trees(base, work) == (1, [])
    (base / "gone.html").write_text("<p>Old</p>", encoding="utf-8")
    (work / "a" / "new.json").write_text("{}", encoding="utf-8")
    count, differences = compare_trees(base, work)
    assert count == 3
    assert differences == [("a/new.json", "only in the working tree's build"), ("gone.html", "only in BASE's build")]
