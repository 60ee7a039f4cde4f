"""Legal scenarios (wizard/scenarios/<flow>.yml) pass in Python and in the JavaScript runtime.

The scenarios are the proof against the law: written from the sources, each
names its passage. Both evaluators must give each person the expected
outcome, values and exactly the expected notes, after asking exactly the
questions the person answered. The files must cover every outcome and every
note of their flow, and cite known sources.
"""

import pytest
from wizard_helpers import run_node

from sitemodel.locators import problems as locator_problems
from wizard import scenarios
from wizard.engine import evaluate

FLOWS = ["route", "permit", "subsidy"]


@pytest.fixture(scope="module", params=FLOWS)
def flow_scenarios(request, flows):
    return request.param, flows[request.param], scenarios.load(request.param)


def test_at_least_thirty_scenarios_with_full_sentence_names_and_known_sources(flow_scenarios, source_keys):
    flow_id, flow, cases = flow_scenarios
    assert len(cases) >= 30, f"{flow_id}: only {len(cases)} scenarios"
    for lang in ("fr", "de", "en"):
        names = [case["names"][lang] for case in cases]
        assert len(set(names)) == len(names), f"two scenarios have the same {lang} name"
    for case in cases:
        for lang, name in case["names"].items():
            assert len(name.split()) >= 6 and name[0].isupper(), (lang, name)
        # translated, not copied: the French and German names are not the English one
        assert len({case["names"]["fr"], case["names"]["de"], case["name"]}) == 3, case["name"]
        assert case["source"]["source"] in source_keys, case["name"]
        assert case["source"].get("locator"), case["name"]
        assert not locator_problems(case["source"]["locator"]), case["name"]  # shown in every language
        assert case["source"].get("passage"), f"{case['name']}: no passage quoted"


def test_a_scenario_without_its_name_in_every_language_is_refused(tmp_path, monkeypatch):
    (tmp_path / "route.yml").write_text('flow: route\nscenarios:\n  - name: {en: "A person", fr: "Une personne"}\n'
                                        '    answers: {connection: neither}\n    outcome: no_link\n',
                                        encoding="utf-8")
    monkeypatch.setattr(scenarios, "HERE", tmp_path)
    with pytest.raises(ValueError, match="name in each language"):
        scenarios.load("route")


def test_every_outcome_and_every_note_has_a_scenario(flow_scenarios):
    flow_id, flow, cases = flow_scenarios
    assert {case["outcome"] for case in cases} == set(flow["outcomes"])
    notes = {note["id"] for outcome in flow["outcomes"].values() for note in outcome.get("notes", [])}
    assert notes <= {note for case in cases for note in case["notes"]}, "a note no scenario shows"


def test_python_gives_every_scenario_what_the_law_says(flow_scenarios, values):
    flow_id, flow, cases = flow_scenarios
    failures = {}
    for case in cases:
        result = evaluate(flow, case["answers"], values, scenarios.params_for(flow, case))
        found = scenarios.problems(flow, case, result)
        if found:
            failures[case["name"]] = found
    assert failures == {}


def test_javascript_gives_every_scenario_what_the_law_says_and_the_same_why(flow_scenarios, values,
                                                                            flow_data):
    flow_id, flow, cases = flow_scenarios
    for lang in ("fr", "de", "en"):  # the rules are the same in each language's data
        got = run_node({"mode": "evaluate", "data": flow_data[(flow_id, lang)], "cases": [
            {"answers": case["answers"], "params": scenarios.params_for(flow, case)} for case in cases]})
        failures = {}
        for case, js in zip(cases, got, strict=True):
            assert "crash" not in js, (case["name"], js)
            found = scenarios.problems(flow, case, js)
            py = evaluate(flow, case["answers"], values, scenarios.params_for(flow, case))
            if (js["rule"], js["why"]) != (py.rule, py.why):
                found.append(f"why: JavaScript {js['rule'], js['why']}, Python {py.rule, py.why}")
            if found:
                failures[case["name"]] = found
        assert failures == {}, lang


def test_a_wrong_expectation_is_caught(flows, values):
    """The comparison can fail: a scenario with the wrong outcome, note or value is reported."""
    flow = flows["route"]
    case = scenarios.load("route")[0]
    result = evaluate(flow, case["answers"], values, scenarios.params_for(flow, case))
    assert scenarios.problems(flow, {**case, "outcome": "join_pact"}, result)
    assert scenarios.problems(flow, {**case, "notes": ["goal_language"]}, result)
    assert scenarios.problems(flow, {**case, "values": {"x": 1}}, result)
    assert scenarios.problems(flow, {**case, "answers": {**case["answers"], "age": "30"}}, result)


def test_each_fixed_threshold_has_a_case_just_before_on_and_after_it(flow_scenarios, values):
    """Ages, counts and fixed dates in the rules: the scenarios try each side of every cut-off."""
    from wizard.analysis import _cutoffs
    from wizard.engine import Context, add_days, compute
    flow_id, flow, cases = flow_scenarios
    missing = []
    for question in flow["questions"]:
        if question["type"] not in ("number", "date"):
            continue
        found = [set(_cutoffs(flow, question["id"], Context(values, {"today": today}, {})))
                 for today in ("2025-01-01", "2027-06-30")]
        low = compute(question.get("min"), Context(values, {"today": "2025-01-01"}, {}))
        given = [case["answers"][question["id"]] for case in cases if question["id"] in case["answers"]]
        for cut in found[0] & found[1]:  # the same whatever the day: not relative to today
            if question["type"] == "number":
                sides = {"before": [v for v in given if int(v) < cut], "on": [v for v in given if int(v) == cut],
                         "after": [v for v in given if int(v) > cut]}
                impossible_before = low is not None and not isinstance(low, str) and cut - 1 < low
            else:
                sides = {"before": [v for v in given if v < cut], "on": [v for v in given if v == cut],
                         "after": [v for v in given if v > cut]}
                impossible_before = isinstance(low, str) and add_days(cut, -1) < low
            missing += [f"{question['id']} {side} {cut}" for side, hits in sides.items()
                        if not hits and not (side == "before" and impossible_before)]
    assert missing == []


def test_every_scenario_describes_a_possible_person(flow_scenarios, values):
    """Age and dates agree on the day they ask: old enough to sign a CAI (16) or to join the
    pact (18) on the day given, and no date after that day unless the question allows it."""
    flow_id, flow, cases = flow_scenarios
    impossible = {case["name"]: found for case in cases
                  if (found := scenarios.implausibilities(flow, case, values))}
    assert impossible == {}


def test_an_impossible_person_is_caught(flows, values):
    """The check can fail: a 16-year-old in March 2026 was 13 when signing in November 2023."""
    flow = flows["route"]
    person = {"today": "2026-03-15", "answers": {"age": "16", "cai_signed_on": "2023-11-10"}}
    assert scenarios.implausibilities(flow, person, values)
    assert not scenarios.implausibilities(flow, {**person, "today": "2024-09-16"}, values)
    future = {"today": "2024-01-10", "answers": {"age": "30", "last_module": "2024-02-01"}}
    assert "after the day they ask" in scenarios.implausibilities(flow, future, values)[0]
    young_member = {"today": "2026-03-15", "answers": {"age": "18", "last_module": "2024-03-20"}}
    assert scenarios.implausibilities(flow, young_member, values)
    # in the person's favour: 17 on 15 March 2026, born on 16 March 2008 at the earliest
    assert scenarios.oldest_age_on(17, "2026-03-15", "2025-03-16") == 17
    assert scenarios.oldest_age_on(17, "2026-03-15", "2025-03-15") == 16
    assert scenarios.oldest_age_on(17, "2026-03-15", "2024-03-16") == 16
    assert scenarios.oldest_age_on(17, "2026-03-15", "2024-03-15") == 15
