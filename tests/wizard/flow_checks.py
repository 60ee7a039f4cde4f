"""Completeness checks shared by the per-flow tests."""

from __future__ import annotations

from wizard.analysis import check_flow, walk
from wizard.engine import evaluate


def assert_complete(flow: dict, values: dict, source_keys: set, params: dict,
                    require_all: bool = True) -> list:
    """Every path ends in exactly one outcome; every question, rule and outcome is used."""
    assert check_flow(flow, values, source_keys) == []
    paths = walk(flow, values, params)
    dead = [p.answers for p in paths if p.result.outcome is None]
    assert dead == [], f"paths that end without an outcome: {dead[:3]}"
    if not require_all:
        return paths
    asked = {q for p in paths for q in p.result.path}
    assert asked == {q["id"] for q in flow["questions"]}, "unreachable question"
    reached = {p.result.outcome for p in paths}
    assert reached == set(flow["outcomes"]), "unreachable outcome"
    rows_used = set()
    for p in paths:  # which row decided: the first whose outcome matches and that holds
        rows_used.add(_deciding_row(flow, p, values, params))
    assert rows_used == set(range(len(flow["rules"]))), "a rule row is never the first match"
    return paths


def _deciding_row(flow, path, values, params) -> int:
    from wizard.engine import Context, check
    result = evaluate(flow, path.answers, values, params)
    status = dict(result.answers)
    # questions not in the path were skipped or not needed; mark unasked as skipped
    from wizard.engine import SKIPPED
    for q in flow["questions"]:
        status.setdefault(q["id"], SKIPPED)
    ctx = Context(values, params, status)
    for index, row in enumerate(flow["rules"]):
        if check(row["when"], ctx):
            assert row["outcome"] == result.outcome
            return index
    raise AssertionError("no row holds")
