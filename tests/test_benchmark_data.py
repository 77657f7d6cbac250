"""The benchmark's synthetic sites load and build, and its plain baseline builds the same site without hooks."""

from __future__ import annotations

import subprocess
import sys

import pytest

from annotated_article.article.loading import load_site
from conftest import PROJECT

sys.path.insert(0, str(PROJECT / "benchmarks"))

import plain_site  # noqa: E402
import run  # noqa: E402
import synthetic  # noqa: E402

pytestmark = pytest.mark.build

SEED = load_site(PROJECT / "data", PROJECT / "docs")


@pytest.fixture(scope="module")
def two_x(tmp_path_factory):
    return synthetic.generate(tmp_path_factory.mktemp("bench") / "hooked", 2)


def test_twice_the_seed_loads_with_twice_its_entries(two_x):
    site = load_site(two_x.project / "data", two_x.project / "docs")
    assert len(site.articles) == 2 * len(SEED.articles) == len(two_x.articles)
    assert len(site.actors) == 2 * len(SEED.actors) == two_x.actors
    assert len(site.people) == 2 * len(SEED.people) == two_x.people
    assert len(site.sources) == 2 * len(SEED.sources) == two_x.sources
    seed_annotations = sorted(len(article.annotations) for article in SEED.articles.values())
    assert sorted(len(article.annotations) for article in site.articles.values()) == sorted(seed_annotations * 2)
    assert sum(seed_annotations) * 2 == two_x.annotations


def test_a_block_is_the_same_at_every_scale(tmp_path, two_x):
    three_x = synthetic.generate(tmp_path / "three", 3)
    for name in ("data/articles/synthetic-1.yml", "docs/articles/synthetic-1.md"):
        assert (three_x.project / name).read_bytes() == (two_x.project / name).read_bytes()
    assert (three_x.project / "data/articles/synthetic-2.yml").is_file()


def test_plain_baseline_builds_the_same_site(tmp_path, two_x):
    plain_site.capture(two_x.project, tmp_path / "capture", tmp_path / "site-hooked")
    captured = (tmp_path / "capture" / "docs" / "articles" / "synthetic-1.md").read_text(encoding="utf-8")
    source = (two_x.project / "docs" / "articles" / "synthetic-1.md").read_text(encoding="utf-8")
    assert source.strip() in captured  # the article's Markdown as written: its annotations are placed while rendering
    assert "Sources and attributions" in captured  # and the footnotes the hooks append
    assert (tmp_path / "capture" / "docs" / "actors" / "b1-actor-1.md").is_file()
    plain_site.write_plain_site(two_x.project, tmp_path / "capture", tmp_path / "plain")
    config = (tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks:" not in config and "articles/synthetic-1.md" in config
    result = subprocess.run(plain_site.build_command("mkdocs.yml", tmp_path / "site-plain"), cwd=tmp_path / "plain",
                            env=plain_site.mkdocs_environment(tmp_path / "plain"), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    comparison = run.same_pages(tmp_path / "site-hooked", tmp_path / "site-plain")
    assert comparison["files"] > 70
    assert comparison["different"] == [] and comparison["only_in_plain"] == []
    page = tmp_path / "site-plain" / "articles" / "synthetic-1" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Sources and attributions", "Sources"), encoding="utf-8")
    # Only the elements the Markdown extension places are set aside: another difference in a paragraph counts.
    assert run.same_pages(tmp_path / "site-hooked", tmp_path / "site-plain")["different"] == [
        "articles/synthetic-1/index.html"]


def test_only_the_placed_elements_are_set_aside_when_comparing_articles():
    hooked = ('<p id="p-a-b">A <span class="annotated-passage" id="x">b <a class="actor-link" href="../c/">C</a>'
              '<sup class="annotation-marker" id="fnref:x"><a class="footnote-ref" href="#fn:s">1</a></sup></span></p>')
    assert run.without_placements(hooked) == "<p>A b C</p>"
    other = '<p id="p-a">A <span class="annotated-passage" id="x"><span class="other">b</span></span></p>'
    assert run.without_placements(other) == other
