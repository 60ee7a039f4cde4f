"""The rules page reads like a person wrote it, in each language (wizard/rules_text.py)."""

import re

import pytest
from wizard_helpers import ROOT

from sitemodel.yamlload import load_file
from wizard.rules_text import Describer, negate, rules_page

LANGS = ("fr", "de", "en")


@pytest.fixture(scope="module")
def pages(flows, flow_data, facts):
    sources = load_file(ROOT / "content" / "sources.yml")
    return {(f, lang): rules_page(flows[f], flow_data[(f, lang)], facts, lang, sources)
            for f in flows for lang in LANGS}


UNLESS = {"fr": "sauf si", "de": "außer wenn", "en": "unless"}


def test_no_double_negatives_and_no_unless(pages, flow_data):
    for (flow_id, lang), page in pages.items():
        ui = flow_data[(flow_id, lang)]["ui"]
        rules = page[:page.index("{ #examples }")]
        assert f" {UNLESS[lang]} " not in rules, (flow_id, lang)
        assert f" {ui['op_not']} (" not in rules and f": {ui['op_not']} (" not in rules, (flow_id, lang)


def test_date_conditions_are_durations_in_words(pages):
    assert "“Last module” was more than 2\u00a0years ago" in pages[("route", "en")]
    assert "“Start of the CAI” was at most 2\u00a0years ago" in pages[("route", "en")]
    assert "«\u00a0Date de signature du CAI\u00a0» est après le 31 décembre 2023" in pages[("route", "fr")]
    assert "„Letztes Modul“ liegt mehr als 2\u00a0Jahre zurück" in pages[("route", "de")]
    for page in pages.values():
        assert "+ 2" not in page.split("## ")[3]  # the decision table has no date arithmetic


def test_every_list_has_its_own_heading_so_none_runs_into_the_next(pages):
    for key, page in pages.items():
        lines = page.split("\n")
        for index, line in enumerate(lines[:-2]):
            # a list item, a blank line, then another list item would merge into one list
            if line.startswith("- ") and lines[index + 1] == "" and lines[index + 2].startswith("- "):
                raise AssertionError(f"{key}: two lists run into each other at {line!r}")


def test_every_rule_has_an_anchor_and_every_example_a_rule(pages, flows):
    for (flow_id, _lang), page in pages.items():
        anchors = re.findall(r'<span id="rule-(\d+)"></span>', page)
        assert anchors == [str(n) for n in range(1, len(flows[flow_id]["rules"]) + 1)]
        examples = page[page.index("{ #examples }"):]
        assert len(re.findall(r"^\d+\. \*", examples, re.M)) >= 30
        assert set(re.findall(r"\(#rule-(\d+)\)", examples)) <= set(anchors)


def test_examples_are_in_the_readers_language(pages):
    en, fr = pages[("permit", "en")], pages[("permit", "fr")]
    assert "*The dependent sister of a Dutch citizen living in Luxembourg has a right of residence*" in en
    assert "Dutch citizen" not in fr and "Exemple 19" not in fr
    assert "*La sœur à charge d'un citoyen néerlandais vivant au Luxembourg a un droit de séjour*" in fr
    de = pages[("permit", "de")]
    assert "*Die unterhaltsberechtigte Schwester eines in Luxemburg lebenden Niederländers hat ein " \
           "Aufenthaltsrecht*" in de
    assert "Lien de famille\u00a0: Autre membre de la famille" in fr


def test_negation_is_pushed_to_the_leaves():
    cond = {"not": {"any": [{"answer": "a", "eq": "x"}, {"answer": "b", "lt": 3}]}}
    assert negate(cond["not"]) == {"all": [{"answer": "a", "ne": "x"}, {"answer": "b", "ge": 3}]}
    assert negate({"not": {"answer": "a", "eq": "x"}}) == {"answer": "a", "eq": "x"}


def test_a_condition_with_no_opposite_keeps_its_not(flow_data, facts):
    say = Describer(flow_data[("permit", "en")], facts, "en")
    words = say.cond({"not": {"answer": "purpose", "in": ["visit", "none"]}})
    assert words.startswith("not (") and "“None of these”" in words


def test_examples_quote_the_law_in_french_and_english_sources_only_in_english(pages):
    law = '<q lang="fr">3 000 euros pour les communes dont les conseils communaux sont composés de sept'
    for lang in LANGS:
        assert law in pages[("subsidy", lang)], lang
    brochure = '<q lang="en">For reuniting family of a third country citizen:9 months</q>'
    assert brochure in pages[("permit", "en")]
    assert "third country citizen:9" not in pages[("permit", "fr")] + pages[("permit", "de")]
