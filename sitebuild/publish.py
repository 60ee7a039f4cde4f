"""Build the site into a temporary folder, then swap it in.

A failed build (bad content, a warning in strict mode) leaves the previous
site/ byte for byte as it was: nothing is written there until mkdocs has
finished without error.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.config import load_config

from .audit import Audited
from .generate import GENERATED_DIRS, generate
from .guard import build_prefix, remove_stale_builds, swap_in
from .hosting import secure
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
    remove_stale_builds(root)  # left by a build killed outright
    with tempfile.TemporaryDirectory(prefix=build_prefix(), dir=root) as temporary:
        work = Path(temporary)
        docs = work / "docs"
        _copy_static_docs(root / "docs", docs)
        outcomes = build_in_parallel(root / config_file, docs, work / "site")  # one process per language
        # each language's process audited its own pages: the final audit reads their findings
        audited = [Audited.from_json(o["audit"]) for o in (outcomes or {}).values() if o.get("audit")]
        site_url = load_config(str(root / config_file)).site_url
        secure(work / "site", root, site_url, audited)  # final HTML audit, CSP, host configuration
        # Swap: the old site is moved aside, the new one moved in, then the old removed.
        swap_in(work / "site", site_dir, work / "previous-site")
    return site_dir
