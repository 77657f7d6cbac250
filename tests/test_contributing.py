"""CONTRIBUTING.md's worked examples are real, valid entries: put in place of the data's own, they load."""

from __future__ import annotations

import re
import shutil

import yaml

from annotated_article.article.loading import load_site
from conftest import PROJECT, SECOND_ARTICLE

EXAMPLE = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)
REGISTRIES = ("sources.yml", "people.yml", "actors.yml")


def worked_examples() -> list[dict]:
    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    examples = []
    for block in EXAMPLE.findall(guide):
        parsed = yaml.safe_load(block)
        if isinstance(parsed, list) and len(parsed) == 1 and "id" in parsed[0]:
            examples.append(parsed[0])
    return examples


def test_there_is_a_worked_example_for_a_source_a_person_an_actor_and_an_annotation():
    examples = {entry["id"]: entry for entry in worked_examples()}
    kinds = set()
    for name in REGISTRIES:
        ids = {entry["id"] for entry in yaml.safe_load((PROJECT / "data" / name).read_text("utf-8"))}
        kinds |= {name for id_ in examples if id_ in ids}
    article = yaml.safe_load((PROJECT / "data/articles/north-korea-troops-russia.yml").read_text("utf-8"))
    if set(examples) & {a["id"] for a in article["annotations"]}:
        kinds.add("annotation")
    assert kinds == {*REGISTRIES, "annotation"}


def test_the_worked_examples_load_in_place_of_the_real_entries(tmp_path):
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(PROJECT / "docs", tmp_path / "docs")
    examples = {entry["id"]: entry for entry in worked_examples()}
    replaced = set()
    for path in [tmp_path / "data" / name for name in REGISTRIES] + sorted((tmp_path / "data/articles").glob("*.yml")):
        content = yaml.safe_load(path.read_text("utf-8"))
        entries = content if isinstance(content, list) else content["annotations"]
        for index, entry in enumerate(entries):
            if entry["id"] in examples:
                entries[index] = examples[entry["id"]]
                replaced.add(entry["id"])
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), "utf-8")
    assert replaced == set(examples)
    site = load_site(tmp_path / "data", tmp_path / "docs")
    annotation_ids = {a.id for article in site.articles.values() for a in article.annotations}
    assert set(examples) <= set(site.sources) | set(site.people) | set(site.actors) | annotation_ids


def test_the_articles_worked_examples_are_the_top_of_real_article_files():
    """Each example of where an article was published is, key for key, the top of an article's data file:
    the seed's, or the made-up second article the tests add as this guide says."""
    guide = (PROJECT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    examples = [yaml.safe_load(block) for block in EXAMPLE.findall(guide) if block.startswith("article:")]
    files = [*(PROJECT / "data" / "articles").glob("*.yml"), *(SECOND_ARTICLE / "data" / "articles").glob("*.yml")]
    written = {content["article"]: content for content in (yaml.safe_load(path.read_text("utf-8")) for path in files)}
    assert len(examples) == 2
    for example in examples:
        article = written[example["article"]]
        assert example == {key: value for key, value in article.items() if key != "annotations"}
