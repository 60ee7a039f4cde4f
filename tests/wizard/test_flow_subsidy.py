"""Flow 'subsidy', node by node: amounts by component with the legal caps (law of 2023, art. 6).

The legal cases are wizard/scenarios/subsidy.yml; here each node's branches.
"""

import pytest
from flow_checks import assert_complete

from wizard.engine import evaluate


def run(flows, values, answers):
    return evaluate(flows["subsidy"], answers, values, {})


def test_every_path_reaches_exactly_one_outcome_and_every_row_is_used(flows, values, source_keys):
    assert_complete(flows["subsidy"], values, source_keys, {})


class TestCouncilSize:
    @pytest.mark.parametrize("size, fact", [
        ("small", "municipal_pact.subsidy_small_councils"),
        ("medium", "municipal_pact.subsidy_medium_councils"),
        ("large", "municipal_pact.subsidy_large_councils")])
    def test_flat_amount_follows_council_size(self, flows, values, size, fact):
        result = run(flows, values, {"council_size": size, "members": "0", "coordinator": "no"})
        assert result.outcome == "estimate"
        assert result.values == {"flat": values[fact], "per_member": 0, "total": values[fact]}


class TestMembers:
    @pytest.mark.parametrize("bad", ["-3", "2.5", "1e3", "10 000", "", "١٠", "10\n"])
    def test_must_be_a_whole_number_in_ascii_digits(self, flows, values, bad):
        result = run(flows, values, {"council_size": "small", "members": bad})
        assert (result.question, result.error is not None) == ("members", True), bad


class TestCoordinator:
    def test_cost_question_only_when_there_is_a_coordinator(self, flows, values):
        answers = {"council_size": "small", "members": "10", "coordinator": "yes"}
        assert run(flows, values, answers).question == "coordinator_cost"
        assert run(flows, values, {**answers, "coordinator": "no"}).outcome == "estimate"


class TestCoordinatorCost:
    @pytest.mark.parametrize("offset", [-1, 0, 1])
    def test_capped_just_below_at_and_above_the_cap(self, flows, values, offset):
        cap = values["municipal_pact.coordinator_subsidy_cap"]
        per_member = values["municipal_pact.subsidy_per_member"]
        answers = {"council_size": "medium", "members": "250", "coordinator": "yes",
                   "coordinator_cost": str(cap + offset)}
        result = run(flows, values, answers)
        assert result.outcome == "estimate_with_coordinator"
        assert result.values["coordinator"] == min(cap + offset, cap)
        assert result.values["total"] == (values["municipal_pact.subsidy_medium_councils"]
                                          + 250 * per_member + min(cap + offset, cap))


class TestWording:
    """The words say which amounts the law caps and which one it fixes (art. 6(8), 6(16) 1° and 2°)."""

    AT_MOST = {"fr": "au plus", "de": "höchstens", "en": "at most"}
    FIXED = {"fr": "montant fixe", "de": "fester Betrag", "en": "fixed amount"}
    # 6(16) 1° "sans dépasser les montants suivants", 6(8) "plafonnée à"; the total adds them up
    CAPPED = {"flat", "coordinator", "total"}

    @pytest.mark.parametrize("lang", ["fr", "de", "en"])
    def test_only_the_capped_amounts_are_labelled_at_most(self, wording, lang):
        labels = wording[(lang, "subsidy")]["values"]
        assert {key for key, label in labels.items() if self.AT_MOST[lang] in label} == self.CAPPED

    @pytest.mark.parametrize("lang", ["fr", "de", "en"])
    def test_the_intro_and_every_result_say_the_amount_per_member_is_fixed(self, wording, lang):
        # 6(16) 2°: "une subvention annuelle de 5 euros pour chaque résident ... adhérent au pacte citoyen"
        words = wording[(lang, "subsidy")]
        for text in (words["intro"], *(outcome["body"] for outcome in words["outcomes"].values())):
            assert self.FIXED[lang] in text, text
