"""Facts are formatted the way each language writes them."""

from __future__ import annotations

import datetime as dt

import pytest

from sitemodel.facts import Fact, format_value
from sitemodel.prose import render


@pytest.mark.parametrize(("fact_type", "value", "lang", "expected"), [
    ("date", dt.date(2024, 1, 1), "fr", "1er janvier 2024"),
    ("date", dt.date(2024, 1, 1), "de", "1. Januar 2024"),
    ("date", dt.date(2024, 1, 1), "en", "1 January 2024"),
    ("date", dt.date(2023, 12, 31), "fr", "31 décembre 2023"),
    ("day_month", "12-31", "de", "31. Dezember"),
    ("day_month", "03-01", "fr", "1er mars"),
    ("money", 30000, "fr", "30\u202f000\u00a0euros"),
    ("money", 30000, "de", "30.000\u00a0Euro"),
    ("money", 30000, "en", "EUR\u00a030,000"),
    ("money", 1, "fr", "1\u00a0euro"),
    ("years", 1, "en", "1\u00a0year"),
    ("years", 2, "de", "2\u00a0Jahre"),
    ("months", 3, "fr", "3\u00a0mois"),
    ("working_days", 5, "fr", "5\u00a0jours ouvrables"),
    ("hours", 4, "de", "4\u00a0Stunden"),
    ("percent", 80, "en", "80%"),
    ("percent", 80, "fr", "80\u00a0%"),
    ("number", 30, "en", "30"),
    ("number_list", [7, 9, 11], "de", "7, 9 oder 11"),
    ("number_list", [13, 15], "en", "13 or 15"),
    ("text", "A1.1", "de", "A1.1"),
])
def test_a_value_is_written_as_its_language_writes_it(fact_type, value, lang, expected):
    assert format_value(fact_type, value, lang) == expected


def test_the_bare_format_drops_the_unit_for_grammar():
    assert format_value("years", 2, "de", bare=True) == "2"


def _fact(fact_type, value):
    return Fact("x", fact_type, value, "law", "art. 1", dt.date(2026, 1, 1), None, None, "f.yml", 1)


def test_urls_and_emails_become_links_and_text_is_escaped():
    def shown(fact_type, value, lang):
        return render("[[x]]", {"x": _fact(fact_type, value)}, lang)

    assert shown("url", "https://www.asti.lu/", "en") == "[asti.lu](https://www.asti.lu/)"
    assert shown("email", "a@b.lu", "fr") == "[a@b.lu](mailto:a@b.lu)"
    assert shown("address", "1 <b> & co", "fr") == "1 &lt;b&gt; &amp; co"
