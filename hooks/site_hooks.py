"""MkDocs event functions for the annotated-article site; the work is done in `annotated_article`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from annotated_article import site_build
from annotated_article.errors import DataErrors

_site: site_build.SiteBuild | None = None


def on_config(config):
    global _site
    project = Path(config.config_file_path).parent
    try:
        _site = site_build.SiteBuild.load(project / "data", Path(config.docs_dir))
    except DataErrors as failure:
        raise PluginError(f"The data has {len(failure.errors)} problem(s):\n{failure}") from None
    return config


def on_page_markdown(markdown, page, config, files):
    try:
        return _site.annotate_markdown(page.file.src_uri, markdown)
    except DataErrors as failure:
        raise PluginError(str(failure)) from None


def on_page_content(html, page, config, files):
    return _site.append_footnotes(page.file.src_uri, html)
