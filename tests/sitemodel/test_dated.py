"""Facts say from when they apply (issue 14): a date, or a date fact such as a law's entry into force."""

from __future__ import annotations

import datetime as dt

from support import REPO

from sitemodel.content import load
from sitemodel.dated import applies_from, problems

CONTENT = load(REPO)
FACTS_DIR = REPO / "content" / "facts"


def test_the_2024_blue_card_rules_apply_from_the_laws_entry_into_force():
    dates = applies_from(FACTS_DIR, CONTENT.facts)
    assert dates["blue_card.min_contract_2024"] == dt.date(2024, 7, 1)
    assert dates["adem.shortage_certificate_within"] == dt.date(2023, 9, 1)
    assert problems(FACTS_DIR, CONTENT.facts) == []


def test_a_reference_to_a_fact_that_is_not_a_date_is_reported(tmp_path):
    (tmp_path / "x.yml").write_text(
        "reviewed: 2026-11-30\nsource: law-2023\nfacts:\n"
        "  a.b:\n    type: years\n    value: 2\n    locator: \"art. 1\"\n    applies_from: cai.min_age\n"
        "  a.c:\n    type: years\n    value: 2\n    locator: \"art. 1\"\n    applies_from: 2024-01-01\n",
        encoding="utf-8")
    assert [fact for _, fact, _ in problems(tmp_path, CONTENT.facts)] == ["a.b"]
    assert applies_from(tmp_path, CONTENT.facts) == {"a.c": dt.date(2024, 1, 1)}
