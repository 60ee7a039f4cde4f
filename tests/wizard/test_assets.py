"""The shipped runtime (wizard/assets.py): minified, versioned, hashed, packaged.

The minified module must compute exactly what the readable one does (run
under Node on every path of every flow); the SRI hashes must be those of the
bytes shipped and printed on the integrators' page; the version must come
from package.json; the npm package must hold what its package.json exports.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess

import pytest
from wizard_helpers import TODAY

from wizard.analysis import walk
from wizard.assets import JS_DIR, MINIFIED, npm_package, runtime_assets, snippet, version

RUN = """
import { readFileSync } from "node:fs";
const input = JSON.parse(readFileSync(0, "utf8"));
const out = {};
for (const name of input.modules) {
  const { evaluate } = await import(input.dir + "/" + name);
  out[name] = input.cases.map((c) => { const r = evaluate(input.data, c, input.data.facts, { today: input.today });
    return [r.outcome, r.question, r.notes, r.values]; });
}
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def assets() -> dict[str, bytes]:
    return runtime_assets()


@pytest.mark.parametrize("flow_id", ("route", "permit", "subsidy"))
def test_the_minified_runtime_computes_what_the_readable_one_does(flow_id, assets, flow_data, tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required to run the shipped runtime")
    for name in ("wizard-v1.js", MINIFIED):
        (tmp_path / name.replace(".js", ".mjs")).write_bytes(assets[name])
    (tmp_path / "run.mjs").write_text(RUN)
    data = flow_data[(flow_id, "en")]
    cases = [path.answers for path in walk(data, data["facts"], {"today": TODAY})]
    payload = {"dir": tmp_path.as_uri(), "modules": ["wizard-v1.mjs", "wizard-v1.min.mjs"],
               "cases": cases, "data": data, "today": TODAY}
    done = subprocess.run([node, str(tmp_path / "run.mjs")], input=json.dumps(payload), text=True,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert len(results["wizard-v1.mjs"]) == len(cases) > 0
    assert results["wizard-v1.min.mjs"] == results["wizard-v1.mjs"]


def test_the_minified_runtime_is_smaller_and_keeps_its_licence_banner(assets):
    readable, minified = assets["wizard-v1.js"], assets[MINIFIED]
    assert len(minified) < 0.85 * len(readable)
    assert minified.startswith(b"/*!")
    assert b"__WIZARD_CSS__" not in minified and b"__WIZARD_VERSION__" not in minified


def test_the_version_comes_from_package_json_and_is_semver(assets):
    package = json.loads((JS_DIR / "package.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"\d+\.\d+\.\d+", version()) and version() == package["version"]
    for name in ("wizard-v1.js", MINIFIED, "wizard-v1.classic.min.js"):
        # the build writes the version in place of the runtime's token (read as el.version)
        assert f'"{version()}"'.encode() in assets[name] and b"__WIZARD_VERSION__" not in assets[name]


def test_every_hash_is_the_one_of_the_shipped_bytes_and_the_docs_print_it(assets):
    hashes = json.loads(assets["integrity.json"])
    for name, value in hashes.items():
        assert value == "sha384-" + base64.b64encode(hashlib.sha384(assets[name]).digest()).decode()
    from wizard.site import integrators_page

    for lang in ("fr", "de", "en"):
        _, page = integrators_page(lang)  # (title, Markdown)
        assert hashes[MINIFIED] in page and snippet(lang=lang) in page and "<!-- snippet -->" not in page


def test_the_changelog_records_the_current_version():
    changelog = (JS_DIR.parent.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(version())}\b", changelog, re.M)


def test_the_npm_package_holds_every_file_its_package_json_names(tmp_path):
    files = npm_package(tmp_path / "npm", {"wizard-data/route.en.json": b"{}"})
    manifest = json.loads((tmp_path / "npm" / "package.json").read_text(encoding="utf-8"))
    assert "private" not in manifest and manifest["license"] == "EUPL-1.2"
    targets = [manifest["types"], manifest["main"], manifest["customElements"]]
    for entry in manifest["exports"].values():
        targets += entry.values() if isinstance(entry, dict) else [entry]
    for target in targets:
        if "*" not in target:
            assert (tmp_path / "npm" / target).is_file(), target
    for listed in manifest["files"]:
        assert (tmp_path / "npm" / listed).exists(), listed
    assert {"LICENSE", "CHANGELOG.md", "README.md", "wizard-v1.d.ts", "custom-elements.json"} <= set(files)
    assert "EUROPEAN UNION PUBLIC LICENCE v. 1.2" in (tmp_path / "npm" / "LICENSE").read_text(encoding="utf-8")
