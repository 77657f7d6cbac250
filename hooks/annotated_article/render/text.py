"""Small text helpers for generated pages: escaping data text, excerpts."""

from __future__ import annotations

import re
from html import escape

# The characters Python-Markdown lets a backslash escape; escaping any other would show the backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(text: str) -> str:
    """`text` for a Markdown line, so that it shows as exactly these characters and never as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escape(" ".join(text.split()), quote=False))


def html_text(text: str) -> str:
    """`text` for HTML content or an attribute value."""
    return escape(text, quote=True)


def excerpt(text: str, words: int = 18) -> str:
    """The first `words` words of `text`, with an ellipsis when cut."""
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"
