"""The annotations as CSV: a header row, one row per annotation, and a lossless round trip."""

from __future__ import annotations

import csv
import io

import pytest

from annotated_article.open_data.annotation_table import COLUMNS, annotation_rows, csv_text
from linked_data import read_rows
from project_data import project_claims, project_site, site_urls


def raw_cells(text: str) -> list[dict[str, str]]:
    """The cells as any CSV reader (or a spreadsheet's import) gets them."""
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_rows_round_trip_through_csv():
    site = project_site()
    rows = annotation_rows(site, project_claims(), site_urls())
    assert len(rows) == sum(len(article.annotations) for article in site.articles.values())
    assert read_rows(csv_text(rows)) == rows


def test_awkward_text_survives_the_round_trip():
    row = dict.fromkeys(COLUMNS, "")
    row.update(exact='He said: "no, never",\nthen left.', prefix=" leading space", suffix="trailing space ",
               editors_note="Quotes “curly” and ‘single’; commas, semicolons; a\r\nCRLF; émigré 北朝鮮 😀",
               source_authors="A; B")
    text = csv_text([row, dict.fromkeys(COLUMNS, "")])
    assert read_rows(text) == [row, dict.fromkeys(COLUMNS, "")]
    text.encode("utf-8")


def test_header_names_every_column_once_and_lines_end_with_crlf():
    text = csv_text([])
    assert text == ",".join(COLUMNS) + "\r\n"
    assert len(set(COLUMNS)) == len(COLUMNS)


def test_a_row_flattens_lists_and_ids():
    site = project_site()
    rows = {row["annotation_id"]: row for row in annotation_rows(site, project_claims(), site_urls())}
    row = rows["russian-despair"]
    assert row["see_also"] == "pentagon-2024-10-28 nato-2024-10-28"
    assert row["actors"] == "north-korea russia"
    assert row["speaker_id"] == "" and row["attributed_to"].startswith("Defense officials and analysts")
    losses = rows["russian-losses-per-day"]
    assert losses["speaker_id"] == "antony-blinken" and losses["speaker_type"] == "person"
    assert row["source_link_kind"] == "report"
    assert rows["rutte-growing-desperation"]["source_other_links"] == "https://fu.kyivpost.com/post/41237"
    isw = rows["isw-troops-pledged"]
    assert isw["source_authors"].split("; ")[0] == "Karolina Hird"


@pytest.mark.parametrize("value", ["=HYPERLINK(\"https://example.org\",\"x\")", "+1", "-1,200 a day", "@SUM(A1)",
                                   "\t=1", "\r=1", "'=already quoted", "''+1"])
def test_a_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_read_back_as_it_was(value):
    row = dict.fromkeys(COLUMNS, "")
    row.update(exact=value, editors_note=value)
    text = csv_text([row])
    (cells,) = raw_cells(text)
    assert cells["exact"] == "'" + value and cells["editors_note"] == "'" + value
    assert read_rows(text) == [row]


@pytest.mark.parametrize("value", ["'tis the season", "a = b", "1-2", "“=” in quotes", ""])
def test_other_cells_are_written_as_they_are(value):
    row = dict.fromkeys(COLUMNS, "")
    row.update(exact=value)
    (cells,) = raw_cells(csv_text([row]))
    assert cells["exact"] == value
