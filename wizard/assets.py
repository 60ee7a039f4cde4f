"""The runtime's shipped files: built, minified, versioned and hashed for integrators.

``runtime_assets()`` returns the files under the site's ``assets/wizard/``:

- ``wizard-v1.js`` (ES module, readable) and ``wizard-v1.classic.js`` (classic
  script), with the package version put in place of the ``"__WIZARD_VERSION__"``
  token;
- ``wizard-v1.min.js`` and ``wizard-v1.classic.min.js``: local names and the
  element's private members shortened by wizard/jsnames.py, then comments and
  whitespace removed by rjsmin (pinned on PyPI: ``make serve`` needs no npm);
  tests/wizard/test_assets.py runs the minified build against the readable one
  under Node on every path, and the browser tests run the minified file the
  site's pages load;
- ``wizard-v1.css``, the styles (``wizard/js/wizard.css``), which the runtime fetches beside
  itself and adopts in its shadow root (a ``<link>`` in browsers without constructable
  stylesheets);
- the iframe page ``embed/`` (its words, per language, from content/<lang>/wizard/);
- ``integrity.json``: the SRI hash (sha384) of each script and stylesheet.

``npm_package(target)`` writes the npm package (package.json, the built files,
types, custom-elements.json, README, CHANGELOG, LICENSE): ``make package``.
The version is ``wizard/js/package.json``'s; CHANGELOG.md records each one.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
import shutil
from pathlib import Path

import rjsmin

from sitemodel import LANGUAGES
from sitemodel.registry import FLOW_IDS
from sitemodel.yamlload import load_file

from .jsnames import shorten

REPO = Path(__file__).resolve().parent.parent
JS_DIR = Path(__file__).resolve().parent / "js"
RUNTIME = "wizard-v1.js"
MINIFIED = "wizard-v1.min.js"
VERSION_SLOT = '"__WIZARD_VERSION__"'  # where the build puts the package version
EMBED_SLOT = '"__EMBED_WORDS__"'  # the iframe page's words in every language
# where the build puts the lists of sitemodel/registry.json, as JSON arrays
REGISTRY_SLOTS = {'"__WIZARD_LANGUAGES__"': LANGUAGES, '"__WIZARD_FLOWS__"': FLOW_IDS}
MODULE_EXPORT = re.compile(r"^export \{[^}]*\};\s*$", re.M)
MODULE_BASE = "const BASE = import.meta.url;"
CLASSIC_BASE = ("const BASE = (document.currentScript && document.currentScript.src) "
                "|| location.href;")
HASHED = ("wizard-v1.min.js", "wizard-v1.classic.min.js", "wizard-v1.js", "wizard-v1.classic.js",
          "wizard-v1.css")
EMBED_WORDS = ("embed_title", "embed_error_flow", "embed_error_lang")
PACKAGE_FILES = ("wizard-v1.d.ts", "custom-elements.json")


def version() -> str:
    """The runtime's semantic version, from wizard/js/package.json."""
    return json.loads((JS_DIR / "package.json").read_text(encoding="utf-8"))["version"]


def minify(source: str) -> str:
    """Short local names, comments and whitespace out; the leading /*! licence comment and the
    exported names kept."""
    exported = MODULE_EXPORT.search(source)
    keep = set(re.findall(r"\w+", exported.group(0))) - {"export"} if exported else set()
    return rjsmin.jsmin(shorten(source, keep | {"LuIntegrationWizard"}), keep_bang_comments=True) + "\n"


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def embed_words(root: Path = REPO) -> dict:
    """The iframe page's words: {lang: {key: text, "flows": {flow: title}}} from the wording files."""
    from .flows import all_flows

    words = {}
    for lang in LANGUAGES:
        folder = root / "content" / lang / "wizard"
        ui = (load_file(folder / "common.yml") or {}).get("ui", {})
        words[lang] = {key: ui[key] for key in EMBED_WORDS if key in ui}
        words[lang]["flows"] = {flow: (load_file(folder / f"{flow}.yml") or {}).get("title", flow)
                                for flow in all_flows()}
    return words


def with_registry(source: str) -> str:
    """The script with the languages and flow ids of sitemodel/registry.json in place of their tokens."""
    for slot, values in REGISTRY_SLOTS.items():
        source = source.replace(slot, json.dumps(list(values)))
    return source


def _replace(text: str, slot: str, value, name: str) -> str:
    if slot not in text:
        raise RuntimeError(f"{name} lost its {slot} line")
    return text.replace(slot, json.dumps(value, ensure_ascii=False))


@functools.lru_cache(maxsize=4)
def _built(root: Path, fingerprint: str) -> dict[str, bytes]:
    module = (JS_DIR / RUNTIME).read_text(encoding="utf-8")
    css = (JS_DIR / "wizard.css").read_text(encoding="utf-8")
    module = with_registry(_replace(module, VERSION_SLOT, version(), RUNTIME))
    if MODULE_BASE not in module or not MODULE_EXPORT.search(module):
        raise RuntimeError("wizard-v1.js lost the lines the classic build rewrites")
    # the classic build: same code without module syntax, wrapped so nothing leaks globally
    classic = "(function () {\n" + MODULE_EXPORT.sub("", module.replace(MODULE_BASE, CLASSIC_BASE)) \
        + "\n})();\n"
    files = {RUNTIME: module.encode(), "wizard-v1.classic.js": classic.encode(),
             MINIFIED: minify(module).encode(), "wizard-v1.classic.min.js": minify(classic).encode(),
             "wizard-v1.css": css.encode()}
    for name in ("index.html", "embed.css"):
        files[f"embed/{name}"] = (JS_DIR / "embed" / name).read_bytes()
    embed = with_registry(_replace((JS_DIR / "embed" / "embed.js").read_text(encoding="utf-8"),
                                   EMBED_SLOT, embed_words(root), "embed.js"))
    files["embed/embed.js"] = embed.encode()
    files["integrity.json"] = (json.dumps({name: sri(files[name]) for name in HASHED}, indent=2)
                               + "\n").encode()
    return files


def _fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(JS_DIR.rglob("*")) + sorted((root / "content").glob("*/wizard/*.yml")):
        if path.is_file():
            digest.update(path.as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def runtime_assets(root: Path = REPO) -> dict[str, bytes]:
    """The runtime's files (see the module docstring), relative to the site's assets/wizard/."""
    return dict(_built(root, _fingerprint(root)))


def integrity() -> dict[str, str]:
    """name -> SRI hash of the shipped scripts and stylesheet."""
    return json.loads(runtime_assets()["integrity.json"])


def snippet(base: str = "https://WIZARD-HOST/assets/wizard/", flow: str = "route", lang: str = "en") -> str:
    """The exact tags an integrator copies: the minified module with its SRI hash, and the element."""
    return (f'<script type="module" src="{base}{MINIFIED}"\n'
            f'  integrity="{integrity()[MINIFIED]}" crossorigin="anonymous"></script>\n'
            f'<lu-integration-wizard flow="{flow}" lang="{lang}"></lu-integration-wizard>')


def with_snippet(text: str, lang: str) -> str:
    """The integrators' page with ``<!-- snippet -->`` replaced by the snippet of this build."""
    return text.replace("<!-- snippet -->", f"```html\n{snippet(lang=lang)}\n```")


def npm_package(target: Path, data: dict[str, bytes]) -> list[str]:
    """Write the publishable npm package into ``target``; return the file names.

    ``data``: the flows' data files (``wizard-data/<flow>.<lang>.json`` -> bytes) of a site build.
    """
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    files = {name: data for name, data in runtime_assets().items() if name != "integrity.json"}
    files.update(data)
    for name in PACKAGE_FILES:
        files[name] = (JS_DIR / name).read_bytes()
    manifest = json.loads((JS_DIR / "package.json").read_text(encoding="utf-8"))
    manifest.pop("private", None)
    files["package.json"] = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode()
    for name in ("LICENSE", "CHANGELOG.md"):
        files[name] = (REPO / name).read_bytes()
    files["README.md"] = (REPO / "wizard" / "docs" / "integrators.en.md").read_bytes()
    for name, content in files.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(content)
    return sorted(files)


if __name__ == "__main__":
    import sys

    from .factvalues import load_site_facts
    from .site import generate

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/npm")
    facts, _, errors = load_site_facts(REPO)
    _, assets = generate(REPO, facts, errors)
    prefix = "assets/wizard/"
    flow_data = {p[len(prefix):]: b for p, b in assets.items() if p.startswith(prefix + "wizard-data/")}
    print("\n".join(npm_package(out, flow_data)))
    print(f"npm package {version()} written to {out}: publish with `npm publish {out}`")
