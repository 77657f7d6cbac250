"""The annotations as one table, for spreadsheets: one row per annotation, UTF-8 CSV with a header row.

The rows carry the same facts as the Web Annotations, flattened: ids where the
JSON-LD has IRIs, lists joined with a space (ids and addresses hold none). What
was said, one entry per source, takes a line of its cell per entry (`said`, as the
footnote words it), and the ids of their sources the same lines of another
(`said_source_ids`).

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula ("CSV
injection"), so such a cell is written with an apostrophe in front, which spreadsheets
take to mean "text" and do not show; a reader that takes it off again loses nothing.
"""

from __future__ import annotations

import csv
import io

from annotated_article.model import SiteData, Source
from annotated_article.render.claims import ArticleClaims
from annotated_article.render.said import said_text
from annotated_article.site_urls import SiteUrls

COLUMNS = (
    "annotation", "article", "annotation_id", "exact", "prefix", "suffix",
    "speaker_id", "speaker_name", "speaker_type", "speaker_role", "attributed_to",
    "source_id", "source_publisher", "source_title", "source_date", "source_authors", "source_kind",
    "source_link", "source_link_kind", "source_other_links",
    "attribution_kind", "source_seen", "wording", "said", "said_source_ids", "editors_note", "see_also", "actors",
)


NO_SOURCE = Source(id="", publisher="", kind="")


def annotation_rows(site: SiteData, claims: dict[str, ArticleClaims], urls: SiteUrls) -> list[dict[str, str]]:
    """One row per annotation, articles in path order, annotations in reading order."""
    rows = []
    for path in sorted(claims):
        for claim in claims[path].in_reading_order():
            article, annotation = claim.article, claim.annotation
            quote = article.loaded_plan.quote(annotation.id)
            speaker = site.people.get(annotation.speaker) if annotation.speaker else None
            source = claim.source or NO_SOURCE
            first_link = source.links[0] if source.links else None
            rows.append({
                "annotation": urls.annotation(article.path, annotation.id),
                "article": urls.page(article.path),
                "annotation_id": annotation.id,
                "exact": quote.exact,
                "prefix": quote.prefix,
                "suffix": quote.suffix,
                "speaker_id": speaker.id if speaker else "",
                "speaker_name": speaker.name if speaker else "",
                "speaker_type": speaker.type if speaker else "",
                "speaker_role": speaker.role if speaker else "",
                "attributed_to": annotation.attributed_to,
                "source_id": source.id,
                "source_publisher": source.publisher,
                "source_title": source.title,
                "source_date": source.date,
                "source_authors": "; ".join(source.authors),
                "source_kind": source.kind,
                "source_link": first_link.url if first_link else "",
                "source_link_kind": first_link.kind if first_link else "",
                "source_other_links": " ".join(link.url for link in source.links[1:]),
                "attribution_kind": annotation.kind,
                "source_seen": annotation.source_seen,
                "wording": annotation.wording,
                "said": "\n".join(said_text(entry) for entry in claim.said),
                "said_source_ids": "\n".join(entry.source.id for entry in claim.said),
                "editors_note": annotation.note,
                "see_also": " ".join(annotation.see_also),
                "actors": " ".join(annotation.actors),
            })
    return rows


#: How a cell a spreadsheet would run as a formula starts (a tab or carriage return before one too).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    """`value` as a spreadsheet shows it as text: an apostrophe before a formula's first character
    (and before a value that already starts with apostrophes and then one, so reading is lossless)."""
    return "'" + value if value.lstrip("'").startswith(FORMULA_STARTS) else value


def csv_text(rows: list[dict[str, str]]) -> str:
    """The rows as CSV (RFC 4180: CRLF line ends, fields quoted where needed), header first."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({column: spreadsheet_cell(value) for column, value in row.items()} for row in rows)
    return buffer.getvalue()
