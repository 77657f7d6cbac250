"""Python-Markdown run with the site's extensions: up to where the article's text is read, or, inside MkDocs'
own rendering of a page, with the planned elements put on its tree there.

Both stop at one point of Python-Markdown's work (`PRIORITY`): after every processor that changes the
text (inline syntax, attribute lists, typographic extensions) and before MkDocs rewrites links.
`ArticleParser.parse` stops there when the data is loaded; `PlacingExtension` runs there inside MkDocs'
rendering of each page.
"""

from __future__ import annotations

import importlib
import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Callable, Protocol

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor

#: Just below the text-changing tree processors (smarty 6, abbr 7, attr_list 8, prettify 10), above
#: toc (5) and MkDocs' link rewriting (0).
PRIORITY = 5.5
#: Markdown extensions MkDocs always adds to those of mkdocs.yml.
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")

MarkdownConfig = tuple[tuple, dict]  # extensions (names or instances), and the options of named ones


class ArticleParser:
    """Parses articles with the site's Markdown extensions, up to `PRIORITY`; one instance serves every article."""

    def __init__(self, config: MarkdownConfig):
        extensions, options = config
        self.md = markdown.Markdown(extensions=[_extension(name, options) for name in extensions])
        self.stop = _Stop(self.md)
        self.md.treeprocessors.register(self.stop, "annotated-article-read", PRIORITY)

    def parse(self, source: str) -> tuple[etree.Element, list]:
        """The tree, and the stash of the article's own HTML."""
        self.md.reset()
        lines = source.split("\n")
        for preprocessor in self.md.preprocessors:
            lines = preprocessor.run(lines)
        root = self.md.parser.parseDocument(lines).getroot()
        for processor in self.md.treeprocessors:
            if processor is self.stop:
                break
            root = processor.run(root) or root
        return root, self.md.htmlStash.rawHtmlBlocks


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags (`!ENV`, `!!python/name:`) that name what this reading does not need."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def markdown_config(mkdocs_yml: Path) -> MarkdownConfig:
    """The Markdown extensions MkDocs renders pages with: its built-in ones, then those of `mkdocs_yml`."""
    names, options = list(MKDOCS_BUILTIN_EXTENSIONS), {}
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader) if mkdocs_yml.is_file() else {}
    for entry in (config or {}).get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if settings:
            options[name] = settings
    return tuple(names), options


def _extension(name, options: dict) -> markdown.Extension:
    """An extension named as in mkdocs.yml, built from its module (as Python-Markdown would, without
    searching every installed package's entry points first)."""
    if not isinstance(name, str):
        return name
    module_name, _, class_name = name.partition(":")
    if "." not in module_name:
        module_name = f"markdown.extensions.{module_name}"
    config = options.get(name) or {}
    try:
        module = importlib.import_module(module_name)
    except ImportError:  # a name only an installed package's entry point gives
        return markdown.Markdown().build_extension(name, config)
    return getattr(module, class_name)(**config) if class_name else module.makeExtension(**config)


class _Stop(Treeprocessor):
    def run(self, root):
        return None


class Placer(Protocol):
    """What the extension does to the tree of the page being rendered."""

    def place(self, root: etree.Element, stash: list) -> None:
        """At `PRIORITY`: elements MkDocs then sees (ids it records, links it checks)."""

    def finish(self, root: etree.Element) -> None:
        """After MkDocs has read the page's links: links into what is added to the page later."""


class PlacingExtension(markdown.Extension):
    """Runs `current()`'s placer, if the page being rendered has one, on the page's tree."""

    def __init__(self, current: Callable[[], Placer | None]):
        super().__init__()
        self.current = current

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Run(md, self.current, False), "annotated-article", PRIORITY)
        md.treeprocessors.register(_Run(md, self.current, True), "annotated-article-finish", -1)


class _Run(Treeprocessor):
    def __init__(self, md: markdown.Markdown, current: Callable[[], Placer | None], finish: bool):
        super().__init__(md)
        self.current = current
        self.finish = finish

    def run(self, root):
        placer = self.current()
        if placer is not None and self.finish:
            placer.finish(root)
        elif placer is not None:
            placer.place(root, self.md.htmlStash.rawHtmlBlocks)
        return None
