"""The published schemas are valid, and every content file points its editor to one."""

from __future__ import annotations

import json
import re

import pytest
from jsonschema import Draft202012Validator
from support import REPO

SCHEMAS = sorted((REPO / "schema").glob("*.schema.json"))
CONTENT_FILES = sorted((REPO / "content").rglob("*.yml"))
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


@pytest.mark.parametrize("schema", SCHEMAS, ids=[s.name for s in SCHEMAS])
def test_each_schema_is_a_valid_json_schema(schema):
    Draft202012Validator.check_schema(json.loads(schema.read_text()))


@pytest.mark.parametrize("path", CONTENT_FILES, ids=[str(p.relative_to(REPO)) for p in CONTENT_FILES])
def test_each_content_file_names_its_schema_for_the_editor(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first_line)
    assert match, f"{path.relative_to(REPO)} should start with a yaml-language-server modeline"
    assert (path.parent / match.group(1)).resolve().is_file()


def test_the_fact_types_the_editor_is_offered_are_the_ones_the_build_formats():
    from sitemodel.facts import FACT_TYPES

    schema = json.loads((REPO / "schema" / "facts.schema.json").read_text())
    offered = schema["properties"]["facts"]["additionalProperties"]["properties"]["type"]["enum"]
    assert sorted(offered) == sorted(FACT_TYPES)


def test_the_sections_a_page_may_name_are_the_menu_s_own():
    from sitemodel import SECTION_ORDER

    schema = json.loads((REPO / "schema" / "page.schema.json").read_text())
    offered = schema["properties"]["section"]["enum"]
    assert offered == [s for s in SECTION_ORDER if s != "wizard"]  # wizard pages are generated
