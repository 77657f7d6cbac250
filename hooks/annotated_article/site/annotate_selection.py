"""Annotate by selecting, under `make serve` only: what an article's page needs to offer the YAML of a new annotation.

Under `make serve`, an article's page loads `docs/assets/annotate-selection.js` (a draft in mkdocs.yml: served,
never published nor in the offline edition) and, through the script's `data-annotate` attribute, a JSON file made
here: the article's text as the build reads it, where each paragraph stands in it, the ids already taken, the
people and sources to choose from, and the fields of a new annotation after `id`, `exact`, `prefix` and `suffix`,
read from the article file's JSON Schema (`data/schemas/article.schema.json`): those an annotation requires given
a value that passes the check once a speaker and a source are filled in (the judgements as nothing was seen yet),
the others as comments with what they hold and the values they allow. The script does the rest on the page.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from annotated_article.data.vocabulary import SOURCE_SEEN_MEANINGS, WORDING_MEANINGS
from annotated_article.model import Article, SiteData

SCRIPT = "assets/annotate-selection.js"
STYLE = "assets/annotate-selection.css"
#: Where the JSON of an article's page is served, by the article's path (`articles/NAME.md`).
DATA_FOLDER = "assets/annotate-selection/"
#: The fields the script writes itself, from the words selected.
QUOTE_FIELDS = ("id", "exact", "prefix", "suffix")
#: What only a published claim may carry (`data/corrections.py` refuses them on a new one): left out of the YAML.
PUBLISHED_ONLY = ("corrections", "withdrawn")
#: The values a new annotation starts with: nothing was seen yet. `{speaker}`, `{source}` and `{kind}` are the
#: script's to fill.
STARTING_VALUES = {"speaker": "{speaker}", "source": "{source}", "kind": "{kind}", "source_seen": "not-found",
                   "wording": "not-checked"}
#: A `said` entry for the source, as it starts: why its words were not seen.
NOT_SEEN_YET = "not yet looked for"
#: Fields worth writing even though the schema does not require them.
WRITTEN = ("speaker", "source", "said")
INDENT = "    "
#: What each value of a field means, where the vocabulary says it (and the schema's description does not).
MEANINGS = {"source_seen": SOURCE_SEEN_MEANINGS, "wording": WORDING_MEANINGS}


def data_path(article_path: str) -> str:
    """Where the JSON of the article at `article_path` (inside docs/) is served."""
    return DATA_FOLDER + article_path.removesuffix(".md") + ".json"


def served_files(site: SiteData, schemas: Path) -> dict[str, str]:
    """Each article's JSON, by its path inside the served site."""
    fields = template(json.loads((schemas / "article.schema.json").read_text(encoding="utf-8")))
    # What every article's JSON holds alike (the people and sources to pick from, the fields) is written once, and
    # each article's own object is ended with it: the same bytes as one `json.dumps` of both, without writing
    # every person and source again for every article.
    shared = json.dumps(shared_data(site, fields), ensure_ascii=False)[1:]
    return {data_path(path): json.dumps(article_data(article), ensure_ascii=False)[:-1] + ", " + shared
            for path, article in site.articles.items()}


def shared_data(site: SiteData, fields: str) -> dict[str, Any]:
    """What the script needs for any article's page: the people and sources an editor picks from, and the lines
    of a new annotation."""
    return {
        "people": [[person.id, f"{person.name}, {person.role}"] for person in site.people.values()],
        "sources": [[source.id, ", ".join(part for part in (source.publisher, source.title, source.date) if part)]
                    for source in site.sources.values()],
        "fields": fields,
    }


def article_data(article: Article) -> dict[str, Any]:
    """What the script needs of one article's page (besides `shared_data`)."""
    plan = article.loaded_plan
    taken = {*plan.paragraph_ids, *plan.passages, *(a.id for a in article.annotations), "sources-and-attributions",
             *(old for olds in plan.aliases.values() for old in olds)}
    return {
        "data_file": article.data_file,
        "text": plan.text.text,
        "paragraphs": [[id_, paragraph.start, paragraph.end]
                       for id_, paragraph in zip(plan.paragraph_ids, plan.text.paragraphs)],
        "taken": sorted(taken),
    }


def template(schema: dict) -> str:
    """The lines of a new annotation after its quote, from the article file's schema: each required field (and
    `speaker`, `source`, `said`) with the value it starts with and what it holds; the others as comments."""
    item = schema["properties"]["annotations"]["items"]
    required = set(item.get("required", ()))
    lines: list[str] = []
    later: list[str] = []
    for name, spec in item["properties"].items():
        if name in QUOTE_FIELDS or name in PUBLISHED_ONLY:
            continue
        if name in required or name in WRITTEN:
            lines += [f"{INDENT}# {line}" for line in _about(spec, MEANINGS.get(name, {}))]
            lines += _field(name, spec)
        else:
            later += [f"{INDENT}# {name}: {' '.join(_about(spec))}"]
    return "\n".join(lines + later)


def _field(name: str, spec: dict) -> list[str]:
    if name != "said":
        return [f"{INDENT}{name}: {STARTING_VALUES.get(name, '')}".rstrip()]
    entry = spec.get("items", {}).get("properties", {})
    lines = [f"{INDENT}said:", f"{INDENT}  - source: {{source}}", f"{INDENT}    not_seen: {NOT_SEEN_YET}"]
    lines += [f"{INDENT}    # {key}: {' '.join(_about(value))}" for key, value in entry.items()
              if key not in ("source", "not_seen")]
    return lines


def _about(spec: dict, meanings: dict[str, str] | None = None) -> list[str]:
    """What a field holds, and the values it allows (each with what it means, given `meanings`), as comment
    lines."""
    about = [" ".join(str(spec.get("description", "")).split())]
    values = [str(value) for value in spec.get("enum", ())]
    if values and meanings and not all(f"{value}:" in about[0] for value in values):
        about += [f"  {value}: {meanings[value]}" if meanings.get(value) else f"  {value}" for value in values]
    elif values:
        about.append("One of: " + ", ".join(values) + ".")
    return [line for line in about if line]


def tags(page_root: str, article_path: str) -> str:
    """The stylesheet and the script that offer the YAML of a selection, for an article's page; `page_root` is the
    relative address of the site's root from the page (`../../`)."""
    return (f'<link rel="stylesheet" href="{escape(page_root + STYLE)}">'
            f'<script src="{escape(page_root + SCRIPT)}" data-annotate="{escape(page_root + data_path(article_path))}" '
            'defer></script>')


def with_tags(html: str, page_root: str, article_path: str) -> str:
    """A served article's page with `tags` at the end of its head."""
    head_end = html.find("</head>")
    return html if head_end < 0 else html[:head_end] + tags(page_root, article_path) + html[head_end:]
