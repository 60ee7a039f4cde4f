"""The wizard with JavaScript disabled: every decision-table row is reached by following links.

Chromium opens each flow's page with JavaScript off, reads the first question
(the element's fallback content) and follows every answer link, breadth
first, to every result page (wizard/nojs.py generates one page per state).
Each result page must show the outcome and notes that the Python evaluator
and the shipped JavaScript runtime (run in the same Chromium, JavaScript on)
give for the answers the page lists; together the result pages must reach
every row of the flow's decision table. A sample of the pages (each question
type, a result, in every language, phone and desktop widths) is checked by
axe-core with the WCAG 2.2 AA tags.
"""

from __future__ import annotations

import re

import pytest
from support import REPO

from sitemodel import DEFAULT_LANGUAGE, LANGUAGES
from wizard.assets import version
from wizard.engine import evaluate
from wizard.factvalues import fact_values, load_site_facts
from wizard.flows import all_flows
from wizard.nojs import deciding_row

from .conftest import WIZARD_SCRIPT, axe_source, short, wizard_data

WCAG22 = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
          "resultTypes": ["violations"]}

# What a no-JS page says about itself (the markup wizard/nojs.py writes).
READ_PAGE_JS = """() => {
  const box = document.querySelector('.luw-nojs');
  if (!box) return null;
  return {
    outcome: box.dataset.outcome || null, question: box.dataset.question || null, today: box.dataset.today,
    notes: [...box.querySelectorAll('[data-note]')].map((n) => n.dataset.note),
    answers: Object.fromEntries([...box.querySelectorAll('[data-answer]')]
      .map((a) => [a.dataset.answer, a.dataset.value])),
    links: [...box.querySelectorAll('.luw-nojs-choices a')].map((a) => a.href),
    change: [...box.querySelectorAll('[data-answer] a')].map((a) => a.href),
    h1: (document.querySelector('h1') || {}).textContent || '',
  };
}"""

JS_EVALUATE = """async ([script, dataUrl, cases]) => {
  const runtime = await import(script);
  const data = await (await fetch(dataUrl)).json();
  return cases.map(([answers, today]) => {
    const r = runtime.evaluate(data, answers, data.facts, { today });
    return [r.outcome, r.notes];
  });
}"""


def flow_url(server, flow: str, lang: str) -> str:
    return server.url(f"/wizard/{flow}/" if lang == DEFAULT_LANGUAGE else f"/{lang}/wizard/{flow}/")


def follow_every_link(page, start: str) -> tuple[list[dict], int]:
    """Every result page reached from the start by answer links, and how many pages were opened."""
    results, queue, seen = [], [start], {start}
    while queue:
        url = queue.pop(0)
        response = page.goto(url, wait_until="domcontentloaded")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        info = page.evaluate(READ_PAGE_JS)
        assert info is not None, f"{short(url)} shows no question and no result without JavaScript"
        if info["outcome"]:
            assert not info["links"]
            results.append({**info, "url": url})
            continue
        assert info["links"], f"{short(url)}: a question without answers"
        for link in info["links"]:
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return results, len(seen)


# every flow in one language each (the Python tests check the pages of all three): a full
# walk of the three flows in three languages would open 650 pages
WALKS = (("route", "fr"), ("permit", "de"), ("subsidy", "en"))


@pytest.mark.parametrize(("flow_id", "lang"), WALKS)
def test_every_row_is_reached_without_javascript_with_the_outcome_of_both_evaluators(
        flow_id, lang, server, open_page):
    facts, _, _ = load_site_facts(REPO)
    values = fact_values(facts)
    flow = all_flows()[flow_id]
    with open_page(java_script_enabled=False) as (_context, page, log):
        results, _opened = follow_every_link(page, flow_url(server, flow_id, lang))
        assert not log.failed, log.failed
    assert results, f"{flow_id} ({lang}): no result page reached"
    rows = set()
    for result in results:
        params = {"today": result["today"]}
        python = evaluate(flow, result["answers"], values, params)
        assert (python.outcome, python.notes) == (result["outcome"], result["notes"]), short(result["url"])
        rows.add(deciding_row(flow, result["answers"], values, params))
        # "your answers" lists every answer, each with a link back to its question
        assert len(result["change"]) == len(result["answers"]) == len(python.path)
    assert rows == set(range(len(flow["rules"]))), f"{flow_id}: rows never reached without JavaScript"
    with open_page() as (_context, page, _log):
        page.goto(flow_url(server, flow_id, lang))
        js = page.evaluate(JS_EVALUATE, [server.url(f"/{WIZARD_SCRIPT}"),
                                         server.url(f"/assets/wizard/wizard-data/{flow_id}.{lang}.json"),
                                         [[r["answers"], r["today"]] for r in results]])
    assert [tuple(pair) for pair in js] == [(r["outcome"], r["notes"]) for r in results]


def test_the_first_question_is_fallback_content_the_script_replaces(server, open_page):
    data = wizard_data(server.site, "route", "en")
    with open_page(java_script_enabled=False) as (_context, page, _log):
        page.goto(flow_url(server, "route", "en"))
        info = page.evaluate(READ_PAGE_JS)
        assert info["question"] == data["questions"][0]["id"]
        assert page.locator("lu-integration-wizard .luw-nojs").is_visible()
    with open_page() as (_context, page, _log):
        page.goto(flow_url(server, "route", "en"))
        page.wait_for_function("() => { const h = document.querySelector('lu-integration-wizard');"
                               " return h && h.shadowRoot && h.shadowRoot.querySelector('h2'); }")
        assert not page.locator("lu-integration-wizard .luw-nojs").is_visible()
        # the version the build put into the runtime (wizard/assets.py), readable at runtime
        assert page.evaluate("() => customElements.get('lu-integration-wizard').version") == version()


def sample(server, lang: str) -> list[str]:
    """The start (a choice), one page per other question type, a result with a note, a dated result."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    picked, wanted = [flow_url(server, "route", lang)], {"yesno", "number", "date", "note", "dated"}
    for flow in ("route", "permit"):
        kinds = {q["id"]: q["type"] for q in wizard_data(server.site, flow, lang)["questions"]}
        for index in sorted((server.site / f"{prefix}wizard/{flow}/a").rglob("index.html")):
            text = index.read_text(encoding="utf-8")
            found = re.search(r'data-question="([a-z_]+)"', text)
            kind = kinds[found.group(1)] if found else "note" if "data-note=" in text else \
                "dated" if "admonition warning" in text else None
            if kind in wanted:
                wanted.discard(kind)
                picked.append(server.url("/" + index.parent.relative_to(server.site).as_posix() + "/"))
    assert not wanted, f"no page found for {wanted}"
    return picked


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_javascript_pages_have_no_wcag_22_aa_violation(lang, server, open_page):
    pages = sample(server, lang)
    violations = []
    # phone width in every language, desktop in French: target sizes and reflow differ with width
    widths = (360, 1280) if lang == DEFAULT_LANGUAGE else (360,)
    for viewport in ({"width": width, "height": 800} for width in widths):
        # what a reader without JavaScript sees: the wizard's script is blocked (axe itself needs
        # JavaScript: with it disabled, its timers never fire)
        with open_page(viewport=viewport) as (context, page, _log):
            context.route(re.compile(r".*/assets/wizard/wizard-v1[^/]*\.js$"), lambda route: route.abort())
            context.add_init_script(axe_source())
            for url in pages:
                page.goto(url, wait_until="load")
                assert page.locator(".luw-nojs").first.is_visible(), url
                found = page.evaluate("(options) => axe.run(document, options)", WCAG22)
                violations += [f"{short(url, 120)} {viewport['width']}px: {v['id']}: {v['help']} at "
                               f"{[n['target'] for n in v['nodes'][:3]]}" for v in found["violations"]]
    assert not violations, "\n".join(violations)
