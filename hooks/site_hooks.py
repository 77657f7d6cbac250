"""MkDocs event functions for the annotated-article site; the work is done in `annotated_article`.

What the events share is one `HookState` (`annotated_article.site.session`): the build under way, made in
`on_config`, and what one build leaves for the next under `mkdocs serve`.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from annotated_article.data.errors import DataErrors
from annotated_article.open_data.feed import article_changes, build_time
from annotated_article.open_data.published import OpenData
from annotated_article.site import (
    annotate_selection,
    finished_pages,
    incremental,
    offline_download,
    search_index,
    serving,
)
from annotated_article.site.incremental import PageRecords
from annotated_article.site.session import BuildSession, HookState
from annotated_article.site_urls import relative_url

state = HookState()
log = get_plugin_logger("annotated_article")


def on_startup(command, dirty):
    state.serving = command == "serve"
    if dirty:  # `make serve`: a rebuild renders again only the pages whose inputs changed (site/incremental.py)
        state.pages = PageRecords()
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: incremental.keep_log_message(record.getMessage()))


# First of all plugins: Material's offline plugin turns `use_directory_urls` off for the offline edition,
# and the open data must name the hosted pages in both editions.
@event_priority(100)
def on_config(config):
    project = Path(config.config_file_path).parent
    state.build = None  # whatever happens below, nothing of the last build is valid for this one

    hosted_directory_urls = config.use_directory_urls  # as the offline edition's plugin has not yet changed it

    def url_of(path: str) -> str:  # every address of the site is the one MkDocs gives the page
        return state.url(path, config.use_directory_urls, lambda: File(
            path, config.docs_dir, config.site_dir, config.use_directory_urls).url)

    def hosted_url_of(path: str) -> str:  # the published data names the hosted pages, in both editions
        return state.url(path, hosted_directory_urls, lambda: File(
            path, config.docs_dir, config.site_dir, hosted_directory_urls).url)

    # Read from disk, the offline edition's pages link no feed: the theme's script would load a sitemap beside it.
    offline = config.plugins.get("material/offline")
    from_disk = offline is not None and offline.config.get("enabled", True)

    # One date for the build everywhere (its pages, feed and open data, and the offline zip): the last commit's.
    built = build_time(project)

    def open_data(site, claims) -> OpenData:
        return OpenData.for_site(site, claims, config.site_url, hosted_url_of, config.site_name,
                                 config.site_description, article_changes(project, Path(config.docs_dir), site),
                                 built, link_feed=not from_disk)

    try:
        build = BuildSession.load(project / "data", Path(config.docs_dir), url_of, open_data,
                                  (tuple(config.markdown_extensions), config.mdx_configs), state.cache,
                                  built.date().isoformat())
    except DataErrors as failure:
        # Printed here, not as the error's message: MkDocs prints a build error's message only the
        # first time it is seen, and an editor under `make serve` may make the same mistake twice. Raised
        # while handling the DataErrors (its __context__), the error tells on_serve's rebuilds that nothing
        # was written yet.
        log.error(f"The data has {len(failure.errors)} problem(s):\n{failure}")
        raise PluginError(f"The site was not built: {len(failure.errors)} data problem(s), listed above.") from None
    except ValueError as problem:
        raise PluginError(f"mkdocs.yml: {problem}") from None
    try:
        zip_file = config.extra.get("offline_zip")
        build.offline = offline_download.OfflineZip.read(project / zip_file) if zip_file else None
    except ValueError as problem:
        raise PluginError(f"mkdocs.yml: extra.offline_zip: {problem}") from None
    state.build = build
    config.nav = build.navigation(config.nav)
    config.markdown_extensions.append(build.extension())
    return config


def on_serve(server, config, builder):
    if hasattr(server, "builder"):
        server.builder = serving.keep_last_good_site(server.builder, lambda: log.error(
            "The site was not rebuilt: fix the problems above and save. The last good site is still served."))
    return server


def on_files(files, config):
    build = state.current()
    for path, markdown in {**build.pages(), **build.open_data.downloads()}.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} is generated from data/: rename or delete the file in docs/.")
        files.append(File.generated(config, path, content=markdown))
    if build.offline:
        files.append(File.generated(config, build.offline.path.name, abs_src_path=str(build.offline.path)))
    if state.serving:  # what select-to-annotate reads of each article, under `make serve` only
        schemas = Path(config.config_file_path).parent / "data" / "schemas"
        for path, content in annotate_selection.served_files(build.site, schemas).items():
            files.append(File.generated(config, path, content=content))
    if state.pages is not None:
        pages = files.documentation_pages()
        project = Path(config.config_file_path).parent
        signature = incremental.site_signature(
            project, Path(config.config_file_path), config.theme.dirs,
            config.site_url, config.use_directory_urls, dict(config.extra), config.nav, build.built, build.offline,
            sorted(file.src_uri for file in files),
            [build.page_markdown(path, file.content_string) for path in incremental.untitled_nav_paths(config.nav)
             if (file := files.get_file_from_path(path)) is not None])
        if state.pages.begin(signature, [(file.src_uri, file.url) for file in pages]):
            incremental.clean_site_folder(config.site_dir)
        for file in pages:  # MkDocs asks before it reads a page, and again before it writes it
            file.is_modified = functools.partial(state.pages.modified, file.src_uri, lambda title, file=file: (
                build.page_inputs(file.src_uri, file.content_string, title, file.url)))
        search = config.plugins.get("material/search")
        if search is not None:  # Material's merge assumes one page per rebuild: the index is ours (on_post_build)
            if not hasattr(search, "search_index_prev"):
                raise PluginError("Material's search plugin has no search_index_prev: see site/incremental.py")
            search.search_index_prev = None
    return files


def on_env(env, config, files):
    if state.pages is not None:  # what other pages and the checks read of a page not rendered again
        env.bytecode_cache = state.pages.templates
        for file in files.documentation_pages():
            if (kept := state.pages.kept(file.src_uri)) is not None and file.page is not None:
                file.page.markdown, file.page.title, file.page.meta = "", kept.title, dict(kept.meta)
                file.page.present_anchor_ids = None if kept.anchors is None else set(kept.anchors)
                file.page.links_to_anchors = None if kept.links is None else {
                    target: links for path, links in kept.links.items()
                    if (target := files.get_file_from_path(path)) is not None}
    return env


def on_build_error(error):
    if state.pages is not None:
        state.pages.failed()


def on_page_markdown(markdown, page, config, files):
    build = state.current()
    address = build.open_data.urls.page(page.file.src_uri)
    # Both editions name the hosted page as the canonical one: the offline edition's own addresses end in .html,
    # which the hosted site has not (its copied links give the canonical address).
    page.canonical_url = address or page.canonical_url
    try:  # the Markdown extension places an article's annotations; printed, a page says its hosted address
        build.begin_page(page.file.src_uri, markdown, address)
    except ValueError as problem:
        raise PluginError(str(problem)) from None
    if page.file.src_uri in build.site.articles:
        # The margin holds the claims' notes (claim-cards.js): the theme's contents column gives way (an article's
        # own headings are listed at its top instead).
        page.meta.setdefault("hide", ["toc"])
    return build.page_markdown(page.file.src_uri, markdown)  # an article's as it was read: it is what was annotated


def on_page_content(html, page, config, files):
    build = state.current()
    build.end_page()
    if page.title and not page.is_homepage:
        # The title as HTML, entities kept: the theme prints page.meta.title as it is, whereas its
        # `page.title | striptags` turns a name's `&lt;/title&gt;&lt;script&gt;` back into markup.
        page.meta.setdefault("title", page.title)
    if description := build.description(page.file.src_uri):  # escaped: the theme prints it as it is
        page.meta.setdefault("description", description)
    return build.append_footnotes(page.file.src_uri, page.url, html)


@event_priority(-50)  # after the search plugin has written its index, before anything copies it
def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        entries = state.current().article_search_entries(state.pages)
        text = search_index.with_entries(index.read_text(encoding="utf-8"), entries,
                                         state.pages.search_docs if state.pages is not None else None)
        index.write_text(text, encoding="utf-8")
    if state.pages is not None:
        log.info(state.pages.finished())


def on_post_page(output, page, config):
    if state.serving and page.file.src_uri in state.current().site.articles:  # select to annotate
        output = annotate_selection.with_tags(output, relative_url(page.url, ""), page.file.src_uri)
    if state.pages is not None:
        state.pages.written(page.file.src_uri, page.title, page.meta, page.present_anchor_ids,
                            None if page.links_to_anchors is None else {
                                target.src_uri: dict(links) for target, links in page.links_to_anchors.items()})
    return finished_pages.finished(state.current().open_data.with_structured_data(output, page.file.src_uri,
                                                                                  page.title or "", page.url),
                                   content=page.content or "",
                                   policy=not state.serving)


def on_post_template(output_content, template_name, config):
    """The theme's own pages (404.html) get the site's tags and the same policy; the sitemap is not HTML."""
    if not template_name.endswith(".html"):
        return output_content
    return finished_pages.finished(state.current().open_data.with_site_tags(output_content), policy=not state.serving)
