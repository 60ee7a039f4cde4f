"""The JavaScript runtime gives the same results as the Python evaluator, on every path and input.

For each flow, every path found by wizard.analysis.walk (all options, and
numbers/dates just before, at and after every cut-off, plus bounds and fixed
samples), for several values of "today", goes to Node in one batch. Outcome,
next question, path, notes, raw values and the values formatted in all three
languages must be identical, and so must the deciding rule and the answers
it looked at ("why this result"). A property test then feeds the same
arbitrary strings to both answer parsers and both URL-state parsers.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wizard_helpers import run_node

from wizard.analysis import walk
from wizard.engine import MAX_STATE_LENGTH, evaluate, parse_state, utf16_length
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
                js["dead_end"], js["rule"], js["why"]) == (py.outcome, py.question, py.path, py.notes,
                                                          py.error, py.dead_end, py.rule, py.why), case
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


# ---- every input, not only every path: the same arbitrary strings to both runtimes -------------

# characters people really type or paste: other digit systems, signs, spaces of all kinds
TRICKY = list("0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹-+−., \t\n\r\u00a0\u2007\u3000:,&=#%")
WORDS = ["yes", "no", "lives", "works", "not_sure", "2023-12-31", "2024-02-29", "18", "30000",
         "wizard=route", "&a=", "age:", "cai_signed_on:", "__proto__", "constructor"]
ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(TRICKY) | st.sampled_from(WORDS), max_size=12).map("".join),
    st.integers(-10**14, 10**14).map(str),
    st.dates().map(lambda d: d.isoformat()).flatmap(
        lambda iso: st.sampled_from([iso, f" {iso}", f"{iso}\n", iso.replace("-", "/"), f"+{iso}"])),
)

TARGETS = [  # (flow, answers before the tested question, tested question)
    ("route", {"connection": "lives"}, "age"),
    ("route", {"connection": "lives", "age": "30"}, "cai"),
    ("route", {"connection": "lives", "age": "30", "cai": "yes"}, "cai_signed_on"),
    ("route", {"connection": "works", "age": "30", "pact_member": "yes"}, "last_module"),
    ("permit", {"nationality": "third_country", "purpose": "tcn_family", "relation": "child"}, "child_age"),
    ("subsidy", {"council_size": "small"}, "members"),
    ("subsidy", {"council_size": "small", "members": "3", "coordinator": "yes"}, "coordinator_cost"),
]


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(ANY_TEXT, min_size=40, max_size=80))
def test_both_runtimes_read_every_string_alike(texts, flows, values, flow_data):
    """Answers and URL state: identical results for arbitrary Unicode, batched into one Node run."""
    params = {"today": "2026-03-15"}
    jobs, expected = [], []
    for flow_id, before, question in TARGETS:
        cases = [{"answers": {**before, question: text}, "params": params} for text in texts]
        jobs.append({"mode": "evaluate", "data": flow_data[(flow_id, "en")], "cases": cases})
        expected.append([evaluate(flows[flow_id], c["answers"], values, params) for c in cases])
    fragments = [fragment for text in texts for fragment in (
        text, "#wizard=route&a=" + text, "#wizard=route&a=age:" + text,
        "wizard=route&a=cai_signed_on:" + text + ",connection:lives", "#wizard=" + text + "&a=age:3")]
    jobs.append({"mode": "state", "data": flow_data[("route", "de")], "cases": fragments})
    got = run_node({"mode": "multi", "jobs": jobs})
    for py_results, js_results in zip(expected, got[:-1], strict=True):
        for py, js in zip(py_results, js_results, strict=True):
            assert "crash" not in js, js
            assert (js["question"], js["error"], js["outcome"], js["path"], js["values"]) == (
                py.question, py.error, py.outcome, py.path, py.values)
    assert got[-1] == [parse_state(flows["route"], fragment) for fragment in fragments]


@pytest.mark.parametrize("text", ["１８", "١٨", "۱۸", "18\n", " 18", "+18", "18 ", "18\u00a0", "1_8"])
def test_digits_of_other_scripts_and_stray_characters_are_refused_by_both(text, flows, values, flow_data):
    """Python's \\d and $ would accept some of these; JavaScript's never did: both refuse them."""
    answers = {"connection": "lives", "age": text}
    py = evaluate(flows["route"], answers, values, {"today": "2026-03-15"})
    js = run_node({"mode": "evaluate", "data": flow_data[("route", "fr")],
                   "cases": [{"answers": answers, "params": {"today": "2026-03-15"}}]})[0]
    assert (py.question, py.error) == (js["question"], js["error"]) == ("age", "number")
    assert parse_state(flows["route"], "#wizard=route&a=age:" + text) == {}


def test_the_length_limit_counts_like_javascript(flows):
    """Characters beyond U+FFFF count twice in JavaScript's text.length; Python counts the same way."""
    base = "#wizard=route&a=age:34,"
    fits = base + "x" * (MAX_STATE_LENGTH - len(base))
    assert parse_state(flows["route"], fits) == {"age": "34"}
    too_long = base + "😀" * ((MAX_STATE_LENGTH - len(base)) // 2 + 1)
    assert len(too_long) <= MAX_STATE_LENGTH < utf16_length(too_long)
    assert parse_state(flows["route"], too_long) == {}
