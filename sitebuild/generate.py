"""Write the generated pages and assets into a docs folder.

``docs/fr``, ``docs/de``, ``docs/en`` and ``docs/assets/wizard`` are fully
generated: files there that the content no longer produces are removed.
Only files whose bytes change are written, so ``mkdocs serve`` (which
watches docs/) does not rebuild forever.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sitemodel import LANGUAGES
from sitemodel.content import Content, load
from sitemodel.errors import ContentErrors, ErrorCollector

from . import menus
from .render import RenderedPage, render_pages

GENERATED_DIRS = (*LANGUAGES, "assets/wizard")


@dataclass
class Generated:
    """Everything one build produces from the content."""

    content: Content
    files: dict[str, bytes]          # path relative to docs/ -> bytes
    nav: dict[str, list]             # language -> mkdocs nav


def _wizard_output(root: Path, content_facts) -> tuple[dict, dict, list]:
    """Pages and assets of the wizard, when the wizard package is present."""
    if not (root / "wizard" / "site.py").is_file():  # tiny fixture sites have no wizard
        return {}, {}, []
    from wizard.site import generate as generate_wizard

    errors = ErrorCollector(root)
    pages, assets = generate_wizard(root, content_facts, errors)
    return pages, assets, errors.errors


# Everything generate() reads: when none of it changed, the last result stands.
INPUT_DIRS = ("content", "templates", "schema", "wizard")
_last: dict[Path, tuple[str, Generated]] = {}


def _fingerprint(root: Path) -> str:
    """A hash of every input file's path and bytes (a few hundred small files: milliseconds)."""
    digest = hashlib.sha256()
    for folder in INPUT_DIRS:
        for path in sorted((root / folder).rglob("*")) if (root / folder).is_dir() else []:
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def generate(root: Path) -> Generated:
    """Load, check and render everything; raise ContentErrors before writing anything.

    mkdocs-static-i18n runs the mkdocs hooks once per language and publish()
    checks before building: the result is reused while the inputs are the same.
    """
    root = root.resolve()
    fingerprint = _fingerprint(root)
    if root in _last and _last[root][0] == fingerprint:
        return _last[root][1]
    generated = _generate(root)
    _last[root] = (fingerprint, generated)
    return generated


def _generate(root: Path) -> Generated:
    # Facts are checked first by load(); the wizard needs them, and its pages
    # are link targets for the content, so a first pass gathers their paths.
    content = load(root, extra_pages=_wizard_slugs(root))
    wizard_pages, wizard_assets, wizard_errors = _wizard_output(root, content.facts)
    flows = _wizard_flows(root)
    if wizard_errors:
        raise ContentErrors(wizard_errors)
    pages = render_pages(content)
    for (lang, path), markdown in wizard_pages.items():
        title = next((line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), path)
        pages.append(RenderedPage(lang, path, title, "wizard", _wizard_order(path, flows), markdown))
    pages += menus.overview_pages(pages, content)  # scale: one overview page per section
    files = {f"{p.lang}/{p.path}": p.markdown.encode("utf-8") for p in pages}
    files.update({path: data for path, data in wizard_assets.items()})
    nav = {lang: menus.navigation(pages, content, lang) for lang in LANGUAGES}
    return Generated(content, files, nav)


def _wizard_flows(root: Path) -> list[str]:
    """Flow ids in menu order (wizard/flows/__init__.py lists them)."""
    if not (root / "wizard" / "site.py").is_file():
        return []
    from wizard.flows import all_flows

    return list(all_flows())


def _wizard_slugs(root: Path) -> set[str]:
    """Paths (without .md) of the wizard pages, so content may link to them."""
    slugs = {f"wizard/{flow}{suffix}" for flow in _wizard_flows(root) for suffix in ("", "-rules")}
    return slugs | ({"wizard/integrators"} if slugs else set())


def _wizard_order(path: str, flows: list[str]) -> int:
    # each flow, then its rules page; the integrators' page last
    name = path.removeprefix("wizard/").removesuffix(".md")
    flow = name.removesuffix("-rules")
    return 2 * flows.index(flow) + name.endswith("-rules") if flow in flows else 2 * len(flows)


def write(generated: Generated, docs_dir: Path) -> int:
    """Write changed files and delete stale generated ones; return how many changed."""
    changed = 0
    for relative, data in generated.files.items():
        target = docs_dir / relative
        if target.exists() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed += 1
    for folder in GENERATED_DIRS:
        base = docs_dir / folder
        for path in sorted(base.rglob("*"), reverse=True) if base.is_dir() else []:
            relative = path.relative_to(docs_dir).as_posix()
            if path.is_file() and relative not in generated.files:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed
