"""What the site depends on: MkDocs only through hooks/site_hooks.py, and ProperDocs, the continuation of
MkDocs 1.6, builds the same site from the same mkdocs.yml (every file the same, apart from the generator
named in each page's `<meta name="generator">`)."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

import annotated_article
from conftest import PROJECT, run_make, snapshot

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
    package = Path(annotated_article.__file__).parent
    modules = sorted(".".join(path.relative_to(package).with_suffix("").parts) for path in package.rglob("*.py")
                     if path.stem != "__init__")
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


@pytest.mark.build
def test_the_code_health_gate_finds_lint_and_type_errors(tmp_path):
    """`make lint` as configured in pyproject.toml, on folders of the same names holding one mistake each."""
    shutil.copy2(PROJECT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copy2(PROJECT / "Makefile", tmp_path / "Makefile")
    shutil.copy2(PROJECT / "requirements.lock", tmp_path / "requirements.lock")
    for folder in ("hooks", "tools", "benchmarks"):
        (tmp_path / folder).mkdir()
    (tmp_path / "hooks" / "unused.py").write_text("import os\n", encoding="utf-8")
    (tmp_path / "tools" / "typed.py").write_text('def half(number: int) -> int:\n    return number / 2\n', encoding="utf-8")
    (tmp_path / "benchmarks" / "fine.py").write_text('"""Nothing wrong here."""\n', encoding="utf-8")
    result = run_make(tmp_path, "lint")
    assert result.returncode != 0
    assert "F401 [*] `os` imported but unused\n --> hooks/unused.py:1:8" in result.stdout
    (tmp_path / "hooks" / "unused.py").write_text("import os\n\nprint(os.sep)\n", encoding="utf-8")
    result = run_make(tmp_path, "lint")
    assert result.returncode != 0
    assert 'tools/typed.py:2: error: Incompatible return value type (got "float", expected "int")' in result.stdout
    assert "benchmarks/fine.py" not in result.stdout
