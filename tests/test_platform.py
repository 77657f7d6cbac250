"""What the site depends on: MkDocs only through hooks/site_hooks.py, and ProperDocs, the continuation of
MkDocs 1.6, builds the same site from the same mkdocs.yml (every file the same, apart from the generator
named in each page's `<meta name="generator">`)."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import annotated_article

from conftest import PROJECT, snapshot

GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def build(generator: str, site, offline_zip) -> subprocess.CompletedProcess:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE_ZIP": str(offline_zip),
                   "SOURCE_DATE_EPOCH": "1700000000"}  # the same date in both sitemaps
    return subprocess.run([sys.executable, "-m", generator, "build", "--strict", "--config-file", "mkdocs.yml",
                           "--site-dir", str(site)], cwd=PROJECT, env=environment, capture_output=True, text=True,
                          timeout=300)


def comparable(name: str, content: bytes) -> bytes:
    if name.endswith(".gz"):
        return gzip.decompress(content)
    return GENERATOR.sub(b"", content) if name.endswith(".html") else content


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path, offline_zip):
    sites = {}
    for generator in ("mkdocs", "properdocs"):
        result = build(generator, tmp_path / generator, offline_zip)
        assert result.returncode == 0, result.stdout + result.stderr
        sites[generator] = snapshot(tmp_path / generator)
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert sorted(mkdocs) == sorted(properdocs)
    assert len(mkdocs) > 40
    assert [name for name in mkdocs if comparable(name, mkdocs[name]) != comparable(name, properdocs[name])] == []
    named = {generator: {match for content in files.values() for match in GENERATOR.findall(content)}
             for generator, files in sites.items()}
    assert [name.split(b",")[0] for name in named["mkdocs"]] == [f"mkdocs-{version('mkdocs')}".encode()]
    assert [name.split(b",")[0] for name in named["properdocs"]] == [
        f"mkdocs-ProperDocs {version('properdocs')}".encode()]


def test_the_core_package_never_imports_mkdocs():
    modules = sorted(path.stem for path in Path(annotated_article.__file__).parent.glob("*.py") if path.stem != "__init__")
    assert len(modules) > 10
    program = ("import importlib, sys\n"
               f"for name in {modules!r}: importlib.import_module('annotated_article.' + name)\n"
               "print(sorted(name for name in sys.modules if name.split('.')[0] in "
               "('mkdocs', 'material', 'properdocs')))\n"
               "print(sum(name.startswith('annotated_article.') for name in sys.modules))")
    result = subprocess.run([sys.executable, "-c", program], cwd=PROJECT, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(PROJECT / "hooks")})
    assert result.returncode == 0, result.stderr
    loaded, imported = result.stdout.splitlines()
    assert loaded == "[]"
    assert int(imported) >= len(modules)
