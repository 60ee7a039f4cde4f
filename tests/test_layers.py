"""The three layers import only downward: sitemodel <- wizard <- sitebuild.

Read from the source (AST), so an import hidden inside a function counts too.
"""

from __future__ import annotations

import ast

from support import REPO

LAYERS = ("sitemodel", "wizard", "sitebuild")  # bottom to top


def imported_packages(source: str, package: str) -> set[str]:
    """Top-level project packages a module imports (relative imports stay in its own package)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add(package if node.level else (node.module or "").split(".")[0])
    return found & set(LAYERS)


def upward_imports(sources: dict[str, str]) -> list[str]:
    """'module imports package' for every import of a layer above the module's own."""
    problems = []
    for module, source in sorted(sources.items()):
        package = module.split("/")[0]
        for imported in sorted(imported_packages(source, package)):
            if LAYERS.index(imported) > LAYERS.index(package):
                problems.append(f"{module} imports {imported}")
    return problems


def project_modules() -> dict[str, str]:
    return {path.relative_to(REPO).as_posix(): path.read_text(encoding="utf-8")
            for layer in LAYERS for path in (REPO / layer).rglob("*.py")}


def test_every_layer_imports_only_the_layers_below_it():
    modules = project_modules()
    assert {m.split("/")[0] for m in modules} == set(LAYERS)
    assert upward_imports(modules) == []


def test_an_upward_import_is_found_even_inside_a_function():
    modules = {
        "sitemodel/x.py": "def f():\n    from wizard.site import generate\n",
        "wizard/y.py": "import sitebuild.generate\nfrom sitemodel import LANGUAGES\n",
        "sitebuild/z.py": "from wizard import FLOW_IDS\nfrom . import render\n",
        "wizard/w.py": "from .engine import evaluate\n",
    }
    assert upward_imports(modules) == ["sitemodel/x.py imports wizard", "wizard/y.py imports sitebuild"]


def test_no_module_edits_sys_path():
    """The project is an installed package (pip install -e .): nothing patches the import path."""
    offenders = []
    for path in [*REPO.glob("*.py"), *(p for d in (*LAYERS, "tests", "benchmarks") for p in (REPO / d).rglob("*.py"))]:
        if "fixtures" in path.relative_to(REPO).parts:  # broken projects hold broken Python on purpose
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr == "path" and isinstance(node.value, ast.Name)
                    and node.value.id == "sys"):
                offenders.append(path.relative_to(REPO).as_posix())
    assert sorted(set(offenders)) == []
