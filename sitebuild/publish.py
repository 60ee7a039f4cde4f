"""Build the site into a temporary folder, then swap it in.

A failed build (bad content, a warning in strict mode) leaves the previous
site/ byte for byte as it was: nothing is written there until mkdocs has
finished without error.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from mkdocs.config import load_config

from .audit import Audited
from .generate import generate
from .guard import build_prefix, remove_stale_builds, swap_in
from .hosting import secure
from .parallel import build_in_parallel


def publish(root: Path, site_dir: Path | None = None, config_file: str = "mkdocs.yml") -> Path:
    """Check, generate and build; replace site_dir only on success. Returns site_dir."""
    site_dir = site_dir or root / "site"
    generate(root)  # fails fast with ContentErrors, before any temporary folder exists
    remove_stale_builds(root)  # left by a build killed outright
    with tempfile.TemporaryDirectory(prefix=build_prefix(), dir=root) as temporary:
        work = Path(temporary)
        # The pages are written where `mkdocs serve` and the plugin write them: docs/fr, docs/de,
        # docs/en, docs/assets/wizard (generated, not in git), only the files whose bytes changed
        # (sitebuild/generate.py's write()). A rebuild writes only what an edit changed, instead
        # of every page into a fresh folder; the result is the same files.
        outcomes = build_in_parallel(root / config_file, root / "docs", work / "site")  # one process per language
        # each language's process audited its own pages: the final audit reads their findings
        audited = [Audited.from_json(o["audit"]) for o in (outcomes or {}).values() if o.get("audit")]
        site_url = load_config(str(root / config_file)).site_url
        secure(work / "site", root, site_url, audited)  # final HTML audit, CSP, host configuration
        # Swap: the old site is moved aside, the new one moved in, then the old removed.
        swap_in(work / "site", site_dir, work / "previous-site")
    return site_dir
