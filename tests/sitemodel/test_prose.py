"""Prose checks: no typed numbers, no markup, only safe links."""

from __future__ import annotations

import datetime as dt

import pytest

from sitemodel.facts import Fact
from sitemodel.prose import check, render

FACTS = {
    "cap": Fact("cap", "money", 30000, "law", "art. 6(8)", dt.date(2026, 1, 1), None, None, "f.yml", 1),
    "level": Fact("level", "text", "A1.1", "law", "art. 5", dt.date(2026, 1, 1), None, None, "f.yml", 2),
}


def messages(text, lang="en"):
    return [p.message for p in check(text, FACTS, lang)[0]]


def test_clean_prose_has_no_problem_and_renders_its_facts():
    text = "Capped at [[cap]], level [[level]]. See [the pact](pact.md#who) or [ASTI](https://www.asti.lu)."
    assert messages(text) == []
    assert render(text, FACTS, "en") == ("Capped at EUR\u00a030,000, level A1.1. See [the pact](pact.md#who) "
                                         "or [ASTI](https://www.asti.lu).")


def test_digits_inside_link_addresses_and_placeholders_are_allowed():
    assert messages("Read [the news](https://www.rtl.lu/a/1451429.html) on [[cap]].") == []


@pytest.mark.parametrize("text", ["In 2024 it starts.", "Age 18 or more.", "Le 1er janvier.", "Niveau A1.1"])
def test_a_typed_number_is_refused(text):
    assert any("contains the number" in m for m in messages(text))


@pytest.mark.parametrize("text", ["<b>x</b>", "<script>alert('x')</script>", "<!-- note -->", "<img src=x>",
                                  "&lt;script&gt;", "text { .class }", "[x](javascript:alert)",
                                  "[x](data:text/html,hi)", "[x](http://example.org)", "[x](//evil.example)"])
def test_markup_and_unsafe_links_are_refused(text):
    assert messages(text)


def test_a_comparison_sign_in_ordinary_text_is_not_markup():
    assert messages("less < more and more > less") == []


def test_render_does_not_trust_the_check_markup_never_passes():
    assert render("<b>x</b> <script>alert(1)</script>", FACTS, "en") == "x "
    assert render("**bold** and *it*", FACTS, "en") == "**bold** and *it*"


def test_render_keeps_lists_paragraphs_and_the_surrounding_whitespace():
    text = "Intro [[level]]:\n\n- one\n- two [ASTI](https://www.asti.lu)\n\nEnd.\n"
    assert render(text, FACTS, "en") == ("Intro A1.1:\n\n- one\n- two [ASTI](https://www.asti.lu)"
                                         "\n\nEnd.\n")


def test_the_hint_for_a_typed_number_names_the_fact_with_that_value():
    problems, _ = check("Capped at 30,000.", FACTS, "en")
    assert problems[0].fix == "Write [[cap]] instead of the number."
