"""Adding a language is one entry in sitemodel/registry.json plus its content files.

The fixture tests/fixtures/fourth-language holds a registry with Luxembourgish
added (its locator words included) and the Luxembourgish texts of the good
fixture; nothing else changes. The content checks (language, terminology,
locators) and the section overview pages run for it as for the others.
The registry is read when sitemodel is imported, so each check runs in a
fresh Python process pointed at that registry (LU_SITE_REGISTRY).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from support import FIXTURES, REPO, make_project

from sitemodel.registry import LANGUAGES

FOURTH = FIXTURES / "fourth-language"
GENERATE = """
import json, sys
from pathlib import Path
from sitebuild.generate import generate
from sitemodel.errors import ContentErrors
try:
    generated = generate(Path(sys.argv[1]))
except ContentErrors as problems:
    print(json.dumps({"errors": problems.report()}))
else:
    print(json.dumps({"files": {k: v.decode() for k, v in generated.files.items()}, "nav": generated.nav}))
"""


def generate_with_registry(project, registry):
    result = subprocess.run([sys.executable, "-c", GENERATE, str(project)], capture_output=True, text=True,
                            env={**os.environ, "LU_SITE_REGISTRY": str(registry)}, timeout=120, check=True)
    return json.loads(result.stdout)


def fourth_language_project(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    shutil.copytree(FOURTH / "content", project / "content", dirs_exist_ok=True)
    return project


def test_a_fourth_language_is_built_from_one_registry_entry_and_its_texts(tmp_path):
    generated = generate_with_registry(fourth_language_project(tmp_path), FOURTH / "registry.json")
    assert "errors" not in generated, generated.get("errors")
    pact = generated["files"]["lb/pact.md"]
    assert "# De Pakt" in pact
    assert "30.000\u00a0€" in pact  # Babel's Luxembourgish number and currency symbol
    assert "no 2\u00a0Joer ouni Modul" in pact  # Babel's Luxembourgish unit words
    assert "1. Januar 2024" in generated["files"]["lb/index.md"]
    assert "Art. 4(1)" in pact  # its locator words come from its registry entry
    # the section overview page (sitebuild/menus.py) leads the section, in Luxembourgish too
    assert generated["nav"]["lb"] == ["index.md", {"Biergerpakt a Programm": [
        "sections/integration/index.md", {"De Pakt": "pact.md"}]}]
    overview = generated["files"]["lb/sections/integration/index.md"]
    assert "# Biergerpakt a Programm" in overview and "[De Pakt](../../pact.md)" in overview
    assert {path.split("/")[0] for path in generated["files"]} == {*LANGUAGES, "lb"}


def test_the_new_language_s_missing_texts_are_reported_by_its_name(tmp_path):
    project = fourth_language_project(tmp_path)
    (project / "content" / "lb" / "pact.yml").unlink()
    generated = generate_with_registry(project, FOURTH / "registry.json")
    assert "The page 'pact' has no Luxembourgish text." in generated["errors"]


def test_mkdocs_yml_lists_the_registry_s_languages_in_its_order():
    """mkdocs-static-i18n needs its own list: it must be the registry's (a new language is added there too)."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert [line.split(":")[1].strip() for line in config.splitlines()
            if line.strip().startswith("- locale:")] == list(LANGUAGES)
