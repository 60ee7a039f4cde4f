"""Run ONE build in this process and print what it cost, as one JSON line.

    python benchmarks/worker.py full PROJECT SITE_DIR          # sitebuild.publish.publish()
    python benchmarks/worker.py bare CONFIG_FILE SITE_DIR      # mkdocs build of that config, no hooks
    python benchmarks/worker.py idle - -                       # the imports only: the memory baseline

benchmarks/run.py starts one worker per build because:
- peak memory (ru_maxrss) is per process: a fresh process measures one build;
- mkdocs plugins and the hook keep state in module globals: a fresh process
  makes every repetition start from the same state.

The clock starts after the imports both kinds of build need (mkdocs, the
theme, its plugins, the pipeline), so the figure is the build's own work,
not Python's start-up; the worker's wall time from the parent is recorded too.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def peak_rss_kib() -> int:
    """Peak resident memory of this process, in KiB.

    VmHWM belongs to the address space exec() created, so it is this build's
    own peak. ru_maxrss (the fallback off Linux) survives exec() and can
    report the parent's size when the parent was bigger at fork time.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def _preimport() -> None:
    # The same imports for both kinds of build, before the clock starts.
    import material.plugins.search.plugin  # noqa: F401
    import mkdocs.commands.build  # noqa: F401
    import mkdocs.config  # noqa: F401
    import mkdocs_static_i18n.plugin  # noqa: F401

    import sitebuild.generate  # noqa: F401
    import sitebuild.publish  # noqa: F401
    if (REPO / "wizard" / "site.py").is_file():
        import wizard.site  # noqa: F401


def _count_generate() -> dict:
    """Wrap sitebuild.generate.generate to count its calls and time (publish and the hook both call it)."""
    import sitebuild.generate
    import sitebuild.publish

    original = sitebuild.generate.generate
    stats = {"generate_calls": 0, "generate_seconds": 0.0}

    def counted(root):
        start = time.perf_counter()
        try:
            return original(root)
        finally:
            stats["generate_calls"] += 1
            stats["generate_seconds"] += time.perf_counter() - start

    # publish bound the name at import; the hook binds it when mkdocs loads it (after this).
    sitebuild.generate.generate = counted
    sitebuild.publish.generate = counted
    return stats


def main(argv: list[str]) -> int:
    mode, target, site_dir = argv[0], Path(argv[1]), Path(argv[2])
    logging.basicConfig(level=logging.ERROR)
    _preimport()
    stats = {}
    if mode == "full":
        from sitebuild.publish import publish

        stats = _count_generate()
        start = time.perf_counter()
        publish(target, site_dir)
        seconds = time.perf_counter() - start
    elif mode == "bare":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        start = time.perf_counter()
        build(load_config(str(target), site_dir=str(site_dir), strict=True))
        seconds = time.perf_counter() - start
    elif mode == "idle":
        seconds = 0.0
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps({"seconds": seconds, "maxrss_kib": peak_rss_kib(), **stats}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
