"""Shared test helpers: build a tiny fixture project, compare trees, find Chromium.

A module of its own (not conftest.py) so that every test folder imports the
same thing: pytest loads several conftest.py files, and their module names clash.
Browser tests skip loudly on a developer's machine without Chromium, and
fail instead of skipping in CI (the CI variable is set there).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import warnings
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium as root, with no call home: the machine has no network but the local one.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
sys.path.insert(0, str(REPO))


def make_project(target: Path, content: Path) -> Path:
    """A buildable project in target: the given content tree with the real templates and config."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, target / "content", dirs_exist_ok=True)
    shutil.copytree(REPO / "docs" / "assets", target / "docs" / "assets", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("wizard"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("sitebuild/hooks.py", str(REPO / "sitebuild" / "hooks.py"))
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def tree_digest(folder: Path) -> str:
    """One hash over every file's path and bytes: equal digests mean byte-identical trees."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def require_chromium() -> Path:
    """Chromium's path, or a loud skip (a failure in CI)."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = ("CHROMIUM IS MISSING: browser tests did not run. Install Debian's chromium "
               "(apt-get install chromium) to run them; CI installs it in .ci/run.")
    if os.environ.get("CI"):
        pytest.fail(message)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)
