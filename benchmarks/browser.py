"""Measurements in Chromium (Playwright): page weight and the wizard's first question.

Page weight: each page is loaded in a fresh browser context (empty cache,
as a first visit) and every request is counted, including those the page
makes after ``load`` (the search index, the wizard's data): the sizes are
what went over the wire, headers plus the gzipped body, as DevTools'
"transferred" column shows. Any request to a host other than the local
server is counted separately: the site promises none.

Time to first question: a minimal harness page records ``performance.now()``
just before the wizard's ``<script type="module">``, and a MutationObserver
records the moment the first ``<fieldset>`` appears in the element's shadow
root. The difference covers fetching and running the script, fetching the
flow data and rendering the question.
"""

from __future__ import annotations

import statistics
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
SETTLE_MS = 1500  # after network idle, time for late requests (search worker) to start


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def page_weight(browser, url: str) -> dict:
    """Transferred bytes and requests of one cold page load."""
    local_host = urlsplit(url).netloc
    context = browser.new_context()
    page = context.new_page()
    finished, failed, foreign = [], [], []

    def on_request(request):
        if urlsplit(request.url).scheme in ("http", "https") and urlsplit(request.url).netloc != local_host:
            foreign.append(request.url)

    # context-level events also see requests made by the page's workers
    context.on("request", on_request)
    context.on("requestfinished", lambda request: finished.append(request))
    context.on("requestfailed", lambda request: failed.append(request))
    try:
        response = page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(SETTLE_MS)
        page.wait_for_load_state("networkidle")
        status = response.status if response else None
        total, items = 0, []
        for request in list(finished):
            if urlsplit(request.url).scheme not in ("http", "https"):
                continue  # data: URLs cost nothing on the wire
            sizes = request.sizes()
            size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
            total += size
            answer = request.response()
            items.append((urlsplit(request.url).path, size, answer.status if answer else None))
        return {"url": url, "status": status, "bytes": total, "requests": len(items),
                "failed": [r.url for r in failed], "foreign": foreign,
                "errors": [f"{path} {code}" for path, _, code in items if code and code >= 400],
                "items": sorted(items, key=lambda item: -item[1])}
    finally:
        context.close()


HARNESS = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>time to first question</title>
<script>window.__t0 = performance.now();</script>
<script type="module" src="{script}"></script>
</head><body>
<lu-integration-wizard flow="{flow}" lang="{lang}" no-url-state></lu-integration-wizard>
<script>
customElements.whenDefined("lu-integration-wizard").then(() => {{
  const root = document.querySelector("lu-integration-wizard").shadowRoot;
  const seen = () => {{
    if (window.__t1 === undefined && root.querySelector("fieldset")) window.__t1 = performance.now();
    return window.__t1 !== undefined;
  }};
  if (!seen()) new MutationObserver((records, observer) => {{ if (seen()) observer.disconnect(); }})
    .observe(root, {{childList: true, subtree: true}});
}});
</script>
</body></html>
"""


def harness_page(script: str, flow: str, lang: str) -> bytes:
    return HARNESS.format(script=script, flow=flow, lang=lang).encode("utf-8")


def time_to_first_question(browser, url: str, runs: int = 5) -> dict:
    """Median milliseconds from the script tag to the first fieldset, over cold loads."""
    times = []
    for _ in range(runs):
        context = browser.new_context()
        page = context.new_page()
        try:
            page.goto(url)
            page.wait_for_function("window.__t1 !== undefined", timeout=15000)
            times.append(page.evaluate("window.__t1 - window.__t0"))
        finally:
            context.close()
    return {"median_ms": statistics.median(times), "runs_ms": times}
