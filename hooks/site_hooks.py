"""MkDocs event functions for the annotated-article site; the work is done in `annotated_article`."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

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
    config.nav = _site.navigation(config.nav)
    return config


def on_files(files, config):
    def url_of(path: str) -> str:
        return File(path, config.docs_dir, config.site_dir, config.use_directory_urls).url

    for path, markdown in _site.pages(url_of).items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is generated from data/: rename or delete the file in docs/.")
        files.append(File.generated(config, path, content=markdown))
    return files


def on_page_markdown(markdown, page, config, files):
    try:
        return _site.annotate_markdown(page.file.src_uri, markdown)
    except DataErrors as failure:
        raise PluginError(str(failure)) from None


def on_page_content(html, page, config, files):
    return _site.append_footnotes(page.file.src_uri, page.url, html)
