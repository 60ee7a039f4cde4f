#!/usr/bin/env python3
"""Benchmarks: build speed and scale, page weight, wizard size, Lighthouse (issues 7 and 15).

    make bench                                   # or: .venv/bin/python benchmarks/run.py
    .venv/bin/python benchmarks/run.py --quick   # 1 repetition, no 50x, no Lighthouse
    .venv/bin/python benchmarks/run.py --help    # every option (--budget 0: no time limit at 50x)

Prints one Markdown table (every figure with its goal) and writes it to
benchmarks/results/latest.md, with every raw number in latest.json
(benchmarks/results/ is git-ignored).

What is measured, in one run:

- Build: the full pipeline (``sitebuild.publish.publish``: check, wizard,
  rendering, mkdocs for 3 languages) against a bare ``mkdocs build`` of the
  same generated pages without the hook (builds.py); medians of --repeat
  runs, each in a fresh process (worker.py). Goals: overhead under 20 % of
  mkdocs, and the full build (its three languages in parallel processes,
  sitebuild/parallel.py) faster than the bare, sequential one.
- Scale: the same with every fact sheet copied to 10x and 50x as many
  (synthetic.py); time, peak memory, search index per language, mkdocs'
  time per page, and the growth exponent k (cost ∝ sheets^k; 1 = linear).
  Goals: k ≤ 1.05, and a fact sheet's HTML at 50x at most 1.3x its size at
  1x (the menus do not grow with the site). Sizes above 10x are built full only, within
  --budget seconds (default 120): a build still running then is stopped
  and reported with how far it got (lower bounds, time per page).
- Page weight: home, a fact sheet and the wizard page per language, served
  gzipped from 127.0.0.1, every request counted in Chromium (browser.py).
  Goal: a first visit to a fact sheet at most 75 KB, at 1x and on the
  scaled sites, with no search download until the search is used.
- Wizard: runtime and flow data minified and gzipped, against SurveyJS's
  survey-core from npm (npmtools.py); time to the first question.
- Lighthouse (mobile) on the home page, a fact sheet and each flow's wizard
  page, in every language. Goal: 100 in each category.

The content is copied first (a snapshot) so a colleague saving a file
mid-run cannot make one repetition differ from another. Every part that
cannot run (no Chromium, no npm registry, a page not built yet) becomes a
"not measured: <reason>" row instead of stopping the run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import browser  # noqa: E402
import builds  # noqa: E402
import npmtools  # noqa: E402
import synthetic  # noqa: E402
from nojs_pages import bench_nojs_pages  # noqa: E402
from readability import bench_readability  # noqa: E402
from server import SiteServer  # noqa: E402

from sitemodel import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from sitemodel.errors import ContentErrors  # noqa: E402

RESULTS = HERE / "results"
OVERHEAD_GOAL = 0.20          # issue 7: the pipeline adds under 20 % to mkdocs' own time
SHEET_GOAL = 75 * 1024        # issue 15: a first visit to a fact sheet at most 75 KB transferred, at 1x and 50x
HTML_GROWTH_GOAL = 1.3        # issue 15: a fact sheet's HTML at 50x at most 1.3x its size at 1x
WIZARD_GOAL = 10 * 1024       # wizard/size.py: runtime and each flow's data under 10 KB gzipped
LINEAR_SLACK = 0.05           # a growth exponent up to 1.05 counts as linear (timing noise)
BARE_MAX_FACTOR = 10          # the bare comparison at 50x would add minutes; 50x is timed full only
SHEET = "biergerpakt"         # the fact sheet weighed; any other if it disappears
WIZARD_FLOW = "route"         # the wizard page weighed and timed
WIZARD_FLOWS = ("route", "permit", "subsidy")  # each one's page gets Lighthouse


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def kib(n: float | None) -> str:
    return "n/a" if n is None else f"{n / 1024:.1f} KB"


def lang_path(lang: str, path: str) -> str:
    return path if lang == DEFAULT_LANGUAGE else f"/{lang}{path}"


class Table:
    """Rows of the one table: area, measure, result, goal, status."""

    def __init__(self):
        self.rows: list[dict] = []
        self.notes: list[str] = []

    def add(self, area: str, measure: str, result: str, goal: str = "—", met: bool | None = None) -> None:
        status = "—" if met is None else ("met" if met else "**missed**")
        self.rows.append({"area": area, "measure": measure, "result": result, "goal": goal, "status": status})

    def missing(self, area: str, measure: str, reason: str, goal: str = "—") -> None:
        self.add(area, measure, f"not measured: {reason}", goal)

    def markdown(self) -> str:
        lines = ["| Area | Measure | Result | Goal | Status |", "|---|---|---|---|---|"]
        for row in self.rows:
            cells = [str(row[key]).replace("|", "\\|") for key in ("area", "measure", "result", "goal", "status")]
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)


def short_error(exc: BaseException) -> str:
    if isinstance(exc, ContentErrors):
        first = str(exc).splitlines()
        return f"the content check fails ({first[0] if first else exc})"
    text = str(exc).strip().splitlines()
    return (text[-1] if text else type(exc).__name__)[:200]


# --- build and scale -----------------------------------------------------------------


def bench_builds(args, work: Path, table: Table, results: dict) -> dict[int, Path]:
    """Full vs bare at 1x, then the scaled projects; returns {factor: site} of the finished builds."""
    content = args.content.resolve()
    points: dict[int, dict] = {}
    sites: dict[int, Path] = {}
    for factor in [1, *args.scales]:
        project = synthetic.make_project(work / f"x{factor}" / "project", content)
        sheets = synthetic.scale_content(project / "content", factor) if factor > 1 else \
            len(synthetic.sheet_slugs(project / "content"))
        log(f"Build at {factor}x ({sheets} fact sheets) …")
        started = time.perf_counter()
        try:
            if factor <= BARE_MAX_FACTOR:
                point = builds.compare(project, work / f"x{factor}", args.repeat if factor == 1 else 1, log)
                point["generate_seconds"] = point["generate_seconds_per_build"] / point["generate_calls"]
            else:
                point = scale_full_only(project, work / f"x{factor}", args.budget)
        except Exception as exc:  # a failed build is a row, not a crash
            log(f"  failed: {short_error(exc)}")
            results.setdefault("errors", {})[f"build {factor}x"] = traceback.format_exc()
            points[factor] = {"error": short_error(exc), "sheets": sheets}
            continue
        point.update(sheets=sheets, bench_seconds=time.perf_counter() - started)
        # the sheet's HTML carries the navigation: its size shows what each page costs at this scale
        built = work / f"x{factor}" / "site-full"
        html = next(iter(project.glob(f".build-*/.site-languages/fr/{SHEET}/index.html")), None) \
            if point.get("timeout") \
            else built / SHEET / "index.html"
        if html and html.is_file():
            point["sheet_html"] = {"raw": html.stat().st_size, "gzip": npmtools.gzip_size(html.read_bytes(), 6)}
        if "search_index_bytes" in point:
            point["search_index_gzip"] = builds.search_index_sizes(built, gzipped=True)
        points[factor] = point
        if not point.get("timeout"):
            sites[factor] = built
    results["builds"] = {str(f): p for f, p in points.items()}
    baseline = builds.run_worker("idle", Path("-"), Path("-"))["maxrss_kib"] / 1024
    results["idle_maxrss_mib"] = baseline
    report_builds(points, baseline, args.budget, table)
    return sites


def scale_full_only(project: Path, work: Path, budget: float) -> dict:
    """A big size: generate() alone, then the full build within a time budget."""
    log("  generate() alone …")
    generated = builds.run_worker("generate", project, Path("-"))
    log(f"  full build (budget {budget:.0f} s) …" if budget > 0 else "  full build (no time limit) …")
    run = builds.run_worker("full", project, work / "site-full", timeout=budget if budget > 0 else None)
    point = {"repeat": 1, "full_runs": [run], "generate_seconds": generated["seconds"],
             "full_seconds": run["seconds"], "full_maxrss_mib": (run["maxrss_kib"] or 0) / 1024,
             "md_pages": generated.get("md_pages"), **builds.per_page_ms([run])}
    if run.get("timeout"):
        point.update(timeout=True, pages_built=run.get("page_calls", 0))
        return point
    point.update(generate_calls=run.get("generate_calls"), pages=builds.html_pages(work / "site-full"),
                 search_index_bytes=builds.search_index_sizes(work / "site-full"))
    return point


def report_builds(points: dict[int, dict], baseline: float, budget: float, table: Table) -> None:
    one = points.get(1, {})
    goal = f"overhead < {OVERHEAD_GOAL:.0%}"
    if "error" in one:
        table.missing("Build", "full pipeline vs bare mkdocs (real content)", one["error"], goal)
    else:
        n = one["repeat"]
        table.add("Build", f"full pipeline, real content ({one['sheets']} sheets, {one['pages']} HTML pages), "
                  f"median of {n}", f"{one['full_seconds']:.2f} s")
        differ = one["html_differences"]
        same = "same HTML as the full build" if not differ else \
            f"HTML differing from the full build: {', '.join(differ[:3])}{' …' if len(differ) > 3 else ''}"
        table.add("Build", f"bare `mkdocs build` of the same pages, no hook, median of {n}",
                  f"{one['bare_seconds']:.2f} s ({same})")
        table.add("Build", "pipeline overhead (full − bare) / bare", f"{one['overhead']:+.0%}", goal,
                  one["overhead"] < OVERHEAD_GOAL)
        table.add("Build", "full build (3 languages in parallel processes) vs the sequential bare build",
                  f"{one['full_seconds']:.2f} s vs {one['bare_seconds']:.2f} s "
                  f"({one['bare_seconds'] / one['full_seconds']:.2f}× as fast)", "full faster than bare",
                  one["full_seconds"] < one["bare_seconds"])
        cpu = builds.cpu_split(one)
        if cpu:
            # three language processes on fewer cores take turns: the longest one, or their total
            # shared over the cores, whichever is more (not the longest alone, as with a core each)
            cores = os.cpu_count() or 1
            languages = max(cpu["longest"], (cpu["total"] - cpu["main"]) / cores)
            table.add("Build", f"CPU time, which a busy machine does not stretch: full (main process + the "
                      f"language processes shared over {cores} cores: the wall time on {cores} idle cores) vs bare",
                      f"full {cpu['main']:.2f} s + {languages:.2f} s = {cpu['main'] + languages:.2f} s "
                      f"(all processes {cpu['total']:.2f} s) vs bare {cpu['bare']:.2f} s", "full faster than bare",
                      cpu["main"] + languages < cpu["bare"])
        calls = one["generate_calls"]
        why = (" (publish() once, then the hook's on_config, which mkdocs-static-i18n runs again for each "
               "language's build)") if calls > 1 else \
            " (publish(); the language processes, forked after it, reuse its result)"
        table.add("Build", "of which generate() (check + wizard + render), calls per build",
                  f"{calls} × {one['generate_seconds']:.2f} s = {one['generate_seconds_per_build']:.2f} s{why}")
    for factor, point in sorted(points.items()):
        if factor == 1:
            continue
        label = f"{factor}x ({point['sheets']} sheets)"
        if "error" in point:
            table.missing("Scale", f"build at {label}", point["error"])
            continue
        if point.get("timeout"):
            table.add("Scale", f"build at {label}, {point['md_pages']} pages",
                      f"full: **not finished within the {budget:.0f} s budget**, stopped after "
                      f"{point['pages_built']} pages written; generate() {point['generate_seconds']:.1f} s per call; "
                      f"{per_page_text(point)}")
            continue
        result = f"full {point['full_seconds']:.1f} s"
        if "bare_seconds" in point:
            result += f", bare (sequential) {point['bare_seconds']:.1f} s, overhead {point['overhead']:+.0%}"
        result += f"; generate() {point['generate_seconds']:.1f} s per call; {per_page_text(point)}"
        table.add("Scale", f"build at {label}, {point['pages']} HTML pages", result)
    measured = sorted(f for f, p in points.items() if "error" not in p)
    for factor in measured:
        point = points[factor]
        bound = "≥ " if point.get("timeout") else ""
        run = point["full_runs"][-1]
        langs = run.get("languages") or {}
        split = (f": main process {run['own_maxrss_kib'] / 1024:.0f} MB + language processes "
                 + " · ".join(f"{lang} {o['peak_kib'] / 1024:.0f} MB" for lang, o in langs.items())
                 + ", which share the main process's pages until they write them") if langs else ""
        table.add("Scale", f"peak memory (RSS) of the full build at {factor}x",
                  f"{bound}{point['full_maxrss_mib']:.0f} MB{split} (idle interpreter with the imports: "
                  f"{baseline:.0f} MB)")
    # growth between consecutive sizes: fixed costs flatter the first step, so show each
    for small, large in zip(measured, measured[1:], strict=False):
        p, q = points[small], points[large]
        if p.get("timeout"):
            break

        def k(key, base=0.0, p=p, q=q):
            if p.get(key) is None or q.get(key) is None:
                return None
            return builds.growth_exponent((p["sheets"], p[key] - base), (q["sheets"], q[key] - base))

        bound = "≥ " if q.get("timeout") else "= "  # a stopped build gives a lower bound
        k_full, k_mem, k_page = k("full_seconds"), k("full_maxrss_mib", baseline), k("page_ms")
        if k_full is None:
            continue
        parts = [f"full build time k {bound}{k_full:.2f}"]
        if k("bare_seconds") is not None:
            parts.append(f"bare mkdocs k = {k('bare_seconds'):.2f}")
        if k("generate_seconds") is not None:
            parts.append(f"generate() k = {k('generate_seconds'):.2f}")
        if k_page is not None:
            # total ≈ pages × time per page: a per-page time growing as sheets^k_page
            # makes the whole build grow as sheets^(1 + k_page), whether or not it finished
            parts.append(f"theme time per page k = {k_page:.2f} (so build ≈ sheets^{1 + k_page:.2f})")
        if k_mem is not None:
            parts.append(f"memory above idle k {bound}{k_mem:.2f}")
        # a finished step is judged on what was measured; a stopped one on the per-page estimate
        judged = [k_full, k_mem] if not q.get("timeout") else [k_full, 1 + k_page if k_page is not None else None]
        worst = max(x for x in judged if x is not None)
        # a stopped build gives lower bounds only: they can show a miss, never a success
        met = worst <= 1 + LINEAR_SLACK if not q.get("timeout") else (False if worst > 1 + LINEAR_SLACK else None)
        table.add("Scale", f"growth {small}x → {large}x (cost ∝ sheets^k)", ", ".join(parts),
                  f"k ≤ {1 + LINEAR_SLACK:.2f} (linear)", met)
    for factor in measured:
        sizes, gz = points[factor].get("search_index_bytes"), points[factor].get("search_index_gzip")
        if sizes:
            table.add("Scale", f"search index per language at {factor}x (raw / gzipped), downloaded only "
                      "when the reader opens the search",
                      " · ".join(f"{lang} {kib(sizes[lang])} / {kib(gz[lang])}" for lang in LANGUAGES))
    if any(f > 1 for f in measured):
        table.notes.append("Synthetic sheets are copies of real ones: gzip finds the repeats, so gzipped sizes "
                           "above 1x (search index, page weight of the scaled site) understate what as many "
                           "distinct sheets would weigh; raw sizes and build times grow as real content would.")
    html = {f: points[f]["sheet_html"] for f in measured if "sheet_html" in points[f]}
    if html:
        largest = max(html)
        growth = html[largest]["raw"] / html[1]["raw"] if 1 in html and largest > 1 else None
        table.add("Scale", f"HTML of the fact sheet `/{SHEET}/` (raw / gzipped)",
                  " · ".join(f"{f}x {kib(h['raw'])} / {kib(h['gzip'])}" for f, h in html.items())
                  + (f"; {largest}x / 1x = {growth:.2f}" if growth else ""),
                  f"{largest}x ≤ {HTML_GROWTH_GOAL}× 1x", None if growth is None else growth <= HTML_GROWTH_GOAL)


def per_page_text(point: dict) -> str:
    if point.get("page_ms") is None:
        return "mkdocs per page: n/a"
    return f"mkdocs per page: theme+nav+write {point['page_ms']:.0f} ms, Markdown {point['markdown_ms']:.0f} ms"


# --- page weight, time to first question, Lighthouse ---------------------------------


def page_paths(site: Path) -> dict[str, str]:
    """Home, one fact sheet and the wizard page (default-language paths)."""
    sheet = SHEET
    if not (site / sheet / "index.html").is_file():
        candidates = sorted(p.parent.name for p in site.glob("*/index.html")
                            if p.parent.name not in (*LANGUAGES, "search", "assets", "wizard"))
        sheet = candidates[0] if candidates else SHEET
    return {"home": "/", "fact sheet": f"/{sheet}/", "wizard page": f"/wizard/{WIZARD_FLOW}/",
            **{f"wizard page {flow}": f"/wizard/{flow}/" for flow in WIZARD_FLOWS if flow != WIZARD_FLOW}}


def bench_browser(sites: dict[int, Path], args, table: Table, results: dict) -> None:
    area = "Page weight"
    site = sites.get(1)
    goal_for = {"fact sheet": f"≤ {SHEET_GOAL // 1024} KB"}
    if site is None:
        table.missing(area, "pages", "the site did not build")
        table.missing("Wizard", "time to first question", "the site did not build")
        return
    if not Path(browser.CHROMIUM).exists():
        table.missing(area, "pages", f"no Chromium at {browser.CHROMIUM}")
        table.missing("Wizard", "time to first question", f"no Chromium at {browser.CHROMIUM}")
        return
    from playwright.sync_api import sync_playwright

    paths = page_paths(site)
    runtime = site / "assets" / "wizard" / "wizard-v1.js"
    harness = {f"/__bench__/first-question.{lang}.html":
               ("text/html", browser.harness_page("/assets/wizard/wizard-v1.js", WIZARD_FLOW, lang))
               for lang in LANGUAGES}
    weights: dict = {}
    with SiteServer(site, extra=harness) as server, sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        results["chromium"] = chromium.version
        try:
            log("Page weight …")
            for name, path in paths.items():
                if name.startswith("wizard page "):
                    continue  # the other flows' pages weigh as route's does: Lighthouse only
                if not (site / path.strip("/") / "index.html").is_file():
                    table.missing(area, f"{name} `{path}`", "not built yet", goal_for.get(name, "—"))
                    continue
                per_lang = {lang: browser.page_weight(chromium, server.url(lang_path(lang, path)))
                            for lang in LANGUAGES}
                weights[name] = per_lang
                text = " · ".join(f"{lang} {kib(w['bytes'])} / {w['requests']} req" for lang, w in per_lang.items())
                searched = sorted({item[0] for w in per_lang.values() for item in w["items"]
                                   if "search_index" in item[0] or "/lunr/" in item[0]
                                   or ("/workers/search." in item[0])})
                text += f"; search downloads: {', '.join(searched) if searched else 'none'}"
                worst = max(w["bytes"] for w in per_lang.values())
                goal = goal_for.get(name, "—")
                table.add(area, f"{name} `{path}` (+ de, en): transferred, requests", text, goal,
                          worst <= SHEET_GOAL if name in goal_for else None)
            if weights:
                every = [w for per_lang in weights.values() for w in per_lang.values()]
                foreign = sorted({u for w in every for u in w["foreign"]})
                table.add(area, "requests to any host but 127.0.0.1", str(len(foreign)) +
                          (f" ({', '.join(foreign[:3])})" if foreign else ""), "0", not foreign)
                errors = sorted({e for w in every for e in w["errors"]})
                names = sorted({e.split()[0].rsplit("/", 1)[-1] for e in errors})
                table.add(area, "requests answered with an error status (HTTP ≥ 400), all pages above",
                          f"{len(errors)}" + (f", all for {', '.join(names)} (e.g. {', '.join(errors[:2])})"
                                              if errors else ""), "0", not errors)
                results["page_weight_errors"] = errors
            results["page_weight"] = weights
            for factor, bigger in sorted(sites.items()):
                if factor > 1:  # the same sheet on a scaled site: the nav and search index have grown
                    with SiteServer(bigger) as scaled:
                        w = browser.page_weight(chromium, scaled.url(paths["fact sheet"]))
                    results.setdefault("page_weight_scaled", {})[factor] = w
                    table.add(area, f"fact sheet `{paths['fact sheet']}` on the {factor}x site (fr)",
                              f"{kib(w['bytes'])} / {w['requests']} req", goal_for["fact sheet"],
                              w["bytes"] <= SHEET_GOAL)
            log("Time to first question …")
            if runtime.is_file() and (site / "assets" / "wizard" / "wizard-data").is_dir():
                ttfq = {lang: browser.time_to_first_question(
                    chromium, server.url(f"/__bench__/first-question.{lang}.html"), args.ttfq_runs)
                    for lang in LANGUAGES}
                results["first_question"] = ttfq
                table.add("Wizard", f"time from script tag to first question rendered (Chromium, cold, "
                          f"median of {args.ttfq_runs}, flow `{WIZARD_FLOW}`)",
                          " · ".join(f"{lang} {t['median_ms']:.0f} ms" for lang, t in ttfq.items()))
            else:
                table.missing("Wizard", "time to first question", "the wizard is not built yet")
        finally:
            chromium.close()
        if args.lighthouse:
            bench_lighthouse(paths, site, args, table, results)


def bench_lighthouse(paths: dict, site: Path, args, table: Table, results: dict) -> None:
    goal = "100 / 100 / 100 / 100"
    problems = args.npm_problems
    if "lighthouse" in problems:
        table.missing("Lighthouse", "mobile scores", problems["lighthouse"], goal)
        return
    languages = (DEFAULT_LANGUAGE,) if args.lighthouse_fr_only else LANGUAGES
    out = {}
    with tempfile.TemporaryDirectory(prefix="bench-lh-site-") as published_dir:
        # Lighthouse judges the site as it is published: built with its public
        # address (SITE_URL), which is this server's, so hreflang links are absolute.
        published = Path(published_dir) / "site"
        with SiteServer(published) as public:
            log("Lighthouse: building the site with SITE_URL …")
            subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--project", str(site.parent / "project"),
                            "--site-dir", str(published)], check=True, capture_output=True,
                           env={**os.environ, "SITE_URL": public.origin + "/"})
            _lighthouse_pages(public, paths, published, languages, args, table, out, goal)
    results["lighthouse"] = out


def _lighthouse_pages(server: SiteServer, paths: dict, site: Path, languages, args, table: Table, out: dict,
                      goal: str) -> None:
    """Each page --lighthouse-runs times; the median score per category, the spread, the load.

    Lighthouse's own advice on variability: run it several times and take the median.
    One run's performance score moves with what else the machine does (its simulated
    throttling scales the CPU time it observed), so one run says little on a shared machine.
    """
    keys = ("performance", "accessibility", "best-practices", "seo")
    for name in paths:
        for lang in languages:
            path = lang_path(lang, paths[name])
            label = f"{name} `{path}` (perf / a11y / best practices / SEO), median of {args.lighthouse_runs}"
            if not (site / path.strip("/") / "index.html").is_file():
                table.missing("Lighthouse", label, "not built yet", goal)
                continue
            runs, loads = [], []
            for n in range(args.lighthouse_runs):
                log(f"Lighthouse {path} {n + 1}/{args.lighthouse_runs} …")
                loads.append(os.getloadavg()[0])
                with tempfile.TemporaryDirectory(prefix="bench-lh-") as tmp:
                    runs.append(npmtools.lighthouse(args.npm_prefix, server.url(path), Path(tmp) / "report.json",
                                                    browser.CHROMIUM))
            good = [run for run in runs if "error" not in run]
            out[path] = {"runs": runs, "load_averages": loads}
            if not good:
                table.missing("Lighthouse", label, runs[0]["error"], goal)
                continue
            median = {k: statistics.median_low([run["scores"].get(k) or 0 for run in good]) for k in keys}
            out[path]["median"] = median
            performance = sorted(run["scores"].get("performance") or 0 for run in good)
            spread = f"performance {performance[0]}–{performance[-1]}" if performance[0] != performance[-1] \
                else "the same in every run"
            errors = f", {len(runs) - len(good)} run(s) failed" if len(good) < len(runs) else ""
            table.add("Lighthouse", label, " / ".join(str(median[k]) for k in keys) +
                      f" ({spread}; load average {min(loads):.1f}–{max(loads):.1f}{errors})", goal,
                      all(median[k] == 100 for k in keys))
            # the reasons, from the run whose performance is the median one
            shown = next(run for run in good if (run["scores"].get("performance") or 0) == median["performance"])
            for category, audits in shown["failing"].items():
                table.notes.append(f"Lighthouse `{path}` {category} (median run): {', '.join(audits)}")


# --- wizard sizes ----------------------------------------------------------------------


def bench_wizard_sizes(site: Path | None, args, table: Table, results: dict) -> None:
    area = "Wizard"
    goal = f"< {WIZARD_GOAL // 1024} KB gz"
    problems = args.npm_problems
    built = site / "assets" / "wizard" / "wizard-v1.js" if site else None
    source = built if built and built.is_file() else REPO / "wizard" / "js" / "wizard-v1.js"
    sizes: dict = {}
    if not source.is_file():
        table.missing(area, "runtime `wizard-v1.js` min+gz", "not built yet", goal)
    else:
        raw = source.read_bytes()
        where = "" if source == built else " (from wizard/js: not in the site yet)"
        minified, how = raw, f"not minified: {problems.get('terser')}"
        if "terser" not in problems:
            try:
                minified, how = npmtools.minify(args.npm_prefix, source), f"terser {npmtools.PACKAGES['terser']}"
            except (OSError, subprocess.SubprocessError) as exc:  # still report the gzipped source
                how = f"not minified: terser failed ({short_error(exc)})"
        sizes["runtime"] = {"raw": len(raw), "min": len(minified), "min_gz": npmtools.gzip_size(minified),
                            "how": how}
        table.add(area, f"runtime `wizard-v1.js`: raw → minified → min+gz{where}",
                  f"{kib(len(raw))} → {kib(len(minified))} → **{kib(sizes['runtime']['min_gz'])}** ({how})",
                  goal, sizes["runtime"]["min_gz"] < WIZARD_GOAL)
    data_dir = site / "assets" / "wizard" / "wizard-data" if site else None
    flows: dict[str, dict[str, int]] = {}
    for path in sorted(data_dir.glob("*.json")) if data_dir and data_dir.is_dir() else []:
        flow, _, lang = path.stem.rpartition(".")
        flows.setdefault(flow, {})[lang] = npmtools.gzip_size(path.read_bytes())
    sizes["data_gz"] = flows
    if not flows:
        table.missing(area, "flow data (JSON, per flow and language) gzipped", "not built yet", goal)
    for flow, per_lang in flows.items():
        table.add(area, f"flow data `{flow}` (compact JSON, as shipped) gzipped",
                  " · ".join(f"{lang} {kib(n)}" for lang, n in per_lang.items()),
                  goal, max(per_lang.values()) < WIZARD_GOAL)
    if "survey-core" in problems:
        table.missing(area, "SurveyJS `survey-core` min+gz", problems["survey-core"])
    else:
        survey = npmtools.survey_core(args.npm_prefix)
        sizes["survey_core"] = survey
        table.add(area, f"SurveyJS `survey-core` {survey['version']} `{survey['file']}` min+gz (npm, this run)",
                  f"{kib(survey['bytes'])} → **{kib(survey['gzip'])}**"
                  + (f" (+ {survey['css_file']} {kib(survey['css_gzip'])} gz)" if "css_gzip" in survey else ""))
        if "runtime" in sizes:
            ours = sizes["runtime"]["min_gz"] + max((max(v.values()) for v in flows.values()), default=0)
            table.add(area, "runtime + largest flow data vs survey-core alone (min+gz)",
                      f"{kib(ours)} vs {kib(survey['gzip'])}: {survey['gzip'] / ours:.0f}× smaller",
                      "smaller than survey-core", ours < survey["gzip"])
            table.notes.append("survey-core is SurveyJS's model only: showing a form also needs a UI package "
                               "(survey-js-ui or a framework one) and its CSS, not counted here.")
    results["wizard_sizes"] = sizes


# --- main --------------------------------------------------------------------------------


def guarded(area: str, part, *args):
    """Run one part; an unexpected error becomes a row (and a traceback in the JSON), not a crash."""
    table, results = args[-2], args[-1]
    try:
        return part(*args)
    except Exception as exc:
        log(f"{area}: {short_error(exc)}")
        results.setdefault("errors", {})[area] = traceback.format_exc()
        table.missing(area, "the rest of this part", f"error: {short_error(exc)} (traceback in latest.json)")
        return None


def versions() -> dict:
    found = {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine()}
    for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "playwright"):
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    try:
        found["node"] = subprocess.run(["node", "--version"], capture_output=True, text=True,
                                       check=False).stdout.strip() or None
    except OSError:
        found["node"] = None
    return found


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1 repetition, no 50x, no Lighthouse")
    parser.add_argument("--repeat", type=int, default=5,
                        help="repetitions of the 1x builds (median: the machine may be shared)")
    parser.add_argument("--scales", default="10,50", help="scale factors besides 1x, comma-separated")
    parser.add_argument("--no-lighthouse", dest="lighthouse", action="store_false")
    parser.add_argument("--lighthouse-runs", type=int, default=3,
                        help="Lighthouse runs per page; the median is reported, with the spread (default 3)")
    parser.add_argument("--lighthouse-fr-only", action="store_true",
                        help="Lighthouse in French only (default: every page in every language)")
    parser.add_argument("--budget", type=float, default=120,
                        help="seconds allowed for each build above 10x before it is stopped (0: no limit)")
    parser.add_argument("--ttfq-runs", type=int, default=5, help="cold loads for the time to first question")
    parser.add_argument("--content", type=Path, default=REPO / "content",
                        help="content tree to build (default: the repository's)")
    parser.add_argument("--npm-prefix", type=Path, default=Path(tempfile.gettempdir()) / "bench-npm",
                        help="where npm packages are installed (outside the repository)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and sites")
    args = parser.parse_args(argv)
    args.scales = [int(s) for s in args.scales.split(",") if s.strip()]
    if args.quick:
        args.repeat, args.lighthouse = 1, False
        args.scales = [s for s in args.scales if s <= BARE_MAX_FACTOR]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    table = Table()
    results: dict = {"date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
                     "options": {k: str(v) for k, v in vars(args).items()}, "versions": versions()}
    # other jobs on the machine slow both kinds of build: the load average says how busy it was
    results["load_average_start"] = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="bench-"))  # outside the repository: nothing to clean there
    try:
        sites = guarded("Build", bench_builds, args, work, table, results) or {}
        site = sites.get(1)
        log("npm packages …")
        args.npm_problems = npmtools.install(args.npm_prefix, log)
        results["npm"] = {name: npmtools.installed_version(args.npm_prefix, name) for name in npmtools.PACKAGES}
        guarded("Wizard", bench_wizard_sizes, site, args, table, results)
        results["nojs_pages"] = guarded("Wizard", bench_nojs_pages, site, table, results)  # benchmarks/nojs_pages.py
        guarded("Page weight", bench_browser, sites, args, table, results)
        # benchmarks/readability.py: reading ease per page and language
        results["readability"] = guarded("Plain language", bench_readability, table, results)
    finally:
        if args.keep:
            log(f"Kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    elapsed = time.perf_counter() - started
    results["bench_seconds"] = elapsed
    results["load_average_end"] = os.getloadavg()[0]
    results["table"] = table.rows
    results["notes"] = table.notes
    v = results["versions"]
    header = (f"Benchmarks of {results['date'][:10]} ({'quick' if args.quick else 'full'} run, "
              f"{elapsed / 60:.1f} min; {v['cpus']} CPUs, load average {results['load_average_start']:.1f} at "
              f"start and {results['load_average_end']:.1f} at the end; Python {v['python']}, mkdocs {v['mkdocs']}, "
              f"mkdocs-material {v['mkdocs-material']}, Node {v['node']}, Chromium {results.get('chromium', 'n/a')})")
    text = header + "\n\n" + table.markdown() + "\n"
    if table.notes:
        text += "\n" + "\n".join(f"- {note}" for note in table.notes) + "\n"
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str),
                                         encoding="utf-8")
    log(f"Written {RESULTS / 'latest.md'} and latest.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
