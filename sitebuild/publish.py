"""Build the site into a temporary folder, then swap it in.

A failed build (bad content, a warning in strict mode) leaves the previous
site/ byte for byte as it was: nothing is written there until mkdocs has
finished without error.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .generate import GENERATED_DIRS, generate
from .parallel import build_in_parallel


def _copy_static_docs(docs_dir: Path, target: Path) -> None:
    """Copy the hand-written part of docs/ (assets), not the generated folders."""
    skip = {docs_dir / folder for folder in GENERATED_DIRS}
    for path in docs_dir.rglob("*"):
        if path.is_file() and not any(path.is_relative_to(s) for s in skip):
            destination = target / path.relative_to(docs_dir)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)


def publish(root: Path, site_dir: Path | None = None, config_file: str = "mkdocs.yml") -> Path:
    """Check, generate and build; replace site_dir only on success. Returns site_dir."""
    site_dir = site_dir or root / "site"
    generate(root)  # fails fast with ContentErrors, before any temporary folder exists
    with tempfile.TemporaryDirectory(prefix=".build-", dir=root) as temporary:
        work = Path(temporary)
        docs = work / "docs"
        _copy_static_docs(root / "docs", docs)
        build_in_parallel(root / config_file, docs, work / "site")  # scale: one process per language
        # Swap: the old site is moved aside, the new one moved in, then the old removed.
        old = work / "previous-site"
        if site_dir.exists():
            site_dir.rename(old)
        (work / "site").rename(site_dir)
    return site_dir
