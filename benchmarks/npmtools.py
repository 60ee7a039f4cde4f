"""npm packages the benchmarks measure or run, installed outside the repository.

Everything goes into one temporary prefix (default /tmp/bench-npm) with
``npm install --no-save``: the repository gets no node_modules and no
package-lock change. Versions are pinned so two runs compare the same
things:

- terser: minifies the wizard runtime the way an integrator's bundler would.
- survey-core: SurveyJS's form model, what an integrator would otherwise
  pick; its own minified build is measured in the same run.
- lighthouse: 12.x, because 13.x needs Node >= 22.19 and the machine has Node 20.

A failed install (no registry, no Node) is reported, never raised: each
figure that needed the package then says "not measured: <reason>".
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

PACKAGES = {"terser": "5.51.4", "survey-core": "3.1.1", "lighthouse": "12.8.2"}
GZIP_LEVEL = 9  # sizes of libraries are quoted at gzip -9 (bundlephobia, the libraries' own READMEs)


def gzip_size(data: bytes, level: int = GZIP_LEVEL) -> int:
    return len(gzip.compress(data, level, mtime=0))


def installed_version(prefix: Path, name: str) -> str | None:
    manifest = prefix / "node_modules" / name / "package.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("version")


def install(prefix: Path, log) -> dict[str, str]:
    """Install the pinned packages; return {name: problem} for those that are not usable."""
    if not shutil.which("npm") or not shutil.which("node"):
        return dict.fromkeys(PACKAGES, "Node.js/npm not found")
    missing = [n for n, v in PACKAGES.items() if installed_version(prefix, n) != v]
    detail = "not installed"
    if missing:
        log(f"  npm install {' '.join(missing)} into {prefix} …")
        prefix.mkdir(parents=True, exist_ok=True)
        specs = [f"{n}@{PACKAGES[n]}" for n in missing]
        try:
            done = subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(prefix),
                                   *specs], capture_output=True, text=True, timeout=600, check=False)
            detail = (done.stderr.strip().splitlines() or ["npm install failed"])[-1]
        except subprocess.TimeoutExpired:
            detail = "npm install timed out"
    problems = {}
    for name, version in PACKAGES.items():
        if installed_version(prefix, name) != version:
            problems[name] = f"npm install {name}@{version} failed ({detail})"
    return problems


def minify(prefix: Path, source: Path) -> bytes:
    """The wizard runtime minified by terser (it is an ES module: --module)."""
    terser = prefix / "node_modules" / "terser" / "bin" / "terser"
    done = subprocess.run(["node", str(terser), str(source), "--module", "--compress", "--mangle"],
                          capture_output=True, timeout=120, check=True)
    return done.stdout


def survey_core(prefix: Path) -> dict:
    """survey-core's minified script and theme stylesheet, raw and gzipped."""
    package = prefix / "node_modules" / "survey-core"
    script = package / "survey.core.min.js"
    if not script.is_file():  # layout changed: fall back to the package's "main"
        script = package / json.loads((package / "package.json").read_text(encoding="utf-8"))["main"]
    result = {"version": installed_version(prefix, "survey-core"), "file": script.name,
              "bytes": script.stat().st_size, "gzip": gzip_size(script.read_bytes())}
    css = package / "survey-core.min.css"
    if css.is_file():
        result["css_file"] = css.name
        result["css_gzip"] = gzip_size(css.read_bytes())
    return result


def _first_item(audit: dict) -> str:
    """The first offending element or message of an audit, short: the reason a score is not 100."""
    items = (audit.get("details") or {}).get("items") or []
    if not items or not isinstance(items[0], dict):
        return ""
    item = items[0]
    node = item.get("node") or item.get("source") or {}
    parts = [item.get("description"), (node.get("url") if isinstance(node, dict) else None)
             or (item.get("sourceLocation") or {}).get("url"),
             node.get("snippet") if isinstance(node, dict) else None]
    reasons = [sub.get("reason") for sub in (item.get("subItems") or {}).get("items", []) if isinstance(sub, dict)]
    text = "; ".join(str(p) for p in [*parts, *reasons] if p)
    more = f" (+{len(items) - 1} more)" if len(items) > 1 else ""
    return f": {text[:160]}{more}" if text else ""


def lighthouse(prefix: Path, url: str, output: Path, chromium: str) -> dict:
    """Run Lighthouse (default mobile profile) on one URL; the four category scores × 100."""
    cli = prefix / "node_modules" / "lighthouse" / "cli" / "index.js"
    command = ["node", str(cli), url, "--output=json", f"--output-path={output}", f"--chrome-path={chromium}",
               "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking "
               "--disable-dev-shm-usage",
               "--only-categories=performance,accessibility,best-practices,seo", "--quiet"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    except subprocess.TimeoutExpired:
        return {"error": "Lighthouse timed out after 240 s"}
    if done.returncode != 0 or not output.is_file():
        tail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        return {"error": f"Lighthouse failed: {tail[:200]}"}
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {key: (None if cat.get("score") is None else round(cat["score"] * 100))
              for key, cat in report["categories"].items()}
    # the audits that cost points, so a score below 100 comes with its reasons
    failing = {}
    for key, category in report["categories"].items():
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failing.setdefault(key, []).append(f"{ref['id']} ({audit.get('displayValue') or audit['score']}"
                                                   f"{_first_item(audit)})")
    metrics = {name: report["audits"][name].get("displayValue")
               for name in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                            "cumulative-layout-shift", "speed-index") if name in report["audits"]}
    return {"scores": scores, "failing": failing, "metrics": metrics,
            "version": report.get("lighthouseVersion"), "runtime_error": report.get("runtimeError")}
