"""The package's shape: stages that import only earlier stages, no cycles, small modules that say what they
own, a hook file of event functions with its state on one object, and a cache that never keeps what an edit
made stale (a schema edited under `mkdocs serve` is read again)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from annotated_article.article.loading import LoadCache, load_site
from annotated_article.data.errors import DataErrors
from conftest import PROJECT, copy_project

PACKAGE = PROJECT / "hooks" / "annotated_article"
HOOK_FILE = PROJECT / "hooks" / "site_hooks.py"
#: The stage folders in the order of the build's flow; a module may import its own stage and earlier ones.
STAGES = ("data", "article", "render", "open_data", "site")
#: Modules at the package's root, which every stage imports and which import no stage.
ROOT = ("model", "site_urls")
MAX_LINES = 400


def modules() -> dict[str, Path]:
    """Every module of the package by its dotted name inside it (`render.claims`)."""
    return {path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", "."): path
            for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"}


def imports_of(path: Path) -> set[str]:
    """The package's modules that `path` imports (by dotted name inside the package)."""
    names = set(modules())
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("annotated_article"):
            base = node.module.removeprefix("annotated_article").lstrip(".")
            for alias in node.names:
                candidate = f"{base}.{alias.name}" if base else alias.name
                found.add(candidate if candidate in names else base)
        elif isinstance(node, ast.Import):
            found |= {alias.name.removeprefix("annotated_article.") for alias in node.names
                      if alias.name.startswith("annotated_article.")}
    assert all(not (isinstance(node, ast.ImportFrom) and node.level) for node in ast.walk(ast.parse(path.read_text()))), \
        f"{path}: relative imports hide which stage a module reaches into"
    return {name for name in found if name}


def stage(name: str) -> int:
    """-1 for the root's modules, else the stage's place in STAGES."""
    first = name.split(".")[0]
    return -1 if name in ROOT else STAGES.index(first)


@pytest.mark.unit
def test_the_package_is_stage_folders_with_a_small_root():
    names = modules()
    assert len({name.split(".")[0] for name in names if "." in name}) >= 4
    assert {name for name in names if "." not in name} == set(ROOT)
    assert all(name in ROOT or name.split(".")[0] in STAGES for name in names), sorted(names)


@pytest.mark.unit
def test_stages_import_only_their_own_and_earlier_stages_and_the_root_imports_none():
    wrong = []
    for name, path in modules().items():
        for imported in imports_of(path):
            if stage(imported) > stage(name) or (name in ROOT and imported not in ROOT) or \
                    (name in ROOT and imported in ROOT and imported != name and name == "model"):
                wrong.append(f"{name} imports {imported}")
    assert not wrong, wrong


@pytest.mark.unit
def test_no_module_imports_itself_back_through_a_cycle():
    graph = {name: imports_of(path) & set(modules()) for name, path in modules().items()}
    state: dict[str, int] = {}

    def visit(name: str, trail: list[str]) -> list[str]:
        state[name] = 1
        for imported in sorted(graph[name]):
            if state.get(imported) == 1:
                return trail + [name, imported]
            if imported not in state and (cycle := visit(imported, trail + [name])):
                return cycle
        state[name] = 2
        return []

    for name in sorted(graph):
        if name not in state:
            assert not (cycle := visit(name, [])), " -> ".join(cycle)


@pytest.mark.unit
def test_every_module_is_under_the_line_limit_and_says_first_what_it_owns():
    for name, path in modules().items():
        text = path.read_text(encoding="utf-8")
        assert text.count("\n") <= MAX_LINES, f"{name}: {text.count(chr(10))} lines"
        docstring = ast.get_docstring(ast.parse(text))
        assert docstring and len(docstring.splitlines()[0]) > 20, f"{name} does not say what it owns"


@pytest.mark.unit
def test_the_hook_file_holds_only_event_functions_and_no_global_state_statements():
    tree = ast.parse(HOOK_FILE.read_text(encoding="utf-8"))
    functions = [node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))]
    assert functions and all(isinstance(node, ast.FunctionDef) and node.name.startswith("on_") for node in functions)
    assert not [node for node in ast.walk(tree) if isinstance(node, (ast.Global, ast.Nonlocal))]
    # What it keeps at the top level: the one state object and the logger.
    kept = [target.id for node in tree.body if isinstance(node, ast.Assign) for target in node.targets
            if isinstance(target, ast.Name)]
    assert sorted(kept) == ["log", "state"]


@pytest.mark.unit
def test_no_module_keeps_a_process_wide_cache_of_what_the_data_or_schemas_make():
    """What one load keeps for the next is the LoadCache the hook file owns, keyed on what it depends on."""
    for name, path in modules().items():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^_[A-Z_]+: dict[^=]*= \{\}", text, re.MULTILINE), name
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef):
                decorators = [ast.unparse(d) for d in node.decorator_list]
                assert not any("cache" in d and ("path" in ast.unparse(node.args) or "dir" in ast.unparse(node.args))
                               for d in decorators), f"{name}.{node.name} caches by a file's name"


def _require_born(project: Path) -> None:
    schema_path = project / "data" / "schemas" / "people.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["items"]["required"].append("born")
    schema["items"]["properties"]["born"] = {"type": "string"}
    schema_path.write_text(json.dumps(schema), encoding="utf-8")


@pytest.mark.unit
def test_a_schema_edited_between_two_loads_that_share_a_cache_is_read_again(tmp_path):
    project = copy_project(tmp_path / "project")
    cache = LoadCache()
    load_site(project / "data", project / "docs", cache=cache)
    original = (project / "data" / "schemas" / "people.schema.json").read_text(encoding="utf-8")
    _require_born(project)
    with pytest.raises(DataErrors) as raised:
        load_site(project / "data", project / "docs", cache=cache)
    problems = [error for error in raised.value.errors if error.file == "data/people.yml"]
    assert problems and all("born" in error.problem for error in problems), raised.value.errors
    (project / "data" / "schemas" / "people.schema.json").write_text(original, encoding="utf-8")
    load_site(project / "data", project / "docs", cache=cache)  # and the old schema is taken back as well


@pytest.mark.build
def test_serve_reads_a_schema_edited_while_serving(tmp_path):
    from conftest import copy_project_for_make
    from test_serve import Server, free_port

    project = copy_project_for_make(tmp_path / "project")
    server = Server(project, free_port())
    try:
        server.wait_for("Serving on http://127.0.0.1:")
        _require_born(project)
        seen = server.wait_for("The last good site is still served.")
        assert any(line.startswith("data/people.yml:") and "born" in line for line in seen), seen
    finally:
        server.stop()
