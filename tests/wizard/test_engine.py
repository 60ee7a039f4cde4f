"""The evaluator on its own: three-valued conditions, operations, answers, checks."""

import pytest

from wizard.analysis import check_flow, walk
from wizard.engine import SKIPPED, Context, FlowError, add_months, check, compute, evaluate

FACTS = {"limit": 18, "cap": 100, "day": "2023-12-31", "years": 2, "sizes": [7, 9]}


def ctx(**status):
    return Context(FACTS, {"today": "2026-03-15"}, status)


def test_a_leaf_is_unknown_until_answered_and_false_once_skipped():
    cond = {"answer": "age", "lt": "fact:limit"}
    assert check(cond, ctx()) is None
    assert check(cond, ctx(age=17)) is True
    assert check(cond, ctx(age=18)) is False
    assert check(cond, ctx(age=SKIPPED)) is False
    assert check({"not": cond}, ctx(age=SKIPPED)) is True


def test_all_and_any_decide_as_early_as_possible():
    yes, unknown = {"answer": "a", "eq": "x"}, {"answer": "b", "eq": "y"}
    assert check({"any": [unknown, yes]}, ctx(a="x")) is True
    assert check({"all": [unknown, yes]}, ctx(a="z")) is False
    assert check({"all": [unknown, yes]}, ctx(a="x")) is None
    assert check({"all": []}, ctx()) is True


def test_in_compares_with_a_list_fact():
    assert check({"answer": "n", "in": "fact:sizes"}, ctx(n=9)) is True
    assert check({"answer": "n", "in": "fact:sizes"}, ctx(n=8)) is False


@pytest.mark.parametrize("start, months, end", [
    ("2024-02-29", 12, "2025-02-28"), ("2024-02-29", 48, "2028-02-29"),
    ("2023-01-31", 1, "2023-02-28"), ("2023-12-31", 1, "2024-01-31"),
    ("2024-03-15", -24, "2022-03-15"), ("2023-11-30", 3, "2024-02-29")])
def test_add_months_clamps_to_the_end_of_the_month(start, months, end):
    assert add_months(start, months) == end


def test_operations():
    c = ctx(cost=150, members=3, size="b")
    assert compute({"op": "min", "args": ["answer:cost", "fact:cap"]}, c) == 100
    assert compute({"op": "max", "args": ["answer:cost", "fact:cap"]}, c) == 150
    assert compute({"op": "mul", "args": ["answer:members", 5]}, c) == 15
    assert compute({"op": "sum", "args": [1, 2, {"op": "mul", "args": [-1, 3]}]}, c) == 0
    assert compute({"op": "pick", "key": "answer:size", "map": {"a": 1, "b": "fact:cap"}}, c) == 100
    assert compute({"op": "add_years", "date": "fact:day", "years": "fact:years"}, c) == "2025-12-31"
    assert compute({"op": "add_years", "date": "answer:start", "years": 2}, c) is None
    with pytest.raises(FlowError):
        compute({"op": "eval", "args": []}, c)
    with pytest.raises(FlowError):
        compute("fact:nope", c)


def test_comparing_a_number_with_a_date_is_a_rule_error_not_false():
    with pytest.raises(FlowError):
        check({"answer": "age", "lt": "fact:day"}, ctx(age=3))


TOY = {
    "id": "toy", "params": [],
    "questions": [
        {"id": "kind", "type": "choice", "options": ["a", "b", "c"]},
        {"id": "n", "type": "number", "min": 0, "max": 50,
         "skip_if": {"answer": "kind", "eq": "a"}},
    ],
    "rules": [
        {"when": {"answer": "kind", "eq": "a"}, "outcome": "first"},
        {"when": {"answer": "n", "ge": "fact:limit"}, "outcome": "second"},
        {"when": {"all": [{"answer": "kind", "eq": "b"}, {"answer": "n", "lt": "fact:limit"}]},
         "outcome": "first"},
    ],
    "outcomes": {"first": {"sources": [{"source": "s", "locator": "art. 1"}]},
                 "second": {"sources": [{"source": "s", "locator": "art. 2"}]}},
}


def test_walk_finds_the_dead_end_a_missing_rule_leaves():
    paths = walk(TOY, FACTS, {})
    dead = {(p.answers["kind"], p.answers.get("n")) for p in paths if p.result.dead_end}
    assert dead and all(kind == "c" for kind, _ in dead)
    assert {p.answers.get("n") for p in paths if p.answers["kind"] == "b"} >= {"17", "18", "19"}


def test_first_match_and_skips():
    assert evaluate(TOY, {"kind": "a", "n": "3"}, FACTS, {}).path == ["kind"]
    assert evaluate(TOY, {"kind": "b", "n": "30"}, FACTS, {}).outcome == "second"
    assert evaluate(TOY, {"kind": "b", "n": "3"}, FACTS, {}).outcome == "first"
    assert evaluate(TOY, {"kind": "b", "n": "51"}, FACTS, {}).error == "range"


def test_check_flow_reports_broken_tables():
    broken = {**TOY, "questions": [
        {"id": "n", "type": "number", "skip_if": {"answer": "kind", "eq": "a"}},
        {"id": "kind", "type": "choice", "options": ["a"]}],
        "rules": [*TOY["rules"], {"when": {"answer": "zzz", "eq": 1}, "outcome": "nowhere"},
                  {"when": {"answer": "n", "lt": "fact:unknown"}, "outcome": "first"}]}
    problems = " | ".join(check_flow(broken, FACTS, {"s"}))
    for expected in ("not asked before it", "unknown outcome nowhere", "unknown question zzz",
                     "unknown fact unknown"):
        assert expected in problems
    assert check_flow(TOY, FACTS, {"s"}) == []
    english_only = {**TOY, "outcomes": {**TOY["outcomes"], "first": {"sources": [
        {"source": "s", "locator": "notice at the top of the page"}]}}}
    assert "free text in one language" in " ".join(check_flow(english_only, FACTS, {"s"}))
    assert "unknown source s" in " ".join(check_flow(TOY, FACTS, set()))
