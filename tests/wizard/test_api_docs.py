"""Every part of the embed API found in the code is documented, and nothing documented is missing.

The API is read from the runtime by clear markers, whatever the code around
them: attributes (``observedAttributes`` and ``this.get/has/toggleAttribute("x")``),
events (``new CustomEvent("x"`` and ``_emit("x"``), parts (``part: "a b"`` and
``part="…"``), custom properties (``var(--luw-…`` in the script and wizard.css),
public members (getters, setters and methods of the element class not starting
with ``_``, static fields set as ``LuIntegrationWizard.x =``, and the properties
that mirror the attributes: the runtime defines them in one loop,
``Object.defineProperty(LuIntegrationWizard.prototype, camel(name)`` over
``const ATTRS = [...]``; ``lang`` is HTMLElement's own, which mirrors it already). The docs
mark each list with an HTML comment, ``<!-- api:attributes -->`` and so on:
the names are the first cell of each table row after the marker, or every
name in code (backticks) in the paragraph or code block after it.
The same sets must be in custom-elements.json and wizard-v1.d.ts.
"""

from __future__ import annotations

import json
import re

import pytest

from sitemodel import LANGUAGES
from wizard.assets import JS_DIR

DOCS = JS_DIR.parent / "docs"
KINDS = ("attributes", "members", "events", "parts", "custom-properties")
LIFECYCLE = {"constructor", "connectedCallback", "disconnectedCallback", "attributeChangedCallback",
             "adoptedCallback", "if", "for", "while", "switch", "catch", "function", "return"}


def class_body(code: str) -> str:
    """The element class's source (from 'class … extends HTMLElement' to its closing brace)."""
    start = re.search(r"class\s+\w+\s+extends\s+HTMLElement\s*\{", code)
    assert start, "the runtime has no class extending HTMLElement"
    depth, index = 0, start.end() - 1
    for index in range(start.end() - 1, len(code)):
        depth += {"{": 1, "}": -1}.get(code[index], 0)
        if depth == 0:
            break
    return code[start.end():index]


def api_in_code(code: str, css: str) -> dict[str, set[str]]:
    body = class_body(code)
    observed = re.search(r"observedAttributes\(\)\s*\{\s*return\s*\[([^\]]*)\]", code)
    attributes = set(re.findall(r'"([a-z][a-z-]*)"', observed.group(1))) if observed else set()
    attributes |= set(re.findall(r'this\.(?:get|has|toggle)Attribute\(\s*"([a-z][a-z-]*)"', code))
    events = set(re.findall(r'(?:new CustomEvent|_emit)\(\s*"([a-z][a-z-]*)"', code))
    parts = {p for group in re.findall(r'part(?:"|\'|)\s*[:=]\s*"([a-z -]+)"', code) for p in group.split()}
    properties = set(re.findall(r"var\(\s*(--luw-[a-z0-9-]+)", code + css))
    members = set(re.findall(r"^\s*(?:static\s+)?(?:get|set)\s+([a-zA-Z]\w*)\s*\(", body, re.M))
    members |= {m for m in re.findall(r"^\s*(?:static\s+)?(?:async\s+)?([a-zA-Z]\w*)\s*\([^)]*\)\s*\{", body, re.M)
                if m not in LIFECYCLE}
    members |= set(re.findall(r"\bLuIntegrationWizard\.([a-zA-Z]\w*)\s*=", code))
    mirrored = re.search(r"const ATTRS\s*=\s*\[([^\]]*)\]", code)
    if mirrored and re.search(r"Object\.defineProperty\(\s*LuIntegrationWizard\.prototype\s*,\s*camel\(name\)", code):
        members |= {re.sub(r"-(\w)", lambda m: m.group(1).upper(), a)
                    for a in re.findall(r'"([a-z][a-z-]*)"', mirrored.group(1))}
    members -= {"observedAttributes"}  # the platform's hook, not API
    return {"attributes": attributes, "events": events, "parts": parts,
            "custom-properties": properties, "members": members}


def api_in_docs(text: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for kind in KINDS:
        marker = f"<!-- api:{kind} -->"
        assert text.count(marker) == 1, f"the docs need exactly one {marker}"
        block = text.split(marker, 1)[1].lstrip("\n")
        if block.startswith("```"):
            block = block[:block.index("```", 3)]
        else:
            block = block.split("\n\n", 1)[0]
        names: set[str] = set()
        for line in block.splitlines():
            if line.startswith("|"):
                first = line.strip("|").split("|")[0]
                names |= set(re.findall(r"`([^`]+)`", first))
            else:
                names |= set(re.findall(r"`([^`]+)`", line)) | set(re.findall(r"(--luw-[a-z0-9-]+)\s*:", line))
        found[kind] = {n for n in names if not n.startswith("::")}
    return found


def api_in_manifest() -> dict[str, set[str]]:
    manifest = json.loads((JS_DIR / "custom-elements.json").read_text(encoding="utf-8"))
    element = next(d for m in manifest["modules"] for d in m["declarations"] if d.get("customElement"))
    return {"attributes": {a["name"] for a in element.get("attributes", [])},
            "events": {e["name"] for e in element.get("events", [])},
            "parts": {p["name"] for p in element.get("cssParts", [])},
            "custom-properties": {p["name"] for p in element.get("cssProperties", [])},
            "members": {m["name"] for m in element.get("members", [])}}


@pytest.fixture(scope="module")
def code_api() -> dict[str, set[str]]:
    code = (JS_DIR / "wizard-v1.js").read_text(encoding="utf-8")
    css = (JS_DIR / "wizard.css").read_text(encoding="utf-8")
    api = api_in_code(code, css)
    assert api["attributes"] and api["events"] and api["parts"] and api["custom-properties"], api
    return api


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_integrators_docs_list_exactly_the_api_of_the_code(lang, code_api):
    docs = api_in_docs((DOCS / f"integrators.{lang}.md").read_text(encoding="utf-8"))
    for kind in KINDS:
        assert docs[kind] == code_api[kind], (
            f"integrators.{lang}.md, {kind}: undocumented {sorted(code_api[kind] - docs[kind])}, "
            f"documented but not in the code {sorted(docs[kind] - code_api[kind])}")


def test_the_custom_elements_manifest_lists_exactly_the_api_of_the_code(code_api):
    manifest = api_in_manifest()
    for kind in KINDS:
        assert manifest[kind] == code_api[kind], f"custom-elements.json, {kind}"


def test_the_typescript_types_declare_every_event_and_member(code_api):
    types = (JS_DIR / "wizard-v1.d.ts").read_text(encoding="utf-8")
    for name in code_api["events"]:
        assert f'"{name}": CustomEvent<' in types, name
    for name in code_api["members"]:
        assert re.search(rf"\b{name}\b\s*[:(]", types), name
    assert '"lu-integration-wizard": LuIntegrationWizard' in types


def test_the_extraction_finds_what_a_new_api_would_add():
    code = """class W extends HTMLElement {
      static get observedAttributes() { return ["flow", "heading-level"]; }
      get flow() { return this.getAttribute("flow"); }
      restart() { this._emit("lu-wizard-restart", {}); }
      _private() { this.dispatchEvent(new CustomEvent("lu-wizard-ready")); el("p", { part: "x y" }); }
    }
    W.version = "1";
    const ATTRS = ["flow", "heading-level"];
    Object.defineProperty(LuIntegrationWizard.prototype, camel(name), {});"""
    api = api_in_code(code.replace("W.version", "LuIntegrationWizard.version"), "a { color: var(--luw-ink) }")
    assert api == {"attributes": {"flow", "heading-level"}, "events": {"lu-wizard-restart", "lu-wizard-ready"},
                   "parts": {"x", "y"}, "custom-properties": {"--luw-ink"},
                   "members": {"flow", "headingLevel", "restart", "version"}}
