"""Flow 'subsidy': amounts by component with the legal caps."""

import pytest
from flow_checks import assert_complete

from wizard.engine import evaluate


def test_every_path_reaches_exactly_one_outcome(flows, values, source_keys):
    assert_complete(flows["subsidy"], values, source_keys, {})


@pytest.mark.parametrize("size, fact", [
    ("small", "municipal_pact.subsidy_small_councils"),
    ("medium", "municipal_pact.subsidy_medium_councils"),
    ("large", "municipal_pact.subsidy_large_councils")])
def test_flat_amount_follows_council_size(flows, values, size, fact):
    result = evaluate(flows["subsidy"], {"council_size": size, "members": "0", "coordinator": "no"},
                      values, {})
    assert result.outcome == "estimate"
    assert result.values == {"flat": values[fact], "per_member": 0, "total": values[fact]}


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_coordinator_subsidy_is_capped_just_below_at_and_above_the_cap(flows, values, offset):
    cap = values["municipal_pact.coordinator_subsidy_cap"]
    per_member = values["municipal_pact.subsidy_per_member"]
    answers = {"council_size": "medium", "members": "250", "coordinator": "yes",
               "coordinator_cost": str(cap + offset)}
    result = evaluate(flows["subsidy"], answers, values, {})
    assert result.outcome == "estimate_with_coordinator"
    assert result.values["coordinator"] == min(cap + offset, cap)
    assert result.values["per_member"] == 250 * per_member
    assert result.values["total"] == (values["municipal_pact.subsidy_medium_councils"]
                                      + 250 * per_member + min(cap + offset, cap))


def test_cost_question_only_when_there_is_a_coordinator(flows, values):
    answers = {"council_size": "small", "members": "10", "coordinator": "yes"}
    assert evaluate(flows["subsidy"], answers, values, {}).question == "coordinator_cost"
    assert evaluate(flows["subsidy"], {**answers, "coordinator": "no"}, values, {}).outcome == "estimate"


def test_members_must_be_a_whole_number(flows, values):
    for bad in ("-3", "2.5", "1e3", "10 000", ""):
        result = evaluate(flows["subsidy"], {"council_size": "small", "members": bad}, values, {})
        assert (result.question, result.error is not None) == ("members", True), bad
