"""Benchmark part: the wizard's static no-JavaScript pages (wizard/nojs.py) in a built site.

How many there are, what they weigh (raw and gzipped HTML, as a host sends it),
and the runtime shipped minified by the build (rjsmin, no npm) for comparison
with the terser figure. Called by run.py with the 1x site.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

STATE = re.compile(r"(^|/)wizard/[a-z]+/a/")


def bench_nojs_pages(site: Path | None, table, results: dict) -> dict:
    """Add the rows to the table; return the raw figures."""
    area = "Wizard"
    if site is None or not site.is_dir():
        table.missing(area, "no-JavaScript pages (count, size)", "not built yet")
        return {}
    pages = [p for p in site.rglob("index.html") if STATE.search(p.relative_to(site).as_posix())]
    raw = sum(p.stat().st_size for p in pages)
    zipped = sum(len(gzip.compress(p.read_bytes(), 9, mtime=0)) for p in pages)
    html = sum(p.stat().st_size for p in site.rglob("*.html"))
    per_lang: dict[str, int] = {}
    for page in pages:
        first = page.relative_to(site).parts[0]
        lang = first if first in ("de", "en") else "fr"
        per_lang[lang] = per_lang.get(lang, 0) + 1
    table.add(area, "no-JavaScript pages (one per reachable state of each flow, all languages)",
              f"{len(pages)} pages ({', '.join(f'{k} {v}' for k, v in sorted(per_lang.items()))}); "
              f"{raw / 1024 / 1024:.1f} MB raw, {zipped / 1024 / 1024:.1f} MB gzipped; "
              f"{100 * raw / max(html, 1):.0f}% of the site's HTML; {raw / max(len(pages), 1) / 1024:.1f} KB a page")
    built = site / "assets" / "wizard" / "wizard-v1.min.js"
    result = {"pages": len(pages), "raw": raw, "gzip": zipped, "per_lang": per_lang}
    if built.is_file():
        data = built.read_bytes()
        result["runtime_rjsmin"] = {"min": len(data), "min_gz": len(gzip.compress(data, 9, mtime=0))}
        table.add(area, "runtime `wizard-v1.min.js` as the build ships it (rjsmin, no npm): min → min+gz",
                  f"{len(data) / 1024:.1f} KB → {result['runtime_rjsmin']['min_gz'] / 1024:.1f} KB")
    return result
