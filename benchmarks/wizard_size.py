"""How much the browser downloads: a benchmark helper, not a test.

``report()`` gives the runtime size raw, gzipped, and the shipped minified
build ``wizard-v1.min.js`` gzipped (names shortened by wizard/jsnames.py, then
rjsmin: what integrators and the site's pages load), and each flow's data per
language gzipped. ``strip_js`` (comments and indentation only) stays as a
check that the readable source still parses once stripped.
Goals: runtime under 10 KB min+gz; each flow's data under 10 KB gzipped.
Run: ``.venv/bin/python -m benchmarks.wizard_size`` (``make bench`` reports the same sizes).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

GOAL_BYTES = 10 * 1024


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def strip_js(source: str) -> str:
    """Drop // line comments, /* */ comments and leading indentation, line by line.

    Safe for wizard-v1.js: it has no '//' or '/*' inside strings or regular
    expressions apart from URLs, which the pattern skips (':' before '//').
    """
    source = re.sub(r"/\*(?!!).*?\*/", "", source, flags=re.S)
    lines = []
    for line in source.splitlines():
        line = re.sub(r"(?<![:\"'\\])//(?![^\"'`]*[\"'`]\s*[,)]).*$", "", line).strip()
        if line:
            lines.append(line)
    return "\n".join(lines)


def report(root: Path | None = None) -> dict:
    """Sizes in bytes: runtime (raw, gzip, stripped+gzip) and data per flow and language."""
    from sitemodel.content import load
    from sitemodel.errors import ErrorCollector
    from wizard.site import generate

    root = root or Path(__file__).resolve().parent.parent
    content = load(root)
    _, assets = generate(root, content.facts, ErrorCollector(root), sources=content.sources)
    runtime = assets["assets/wizard/wizard-v1.js"]
    result = {
        "runtime": {"raw": len(runtime), "gzip": gz(runtime),
                    "min_gzip": gz(assets["assets/wizard/wizard-v1.min.js"])},
        "data": {},
    }
    for path, data in sorted(assets.items()):
        if "/wizard-data/" in path:
            result["data"][Path(path).stem] = {"raw": len(data), "gzip": gz(data)}
    return result


def within_goals(sizes: dict) -> bool:
    return sizes["runtime"]["min_gzip"] < GOAL_BYTES and all(
        d["gzip"] < GOAL_BYTES for d in sizes["data"].values())


if __name__ == "__main__":
    sizes = report()
    print(f"runtime: {sizes['runtime']}")
    for name, size in sizes["data"].items():
        print(f"{name}: {size}")
    print("within goals" if within_goals(sizes) else "OVER GOAL")
