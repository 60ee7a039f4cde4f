"""Flow 'permit', node by node: each question's answers lead where the 2013 brochure says.

One test class per node (question); together they prove every branch
reachable. The legal cases are wizard/scenarios/permit.yml. Every outcome
rests on the ASTI brochure of 2013, so every one is flagged as dated and
lists the later changes known from the sources.
"""

import pytest
from flow_checks import assert_complete

from wizard.engine import evaluate

TCN = {"nationality": "third_country"}


def run(flows, values, answers):
    return evaluate(flows["permit"], answers, values, {})


def test_every_path_reaches_exactly_one_outcome_and_every_row_is_used(flows, values, source_keys):
    assert_complete(flows["permit"], values, source_keys, {})


class TestNationality:
    def test_eu_citizens_are_told_at_once(self, flows, values):
        result = run(flows, values, {"nationality": "eu_eea_swiss"})
        assert (result.outcome, result.path) == ("not_third_country", ["nationality"])

    def test_third_country_nationals_are_asked_the_purpose(self, flows, values):
        assert run(flows, values, TCN).question == "purpose"


class TestPurpose:
    @pytest.mark.parametrize("purpose, next_question, outcome", [
        ("visit", None, "short_stay"), ("work", "resident", None), ("self_employment", "resident", None),
        ("study", "resident", None), ("internship", "resident", None), ("highly_qualified", None, "blue_card"),
        ("eu_family", "relation", None), ("tcn_family", "relation", None),
        ("cross_border", "eu_relative_working", None), ("long_term", "years_resident", None),
        ("none", None, "ask_advice")])
    def test_each_purpose_has_its_next_step(self, flows, values, purpose, next_question, outcome):
        result = run(flows, values, {**TCN, "purpose": purpose})
        assert (result.question, result.outcome) == (next_question, outcome)

    def test_a_cross_border_worker_is_never_asked_the_length_of_a_stay(self, flows, values):
        ids = [q["id"] for q in flows["permit"]["questions"]]
        assert "length" not in ids
        result = run(flows, values, {**TCN, "purpose": "cross_border", "eu_relative_working": "no"})
        assert result.outcome == "cross_border_permit"


class TestResident:
    @pytest.mark.parametrize("purpose, outcome", [
        ("work", "employee"), ("self_employment", "self_employed"), ("study", "student"),
        ("internship", "intern")])
    def test_apply_before_entering_only_when_not_resident(self, flows, values, purpose, outcome):
        abroad = run(flows, values, {**TCN, "purpose": purpose, "resident": "no"})
        here = run(flows, values, {**TCN, "purpose": purpose, "resident": "yes"})
        assert abroad.outcome == here.outcome == outcome
        assert abroad.notes == ["apply_before_entering"] and here.notes == []

    def test_self_employed_validity_is_a_maximum(self, flows, values):
        result = run(flows, values, {**TCN, "purpose": "self_employment", "resident": "no"})
        assert result.values == {"decision_deadline": 3, "permit_max_validity": 3}


class TestRelation:
    @pytest.mark.parametrize("purpose, relation, outcome_or_question", [
        ("eu_family", "spouse", "eu_family"), ("eu_family", "registered_partner", "eu_family"),
        ("eu_family", "durable_partner", "eu_family"), ("eu_family", "child", "child_age"),
        ("eu_family", "parent", "eu_dependent"), ("eu_family", "other_relative", "eu_dependent"),
        ("eu_family", "none", "family_not_covered"),
        ("tcn_family", "spouse", "family_reunification"),
        ("tcn_family", "registered_partner", "family_reunification"),
        ("tcn_family", "durable_partner", "family_not_covered"), ("tcn_family", "child", "child_age"),
        ("tcn_family", "parent", "parent_dependent"), ("tcn_family", "other_relative", "family_not_covered"),
        ("tcn_family", "none", "family_not_covered")])
    def test_each_link(self, flows, values, purpose, relation, outcome_or_question):
        result = run(flows, values, {**TCN, "purpose": purpose, "relation": relation})
        assert outcome_or_question in (result.outcome, result.question)


class TestChildAge:
    @pytest.mark.parametrize("purpose, limit_fact, ok, after", [
        ("eu_family", "eu_family.children_max_age", "eu_family", "eu_dependent"),
        ("tcn_family", "family.children_max_age", "family_reunification", "family_not_covered")])
    def test_just_below_at_and_above_the_limit(self, flows, values, purpose, limit_fact, ok, after):
        limit = values[limit_fact]
        answers = {**TCN, "purpose": purpose, "relation": "child"}
        got = []
        for age in (limit - 1, limit, limit + 1):
            result = run(flows, values, {**answers, "child_age": str(age)})
            got.append(result.outcome or result.question)
        assert got == [ok, after, after]


class TestDependency:
    @pytest.mark.parametrize("question, relation, purpose, yes", [
        ("eu_dependent", "other_relative", "eu_family", "eu_family"),
        ("parent_dependent", "parent", "tcn_family", "family_reunification")])
    def test_yes_no_and_not_sure(self, flows, values, question, relation, purpose, yes):
        answers = {**TCN, "purpose": purpose, "relation": relation}
        outcomes = [run(flows, values, {**answers, question: answer}).outcome
                    for answer in ("yes", "no", "not_sure")]
        assert outcomes == [yes, "family_not_covered", "ask_advice"]


class TestEuRelativeWorking:
    @pytest.mark.parametrize("answer, outcome", [("yes", "cross_border_exempt"), ("no", "cross_border_permit")])
    def test_exemption_only_with_an_eu_relative_working_in_luxembourg(self, flows, values, answer, outcome):
        result = run(flows, values, {**TCN, "purpose": "cross_border", "eu_relative_working": answer})
        assert (result.outcome, result.why) == (outcome, ["eu_relative_working"])


class TestYearsResident:
    @pytest.mark.parametrize("years, outcome", [("4", "long_term_not_yet"), ("5", "long_term"),
                                                ("6", "long_term")])
    def test_five_years_of_residence(self, flows, values, years, outcome):
        assert values["long_term.residence_required"] == 5  # the brochure's figure, read from facts
        result = run(flows, values, {**TCN, "purpose": "long_term", "years_resident": years})
        assert result.outcome == outcome


def test_outcomes_from_the_brochure_are_flagged_and_list_later_changes(flow_data):
    data = flow_data[("permit", "en")]
    assert all(o["dated"] for o in data["outcomes"].values())
    blue = data["outcomes"]["blue_card"]["changes"]
    assert [c["id"] for c in blue] == ["blue_card_2024", "dgim"]
    assert "1 July 2024" in blue[0]["text"] and blue[0]["source"] == "guichet-bluecard-2024"
    family = {c["id"] for c in data["outcomes"]["family_reunification"]["changes"]}
    assert {"family_2017", "family_labour_2023"} <= family
    assert "adem_2023" in {c["id"] for c in data["outcomes"]["employee"]["changes"]}


def test_the_short_stay_outcome_states_today_s_90_days_in_180_not_the_2013_rule(flow_data):
    short = flow_data[("permit", "en")]["outcomes"]["short_stay"]
    today = short["changes"][0]
    assert today["id"] == "short_stay_today" and today["source"] == "guichet-short-stay"
    assert "at most 90\u00a0days in a period of 180\u00a0days" in today["text"]
    assert "6\u00a0months" not in short["body"]  # the brochure's 3 months in 6 is only history now
