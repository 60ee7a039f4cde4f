"""The wizard without JavaScript (wizard/nojs.py): ranges from the rule tables, pages per state.

The proof of equivalence: every path the analysis walks with exact answers
(each option, and the values around every cut-off of the conditions) is
followed through the static links, answer by answer, to a result page with
the same outcome and the same notes as the evaluator gives for the exact
answers; and every decision-table row is the deciding row of some page.
"""

from __future__ import annotations

import pytest
from wizard_helpers import TODAY

from wizard.analysis import walk as exact_paths
from wizard.engine import FlowError, evaluate
from wizard.nojs import answer_ranges, deciding_row, flow_pages, page_path, walk
from wizard.rules_text import Describer as _Describer

FLOW_IDS = ("route", "permit", "subsidy")
TODAYS = (TODAY, "2024-01-01", "2031-02-28")


def _contains(choice, raw: str) -> bool:
    if choice.low is None:
        return choice.value == raw
    value = int(raw) if isinstance(choice.low, int) else raw
    return choice.low <= value <= choice.high


@pytest.mark.parametrize("today", TODAYS)
@pytest.mark.parametrize("flow_id", FLOW_IDS)
def test_every_exact_path_is_followed_by_links_to_the_same_outcome_and_notes(
        flows, flow_data, values, flow_id, today):
    flow, data = flows[flow_id], flow_data[(flow_id, "en")]
    params = {"today": today}
    states = {tuple((qid, c.slug) for qid, c in s.choices): s for s in walk(flow, data, today)}
    rows_by_links = set()
    for state in states.values():
        if state.outcome:
            answers = {qid: choice.value for qid, choice in state.choices}
            rows_by_links.add(deciding_row(flow, answers, values, params))
    paths = [p for p in exact_paths(flow, values, params) if p.result.outcome]
    assert paths
    for path in paths:
        state, taken = states[()], ()
        while state.question:
            raw = path.answers[state.question]
            matching = [c for c in state.next_choices if _contains(c, raw)]
            assert len(matching) == 1, f"{state.question}={raw} fits {len(matching)} links"
            taken = (*taken, (state.question, matching[0].slug))
            state = states[taken]
        assert (state.outcome, state.notes) == (path.result.outcome, path.result.notes), path.answers
    rows_exact = {deciding_row(flow, p.answers, values, params) for p in paths}
    assert rows_by_links == rows_exact
    if today == TODAY:  # on the law's first day no membership can have lapsed yet
        assert rows_exact == set(range(len(flow["rules"])))


@pytest.mark.parametrize("flow_id", FLOW_IDS)
def test_every_value_of_a_range_gives_the_result_of_its_page(flows, flow_data, values, flow_id):
    """Each result page holds for the lowest, the highest and a middle value of every range."""
    flow, data = flows[flow_id], flow_data[(flow_id, "en")]
    params = {"today": TODAY}
    for state in walk(flow, data, TODAY):
        if not state.outcome:
            continue
        for pick in ("low", "high"):
            answers = {qid: str(getattr(c, pick)) if c.low is not None else c.value
                       for qid, c in state.choices}
            result = evaluate(flow, answers, values, params)
            if result.error == "range":  # a later date before an earlier one: not a real person
                continue
            assert (result.outcome, result.notes) == (state.outcome, state.notes), answers


def test_a_number_range_is_cut_where_the_table_compares(flows, values):
    age = next(q for q in flows["route"]["questions"] if q["id"] == "age")
    # the flow compares the age with the CAI's minimum age (skip condition) and the age of majority
    cai, adult = values["cai.min_age"], values["adult_age"]
    assert answer_ranges(flows["route"], age, {"connection": "lives"}, values, {"today": TODAY}) \
        == [(0, cai - 1), (cai, adult - 1), (adult, 130)]


def test_each_comparison_cuts_on_its_side_of_the_value():
    def ranges(op):
        flow = {"id": "t", "questions": [{"id": "n", "type": "number", "min": 0, "max": 20}],
                "rules": [{"when": {"answer": "n", op: 10 if op != "in" else [3, 7]}, "outcome": "x"}],
                "outcomes": {"x": {}}}
        return answer_ranges(flow, flow["questions"][0], {}, {}, {})
    assert ranges("lt") == ranges("ge") == [(0, 9), (10, 20)]
    assert ranges("le") == ranges("gt") == [(0, 10), (11, 20)]
    assert ranges("eq") == ranges("ne") == [(0, 9), (10, 10), (11, 20)]
    assert ranges("in") == [(0, 2), (3, 3), (4, 6), (7, 7), (8, 20)]


def test_a_date_deadline_relative_to_today_cuts_on_the_exact_day():
    flow = {"id": "t", "questions": [{"id": "d", "type": "date", "min": "2020-01-01", "max": "param:today"}],
            "rules": [{"when": {"value": {"op": "add_years", "date": "answer:d", "years": 2},
                                "ge": "param:today"}, "outcome": "x"}],
            "outcomes": {"x": {}}}
    got = answer_ranges(flow, flow["questions"][0], {}, {}, {"today": "2026-11-30"})
    assert got == [("2020-01-01", "2024-11-29"), ("2024-11-30", "2026-11-30")]


def test_a_condition_that_is_not_monotone_is_refused():
    # n*n - 10n falls then rises (0 at 0 and 10, -25 at 5): the rule language cannot promise monotony
    flow = {"id": "t", "questions": [{"id": "n", "type": "number", "min": 0, "max": 10}],
            "rules": [{"when": {"value": {"op": "sum", "args": [
                {"op": "mul", "args": ["answer:n", "answer:n"]},
                {"op": "mul", "args": ["answer:n", -10]}]}, "ge": -9}, "outcome": "x"}],
            "outcomes": {"x": {}}}
    with pytest.raises(FlowError, match="not monotone"):
        answer_ranges(flow, flow["questions"][0], {}, {}, {})


@pytest.mark.parametrize("lang", ("fr", "de", "en"))
def test_pages_link_only_to_pages_that_exist_and_say_the_assessment_date(flows, flow_data, facts, lang):
    for flow_id in FLOW_IDS:
        flow, data = flows[flow_id], flow_data[(flow_id, lang)]
        fallback, pages = flow_pages(flow, data, TODAY, _Describer(data, facts, lang).expr)
        states = walk(flow, data, TODAY)
        assert set(pages) == {page_path(flow_id, s) for s in states if s.choices}
        assert 'href="a/' in fallback and "<h2" in fallback and "<h1" not in fallback
        for state in states:
            for choice in state.next_choices:
                assert page_path(flow_id, type(state)((*state.choices, (state.question, choice)),
                                                      None, None, {}, [])) in pages
        for text in pages.values():
            assert "search:\n  exclude: true" in text
            if 'data-outcome="' in text:
                assert data["ui"]["sources"] in text and f'data-today="{TODAY}"' in text
                assert "{date}" not in text and "{formula}" not in text


def test_a_value_from_a_range_is_shown_as_its_formula_not_as_a_number(flows, flow_data, facts):
    flow, data = flows["subsidy"], flow_data[("subsidy", "en")]
    _, pages = flow_pages(flow, data, TODAY, _Describer(data, facts, "en").expr)
    results = [t for t in pages.values() if 'data-outcome="estimate"' in t]
    assert results and all("“" in t and "exact answer" in t for t in results)


@pytest.mark.parametrize("lang", ("fr", "de", "en"))
def test_a_result_page_links_the_organisations_it_names_as_the_javascript_wizard_does(flows, flow_data, facts,
                                                                                        lang):
    linked = 0
    for flow_id in FLOW_IDS:
        flow, data = flows[flow_id], flow_data[(flow_id, lang)]
        _, pages = flow_pages(flow, data, TODAY, _Describer(data, facts, lang).expr)
        for text in pages.values():
            if 'data-outcome="' not in text:
                continue
            for name, url in data["links"].items():
                shown = text.split('<h2', 1)[0]  # the result's own words, before the sources
                if name in shown and not any(name in other and other != name for other in data["links"]):
                    assert f'<a href="{url}">{name}</a>' in shown, (flow_id, lang, name)
                    linked += 1
            assert 'href="javascript' not in text
    assert linked > 0  # the check above ran on real results
