"""The project's own data, loaded as a build loads it, and its articles rendered without a full site build."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import markdown

from annotated_article.article_markup import annotate_article
from annotated_article.article_text import ArticleText, article_text
from annotated_article.site_data import SiteData, load_site
from annotated_article.site_urls import SiteUrls
from conftest import mkdocs_config

PROJECT = Path(__file__).resolve().parent.parent
SITE_URL = "https://example.org/annotated-articles/"


@cache
def project_site() -> SiteData:
    return load_site(PROJECT / "data", PROJECT / "docs")


def rendered_texts(site: SiteData) -> dict[str, ArticleText]:
    """Each article's Markdown with its passage anchors, rendered by Python-Markdown with the site's
    extensions, and read back as text."""
    extensions, configs = markdown_extensions()
    texts = {}
    for path, article in site.articles.items():
        source = (PROJECT / "docs" / path).read_text(encoding="utf-8")
        html = markdown.markdown(annotate_article(source, article, site).markdown, extensions=extensions,
                                 extension_configs=configs)
        texts[path] = article_text(html)
    return texts


@cache
def markdown_extensions() -> tuple[list[str], dict[str, dict]]:
    """The `markdown_extensions` of mkdocs.yml: their names, and the options of those that have some."""
    config = mkdocs_config()
    names, options = [], {}
    for entry in config.get("markdown_extensions", []):
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if settings:
            options[name] = settings
    return names, options


def site_urls() -> SiteUrls:
    return SiteUrls(SITE_URL)
