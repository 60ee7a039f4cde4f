""""Why this result": the deciding rule, the answers it looked at, its link, the assessment date.

Python and the runtime agree on the row and the answers (test_js_equivalence);
here the block the runtime shows is checked: the answers in words, a link to
an ``#rule-N`` anchor that the rules page really has, and the date assessed on.
"""

import re

from wizard_helpers import run_node

from wizard import scenarios
from wizard.engine import evaluate
from wizard.rules_text import rules_page

BASE = "https://example.org/site/assets/wizard/wizard-v1.js"


def test_the_why_block_names_the_deciding_answers_and_links_to_a_real_rule(flows, values, flow_data, facts):
    for flow_id in ("route", "permit", "subsidy"):
        flow = flows[flow_id]
        cases = scenarios.load(flow_id)
        for lang in ("fr", "en"):
            data = flow_data[(flow_id, lang)]
            params = [{"today": case["today"] or "2026-03-15"} for case in cases]
            got = run_node({"mode": "why", "data": data, "base": BASE, "cases": [
                {"answers": case["answers"], "params": p} for case, p in zip(cases, params, strict=True)]})
            page = rules_page(flow, data, facts, lang)
            anchors = set(re.findall(r'<span id="(rule-\d+)"></span>', page))
            assert anchors == {f"rule-{n}" for n in range(1, len(flow["rules"]) + 1)}
            labels = {q["id"]: q["label"] for q in data["questions"]}
            prefix = "https://example.org/site/" + ("" if lang == "fr" else f"{lang}/")
            for case, p, why in zip(cases, params, got, strict=True):
                py = evaluate(flow, case["answers"], values, scenarios.params_for(flow, case))
                assert [label for label, _ in why["items"]] == [labels[q] for q in py.why]
                assert why["rule"] == py.rule
                assert why["href"] == f"{prefix}wizard/{flow_id}-rules/#rule-{py.rule}"
                assert f"rule-{why['rule']}" in anchors
                assert re.search(r"\d{4}$", why["assessed"]) and p["today"][:4] in why["assessed"]


def test_a_lapsed_membership_is_explained_by_membership_and_last_module_in_words(flow_data):
    data = flow_data[("route", "en")]
    answers = {"connection": "lives", "age": "40", "cai": "no", "pact_member": "yes",
               "last_module": "2024-03-14"}
    why = run_node({"mode": "why", "data": data, "base": BASE,
                    "cases": [{"answers": answers, "params": {"today": "2026-03-15"}}]})[0]
    assert why["items"] == [["Member of the citizens' pact", "Yes"], ["Last module", "14 March 2024"]]
    assert why["rule"] == 3 and why["assessed"] == "15 March 2026"


def test_the_rules_address_is_relative_to_the_data_file_without_a_site_address(monkeypatch):
    from wizard.rules_text import rules_url
    monkeypatch.delenv("SITE_URL", raising=False)
    assert rules_url("route", "fr") == "../../../wizard/route-rules/"
    assert rules_url("permit", "de") == "../../../de/wizard/permit-rules/"
    monkeypatch.setenv("SITE_URL", "https://integration.example.lu/site")
    assert rules_url("route", "en") == "https://integration.example.lu/site/en/wizard/route-rules/"


def test_the_why_link_reaches_this_site_from_assets_copied_to_an_integrators_server(flows, wording, facts,
                                                                                  monkeypatch):
    """Built with SITE_URL, the link is absolute: a runtime served from another host still
    links to this site's rules page; built without, it follows the data file (same site)."""
    from wizard_helpers import ROOT

    from sitemodel.yamlload import load_file
    from wizard.export import build_flow_data
    sources = load_file(ROOT / "content" / "sources.yml")
    answers = {"connection": "neither"}
    elsewhere = "https://portal.example.com/static/lu-wizard/wizard-v1.js"
    hrefs = {}
    for site_url in ("https://integration.example.lu/", None):
        if site_url:
            monkeypatch.setenv("SITE_URL", site_url)
        else:
            monkeypatch.delenv("SITE_URL", raising=False)
        data = build_flow_data(flows["route"], "en", wording[("en", "route")], wording[("en", "common")],
                               facts, sources)
        hrefs[site_url] = run_node({"mode": "why", "data": data, "base": elsewhere, "cases": [
            {"answers": answers, "params": {"today": "2026-03-15"}}]})[0]["href"]
    assert hrefs["https://integration.example.lu/"] == "https://integration.example.lu/en/wizard/route-rules/#rule-1"
    assert hrefs[None] == "https://portal.example.com/en/wizard/route-rules/#rule-1"
