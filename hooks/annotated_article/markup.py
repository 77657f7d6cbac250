"""Small text helpers for generated pages: escaping data text, relative links, excerpts."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from html import escape

# posixpath.relpath asks the OS for the working folder on every call; a generated site makes tens of
# thousands of links between a few folders, so the answers are kept (they do not depend on that
# folder: both paths are always relative, or both absolute).
_relpath = lru_cache(maxsize=1 << 16)(posixpath.relpath)

# The characters Python-Markdown lets a backslash escape; escaping any other would show the backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(text: str) -> str:
    """`text` for a Markdown line, so that it shows as exactly these characters and never as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(" ".join(text.split()), quote=False))


def html_text(text: str) -> str:
    """`text` for HTML content or an attribute value."""
    return escape(text, quote=True)


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at `from_url` to `to_url`, both site-root-relative URLs as MkDocs gives them.

    A fragment on `to_url` is kept.
    """
    target, _, fragment = to_url.partition("#")
    base = from_url if from_url == "" or from_url.endswith("/") else posixpath.dirname(from_url)
    relative = _relpath("/" + target, "/" + base)
    if target == "" or target.endswith("/"):
        relative = relative.rstrip("/") + "/"
    return relative + (f"#{fragment}" if fragment else "")


def page_path(kind: str, id_: str) -> str:
    """Path inside docs/ of the generated page of an actor, person or source (`kind`: actors, people, sources)."""
    return f"{kind}/{id_}.md"


def index_path(kind: str) -> str:
    return f"{kind}/index.md"


def relative_source_path(from_src: str, to_src: str) -> str:
    """Markdown link from one source file (inside docs/) to another, as MkDocs resolves them."""
    return _relpath(to_src, posixpath.dirname(from_src) or ".")


def excerpt(text: str, words: int = 18) -> str:
    """The first `words` words of `text`, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"
