"""Pages that quote an article show its own characters, whatever an editor typed for them in `exact`."""

from __future__ import annotations

import pytest
import yaml

from annotated_article.article.anchoring import fold
from annotated_article.article.loading import load_site
from conftest import copy_project, run_mkdocs_build, soup_of

pytestmark = pytest.mark.build

TYPOGRAPHIC = "‘’“”–—"


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


@pytest.fixture(scope="module")
def typed_plainly(tmp_path_factory):
    """The project with every typographic quote and dash of one annotation's `exact` typed plainly, built."""
    project = copy_project(tmp_path_factory.mktemp("words") / "project")
    site = load_site(project / "data", project / "docs")
    article, annotation = next((article, a) for article in site.articles.values() for a in article.annotations
                               if any(c in a.exact for c in TYPOGRAPHIC) and a.speaker)
    data = project / article.data_file
    content = yaml.safe_load(data.read_text(encoding="utf-8"))
    entry = next(entry for entry in content["annotations"] if entry["id"] == annotation.id)
    entry["exact"] = fold(entry["exact"])
    data.write_text(yaml.dump(content, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")
    built = tmp_path_factory.mktemp("words-site")
    result = run_mkdocs_build(project, built)
    assert result.returncode == 0, result.stdout + result.stderr
    return built, article, annotation, site.articles[article.path].words(annotation)


def test_the_speakers_page_quotes_the_articles_characters(typed_plainly):
    built, article, annotation, words = typed_plainly
    page = soup_of(built / "people" / annotation.speaker / "index.html")
    passages = [a for a in page.select("article a") if a.get("href", "").endswith(f"#{annotation.id}")]
    # A link named "the passage (note 3)" stands after the words it leads to, which the item shows in full.
    shown = [a.parent.get_text() if a.get_text().startswith("the passage (note") else a.get_text() for a in passages]
    links = [a.get_text() for a in passages if not a.get_text().startswith("the passage (note")]
    assert links and all(any(c in text for c in TYPOGRAPHIC) for text in shown)
    assert words.startswith(links[0].rstrip(" …"))


def test_the_claims_table_quotes_the_articles_characters(typed_plainly):
    built, article, annotation, words = typed_plainly
    page = soup_of(built / article.path.removesuffix(".md") / "index.html")
    [cell] = [a.get_text() for a in page.select(".claims-summary a") if a["href"] == f"#{annotation.id}"]
    assert words.startswith(cell.rstrip(" …")) and any(c in cell for c in TYPOGRAPHIC)
