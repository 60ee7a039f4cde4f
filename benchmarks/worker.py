"""Run ONE build in this process and print what it cost, as one JSON line.

    python benchmarks/worker.py full PROJECT SITE_DIR          # sitebuild.publish.publish()
    python benchmarks/worker.py bare CONFIG_FILE SITE_DIR      # mkdocs build of that config, no hooks
    python benchmarks/worker.py generate PROJECT -             # sitebuild.generate.generate() alone
    python benchmarks/worker.py idle - -                       # the imports only: the memory baseline

benchmarks/run.py starts one worker per build because:
- peak memory is per process: a fresh process measures one build;
- mkdocs plugins and the hook keep state in module globals: a fresh process
  makes every repetition start from the same state.

The clock starts after the imports both kinds of build need (mkdocs, the
theme, its plugins, the pipeline), so the figure is the build's own work,
not Python's start-up; the worker's wall time from the parent is recorded too.
The line also counts generate() calls and mkdocs' per-page work (summed over
the language processes of the parallel build, whose peak memory is added to
this process's: they run at the same time). On SIGTERM
(the parent's time budget ran out) the worker prints the same line with
"stopped": true and what it had done so far.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import signal
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from sitebuild.parallel import peak_rss_kib  # noqa: E402


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


def _count(module, name: str, stats: dict, prefix: str) -> None:
    """Replace module.name by a wrapper adding its calls and time to stats[prefix_calls/_seconds]."""
    original = getattr(module, name)
    stats[f"{prefix}_calls"], stats[f"{prefix}_seconds"] = 0, 0.0

    def counted(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            stats[f"{prefix}_calls"] += 1
            stats[f"{prefix}_seconds"] += time.perf_counter() - start

    setattr(module, name, counted)


def _instrument(stats: dict, full: bool) -> None:
    """Count the pipeline's generate() calls and mkdocs' per-page work.

    mkdocs' build() looks both page functions up in its module at each call,
    and the hook imports generate when mkdocs loads it (after this), so
    replacing the module attributes is enough. publish bound generate at
    import: it is replaced there too.
    """
    import mkdocs.commands.build

    _count(mkdocs.commands.build, "_populate_page", stats, "markdown")  # Markdown → HTML, per page
    _count(mkdocs.commands.build, "_build_page", stats, "page")  # theme template (with the nav) + write
    if full:
        import sitebuild.generate
        import sitebuild.parallel
        import sitebuild.publish

        _count(sitebuild.generate, "generate", stats, "generate")
        sitebuild.publish.generate = sitebuild.generate.generate
        # publish() builds each language in a forked process: the counters above are
        # copied into each, which returns its copy (sitebuild.parallel.STATS) with its result.
        sitebuild.parallel.STATS = stats
        original = sitebuild.publish.build_in_parallel

        def in_parallel(*args, **kwargs):
            outcomes = original(*args, **kwargs)
            stats["languages"] = {locale: {"peak_kib": o["peak_kib"], "cpu_seconds": o.get("cpu_seconds"),
                                           "page_calls": o.get("page_calls", 0),
                                           "markdown_calls": o.get("markdown_calls", 0)}
                                  for locale, o in outcomes.items()}
            for key in ("markdown_calls", "markdown_seconds", "page_calls", "page_seconds"):
                stats[key] = sum(o.get(key, 0) for o in outcomes.values())
            return outcomes

        sitebuild.publish.build_in_parallel = in_parallel


def main(argv: list[str]) -> int:
    mode, target, site_dir = argv[0], Path(argv[1]), Path(argv[2])
    logging.basicConfig(level=logging.ERROR)
    _preimport()
    stats: dict = {}
    start = time.perf_counter()

    def stopped(signum, frame):
        # the parent's time budget ran out: report how far the build got, then leave at once
        import multiprocessing

        children = multiprocessing.active_children()  # the language builds, if any
        peaks = [peak_rss_kib(child.pid) for child in children]
        for child in children:
            child.kill()
        built = sum(1 for _ in target.glob(".build-*/.site-languages/**/index.html")) if mode == "full" else 0
        print(json.dumps({"stopped": True, "seconds": time.perf_counter() - start,
                          "maxrss_kib": peak_rss_kib(), "children_peak_kib": [p for p in peaks if p],
                          **stats, **({"page_calls": built} if built else {})}), flush=True)
        os._exit(3)

    signal.signal(signal.SIGTERM, stopped)
    if mode in ("full", "bare"):
        _instrument(stats, full=mode == "full")
    start, cpu_start = time.perf_counter(), time.process_time()
    if mode == "full":
        from sitebuild.publish import publish

        publish(target, site_dir)
    elif mode == "bare":
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        build(load_config(str(target), site_dir=str(site_dir), strict=True))
    elif mode == "generate":
        from sitebuild.generate import generate

        generated = generate(target)
        stats["md_pages"] = sum(1 for path in generated.files if path.endswith(".md"))
    elif mode != "idle":
        raise SystemExit(f"unknown mode {mode!r}")
    seconds = time.perf_counter() - start
    own = peak_rss_kib()
    # with language processes, the build's memory is this process's plus theirs (they run together)
    children = sum(o["peak_kib"] for o in stats.get("languages", {}).values())
    children_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = {"cpu_seconds": time.process_time() - cpu_start,
           "children_cpu_seconds": children_cpu.ru_utime + children_cpu.ru_stime}
    print(json.dumps({"seconds": seconds, "maxrss_kib": own + children, "own_maxrss_kib": own, **cpu, **stats}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
