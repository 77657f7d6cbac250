"""Under `mkdocs serve --dirty` (`make serve`), a rebuild renders again only the pages whose inputs changed.

Each page has a fingerprint: the SHA-256 of everything its HTML is made from, in two parts. The site's
signature holds what every page reads: mkdocs.yml and the configuration it resolves to, the theme's files
and our overrides, the hook modules, the schemas, the navigation with its titles (and the Markdown of each
page the navigation names by its own title), the list of every file of the site, and the build date. The
page's own part holds what the page's events are given or compute from the data: its Markdown as our hooks
hand it to MkDocs, for an article the whole of the claims view and the plan its rendering reads (a stable
serialisation of the loaded objects, every field of every dataclass, so a field added to them later is
covered with no list to keep), its description, and the tags and JSON-LD of its head. A page whose
fingerprint is the one recorded when it was last written is not rendered again; MkDocs then knows nothing of
it but its file, so what other pages and the checks read of it (its title, meta, anchors and links to
anchors) is put back from the record. A change to the signature renders every page, in a cleaned site
folder: a page removed leaves no file behind.

The search index is ours too: Material's merge of a dirty rebuild assumes one page per rebuild and puts it
last, so the hook keeps each page's entries from its last render and writes them in the order a full build
does. Nothing here imports MkDocs: the hook file hands plain values in and out.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import jinja2

#: The theme's files that pages are made from: its templates and its settings (not its icons and scripts, which
#: are copied as they are, and thousands).
TEMPLATE_FILES = (".html", ".xml", ".yml", ".yaml", ".json")
#: The warning MkDocs logs on every dirty build; under `--strict` it would abort the build.
DIRTY_WARNING = "A 'dirty' build is being performed"


def keep_log_message(message: str) -> bool:
    """Whether MkDocs' log line stays: not its warning that a dirty build may have stale navigation, which is
    what the fingerprints and the signature rule out."""
    return not message.startswith(DIRTY_WARNING)


def stable_text(value: Any) -> str:
    """A serialisation of `value` that is the same for equal data in one process: every field of a dataclass
    (those left out of its repr too), mappings in their order, sets sorted. An object of any other kind stands
    for itself (its type and id), so a page that reads one is always rendered again: never wrongly skipped."""
    digests: dict[int, str] = {}

    def text(item: Any) -> str:
        if item is None or isinstance(item, (str, int, float, bool, bytes)):
            return f"{type(item).__name__}:{item!r}"
        if isinstance(item, os.PathLike):
            return f"path:{os.fspath(item)!r}"
        names = _field_names(item.__class__)
        if names is not None:
            key = id(item)
            if key not in digests:  # an object shared by many (the article in each claim) is read once
                inner = ",".join([text(getattr(item, name)) for name in names])
                digests[key] = _digest(f"{type(item).__qualname__}({inner})")
            return digests[key]
        if isinstance(item, dict):
            return "{" + ",".join(f"{text(k)}:{text(v)}" for k, v in item.items()) + "}"
        if isinstance(item, (list, tuple)):
            return f"{type(item).__name__}[" + ",".join(text(v) for v in item) + "]"
        if isinstance(item, (set, frozenset)):
            return "set{" + ",".join(sorted(text(v) for v in item)) + "}"
        return f"{type(item).__qualname__}@{id(item)}"

    return text(value)


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass (None for any other type)."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def files_digest(paths: Iterable[Path], by_content: bool = True, suffixes: tuple[str, ...] = ()) -> str:
    """The digest of the files under `paths` (files or folders; those missing count as missing): by content; or
    for an installed theme, which only an upgrade changes, by path, size and modification time of the files
    whose name ends in one of `suffixes`, outside hidden folders (its thousands of icons, which an upgrade
    changes along with its templates)."""
    hashed = hashlib.sha256()
    for root in paths:
        found = sorted(_files_under(root, suffixes)) if root.is_dir() else [root]
        for path in found:
            hashed.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
            if not path.is_file():
                hashed.update(b"missing\0")
            elif by_content:
                hashed.update(hashlib.sha256(path.read_bytes()).digest())
            else:
                status = path.stat()
                hashed.update(f"{status.st_size}:{status.st_mtime_ns}\0".encode())
    return hashed.hexdigest()


def site_signature(project: Path, config_file: Path, theme_dirs: Iterable[str], *values: Any) -> str:
    """What every page is made from: mkdocs.yml, the hook modules, the schemas and the theme's folders that are
    the project's (`custom_dir`), by content; the installed theme's templates by their files' times; and
    `values`, the configuration as resolved and what the build reads of the whole site (the navigation, every
    file's path, the build date...)."""
    folders = [Path(folder) for folder in theme_dirs]
    own = [config_file, project / "hooks", project / "data" / "schemas",
           *(folder for folder in folders if folder.is_relative_to(project))]
    installed = [folder for folder in folders if not folder.is_relative_to(project)]
    # Its digest: the text holds every file's path, and is a part of every page's fingerprint.
    return _digest(stable_text((files_digest(own), files_digest(installed, False, TEMPLATE_FILES), values)))


def _files_under(root: Path, suffixes: tuple[str, ...]) -> Iterable[Path]:
    if not suffixes:
        yield from (path for path in root.rglob("*") if path.is_file())
        return
    for folder, folders, names in os.walk(root):
        folders[:] = [name for name in folders if not name.startswith(".")]
        yield from (Path(folder, name) for name in names if name.endswith(suffixes))


def untitled_nav_paths(nav: Any) -> list[str]:
    """The pages a navigation (mkdocs.yml's `nav`, as a list) names without a title of its own: their title is
    read from their Markdown, and every page shows it."""
    if isinstance(nav, str):
        return [] if "://" in nav else [nav]
    if isinstance(nav, list):
        return [path for entry in nav for path in untitled_nav_paths(entry)]
    if isinstance(nav, dict):
        return [path for value in nav.values() if not isinstance(value, str) for path in untitled_nav_paths(value)]
    return []


class TemplateCache(jinja2.BytecodeCache):
    """The theme's templates as compiled by the first build, for the next ones (MkDocs makes a new Jinja
    environment for every build, which compiles them all again); a template whose source changed is compiled
    again (Jinja checks each one's checksum)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.compiled.clear()


@dataclass(frozen=True)
class PageRecord:
    """What a written page leaves for the rebuilds that do not render it again."""

    fingerprint: str
    title: str | None
    meta: dict
    #: The ids a link may point to in the page, and the page's links to anchors by the page they point to (None:
    #: as MkDocs left them, not collected).
    anchors: frozenset[str] | None
    links: dict[str, dict[str, str]] | None


@dataclass
class PageRecords:
    """The records of the pages written so far under `mkdocs serve --dirty`, and this rebuild's answers."""

    records: dict[str, PageRecord] = field(default_factory=dict)
    #: Each page's search entries (Material's, as it indexed the page), by the page's URL.
    search: dict[str, list[dict]] = field(default_factory=dict)
    #: The signature of the last rebuild that finished.
    finished_signature: str = ""
    signature: str = ""
    #: This rebuild's answer for each page it asked about: its fingerprint, and whether it is rendered.
    answers: dict[str, tuple[str, bool]] = field(default_factory=dict)
    #: How to read each page's own inputs in this rebuild, by its path.
    inputs: dict[str, Callable[[str | None], tuple]] = field(default_factory=dict)
    #: The path and URL of every page of this rebuild, in the order MkDocs builds them.
    pages: list[tuple[str, str]] = field(default_factory=list)
    #: Whether this rebuild has begun writing into the site folder.
    writing: bool = False
    #: Whether no build has begun yet (the first writes into an empty folder).
    first: bool = True
    #: The theme's compiled templates, kept while the signature (which holds the templates and the theme's
    #: settings) stays the same.
    templates: TemplateCache = field(default_factory=TemplateCache)
    #: What was made from each page's own inputs besides the page (an article's search entries), by its path.
    made: dict[str, Any] = field(default_factory=dict)

    def begin(self, signature: str, pages: list[tuple[str, str]]) -> bool:
        """A rebuild with this signature begins; whether it renders every page (and the site folder must be
        cleaned first: the pages of the last build may not all be pages of this one)."""
        # A page's URL as its search entries have it: the home page's is empty (MkDocs' file says "./").
        pages = [(path, "" if url in (".", "./") else url) for path, url in pages]
        self.signature, self.pages, self.answers, self.inputs = signature, pages, {}, {}
        self.writing = True
        everything, first = signature != self.finished_signature, self.first
        self.first = False
        if everything:
            self.records.clear()
            self.search.clear()
            self.templates.clear()
            self.made.clear()
        return everything and not first

    def modified(self, path: str, inputs: Callable[[str | None], tuple]) -> bool:
        """Whether the page at `path` is rendered in this rebuild; `inputs(title)` gives the page's own inputs,
        for the title MkDocs gives the page (that of the record: a page whose inputs are unchanged keeps it)."""
        if path not in self.answers:
            self.inputs[path] = inputs
            record = self.records.get(path)
            value = "" if record is None else self._fingerprint(inputs(record.title))
            self.answers[path] = (value, record is None or value != record.fingerprint)
        return self.answers[path][1]

    def _fingerprint(self, inputs: tuple) -> str:
        return _digest(self.signature + "\0" + stable_text(inputs))

    def made_from(self, path: str, make: Callable[[], Any]) -> Any:
        """What `make` makes from the inputs of the page at `path` alone: made again when this rebuild renders the
        page, else kept from the last rebuild that did."""
        if path in self.made and not self.answers.get(path, ("", True))[1]:
            return self.made[path]
        made = self.made[path] = make()
        return made

    def kept(self, path: str) -> PageRecord | None:
        """The record of a page this rebuild does not render."""
        return self.records.get(path) if not self.answers.get(path, ("", True))[1] else None

    def written(self, path: str, title: str | None, meta: dict, anchors: Iterable[str] | None,
                links: dict[str, dict[str, str]] | None) -> None:
        """The page at `path` has been written with this title, meta, anchors and links to anchors."""
        record = self.records.get(path)
        value, _ = self.answers.get(path, ("", True))
        if record is None or record.title != title or not value:
            inputs = self.inputs.get(path)
            value = self._fingerprint(inputs(title)) if inputs is not None else ""
        self.records[path] = PageRecord(value, title, dict(meta), None if anchors is None else frozenset(anchors),
                                        links)

    def failed(self) -> None:
        """The rebuild stopped: once it has written anything, the next one renders every page."""
        if self.writing:
            self.finished_signature = ""
        self.writing = False

    def finished(self) -> str:
        """The rebuild has finished; what it rendered, said for the log."""
        self.finished_signature, self.writing = self.signature, False
        rendered = sum(1 for path, _ in self.pages if self.answers.get(path, ("", True))[1])
        return f"Rendered {rendered} of {len(self.pages)} pages (the others' inputs are unchanged)"

    def search_docs(self, rendered_docs: list[dict]) -> list[dict]:
        """The search index's entries (`docs`) of every page, in the order a full build gives them:
        `rendered_docs` are those of the pages rendered in this rebuild; the others are kept from their last
        render."""
        rendered = {url for path, url in self.pages if self.answers.get(path, ("", True))[1]}
        by_page: dict[str, list[dict]] = {url: [] for url in rendered}
        for doc in rendered_docs:
            by_page.setdefault(doc["location"].partition("#")[0], []).append(doc)
        self.search = {url: by_page[url] if url in rendered or url not in self.search else self.search[url]
                       for _, url in self.pages}
        return [doc for _, url in self.pages for doc in self.search[url]]


def clean_site_folder(site_dir: str) -> None:
    """Empty the site folder (as MkDocs does before a build that is not dirty), keeping the folder itself."""
    for entry in os.scandir(site_dir):
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
