"""`make build`: text from the data shows as text; a failed build names the problem and leaves site/ untouched.

One real build, of a copy whose data is full of markup, makes the site/ that the failing builds must
leave alone; the failing builds stop early (in the data check), except the one that fails last.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from conftest import ARTICLE_HTML, copy_project_for_make, run_make, snapshot, soup_of
from mistakes import ARTICLE_DATA, MISTAKES

pytestmark = pytest.mark.build

NAME = 'Mark </title><script>document.title="pwned-name"</script> Rutte'
ROLE = 'Secretary General of <b class="hostile">NATO</b> & **friends** [x](https://example.org/md-link)'
NOTE = ('<img class="hostile" src="x" onerror="alert(1)"> **not bold** _not em_ '
        '[not a link](https://example.org/md-link) &amp; &lt; `code` <!-- comment -->')
WHO = '<em class="hostile">Rutte</em> & co'
WORDS = 'All <mark class="hostile">possible</mark> scenarios </p><script>alert(1)</script> **are** [x](https://example.org/md-link)'
SEEN_IN = 'as quoted by <a class="hostile" href="https://example.org/md-link">Reuters</a> & _others_'
NOT_SEEN = '<span class="hostile">only</span> a `summary` # was seen'
TITLE = '</title><script>document.title="pwned-title"</script> Press point'
PUBLISHER = 'NATO <i class="hostile">HQ</i>'
TITLE_NOTE = "# not a heading"
LABEL = '<b class="hostile">Kyiv</b> Post'
URL = "https://fu.kyivpost.com/post/41237?q=1&amp=2&lang=en#top"
DESCRIPTION = 'Military alliance <script>document.title="pwned-actor"</script> **x**'

HOSTILE_EDITS = [  # (file, old, new): every value is single-quoted YAML, so it is exactly the text above
    ("people.yml", "  name: Mark Rutte\n", f"  name: '{NAME}'\n"),
    ("people.yml", "  role: Secretary General of NATO\n", f"  role: '{ROLE}'\n"),
    (ARTICLE_DATA, "    speaker: mark-rutte\n    source: nato-2024-10-28\n",
     f"    speaker: mark-rutte\n    attributed_to: '{WHO}'\n    source: nato-2024-10-28\n"),
    (ARTICLE_DATA, "    note: >-\n      “Growing desperation” are Rutte’s words as AFP quotes them; “immediately”\n"
                   "      is the article’s word. NATO’s own page of the press point was not seen.\n",
     f"    note: '{NOTE}'\n"),
    (ARTICLE_DATA, "        seen_in: as reported by Reuters (reprint at squidsaccess.com)\n"
                   "        words: All possible scenarios are under consideration.\n",
     f"        seen_in: '{SEEN_IN}'\n        words: '{WORDS}'\n"),
    (ARTICLE_DATA, "        not_seen: >-\n          only Newsweek’s summary of ISW’s analysis, which gives his figure, is\n"
                   "          recorded, not his words\n", f"        not_seen: '{NOT_SEEN}'\n"),
    ("sources.yml", "- id: nato-2024-10-28\n  publisher: NATO\n  title: >-\n"
                    "    Press point by NATO Secretary General Mark Rutte following the briefing by\n"
                    "    a delegation from the Republic of Korea\n  title_note: the official title is likely but was not seen\n",
     f"- id: nato-2024-10-28\n  publisher: '{PUBLISHER}'\n  title: '{TITLE}'\n  title_note: '{TITLE_NOTE}'\n"),
    ("sources.yml", "    - url: https://fu.kyivpost.com/post/41237\n      kind: report\n      label: Kyiv Post (AFP copy)\n",
     f"    - url: '{URL}'\n      kind: report\n      label: '{LABEL}'\n"),
    ("actors.yml", "  description: >-\n    Military alliance of North American and European countries, led in 2024\n"
                   "    by Secretary General Mark Rutte. Ukraine is a partner, not a member.\n",
     f"  description: '{DESCRIPTION}'\n"),
]


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with markup in its data, built once with `make build`."""
    project = copy_project_for_make(tmp_path_factory.mktemp("build") / "project")
    for name, old, new in HOSTILE_EDITS:
        edit(project, name, old, new)
    shutil.copytree(project / "data", project.parent / "good-data")
    result = run_make(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return project


@pytest.fixture
def good_data(project) -> Path:
    """The project, its data as it was for the good build (each test may break it)."""
    shutil.rmtree(project / "data")
    shutil.copytree(project.parent / "good-data", project / "data")
    return project


def pages(site: Path):
    return [soup_of(path) for path in sorted(site.rglob("*.html"))]


def test_no_text_from_the_data_becomes_markup_on_any_page(project):
    built = pages(project / "site")
    assert len(built) >= 3
    for soup in built:
        assert not soup.select(".hostile")
        assert not soup.select("img[onerror]")
        assert not soup.select('a[href="https://example.org/md-link"]')
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # whole: no text from the data ended the script early
            else:
                assert "pwned" not in script.get_text()
        assert not [strong for strong in soup.find_all(["strong", "em", "code"])
                    if strong.get_text() in ("not bold", "friends", "not em", "code")]
        assert not [h for h in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]) if "not a heading" in h.get_text()]


def test_every_text_from_the_data_shows_as_typed_on_some_page(project):
    texts = [soup.get_text() for soup in pages(project / "site")]
    for typed in (NAME, ROLE, NOTE, WHO, TITLE, PUBLISHER, TITLE_NOTE, LABEL, DESCRIPTION, WORDS, SEEN_IN, NOT_SEEN):
        assert any(typed in text for text in texts), typed


def test_page_titles_from_the_data_are_text(project):
    titles = [soup.title.get_text() for soup in pages(project / "site") if soup.title]
    assert [title for title in titles if "pwned" in title and NAME not in title and TITLE not in title] == []
    assert any(title.startswith(NAME) for title in titles)  # the person's page
    assert any(title.startswith(TITLE) for title in titles)  # the source's page


def test_text_from_the_data_shows_as_the_characters_typed(project):
    article = soup_of(project / "site" / ARTICLE_HTML)
    entry = article.find(id="cite:rutte-growing-desperation")
    entry_text = entry.get_text()
    assert NAME in entry_text and ROLE in entry_text and WHO in entry_text and NOTE in entry_text
    citation = article.find(id="fn:nato-2024-10-28").select_one(".source-citation")
    citation_text = citation.get_text()
    assert PUBLISHER in citation_text and TITLE in citation_text and TITLE_NOTE in citation_text
    assert LABEL in citation_text
    assert [a["href"] for a in citation.find_all("a") if a.get_text() == LABEL] == [URL]


@pytest.mark.parametrize("mistake", [m for m in MISTAKES if m.name in (
    "yaml-syntax", "python-tag", "words-not-in-article",
)], ids=lambda m: m.name)
def test_a_data_mistake_fails_make_build_and_leaves_site_untouched(good_data, mistake):
    project = good_data
    mistake.make(project)
    site_before, data_before = snapshot(project / "site"), snapshot(project / "data")
    result = run_make(project, "build")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    place = f"{mistake.file}:{mistake.line(project)}:"
    assert any(line.startswith(place) and mistake.expected in line for line in output.splitlines()), output
    assert snapshot(project / "site") == site_before
    assert snapshot(project / "data") == data_before
    assert not (project / "site.new").exists()


def test_a_build_that_fails_after_writing_pages_leaves_site_untouched(good_data):
    project = good_data
    index = project / "docs" / "index.md"
    original = index.read_text(encoding="utf-8")
    try:
        index.write_text(original + "\nSee [the missing page](missing.md).\n", encoding="utf-8")
        site_before = snapshot(project / "site")
        result = run_make(project, "build")
        assert result.returncode != 0
        assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
        assert snapshot(project / "site") == site_before
        assert not (project / "site.new").exists()
    finally:
        index.write_text(original, encoding="utf-8")


def test_a_good_build_replaces_site(good_data):
    project = good_data
    edit(project, "people.yml", f"  name: '{NAME}'\n", "  name: Mark Rutte the Second\n")
    result = run_make(project, "build")
    assert result.returncode == 0, result.stderr
    assert "Mark Rutte the Second" in (project / "site" / ARTICLE_HTML).read_text(encoding="utf-8")
    assert not (project / "site.new").exists() and not (project / "site.old").exists()


def test_a_site_exists_at_every_instant_of_a_good_build(good_data):
    """A watcher reads site/ without a pause while `make build` builds and swaps in the new site."""
    import threading

    project = good_data
    index, missing, done = project / "site" / "index.html", [], threading.Event()

    def watch():
        while not done.is_set():
            if not index.is_file():
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = run_make(project, "build")
    finally:
        done.set()
        watcher.join()
    assert result.returncode == 0, result.stderr
    assert missing == []
    assert not (project / "site.new").exists() and not (project / "site.old").exists()


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_a_build_stopped_midway_leaves_site_as_it_was_and_no_site_new(good_data, signal_name):
    import os
    import signal
    import subprocess
    import time

    from conftest import VENV

    project = good_data
    site_before = snapshot(project / "site")
    build = subprocess.Popen(["make", "--no-print-directory", "-o", f"{VENV}/.installed", "build", f"VENV={VENV}"],
                             cwd=project, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not (project / "site.new").exists() and build.poll() is None:
            time.sleep(0.01)  # waiting for the state to stop in, not a timed assertion
        assert build.poll() is None, "the build ended before it wrote site.new/"
        os.killpg(build.pid, getattr(signal, signal_name))
        build.wait(timeout=120)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert build.returncode != 0
    assert not (project / "site.new").exists()
    assert snapshot(project / "site") == site_before


def test_the_swap_exchanges_two_folders_in_one_step(tmp_path):
    from build_site import exchange, swap_in

    for name in ("site", "site.new"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(name, encoding="utf-8")
    assert exchange(tmp_path / "site.new", tmp_path / "site")  # Linux: one renameat2 call
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "site.new"
    assert (tmp_path / "site.new" / "index.html").read_text(encoding="utf-8") == "site"
    swap_in(tmp_path / "site.new", tmp_path / "site", tmp_path / "site.old")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "site"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_a_link_in_docs_to_a_file_outside_the_project_stops_the_build(good_data):
    project = good_data
    link = project / "docs" / "notes.txt"
    link.symlink_to("/etc/passwd")
    try:
        site_before = snapshot(project / "site")
        result = run_make(project, "build")
        assert result.returncode != 0
        assert "docs/notes.txt:1:1: is a link to a place outside the project" in result.stdout + result.stderr
        assert snapshot(project / "site") == site_before and not (project / "site" / "notes.txt").exists()
    finally:
        link.unlink()


@pytest.mark.parametrize("target", [".", ".."])
def test_a_link_in_docs_to_a_folder_that_holds_it_stops_the_build_at_once(good_data, target):
    """MkDocs follows links in docs/: one to its own folder, or to the project, never ends (or copies the project,
    the site and the zip into the site, again and again)."""
    project = good_data
    link = project / "docs" / "loop"
    link.symlink_to(target)
    try:
        site_before = snapshot(project / "site")
        started = time.monotonic()
        result = run_make(project, "build", timeout=120)
        assert time.monotonic() - started < 60
        assert result.returncode != 0 and "Traceback" not in result.stdout + result.stderr
        assert "docs/loop:1:1: is a link to a folder that holds it" in result.stdout + result.stderr
        assert snapshot(project / "site") == site_before
    finally:
        link.unlink()
