"""MkDocs hooks that record what the project's hooks produce, for the benchmark's plain baseline.

Listed after `hooks/site_hooks.py` in a benchmark copy of mkdocs.yml, with the folder to write
to in BENCH_CAPTURE_DIR. They change nothing in the build; they write:

- `nav.yml`: the navigation as the project's hooks left it;
- `docs/PATH`: for every page, its Markdown after every `on_page_markdown`, with whatever the
  hooks' `on_page_content` appended to its HTML added at the end (an HTML block passes through
  Markdown unchanged), and its metadata as the hooks left it, as front matter;
- `docs/PATH` of every other file the hooks generated, as it is once every `on_env` has run;
- `changed.txt`: the pages whose HTML the hooks changed other than by appending to it (the
  baseline cannot reproduce those, so the benchmark refuses to compare).
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority

_before: dict[str, str] = {}


def _out() -> Path:
    return Path(os.environ["BENCH_CAPTURE_DIR"])


def _write(relative: str, content: str | bytes) -> None:
    target = _out() / "docs" / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")


@event_priority(-100)
def on_config(config):
    _out().mkdir(parents=True, exist_ok=True)
    (_out() / "nav.yml").write_text(yaml.safe_dump({"nav": config.nav}, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    (_out() / "changed.txt").write_text("", encoding="utf-8")
    return config


@event_priority(-100)
def on_env(env, config, files):
    """After every `on_env`: generated files that are not pages have their final content."""
    for file in files:
        if file.generated_by and not file.is_documentation_page():
            _write(file.src_uri, file.content_bytes)
    return env


@event_priority(100)
def on_page_content(html, page, config, files):
    _before[page.file.src_uri] = html
    return html


@event_priority(-100)
def on_page_context(context, page, config, nav):
    """After every `on_page_content`: `page.content` is the page's final HTML."""
    before, html = _before.pop(page.file.src_uri), page.content
    if html.startswith(before):
        appended = html[len(before):]
        markdown = page.markdown + ("\n\n" + appended.strip("\n") + "\n" if appended.strip() else "")
    else:
        markdown = page.markdown
        with (_out() / "changed.txt").open("a", encoding="utf-8") as file:
            file.write(page.file.src_uri + "\n")
    if page.meta:  # as the hooks left it (front matter is not part of page.markdown)
        markdown = "---\n" + yaml.safe_dump(page.meta, allow_unicode=True, sort_keys=False) + "---\n\n" + markdown
    _write(page.file.src_uri, markdown)
    return context
