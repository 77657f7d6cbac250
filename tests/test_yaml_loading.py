"""Reading a data file: positions, and every way YAML can go wrong for an editor."""

from __future__ import annotations

import pytest

from annotated_article.data.errors import DataErrors
from annotated_article.data.yaml_loading import load_yaml_bytes


def load(text: str | bytes):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return load_yaml_bytes(raw, "data/people.yml")


def errors_of(text: str | bytes) -> list[str]:
    with pytest.raises(DataErrors) as failure:
        load(text)
    return [str(error) for error in failure.value.errors]


def test_values_keep_their_line_and_column():
    document = load("# comment\n- id: mark-rutte\n  name: Mark Rutte\n")
    assert document.data == [{"id": "mark-rutte", "name": "Mark Rutte"}]
    assert document.where((0, "name")) == (3, 9)
    assert document.where((0, "name"), at_key=True) == (3, 3)
    assert document.where((0, "missing")) == (2, 3)


def test_dates_and_numbers_like_text_stay_as_written():
    document = load("date: 2024-11-01\nbad: 2024-13-45\ncount: 3\nflag: true\nnothing:\n")
    assert document.data == {"date": "2024-11-01", "bad": "2024-13-45", "count": 3, "flag": True, "nothing": None}


@pytest.mark.parametrize("text, expected", [
    ("- id: a\n  name: [unclosed\n", "data/people.yml:3:1: YAML syntax error"),
    ("- id: a\n name: b\n", "data/people.yml:2:"),
    ("", "data/people.yml:1:1: the file is empty."),
    ("# only a comment\n\n", "data/people.yml:1:1: the file is empty."),
    ("- id: a\n\tname: b\n", "data/people.yml:2:1: a tab is used for indentation. Indent with spaces"),
    ("- id: a\n  id: b\n", "data/people.yml:2:3: the key `id` appears twice here (first on line 1)."),
    ("- !!python/object:os.system\n  x: 1\n", "data/people.yml:1:3: the tag `tag:yaml.org,2002:python/object:os.system` is not allowed"),
    ("- id: !!binary aGVsbG8=\n", "is not allowed"),
    ("- id: !custom a\n", "the tag `!custom` is not allowed"),
    ("- ? [a, b]\n  : c\n", "a key must be a plain word"),
    ("a: &x [*x]\n", "data/people.yml:1:4: `&x`: anchors and aliases (`&name`, `*name`) are not used in data files"),
    ("a: [b]\nc: *x\n", "data/people.yml:2:4: `*x`: anchors and aliases"),
    ("- id: a\n  name: \"Mark \\ud800 Rutte\"\n", "data/people.yml:2:9: the text contains U+D800, half of a character pair"),
    ("- id: a\n  name: \"Mark\\x08Rutte\"\n", "data/people.yml:2:9: the text contains U+0008, an invisible control"),
    ("- id: a\n  \"n\\udfffame\": x\n", "data/people.yml:2:3: the text contains U+DFFF"),
    ("- id: " + "9" * 5000 + "\n", "data/people.yml:1:7: `" + "9" * 60 + "…` cannot be read as a int"),
    ("--- a\n--- b\n", "YAML syntax error"),
])
def test_yaml_mistakes_are_reported_with_place(text, expected):
    messages = errors_of(text)
    assert any(expected in message for message in messages), messages


def test_not_utf8_names_the_line_of_the_bad_byte():
    (message,) = errors_of("- id: a\n  name: Caf".encode() + b"\xe9\n")
    assert message.startswith("data/people.yml:2:")
    assert "not UTF-8" in message and "Save the file with UTF-8 encoding" in message


def test_a_byte_order_mark_is_accepted():
    assert load("\ufeff- id: a\n").data == [{"id": "a"}]


def test_an_alias_bomb_is_refused_at_once_for_its_anchors_and_aliases():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]" for level in range(1, 30)]
    messages = errors_of("\n".join(lines) + "\n")  # 10^30 values once written out
    assert len(messages) == 30 + 29 * 10
    assert messages[0].startswith("data/people.yml:1:5: `&a0`: anchors and aliases (`&name`, `*name`) are not used")


@pytest.mark.parametrize("text, expected", [
    ("a: " + "[" * 5000 + "]" * 5000 + "\n", "data/people.yml:1:23: lists and mappings are nested more than 20 levels"),
    ("".join("  " * level + "k:\n" for level in range(40)) + "  " * 40 + "v\n",
     "data/people.yml:21:41: lists and mappings are nested more than 20 levels"),
])
def test_deep_nesting_is_refused_before_python_runs_out_of_stack(text, expected):
    messages = errors_of(text)
    assert any(message.startswith(expected) for message in messages), messages


def test_twenty_levels_are_still_fine():
    assert load("a: " + "[" * 19 + "x" + "]" * 19 + "\n").data["a"] is not None


@pytest.mark.parametrize("character", ["\x00", "\x08", "\x1b", "\ufffe"])
def test_a_control_character_is_named_with_its_place(character):
    (message,) = errors_of(f"- id: a\n  name: Mark{character}Rutte\n")
    assert message.startswith(f"data/people.yml:2:13: the file contains the invisible control character "
                              f"U+{ord(character):04X}"), message


def test_an_oversized_file_is_refused_without_reading_it_as_yaml():
    (message,) = errors_of(b"a: " + b"x" * 1_000_000 + b"\n")
    assert message.startswith("data/people.yml:1:1: the file is larger than 1 MB, more than a data file should ever be")


def test_merge_keys_are_refused():
    messages = errors_of("base: {x: 1}\nother:\n  <<: {x: 1}\n  y: 2\n")
    assert any(m.startswith("data/people.yml:3:3: `<<` (merging in another mapping) is not allowed") for m in messages)


@pytest.mark.parametrize("text, reference, line", [
    ("# yaml-language-server: $schema=schemas/people.schema.json\n- id: a\n", "schemas/people.schema.json", 1),
    ("\ufeff#\n#   yaml-language-server:  $schema=../x.json\n\n- id: a\n", "../x.json", 2),
    ("- id: a\n# yaml-language-server: $schema=schemas/people.schema.json\n", "", 1),
    ("- id: a\n", "", 1),
])
def test_the_schema_line_is_read_from_the_comments_at_the_top(text, reference, line):
    document = load(text)
    assert (document.schema_reference, document.schema_reference_line) == (reference, line)
