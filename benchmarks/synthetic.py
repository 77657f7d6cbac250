"""A synthetic site at N times the seed's size, for the benchmark.

`generate(destination, scale)` copies the project (mkdocs.yml, docs/, data/, hooks/)
and adds `scale - 1` synthetic blocks, each the size of the seed: as many articles
of generated paragraphs as the seed has, each with as many annotations as its
counterpart in the seed and a publisher, byline, date, original address and
rights line, and its own actors, people and sources. So at scale N
the site has N times the seed's articles, annotations, actors, people and
sources; scale 1 is the seed itself.

Each block has the seed's shape: as many paragraphs and annotations, the same
share of annotations with a note, a figure, further reading or a credited
speaker, actors with names that the article mentions and relations between
them, and sources with several kinds of link. Every block also names a few of
the seed's actors, as articles on one subject do. Block `i` is the same at every
scale (its random numbers are seeded by `i`), so a larger site contains the
smaller ones.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PROJECT = Path(__file__).resolve().parent.parent

#: Folders besides docs/, data/ and hooks/ that a build reads (the theme's `custom_dir`).
THEME_FOLDERS = ("overrides",)
#: Paragraphs of a synthetic article, as in the seed's.
PARAGRAPHS = 9
#: Of each block's annotations (as many as the seed's): with further reading, with figures, credited in words.
SEE_ALSO, FIGURES, CREDITED = 5, 3, 5
#: Seed actors a synthetic article names besides its own (Russia, Ukraine and NATO are in most news on the war).
SHARED_ACTORS = ("russia", "ukraine", "nato")

_WORDS = (
    "officials analysts report border talks ministry statement agreement forces troops region security week "
    "pressure support trade sanctions government leaders meeting council envoy summit policy budget economy "
    "allies partners defence supply shipment exports imports coast harbour capital province election vote "
    "court ruling inquiry evidence figures estimate losses gains front line village bridge railway airport "
    "satellite images intelligence assessment briefing press conference spokesman parliament committee "
    "treaty clause deadline ceasefire proposal negotiators observers mission monitors aid convoy refugees "
    "winter harvest prices fuel grid power plant drones missiles artillery shells factory workers union"
).split()
_VERBS = ("said", "warned", "confirmed", "denied", "reported", "estimated", "suggested", "announced",
          "argued", "noted", "claimed", "added")
_SYLLABLES = ("ar", "bel", "cor", "dan", "es", "fal", "gor", "hel", "is", "jur", "kal", "lor", "mer", "nor",
              "ost", "pel", "quin", "ros", "sel", "tor", "ul", "var", "wen", "xan", "yr", "zel")
_GIVEN = ("Anna", "Boris", "Clara", "David", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jonas", "Kira", "Luca",
          "Mira", "Nils", "Olga", "Pavel", "Rosa", "Sami", "Tara", "Viktor")
_KINDS = ("direct-quote", "paraphrase", "official-statement", "intelligence-assessment", "report")
_SOURCE_SEEN = ("original", "report", "report", "not-found")
_WORDINGS = ("same-words", "fair-paraphrase", "stronger-than-source", "weaker-than-source", "not-in-source")
_SOURCE_KINDS = ("news-report", "press-conference", "official-statement", "intelligence-update",
                 "research-report", "social-media-post")
_LINK_KINDS = ("report", "report", "reprint", "translation", "copy", "pattern", "original")


@dataclass(frozen=True)
class Size:
    """What one block brings: the seed's count of each, and the annotations of each of its articles."""

    actors: int
    people: int
    sources: int
    annotations: tuple[int, ...]


@dataclass(frozen=True)
class SyntheticSite:
    """What `generate` wrote: the project folder and how much is in it."""

    project: Path
    scale: int
    articles: list[str]
    actors: int
    people: int
    sources: int
    annotations: int


def generate(destination: Path, scale: int, project: Path = PROJECT) -> SyntheticSite:
    """Write a copy of `project` with `scale - 1` synthetic blocks added into `destination`."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "data", "hooks", *THEME_FOLDERS):
        if (project / name).is_dir():
            shutil.copytree(project / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"),
                            dirs_exist_ok=True)
    shutil.copy2(project / "mkdocs.yml", destination / "mkdocs.yml")
    data = destination / "data"
    seed = {name: yaml.safe_load((data / f"{name}.yml").read_text(encoding="utf-8"))
            for name in ("actors", "people", "sources")}
    seed_articles = sorted((data / "articles").glob("*.yml"))
    seed_annotations = tuple(len(yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"])
                             for path in seed_articles)
    seed_actor_names = {actor["id"]: actor["names"][0] for actor in seed["actors"]}
    shared = [actor_id for actor_id in SHARED_ACTORS if actor_id in seed_actor_names]
    size = Size(len(seed["actors"]), len(seed["people"]), len(seed["sources"]), seed_annotations)
    blocks = [_block(number, shared, seed_actor_names, size) for number in range(1, scale)]
    for name in ("actors", "people", "sources"):
        entries = [entry for block in blocks for entry in block[name]]
        if entries:
            with (data / f"{name}.yml").open("a", encoding="utf-8") as file:
                file.write("\n# Synthetic entries for the benchmark.\n")
                file.write(_dump(entries))
    articles = []
    for article in (article for block in blocks for article in block["articles"]):
        path = f"articles/{article['slug']}.md"
        (destination / "docs" / path).write_text(article["markdown"], encoding="utf-8")
        (data / "articles" / f"{article['slug']}.yml").write_text(
            "# yaml-language-server: $schema=../schemas/article.schema.json\n"
            + _dump({"article": path, **article["provenance"], "annotations": article["annotations"]}),
            encoding="utf-8")
        articles.append(path)
    return SyntheticSite(
        project=destination, scale=scale,
        articles=[yaml.safe_load(p.read_text(encoding="utf-8"))["article"] for p in seed_articles] + articles,
        actors=size.actors * scale, people=size.people * scale, sources=size.sources * scale,
        annotations=sum(size.annotations) * scale,
    )


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _block(number: int, shared: list[str], seed_names: dict[str, str], size: Size) -> dict:
    """The synthetic articles of one block and the registry entries they need, the same for `number` at
    every scale (its first article is `synthetic-NUMBER`, any others `synthetic-NUMBER-2`...)."""
    rng = random.Random(f"block-{number}")
    tag = f"b{number}"
    actors = []
    used_names: set[str] = set()
    for index in range(size.actors):
        while True:
            stem = "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
            if stem not in used_names:
                used_names.add(stem)
                break
        name = f"{stem} {number}"  # the block number keeps names unique across blocks
        actor: dict[str, Any] = {"id": f"{tag}-actor-{index + 1}", "name": name, "kind": rng.choice(("country", "alliance",
                                                                                    "organization")),
                 "names": [name, f"{stem}ian {number}", f"{stem}burg {number}"],
                 "description": _sentence(rng, 14, 22)}
        if index < 4:
            actor["full_name"] = f"Republic of {name}"
        actors.append(actor)
    targets = [a["id"] for a in actors] + shared
    for actor in actors[:-1]:  # all but one have a relation, as in the seed
        to = rng.choice([t for t in targets if t != actor["id"]])
        actor["relations"] = [{"to": to, "relation": " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 8))),
                               "background": True}]
    people = []
    for index in range(size.people):
        person: dict[str, Any] = {"id": f"{tag}-person-{index + 1}"}
        if index % 3 == 0:  # a third are organizations, as in the seed
            person.update(name=f"{actors[index % size.actors]['name']} {rng.choice(_WORDS).capitalize()} Office",
                          type="organization")
        else:
            person["name"] = f"{rng.choice(_GIVEN)} {''.join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()}"
        person["role"] = _sentence(rng, 3, 8).rstrip(".")
        if index < 7:
            person["actor"] = actors[index % size.actors]["id"]
        elif index < 10:
            person["affiliation"] = f"Institute of {rng.choice(_WORDS).capitalize()} Studies"
        people.append(person)
    sources = []
    for index in range(size.sources):
        source: dict[str, Any] = {"id": f"{tag}-source-{index + 1}",
                  "publisher": f"The {''.join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()} "
                               f"{rng.choice(('Times', 'Post', 'Herald', 'Ministry', 'Institute'))}",
                  "kind": rng.choice(_SOURCE_KINDS)}
        if index != 0:
            source["title"] = _sentence(rng, 6, 14).rstrip(".")
            source["date"] = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if index < 3:
            source["title_note"] = "the official title is likely but was not seen"
            source["date_note"] = "date of the copy seen"
            source["authors"] = [f"{rng.choice(_GIVEN)} {rng.choice(_SYLLABLES).capitalize()}son"]
        source["links"] = [{"url": f"https://example.org/{tag}/{index + 1}/{link}", "kind": rng.choice(_LINK_KINDS),
                            "label": f"Example {link + 1}"} for link in range(rng.randint(1, 2))]
        if index < 9:
            source["note"] = _sentence(rng, 12, 30)
        sources.append(source)
    articles, start = [], 0
    for index, count in enumerate(size.annotations):
        first, second = actors[index % size.actors], actors[(index + 1) % size.actors]
        title = f"{first['name']} and {second['name']}: {_sentence(rng, 5, 9).rstrip('.')}"
        paragraphs, annotations = _article_text(rng, tag, actors, people, sources, shared, seed_names, size,
                                                start, count)
        markdown = f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
        for annotation in annotations:
            if markdown.count(annotation["exact"]) != 1:
                raise AssertionError(f"block {number}: the quote of {annotation['id']} is not unique")
        slug = f"synthetic-{number}" + (f"-{index + 1}" if index else "")
        publisher = f"The {''.join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()} Times"
        provenance = {"publisher": publisher, "publisher_kind": "newspaper",
                      "authors": [f"{rng.choice(_GIVEN)} {rng.choice(_SYLLABLES).capitalize()}son"],
                      "date": f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                      "links": [{"url": f"https://example.org/{slug}", "kind": "original"}],
                      "rights": f"© 2024 {publisher}"}
        articles.append({"slug": slug, "provenance": provenance, "markdown": markdown, "annotations": annotations})
        start += count
    return {"articles": articles, "actors": actors, "people": people, "sources": sources}


def _article_text(rng, tag, actors, people, sources, shared, seed_names, size: Size, start: int, total: int):
    """Paragraphs of filler and quoted sentences; every annotation quotes one sentence of one paragraph.

    The article holds the block's annotations `start` to `start + total - 1`."""
    per_paragraph = [total // PARAGRAPHS + (1 if i < total % PARAGRAPHS else 0) for i in range(PARAGRAPHS)]
    source_order = [s["id"] for s in sources] + [sources[0]["id"], sources[1]["id"]]  # two sources cited twice
    paragraphs: list[str] = []
    annotations: list[dict[str, Any]] = []
    for count in per_paragraph:
        sentences = []
        for _ in range(rng.randint(2, 3)):
            sentences.append(_sentence(rng, 10, 20, mention=rng.choice(actors)["names"][rng.randint(0, 2)]))
        for _ in range(count):
            number = start + len(annotations)
            speaker = people[number % size.people]
            named = [rng.choice(actors) for _ in range(rng.randint(1, 3))]
            mention = named[0]["names"][rng.randint(0, 2)]
            if rng.random() < 0.5 and shared:
                mention = seed_names[rng.choice(shared)]
            quote = _sentence(rng, 14, 40, mention=mention, speaker=speaker["name"])
            sentences.insert(rng.randint(0, len(sentences)), quote)
            seen = rng.choice(_SOURCE_SEEN)
            wording = "not-checked" if seen == "not-found" else rng.choice(_WORDINGS)
            source = source_order[number % len(source_order)]
            # What the source said: the quote itself for the same words, other words otherwise, or not seen.
            said: dict[str, Any] = {"source": source}
            if seen == "not-found" or rng.random() < 0.3:
                said["not_seen"] = _sentence(rng, 6, 14).rstrip(".").lower()
            else:
                said["words"] = quote if wording == "same-words" else _sentence(rng, 8, 24)
            annotation: dict[str, Any] = {"id": f"{tag}-claim-{number + 1}", "exact": quote,
                          "speaker": speaker["id"], "source": source,
                          "kind": rng.choice(_KINDS), "source_seen": seen, "wording": wording, "said": [said],
                          "note": _sentence(rng, 15, 45),
                          "actors": list(dict.fromkeys(a["id"] for a in named))}
            if number < CREDITED:
                annotation["attributed_to"] = f"{rng.choice(_WORDS).capitalize()} officials and analysts"
            if number % 3 == 1 and number // 3 < SEE_ALSO:
                annotation["see_also"] = [sources[(number + 3) % size.sources]["id"]]
            if number % 4 == 2 and number // 4 < FIGURES:
                annotation["figures"] = [{"actor": named[0]["id"], "label": _sentence(rng, 3, 9).rstrip("."),
                                          "value": f"about {rng.randint(2, 90) * 100:,}"}]
            annotations.append(annotation)
        paragraphs.append(" ".join(sentences))
    return paragraphs, annotations


def _sentence(rng: random.Random, low: int, high: int, mention: str = "", speaker: str = "") -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(low, high))]
    if mention:
        words.insert(rng.randint(1, len(words) - 1), mention)
    if speaker:
        words.insert(rng.randint(1, len(words) - 1), f"{rng.choice(_VERBS)} {speaker},")
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


