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

from sitemodel import DEFAULT_LANGUAGE, LANGUAGES
from sitemodel.checks import check_content, check_links
from sitemodel.content import Content, load
from sitemodel.errors import ContentErrors, ErrorCollector, code_error, locate_flow_errors
from wizard.site import generate as build_wizard

from . import menus
from .render import render_pages

GENERATED_DIRS = (*LANGUAGES, "assets/wizard")


@dataclass
class Generated:
    """Everything one build produces from the content."""

    content: Content
    files: dict[str, bytes]          # path relative to docs/ -> bytes
    nav: dict[str, list]             # language -> mkdocs nav


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
                try:
                    digest.update(path.read_bytes())
                except OSError:  # unreadable: the content check names it
                    digest.update(b"\0unreadable")
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


def has_wizard(root: Path) -> bool:
    """A project has the wizard when its content holds the wizard's words (tiny fixtures do not)."""
    return (root / "content" / DEFAULT_LANGUAGE / "wizard").is_dir()


def _generate(root: Path) -> Generated:
    errors = ErrorCollector(root)
    content = load(root, errors)
    links = check_content(content, errors)
    wizard = None
    if has_wizard(root) and not errors.errors:  # the wizard needs checked facts and sources
        wizard = _build_wizard(root, content, errors)
    wizard_pages = wizard.pages if wizard else []
    # links are checked once every page exists; wizard pages that could not be made are not judged
    generated = {p.path.removesuffix(".md") for p in wizard_pages if p.lang == DEFAULT_LANGUAGE}
    check_links(content, links, None if has_wizard(root) and wizard is None else generated, errors)
    errors.raise_if_any()
    pages = render_pages(content) + wizard_pages
    pages += menus.overview_pages(pages, content)  # one overview page per section: menus stay small
    files = {f"{p.lang}/{p.path}": p.markdown.encode("utf-8") for p in pages}
    files.update(wizard.assets if wizard else {})
    nav = {lang: menus.navigation(pages, content, lang) for lang in LANGUAGES}
    return Generated(content, files, nav)


def _build_wizard(root: Path, content: Content, errors: ErrorCollector):
    """The wizard's pages and assets; a mistake in a flow file becomes its file and line, not a traceback."""
    wizard_errors = ErrorCollector(root)
    try:
        wizard = build_wizard(root, content.facts, wizard_errors, sources=content.sources)
    except Exception as exc:  # an error reported already stopped it: that one is the cause
        raise ContentErrors(locate_flow_errors(root, wizard_errors.errors) or [code_error(exc, root)]) from None
    for error in locate_flow_errors(root, wizard_errors.errors):
        errors.errors.append(error)
    return wizard


# docs folder -> the result written there. sitebuild/parallel.py writes the pages once, then forks
# the language builds: their hook finds its result here and compares no file again.
UP_TO_DATE: dict[Path, Generated] = {}


def write(generated: Generated, docs_dir: Path) -> int:
    """Write changed files and delete stale generated ones; return how many changed."""
    if UP_TO_DATE.get(Path(docs_dir).resolve()) is generated:
        return 0
    changed = 0
    folders: set[Path] = set()  # made already: one mkdir per folder, not per file
    for relative, data in generated.files.items():
        target = docs_dir / relative
        if target.exists() and target.read_bytes() == data:
            continue
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
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
