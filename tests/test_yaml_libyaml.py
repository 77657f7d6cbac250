"""libyaml's parser reads every data file exactly as the pure-Python parser does: same values, same marks, same errors."""

from __future__ import annotations

import pytest
import yaml

from annotated_article.data import yaml_loading
from annotated_article.data.errors import DataErrors
from conftest import PROJECT

TRICKY = {
    "typography and folded text": (
        "- id: north-korea\n  name: North Korea\n  full_name: Democratic People’s Republic of Korea\n"
        "  description: >-\n    Country in “East Asia”; 1950–53\n    war.\n  names: [North Korea, 'N. Korea']\n"
    ),
    "windows line endings": "- id: a\r\n  name: A\r\n  note: |\r\n    line one\r\n    line two\r\n",
    "flow, quotes, escapes and comments": (
        '# comment\nkey: {a: 1, b: [x, "y\\u2019z", \'it\'\'s\']}  # trailing\n'
        'other: "tab\\tand newline\\n"\nempty:\nyes_no: [yes, no, true, ~, 2024-11-01, 1.5, 0x1f]\n'
    ),
    "long plain scalars over lines": "note: this is a long\n  plain scalar that goes\n  on over lines\n",
    "nested as deep as allowed": "v: " + "[" * (yaml_loading.MAX_DEPTH - 1) + "1" + "]" * (yaml_loading.MAX_DEPTH - 1) + "\n",
}
ERRORS = {
    "unclosed quote": 'name: "North Korea\nkind: country\n',
    "bad indentation": "- id: a\n  name: A\n - id: b\n",
    "duplicate key": "id: a\nid: b\n",
    "unknown tag": "id: !!python/object:os.system x\n",
    "mapping in a plain scalar": "note: a: b\n",
    "anchors and aliases": "base: &b {kind: country, tags: [x, y]}\nfirst: *b\nsecond: [*b, *b]\n",
    "too deep": "v: " + "[" * 30 + "]" * 30 + "\n",
}


def both_ways(monkeypatch, raw: bytes) -> tuple[object, object]:
    """What load_yaml_bytes gives with libyaml and with the pure-Python parser: the document or the errors."""
    def load():
        try:
            document = yaml_loading.load_yaml_bytes(raw, "data/test.yml")
            return document.data, document.value_marks, document.key_marks
        except DataErrors as failure:
            return str(failure)

    fast = load()
    with monkeypatch.context() as patch:
        patch.setattr(yaml_loading, "_LOADERS", [yaml.SafeLoader])
        pure = load()
    return fast, pure


def test_pyyaml_has_libyaml():
    assert yaml_loading._LOADERS == [yaml.CSafeLoader, yaml.SafeLoader]


@pytest.mark.parametrize("path", sorted((PROJECT / "data").rglob("*.yml")), ids=lambda p: p.name)
def test_project_data_reads_the_same(monkeypatch, path):
    fast, pure = both_ways(monkeypatch, path.read_bytes())
    assert not isinstance(fast, str), fast
    assert fast == pure


@pytest.mark.parametrize("name", TRICKY)
def test_tricky_yaml_reads_the_same(monkeypatch, name):
    fast, pure = both_ways(monkeypatch, TRICKY[name].encode("utf-8"))
    assert fast == pure


@pytest.mark.parametrize("name", ERRORS)
def test_errors_are_worded_the_same(monkeypatch, name):
    fast, pure = both_ways(monkeypatch, ERRORS[name].encode("utf-8"))
    assert isinstance(fast, str) and fast == pure


def test_deep_nesting_is_refused_before_libyaml_composes_it():
    # libyaml's recursive composer would crash the process on this one; the loop over the events stops first
    with pytest.raises(DataErrors, match="nested more than"):
        yaml_loading.load_yaml_bytes(b"[" * 200_000 + b"]" * 200_000, "data/deep.yml")
