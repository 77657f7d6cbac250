"""Shared fixtures: the project's paths, real MkDocs builds into temporary folders."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
import yaml
import yaml_env_tag
from bs4 import BeautifulSoup

from annotated_article.article.loading import load_site
from annotated_article.model import SiteData
from second_article import (  # noqa: F401 (the tests import them from here)
    SECOND_ARTICLE,
    THIRD_ARTICLE,
    add_second_article,
    add_test_articles,
)

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLE = "articles/north-korea-troops-russia.md"
ARTICLE_HTML = "articles/north-korea-troops-russia/index.html"

pytest_plugins = ["browser_fixtures"]

#: Fixtures that build the site (or an edition of it): a test that uses one is a build test.
BUILD_FIXTURES = {"site_build", "built_site", "project_copy", "offline_zip", "offline_zips", "offline_site",
                  "each_site", "second_article_make"}
_running: list[pytest.Item] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Each test is `unit`, `build` (it builds the site or runs `make`) or `browser` (it drives Chromium):
    browser if it uses the browser, build if it uses a building fixture or says so, unit otherwise."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        elif fixtures & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)
        if not item.get_closest_marker("browser") and not item.get_closest_marker("build"):
            item.add_marker(pytest.mark.unit)


def pytest_runtest_setup(item: pytest.Item) -> None:
    _running[:] = [item]


def pytest_runtest_teardown(item: pytest.Item) -> None:
    _running.clear()


def _may_build() -> None:
    """A unit test that builds would make `make test-fast` slow: say which test must be marked."""
    if _running and _running[0].get_closest_marker("unit"):
        raise RuntimeError(f"{_running[0].nodeid} builds the site or runs make: mark it `pytest.mark.build`")


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """What `make check` reads: a copy of data/, docs/ and mkdocs.yml (its Markdown extensions)."""
    for name in ("data", "docs"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    shutil.copy2(PROJECT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def copy_project(destination: Path) -> Path:
    """A copy of everything a build reads, for tests that change the data."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs.offline.yml", "docs", "hooks", "data", "overrides"):
        source = PROJECT / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / name)
    return destination


def run_mkdocs_build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`, as a separate process (with `env` added to its
    environment)."""
    _may_build()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=environment, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, offline_zip) -> tuple[Path, subprocess.CompletedProcess]:
    """The real site as `make build` publishes it (with the offline zip), built once per test session, and
    the build's output."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(PROJECT, site_dir, env={"OFFLINE_ZIP": str(offline_zip)})
    assert result.returncode == 0, result.stderr
    return site_dir, result


@pytest.fixture(scope="session")
def built_site(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def second_article_project(tmp_path_factory) -> Path:
    """The project with the tests' second and third articles added (tests/second_article.py)."""
    return add_test_articles(copy_project_for_make(tmp_path_factory.mktemp("second-article")))


@pytest.fixture(scope="session")
def second_article_make(second_article_project) -> dict[str, subprocess.CompletedProcess]:
    """`make check`, then `make build`, run on the project with a second and a third article, as an editor runs
    them."""
    return {target: run_make(second_article_project, target) for target in ("check", "build")}


@pytest.fixture(scope="session")
def second_article_site(second_article_project, second_article_make) -> Path:
    assert second_article_make["build"].returncode == 0, second_article_make["build"].stderr
    return second_article_project / "site"


@dataclass
class BuiltSite:
    """A project and the site built from it."""

    project: Path
    site: Path

    @cached_property
    def data(self) -> SiteData:
        return load_site(self.project / "data", self.project / "docs")


@pytest.fixture(scope="session", params=["seed", "second article"])
def each_site(request) -> BuiltSite:
    """The project as it is, then the project with a second and a third article (one written in more than
    paragraphs): what holds for the whole site holds for both."""
    if request.param == "seed":
        return BuiltSite(PROJECT, request.getfixturevalue("built_site"))
    return BuiltSite(request.getfixturevalue("second_article_project"),
                     request.getfixturevalue("second_article_site"))


def article_html(path: str) -> str:
    """The built page of the article at `path` inside docs/ (`articles/NAME.md`), relative to the site."""
    return path.removesuffix(".md") + "/index.html"


@pytest.fixture
def project_copy(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


#: The virtual environment the tests run in (the project's .venv under `make test`).
VENV = Path(sys.prefix) if sys.prefix != sys.base_prefix else PROJECT / ".venv"


def copy_project_for_make(destination: Path) -> Path:
    """`copy_project`, plus what `make` reads, for tests that run the Makefile's targets."""
    destination.mkdir(parents=True, exist_ok=True)
    copy_project(destination)
    for name in ("Makefile", "requirements.lock", "requirements-ci.lock", "pyproject.toml", "mkdocs.offline.yml"):
        shutil.copy2(PROJECT / name, destination / name)
    shutil.copytree(PROJECT / "tools", destination / "tools", ignore=shutil.ignore_patterns("__pycache__"))
    return destination


def run_make(project: Path, target: str, env: dict | None = None, timeout: float = 300,
             variables: dict | None = None) -> subprocess.CompletedProcess:
    """`make TARGET` in `project`, with the test run's virtual environment (already installed: never reinstalled);
    `variables` are given on make's command line (`make TARGET NAME=VALUE`), `env` in its environment."""
    _may_build()
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("GITHUB_ACTIONS", "MAKEFLAGS", "BASE")}
    environment.update(env or {})
    return subprocess.run(
        ["make", "--no-print-directory", "-o", f"{VENV}/.installed", target, f"VENV={VENV}",
         *(f"{name}={value}" for name, value in (variables or {}).items())],
        cwd=project, env=environment, capture_output=True, text=True, timeout=timeout,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes, to tell that nothing was changed."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml read as MkDocs reads it: `!ENV [NAME, default]` is the variable NAME, else the default."""


yaml_env_tag.add_env_tag(_ConfigLoader)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def mkdocs_config() -> dict:
    return yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)


def site_url() -> str:
    """The `site_url` the builds use, where the hosted edition lives (with a final `/`, as MkDocs makes it)."""
    return mkdocs_config()["site_url"].rstrip("/") + "/"


#: Elements a browser loads something for, and the attribute that says from where.
_LOADED_FROM = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
                "embed": "src", "object": "data", "link": "href"}
#: Link relations that only name another page; the browser loads nothing for them.
_PAGE_RELATIONS = {"canonical", "alternate", "prev", "next"}
_OTHER_HOST = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


def resources_from_other_hosts(soup: BeautifulSoup) -> list[str]:
    """What a page's HTML would load from another host: scripts, styles, fonts, images, frames."""
    found = []
    for tag, attribute in _LOADED_FROM.items():
        for element in soup.find_all(tag):
            if tag == "link" and _PAGE_RELATIONS & set(element.get("rel", [])):
                continue
            if _OTHER_HOST.match(element.get(attribute, "")):
                found.append(f"<{tag} {attribute}={element[attribute]}>")
    for element in soup.find_all(["image", "use", "feImage"]):  # SVG, inline in a page
        for attribute in ("href", "xlink:href"):
            if _OTHER_HOST.match(element.get(attribute, "")):
                found.append(f"<{element.name} {attribute}={element[attribute]}>")
    for style in soup.find_all("style"):
        found += [f"<style> {url}" for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", style.get_text())]
    return found
