"""How `make changes` (tools/data_changes.py) shows an annotation's quote: its words, and when they occur more than
once in the article, the fewest words around them that tell the place apart, read from the article's text as the
build reads it (its Markdown parsed with mkdocs.yml's extensions) where the check finds the quote."""

from __future__ import annotations

import functools
from pathlib import Path

from annotated_article.article.anchoring import AnchorError, anchor_quote, fold
from annotated_article.article.parsing import ArticleParser, markdown_config
from annotated_article.article.text import read_text
from annotated_article.data.article_files import without_front_matter
from annotated_article.model import ArticleText, TextQuote, occurrences
from change_lines import brief, text


@functools.cache
def _parser(mkdocs_yml: Path) -> ArticleParser:
    return ArticleParser(markdown_config(mkdocs_yml))


@functools.lru_cache(maxsize=8)
def published_text(markdown: bytes, mkdocs_yml: Path) -> ArticleText | None:
    """The article's text as the build reads it, or None when it cannot be read (`make check` says why)."""
    try:
        source = without_front_matter(markdown.decode("utf-8"))[0]
        return read_text(*_parser(mkdocs_yml).parse(source))[0]
    except (UnicodeDecodeError, RecursionError):
        return None


#: Most words shown on each side of a quote to tell it apart from the other places of its words.
CONTEXT_WORDS = 12


def quote_shown(annotation: dict, published: ArticleText | None) -> str:
    """The annotation's words; when they occur more than once in the article, with the fewest words around them
    (the same number on each side) that occur once, found where the check finds the quote."""
    exact = annotation.get("exact")
    if published is None or not isinstance(exact, str):
        return brief(exact)
    quote = TextQuote(exact, *(value if isinstance(value, str) else "" for value in
                               (annotation.get("prefix"), annotation.get("suffix"))))
    try:
        start, end = anchor_quote(published, quote, explain=False)
    except AnchorError:  # `make check` says why
        return brief(exact)
    whole, folded = published.text, fold(published.text)
    if len(occurrences(folded, fold(whole[start:end]))) <= 1:
        return brief(exact)
    before, after = whole[:start].split(), whole[end:].split()
    for count in range(1, CONTEXT_WORDS + 1):
        head, tail = before[len(before) - min(count, len(before)):], after[:count]
        shown = " ".join([*head, whole[start:end], *tail])
        if len(occurrences(folded, fold(shown))) <= 1 or count == CONTEXT_WORDS:
            break
    return (f"{brief(exact)} (in “{'…' if len(head) < len(before) else ''}{text(shown)}"
            f"{'…' if len(tail) < len(after) else ''}”)")
