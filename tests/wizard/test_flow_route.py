"""Flow 'route', node by node: each question's answers lead where the sources say.

Every test class is one node (question) of the flow; together they prove each
branch reachable. The legal cases themselves are wizard/scenarios/route.yml
(tests/wizard/test_scenarios.py); here the routing between nodes is checked.
"""

import pytest
from flow_checks import assert_complete
from wizard_helpers import TODAY

from wizard.engine import evaluate

LIVES_ADULT = {"connection": "lives", "age": "30"}


def run(flows, values, answers, today=TODAY):
    return evaluate(flows["route"], answers, values, {"today": today})


@pytest.mark.parametrize("today", [TODAY, "2030-12-31"])
def test_every_path_reaches_exactly_one_outcome_and_every_row_is_used(flows, values, source_keys, today):
    assert_complete(flows["route"], values, source_keys, {"today": today})


def test_on_the_first_day_of_the_law_no_membership_can_have_lapsed(flows, values, source_keys):
    paths = assert_complete(flows["route"], values, source_keys, {"today": "2024-01-01"},
                            require_all=False)
    assert "pact_lapsed" not in {p.result.outcome for p in paths}


class TestConnection:
    def test_is_asked_first(self, flows, values):
        assert run(flows, values, {}).question == "connection"

    @pytest.mark.parametrize("answer, next_question", [("lives", "age"), ("works", "age")])
    def test_living_or_working_leads_to_the_age(self, flows, values, answer, next_question):
        assert run(flows, values, {"connection": answer}).question == next_question

    def test_neither_ends_at_once(self, flows, values):
        result = run(flows, values, {"connection": "neither", "age": "5", "cai": "yes"})
        assert (result.outcome, result.path, result.why, result.rule) == (
            "no_link", ["connection"], ["connection"], 1)


class TestAge:
    @pytest.mark.parametrize("age, asked", [("15", False), ("16", True), ("17", True), ("40", True)])
    def test_the_cai_question_comes_from_sixteen_for_residents(self, flows, values, age, asked):
        result = run(flows, values, {"connection": "lives", "age": age})
        assert (result.question == "cai") is asked

    def test_cross_border_workers_are_not_asked_about_a_cai(self, flows, values):
        assert run(flows, values, {"connection": "works", "age": "30"}).question == "pact_member"

    @pytest.mark.parametrize("age, outcome", [("17", "not_adult"), ("18", None)])
    def test_minors_without_cai_wait_for_eighteen(self, flows, values, age, outcome):
        result = run(flows, values, {"connection": "works", "age": age})
        assert result.outcome == outcome

    @pytest.mark.parametrize("bad", ["-1", "18.5", "131", "", "１８", "18\n", " 18"])
    def test_an_age_that_is_not_a_whole_number_in_range_is_refused(self, flows, values, bad):
        result = run(flows, values, {"connection": "lives", "age": bad})
        assert (result.question, result.error is not None) == ("age", True)


class TestCai:
    @pytest.mark.parametrize("answer, next_question", [
        ("yes", "cai_signed_on"), ("no", "pact_member"), ("not_sure", "pact_member")])
    def test_each_answer_has_its_next_question(self, flows, values, answer, next_question):
        assert run(flows, values, {**LIVES_ADULT, "cai": answer}).question == next_question


class TestCaiSignedOn:
    def test_a_signature_from_2024_ends_the_cai_questions(self, flows, values):
        result = run(flows, values, {**LIVES_ADULT, "cai": "yes", "cai_signed_on": "2024-01-01"})
        assert (result.outcome, result.why) == ("cai_too_late", ["cai_signed_on"])

    def test_a_signature_before_2024_asks_whether_it_was_completed(self, flows, values):
        result = run(flows, values, {**LIVES_ADULT, "cai": "yes", "cai_signed_on": "2023-12-31"})
        assert result.question == "cai_completed"

    @pytest.mark.parametrize("bad", ["2008-12-15", "2026-03-16", "2023-02-30", "23-01-01"])
    def test_impossible_dates_are_refused(self, flows, values, bad):
        result = run(flows, values, {**LIVES_ADULT, "cai": "yes", "cai_signed_on": bad})
        assert (result.question, result.error is not None) == ("cai_signed_on", True)


SIGNED = {**LIVES_ADULT, "cai": "yes", "cai_signed_on": "2023-06-01"}


class TestCaiCompleted:
    def test_completed_goes_to_the_pact_question_then_to_the_fulfilled_result(self, flows, values):
        assert run(flows, values, {**SIGNED, "cai_completed": "yes"}).question == "pact_member"
        result = run(flows, values, {**SIGNED, "cai_completed": "yes", "pact_member": "no"})
        assert result.outcome == "cai_completed"

    def test_not_completed_asks_whether_it_started(self, flows, values):
        assert run(flows, values, {**SIGNED, "cai_completed": "no"}).question == "cai_started"


class TestCaiStarted:
    @pytest.mark.parametrize("answer, outcome", [("not_yet", "cai_not_started"),
                                                 ("not_sure", "cai_start_unknown")])
    def test_not_yet_and_unknown_have_their_own_results(self, flows, values, answer, outcome):
        answers = {**SIGNED, "cai_completed": "no", "cai_started": answer, "pact_member": "no"}
        assert run(flows, values, answers).outcome == outcome

    def test_yes_asks_the_date(self, flows, values):
        answers = {**SIGNED, "cai_completed": "no", "cai_started": "yes"}
        assert run(flows, values, answers).question == "cai_start"


class TestCaiStart:
    def test_cannot_precede_the_signature_nor_follow_today(self, flows, values):
        answers = {**SIGNED, "cai_completed": "no", "cai_started": "yes"}
        for bad in ("2023-05-31", "2026-03-16"):
            result = run(flows, values, {**answers, "cai_start": bad})
            assert (result.question, result.error) == ("cai_start", "range")

    @pytest.mark.parametrize("today, outcome", [("2025-06-01", "cai_continue"),
                                                ("2025-06-02", "cai_period_over")])
    def test_two_years_from_the_first_service(self, flows, values, today, outcome):
        answers = {**SIGNED, "cai_completed": "no", "cai_started": "yes", "cai_start": "2023-06-01",
                   "pact_member": "no"}
        result = run(flows, values, answers, today)
        assert (result.outcome, result.values) == (outcome, {"cai_deadline": "2025-06-01"})
        assert result.why == ["cai_start"]


class TestPactMember:
    def test_a_cai_signatory_who_joined_the_pact_reaches_the_pact_results(self, flows, values):
        answers = {**SIGNED, "cai_completed": "yes", "pact_member": "yes", "last_module": "2025-01-01",
                   "goal": "none"}
        assert run(flows, values, answers).outcome == "pact_active"

    def test_no_leads_to_the_goal_then_join(self, flows, values):
        answers = {**LIVES_ADULT, "cai": "no", "pact_member": "no"}
        assert run(flows, values, answers).question == "goal"
        assert run(flows, values, {**answers, "goal": "none"}).outcome == "join_pact"

    def test_minors_are_not_asked(self, flows, values):
        result = run(flows, values, {"connection": "lives", "age": "17", "cai": "no"})
        assert "pact_member" not in result.path and result.outcome == "not_adult"


class TestLastModule:
    def test_cannot_be_before_the_law(self, flows, values):
        answers = {**LIVES_ADULT, "cai": "no", "pact_member": "yes", "last_module": "2023-12-31"}
        result = run(flows, values, answers)
        assert (result.question, result.error) == ("last_module", "range")

    def test_more_than_two_years_ago_ends_the_membership_without_asking_the_goal(self, flows, values):
        answers = {**LIVES_ADULT, "cai": "no", "pact_member": "yes", "last_module": "2024-03-14"}
        result = run(flows, values, answers)
        assert (result.outcome, result.why) == ("pact_lapsed", ["pact_member", "last_module"])


class TestGoalAndNationality:
    @pytest.mark.parametrize("goal, asks_nationality", [
        ("long_term_residence", True), ("nationality", True), ("language", False),
        ("civic_life", False), ("none", False)])
    def test_nationality_is_asked_only_for_the_goals_that_depend_on_it(self, flows, values, goal,
                                                                       asks_nationality):
        answers = {**LIVES_ADULT, "cai": "no", "pact_member": "no", "goal": goal}
        result = run(flows, values, answers)
        assert (result.question == "nationality") is asks_nationality
        if asks_nationality:
            for nationality in ("luxembourgish", "eu", "third_country"):
                assert run(flows, values, {**answers, "nationality": nationality}).outcome == "join_pact"
