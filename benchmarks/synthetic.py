"""Make temporary projects for the benchmarks: the real content, scaled up.

A project is a folder holding ``content/``, ``docs/assets``, ``mkdocs.yml``
and (when the repository has one) ``wizard/``: ``publish(project)`` builds
it exactly as it builds the repository.

Scaling copies every fact sheet under new slugs (``<slug>-copyN``): the
page file in ``content/pages/`` and its three language files. Copies are
real sheets: same facts, same links, same sources, so the checks, the
rendering and mkdocs do the same work per page as for the real ones.
The home page is not copied (a site has one home page).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from sitebuild.generate import GENERATED_DIRS
from sitemodel import LANGUAGES

REPO = Path(__file__).resolve().parent.parent

# Only the files a build reads: no caches, no installed packages.
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules", ".pytest_cache")


def make_project(target: Path, content: Path, repo: Path = REPO) -> Path:
    """A buildable copy of the repository's project in target, with the given content tree.

    Like tests/conftest.py's make_project, but it also copies wizard/ so the
    scaled builds generate the wizard as the real build does (its pages are
    link targets of the content: without them mkdocs' strict mode fails).
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, target / "content", dirs_exist_ok=True, ignore=_IGNORE)
    docs = repo / "docs"
    for path in docs.rglob("*"):
        # the hand-written part of docs/ only: the generated folders are rebuilt
        if path.is_file() and not any(path.is_relative_to(docs / g) for g in GENERATED_DIRS):
            destination = target / "docs" / path.relative_to(docs)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
    if (repo / "wizard").is_dir():
        shutil.copytree(repo / "wizard", target / "wizard", dirs_exist_ok=True, ignore=_IGNORE)
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    # The hook and the theme overrides stay in the repository: absolute paths.
    config = config.replace("sitebuild/hooks.py", str(repo / "sitebuild" / "hooks.py"))
    config = config.replace("custom_dir: overrides", f"custom_dir: {repo / 'overrides'}")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def sheet_slugs(content: Path) -> list[str]:
    """Slugs of the fact sheets (every page but the home page)."""
    slugs = []
    for path in sorted((content / "pages").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^kind:\s*home\b", text, flags=re.MULTILINE):
            slugs.append(path.stem)
    return slugs


def scale_content(content: Path, factor: int) -> int:
    """Copy every sheet so there are factor times as many; return the number of sheets.

    Works in place on a content tree that is already a copy (never on the
    repository's content/).
    """
    if content.resolve().is_relative_to((REPO / "content").resolve()):
        raise ValueError("scale_content() writes into the tree it is given: pass a copy")
    slugs = sheet_slugs(content)
    for slug in slugs:
        for n in range(1, factor):
            new = f"{slug}-copy{n}"
            for folder in ("pages", *LANGUAGES):
                source = content / folder / f"{slug}.yml"
                if source.exists():  # a missing language is reported by the check, as for the original
                    shutil.copy2(source, content / folder / f"{new}.yml")
    return len(slugs) * factor
