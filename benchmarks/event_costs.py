"""A hook that prints the build process's CPU time and peak memory at each MkDocs event.

Add it after the project's own hooks in the mkdocs.yml of a site kept by `benchmarks/run.py --keep DIR`
(DIR/100x/hooked), then build there: the differences between lines are what each phase cost.
"""

from __future__ import annotations

import resource
import sys

_PAGES_SHOWN = (1, 500, 1500, 3000)
_pages = 0


def _show(phase: str) -> None:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{phase:20s} CPU {usage.ru_utime + usage.ru_stime:6.2f} s, peak memory {usage.ru_maxrss // 1024} MiB",
          file=sys.stderr, flush=True)


def on_startup(command, dirty):
    _show("start")


def on_config(config):
    _show("after on_config")


def on_files(files, config):
    _show("after on_files")


def on_post_page(output, page, config):
    global _pages
    _pages += 1
    if _pages in _PAGES_SHOWN:
        _show(f"page {_pages} written")
    return output


def on_post_build(config):
    _show("after on_post_build")
