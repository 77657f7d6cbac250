"""The tests' made-up second and third articles (tests/fixtures/second-article, third-article), added to a copy of
the project.

Plain code, no pytest, nothing of the project's: tests/conftest.py uses it for the tests that build a project with
more articles than the seed, and tools/compare_builds.py for the builds it compares (the second article alone).
"""

from __future__ import annotations

import shutil
from pathlib import Path

#: A made-up article with its own people, sources and actor, for the tests that add a second article.
SECOND_ARTICLE = Path(__file__).resolve().parent / "fixtures" / "second-article"
#: A made-up article written in more than paragraphs (a subheading, a tight list, a quotation, each annotated).
THIRD_ARTICLE = Path(__file__).resolve().parent / "fixtures" / "third-article"


def add_second_article(project: Path, fixture: Path = SECOND_ARTICLE) -> Path:
    """The article of tests/fixtures/second-article (or of `fixture`) added to `project` the way CONTRIBUTING.md
    tells an editor to: its Markdown and its data file, and its actors, people and sources at the end of the
    registries. Nothing else is edited."""
    for registry in ("actors.yml", "people.yml", "sources.yml"):
        with open(project / "data" / registry, "a", encoding="utf-8") as file:
            file.write((fixture / "data" / registry).read_text(encoding="utf-8"))
    for folder in ("docs/articles", "data/articles"):
        for path in (fixture / folder).iterdir():
            shutil.copy2(path, project / folder / path.name)
    return project


def add_test_articles(project: Path) -> Path:
    """The second and the third article added to `project`, one after the other, each as `add_second_article` does."""
    for fixture in (SECOND_ARTICLE, THIRD_ARTICLE):
        add_second_article(project, fixture)
    return project
