"""Flow 'route': complete, every branch reachable, date cut-offs exact."""

from pathlib import Path

import pytest
import yaml
from flow_checks import assert_complete
from wizard_helpers import TODAY

from wizard.engine import evaluate

CASES = yaml.safe_load(Path(__file__).with_name("route_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("today", [TODAY, "2030-12-31"])
def test_every_path_reaches_exactly_one_outcome(flows, values, source_keys, today):
    assert_complete(flows["route"], values, source_keys, {"today": today})


def test_on_the_first_day_of_the_law_no_membership_can_have_lapsed(flows, values, source_keys):
    paths = assert_complete(flows["route"], values, source_keys, {"today": "2024-01-01"},
                            require_all=False)
    assert "pact_lapsed" not in {p.result.outcome for p in paths}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(flows, values, case):
    result = evaluate(flows["route"], case["answers"], values, {"today": case.get("today", TODAY)})
    assert result.outcome == case["outcome"]
    assert result.values == case.get("values", result.values)
    if "values" in case:
        assert result.values == {**result.values, **case["values"]}
    assert set(case.get("notes", [])) <= set(result.notes)


def test_connection_first_then_age(flows, values):
    start = evaluate(flows["route"], {}, values, {"today": TODAY})
    assert start.question == "connection"
    assert evaluate(flows["route"], {"connection": "lives"}, values, {"today": TODAY}).question == "age"


def test_cai_questions_skipped_for_cross_border_workers_and_luxembourgers(flows, values):
    base = {"connection": "works", "age": "30", "nationality": "third_country"}
    assert evaluate(flows["route"], base, values, {"today": TODAY}).question == "goal"
    lux = {"connection": "lives", "age": "30", "nationality": "luxembourgish"}
    assert evaluate(flows["route"], lux, values, {"today": TODAY}).question == "goal"


def test_cai_start_cannot_precede_signature_nor_follow_today(flows, values):
    answers = {"connection": "lives", "age": "30", "nationality": "eu", "cai": "yes",
               "cai_signed_on": "2023-06-01"}
    for bad in ("2023-05-31", "2026-03-16"):
        result = evaluate(flows["route"], {**answers, "cai_start": bad}, values, {"today": TODAY})
        assert (result.question, result.error) == ("cai_start", "range")


def test_answers_for_questions_not_asked_are_ignored(flows, values):
    result = evaluate(flows["route"], {"connection": "neither", "age": "5", "cai": "yes"}, values,
                      {"today": TODAY})
    assert (result.outcome, result.path, result.answers) == ("no_link", ["connection"],
                                                            {"connection": "neither"})
