"""Flow 'permit': every purpose leads to its permit; dated sources are flagged."""

import pytest
from flow_checks import assert_complete

from wizard.engine import evaluate

LONG = {"nationality": "third_country", "length": "long"}


def test_every_path_reaches_exactly_one_outcome(flows, values, source_keys):
    assert_complete(flows["permit"], values, source_keys, {})


@pytest.mark.parametrize("purpose, outcome", [
    ("work", "employee"), ("self_employment", "self_employed"), ("study", "student"),
    ("internship", "intern"), ("highly_qualified", "blue_card")])
def test_purpose_gives_permit_and_apply_before_entering_when_not_resident(flows, values, purpose,
                                                                           outcome):
    abroad = evaluate(flows["permit"], {**LONG, "purpose": purpose, "resident": "no"}, values, {})
    here = evaluate(flows["permit"], {**LONG, "purpose": purpose, "resident": "yes"}, values, {})
    assert abroad.outcome == here.outcome == outcome
    assert "apply_before_entering" in abroad.notes
    assert "apply_before_entering" not in here.notes
    assert abroad.values["decision_deadline"] == values["decision.standard_deadline"]


@pytest.mark.parametrize("purpose, limit_fact, ok, too_old", [
    ("eu_family", "eu_family.children_max_age", "eu_family", "family_not_covered"),
    ("tcn_family", "family.children_max_age", "family_reunification", "family_not_covered")])
def test_child_age_limit_just_below_at_and_above(flows, values, purpose, limit_fact, ok, too_old):
    limit = values[limit_fact]
    answers = {**LONG, "purpose": purpose, "resident": "no", "relation": "child"}
    outcomes = [evaluate(flows["permit"], {**answers, "child_age": str(limit + d)}, values, {}).outcome
                for d in (-1, 0, 1)]
    assert outcomes == [ok, too_old, too_old]


def test_durable_partner_counts_only_for_eu_citizens(flows, values):
    eu = evaluate(flows["permit"], {**LONG, "purpose": "eu_family", "relation": "durable_partner"},
                  values, {})
    tcn = evaluate(flows["permit"], {**LONG, "purpose": "tcn_family", "resident": "no",
                                     "relation": "durable_partner"}, values, {})
    assert (eu.outcome, tcn.outcome) == ("eu_family", "family_not_covered")
    assert eu.values["decision_deadline"] == values["decision.eu_family_deadline"]


@pytest.mark.parametrize("years, outcome", [("4", "long_term_not_yet"), ("5", "long_term"),
                                            ("6", "long_term")])
def test_five_years_of_residence(flows, values, years, outcome):
    assert values["long_term.residence_required"] == 5  # the brochure's figure, read from facts
    result = evaluate(flows["permit"], {**LONG, "purpose": "long_term", "years_resident": years},
                      values, {})
    assert result.outcome == outcome
    if outcome == "long_term_not_yet":
        assert result.values == {"years_missing": 1}


def test_cross_border_worker_with_eu_family_is_exempt(flows, values):
    base = {**LONG, "purpose": "cross_border"}
    assert evaluate(flows["permit"], {**base, "eu_relative_working": "yes"}, values,
                    {}).outcome == "cross_border_exempt"
    assert evaluate(flows["permit"], {**base, "eu_relative_working": "no"}, values,
                    {}).outcome == "cross_border_permit"


def test_outcomes_from_the_brochure_are_flagged_and_list_later_changes(flow_data):
    data = flow_data[("permit", "en")]
    assert all(o["dated"] for o in data["outcomes"].values())
    blue = data["outcomes"]["blue_card"]["changes"]
    assert [c["id"] for c in blue] == ["blue_card_2024", "dgim"]
    assert "1 July 2024" in blue[0]["text"] and blue[0]["source"] == "guichet-bluecard-2024"
    family = {c["id"] for c in data["outcomes"]["family_reunification"]["changes"]}
    assert {"family_2017", "family_labour_2023"} <= family
