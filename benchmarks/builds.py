"""Build benchmarks: the full pipeline against a bare mkdocs build, and scaling.

"Full" is ``sitebuild.publish.publish(project, site_dir)``: check, wizard
generation, Markdown rendering and mkdocs for the three languages, with the
hook in mkdocs.yml. "Bare" is mkdocs alone on the SAME generated pages: the
pages are generated once beforehand (not timed) into a docs folder, and
mkdocs builds them with a copy of mkdocs.yml without the lu-site plugin
and the navigation, site names and descriptions the hook would have set
written into the i18n languages. The difference is what the pipeline adds.
"""

from __future__ import annotations

import gzip
import json
import math
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from sitebuild.generate import GENERATED_DIRS, generate, write
from sitebuild.parallel import peak_rss_kib
from sitemodel import DEFAULT_LANGUAGE, LANGUAGES

WORKER = Path(__file__).resolve().parent / "worker.py"


def run_worker(mode: str, target: Path, site_dir: Path, timeout: float | None = None) -> dict:
    """One build in a fresh process; its JSON line plus the wall time seen from here.

    With a timeout, a build still running is stopped (that one process, by
    its id) and reported as {"timeout": True, ...} with what it had done by
    then (pages built, peak memory), so a size too big for the time budget
    still gives lower bounds and the time per page.
    """
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(WORKER), mode, str(target), str(site_dir)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        peak = peak_rss_kib(process.pid)  # read before stopping it
        process.terminate()  # the worker prints how far it got on SIGTERM
        try:
            stdout, stderr = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            stdout, stderr = process.communicate()
        lines = [line for line in stdout.strip().splitlines() if line.startswith("{")]
        result = json.loads(lines[-1]) if lines else {"seconds": time.perf_counter() - start, "maxrss_kib": peak}
        result.update(timeout=True, wall_seconds=time.perf_counter() - start)
        return result
    wall = time.perf_counter() - start
    if process.returncode != 0:
        tail = (stderr or stdout).strip().splitlines()[-12:]
        raise RuntimeError(f"{mode} build of {target} failed:\n" + "\n".join(tail))
    result = json.loads(stdout.strip().splitlines()[-1])
    result["wall_seconds"] = wall
    return result


def bare_project(project: Path, work: Path) -> Path:
    """Generate the pages once and write a hook-free mkdocs config for them; return the config path."""
    from mkdocs.utils.yaml import yaml_load  # resolves !ENV like mkdocs does

    generated = generate(project)
    docs = work / "docs"
    source_docs = project / "docs"
    for path in source_docs.rglob("*"):
        if path.is_file() and not any(path.is_relative_to(source_docs / g) for g in GENERATED_DIRS):
            destination = docs / path.relative_to(source_docs)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
    write(generated, docs)

    with open(project / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    config.pop("hooks", None)
    config["plugins"] = [p for p in config["plugins"] if "lu-site" not in (p if isinstance(p, dict) else {p})]
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(work / "site")
    custom_dir = Path(config["theme"].get("custom_dir", "overrides"))
    config["theme"]["custom_dir"] = str(custom_dir if custom_dir.is_absolute() else project / custom_dir)
    ui = generated.content.ui
    config["site_name"] = ui[DEFAULT_LANGUAGE]["site_name"]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"]["languages"]:
                locale = language["locale"]
                # what the lu-site plugin's on_config sets, written down instead
                language["nav"] = generated.nav[locale]
                language["site_name"] = str(ui[locale]["site_name"])
                language["site_description"] = str(ui[locale]["site_description"])
    path = work / "mkdocs-bare.yml"
    path.write_text(yaml.safe_dump(_plain(config), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _plain(value):
    """Plain dicts, lists and strings (content values carry line numbers in subclasses)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def search_index_sizes(site: Path, gzipped: bool = False) -> dict[str, int | None]:
    """Bytes of each language's search index (the hook splits the merged one per language).

    gzipped: as the server sends it (level 6); every page downloads its language's index.
    """
    sizes = {}
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        index = site / prefix / "search" / "search_index.json"
        if not index.exists():
            sizes[lang] = None
        elif gzipped:
            sizes[lang] = len(gzip.compress(index.read_bytes(), 6, mtime=0))
        else:
            sizes[lang] = index.stat().st_size
    return sizes


def html_pages(site: Path) -> int:
    return sum(1 for path in site.rglob("index.html"))


def compare(project: Path, work: Path, repeat: int, log) -> dict:
    """Full vs bare on one project, each `repeat` times, alternating; medians and overhead."""
    work.mkdir(parents=True, exist_ok=True)
    config = bare_project(project, work / "bare")
    full_runs, bare_runs = [], []
    for n in range(repeat):
        # alternate, so a slow moment of the machine hits both kinds alike
        log(f"  full build {n + 1}/{repeat} of {project.name} …")
        full_runs.append(run_worker("full", project, work / "site-full"))
        log(f"  bare mkdocs build {n + 1}/{repeat} …")
        bare_runs.append(run_worker("bare", config, work / "site-bare"))
    full = statistics.median(r["seconds"] for r in full_runs)
    per_page = per_page_ms(full_runs)
    bare = statistics.median(r["seconds"] for r in bare_runs)
    return {
        "repeat": repeat,
        "full_seconds": full,
        "bare_seconds": bare,
        "overhead": (full - bare) / bare,
        "full_runs": full_runs,
        "bare_runs": bare_runs,
        "full_maxrss_mib": max(r["maxrss_kib"] for r in full_runs) / 1024,
        "bare_maxrss_mib": max(r["maxrss_kib"] for r in bare_runs) / 1024,
        **per_page,
        "generate_calls": full_runs[-1].get("generate_calls"),
        "generate_seconds_per_build": statistics.median(r.get("generate_seconds", 0) for r in full_runs),
        "pages": html_pages(work / "site-full"),
        "search_index_bytes": search_index_sizes(work / "site-full"),
        "html_differences": html_differences(work / "site-full", work / "site-bare"),
    }


def html_differences(one: Path, other: Path) -> list[str]:
    """HTML files that differ between two sites: none means bare built the same pages."""
    def pages(site):
        return {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}

    mine, theirs = pages(one), pages(other)
    return sorted(path for path in mine.keys() | theirs.keys()
                  if path not in mine or path not in theirs or mine[path].read_bytes() != theirs[path].read_bytes())


def per_page_ms(runs: list[dict]) -> dict:
    """mkdocs' time per page (median over runs): Markdown conversion, and theme template + write."""
    result = {}
    for key in ("markdown", "page"):
        values = [r[f"{key}_seconds"] * 1000 / r[f"{key}_calls"] for r in runs if r.get(f"{key}_calls")]
        result[f"{key}_ms"] = statistics.median(values) if values else None
    return result


def growth_exponent(small: tuple[float, float], large: tuple[float, float]) -> float | None:
    """k in cost ∝ size^k between two points: log(cost ratio) / log(size ratio). 1 = linear."""
    (size1, cost1), (size2, cost2) = small, large
    if min(size1, cost1, size2, cost2) <= 0 or size1 == size2:
        return None
    return math.log(cost2 / cost1) / math.log(size2 / size1)


def cpu_split(point: dict) -> dict | None:
    """Median CPU seconds of the full build's main process, its longest language process, all, and bare."""
    full = [r for r in point.get("full_runs", []) if r.get("languages")]
    bare = [r for r in point.get("bare_runs", []) if r.get("cpu_seconds") is not None]
    if not full or not bare:
        return None
    return {
        "main": statistics.median(r["cpu_seconds"] for r in full),
        "longest": statistics.median(max(o["cpu_seconds"] or 0 for o in r["languages"].values()) for r in full),
        "total": statistics.median(r["cpu_seconds"] + r["children_cpu_seconds"] for r in full),
        "bare": statistics.median(r["cpu_seconds"] + r["children_cpu_seconds"] for r in bare),
    }
