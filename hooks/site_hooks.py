"""MkDocs event functions for the annotated-article site; the work is done in `annotated_article`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from annotated_article import serving, site_build
from annotated_article.errors import DataErrors

_site: site_build.SiteBuild | None = None
log = get_plugin_logger("annotated_article")


def on_config(config):
    global _site
    project = Path(config.config_file_path).parent
    try:
        _site = site_build.SiteBuild.load(project / "data", Path(config.docs_dir))
    except DataErrors as failure:
        error = PluginError(f"The data has {len(failure.errors)} problem(s):\n{failure}")
        error.data_errors = failure.errors  # tells on_serve's rebuilds that nothing was written yet
        raise error from None
    return config


def on_serve(server, config, builder):
    if hasattr(server, "builder"):
        server.builder = serving.keep_last_good_site(server.builder, lambda: log.error(
            "The site was not rebuilt: fix the problems above and save. The last good site is still served."))
    return server


def on_page_markdown(markdown, page, config, files):
    try:
        return _site.annotate_markdown(page.file.src_uri, markdown)
    except DataErrors as failure:
        raise PluginError(str(failure)) from None


def on_page_content(html, page, config, files):
    return _site.append_footnotes(page.file.src_uri, html)
