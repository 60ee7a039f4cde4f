"""The JavaScript runtime gives the same outcomes and values as the Python evaluator.

For each flow, every path found by wizard.analysis.walk (all options, and
numbers/dates just before, at and after every cut-off, plus bounds and fixed
samples), for several values of "today", goes to Node in one batch. Outcome,
next question, path, notes, raw values and the values formatted in all three
languages must be identical.
"""

import pytest
from wizard_helpers import run_node

from wizard.analysis import walk
from wizard.engine import evaluate
from wizard.export import format_computed, format_data

TODAYS = ["2024-01-01", "2026-03-15", "2028-02-29"]  # law in force, an ordinary day, a leap day


def _cases(flow, values):
    cases = []
    for today in TODAYS:
        params = {"today": today} if "today" in flow.get("params", []) else {}
        for path in walk(flow, values, params):
            cases.append({"answers": path.answers, "params": params})
            # a step back: the answers minus the last one must also agree (unfinished paths)
            if path.result.path:
                partial = dict(path.answers)
                partial.pop(path.result.path[-1], None)
                cases.append({"answers": partial, "params": params})
    return cases


@pytest.mark.parametrize("flow_id", ["route", "permit", "subsidy"])
def test_node_runtime_matches_python_on_every_path(flow_id, flows, values, flow_data):
    flow = flows[flow_id]
    cases = _cases(flow, values)
    assert len(cases) > 20
    got = run_node({"mode": "evaluate", "data": flow_data[(flow_id, "en")], "cases": cases,
                    "formats": {lang: format_data(lang) for lang in ("fr", "de", "en")}})
    assert len(got) == len(cases)
    types = {v["id"]: v["type"] for o in flow["outcomes"].values() for v in o.get("values", [])}
    outcomes_seen = set()
    for case, js in zip(cases, got, strict=True):
        py = evaluate(flow, case["answers"], values, case["params"])
        assert "crash" not in js, (case, js)
        assert (js["outcome"], js["question"], js["path"], js["notes"], js["error"],
                js["dead_end"]) == (py.outcome, py.question, py.path, py.notes, py.error,
                                    py.dead_end), case
        assert js["values"] == py.values, case
        for lang in ("fr", "de", "en"):
            expected = {k: format_computed(types[k], v, lang) for k, v in py.values.items()}
            assert js["formatted"][lang] == expected, (case, lang)
        outcomes_seen.add(py.outcome)
    assert outcomes_seen >= set(flow["outcomes"]), "some outcomes were never compared"


def test_tampered_answers_are_refused_alike(flows, values, flow_data):
    """Invalid raw answers (wrong type, out of range, impossible dates) give the same error."""
    bad = [
        {"connection": "lives", "age": "-1"}, {"connection": "lives", "age": "18.5"},
        {"connection": "lives", "age": "131"}, {"connection": "lives", "age": ""},
        {"connection": "nowhere"}, {"connection": "lives", "age": 40},
        {"connection": "lives", "age": "40", "nationality": "eu", "cai": "yes",
         "cai_signed_on": "2023-02-30"},
        {"connection": "lives", "age": "40", "nationality": "eu", "cai": "yes",
         "cai_signed_on": "2023-06-01", "cai_start": "2023-05-31"},
        {"connection": "lives", "age": "40", "nationality": "eu", "cai": "maybe"},
        {"connection": "lives", "age": "40", "nationality": "eu", "cai": "no",
         "goal": "language", "pact_member": "yes", "last_module": "2023-12-31"},
        {"connection": ["lives"]}, {"connection": None},
    ]
    params = {"today": "2026-03-15"}
    got = run_node({"mode": "evaluate", "data": flow_data[("route", "fr")], "formats": {},
                    "cases": [{"answers": b, "params": params} for b in bad]})
    for answers, js in zip(bad, got, strict=True):
        py = evaluate(flows["route"], answers, values, params)
        assert (js["question"], js["error"], js["outcome"]) == (py.question, py.error,
                                                                 py.outcome), answers
        assert py.error or py.outcome or py.question
    assert sum(1 for js in got if js["error"]) >= 9
