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
