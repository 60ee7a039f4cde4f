"""The wizard in the reader's language, one term per concept (issue 14): its words and the scenarios'
names follow content/terminology.yml, and its source locators are shown in the reader's language."""

from __future__ import annotations

import json
import shutil

from wizard_helpers import ROOT

from sitemodel.content import load
from sitemodel.errors import ErrorCollector
from sitemodel.locators import problems as locator_problems
from wizard import scenarios
from wizard.flows import all_flows
from wizard.site import check_scenario_terms
from wizard.wording import load_wording


def test_every_flow_locator_is_structured(flows):
    for flow_id, flow in flows.items():
        for outcome_id, outcome in flow["outcomes"].items():
            for source in outcome["sources"]:
                assert not locator_problems(source["locator"]), (flow_id, outcome_id, source)


def test_the_exported_locators_are_in_the_readers_language(flow_data):
    fr, de, en = (json.dumps(flow_data[("route", lang)]["outcomes"], ensure_ascii=False) for lang in ("fr", "de", "en"))
    assert "notice at the top of the page" in en and "who can join" in en
    for page in (fr, de):
        assert "notice at the top of the page" not in page and "who can join" not in page
    assert "avis en haut de la page" in fr and "Art. 4 Abs. 1" in de
    # an English page's section keeps its own heading, quoted in the reader's typography
    assert "«\u00a0The validation of the Welcome and Integration Contract\u00a0»" in fr
    permit = json.dumps(flow_data[("permit", "de")]["outcomes"], ensure_ascii=False)
    assert "Abschnitt 7, „The European blue card“" in permit


def test_an_avoided_term_in_a_scenario_name_is_reported(monkeypatch, flows):
    real = scenarios.load

    def with_variant(flow_id):
        cases = real(flow_id)
        # a name that is not in the file: no line to give, the file is still named
        cases[0] = {**cases[0], "names": {**cases[0]["names"], "de": "Fragen Sie den Integrationsdienst"}}
        return cases
    errors = ErrorCollector(ROOT)
    check_scenario_terms(ROOT, flows, errors)
    assert errors.errors == []
    monkeypatch.setattr(scenarios, "load", with_variant)
    check_scenario_terms(ROOT, {"route": flows["route"]}, errors)
    found = "\n".join(map(str, errors.errors))
    assert "wizard/scenarios/route.yml" in found and "'Integrationsdienst'" in found
    assert "Abteilung für Integration" in found


def test_an_avoided_term_in_the_wizard_words_is_reported(tmp_path):
    for part in ("content", "schema"):
        shutil.copytree(ROOT / part, tmp_path / part)
    path = tmp_path / "content/fr/wizard/route.yml"
    text = path.read_text(encoding="utf-8")
    assert "Département de l'intégration" in text
    path.write_text(text.replace("Département de l'intégration", "service de l'intégration", 1), encoding="utf-8")
    errors = ErrorCollector(tmp_path)
    load_wording(tmp_path, all_flows(), load(tmp_path).facts, errors)
    found = "\n".join(map(str, errors.errors))
    assert "content/fr/wizard/route.yml" in found and "'service de l'intégration' is not the term" in found


def test_an_english_sentence_in_the_french_wizard_words_is_reported(tmp_path):
    for part in ("content", "schema"):
        shutil.copytree(ROOT / part, tmp_path / part)
    path = tmp_path / "content/fr/wizard/route.yml"
    errors = ErrorCollector(tmp_path)
    load_wording(tmp_path, all_flows(), load(tmp_path).facts, errors)
    assert errors.errors == []
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("intro:"))
    lines[index] = 'intro: "This wizard tells you which of the steps you should take and where you can ask for help."'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_wording(tmp_path, all_flows(), load(tmp_path).facts, errors)
    found = "\n".join(map(str, errors.errors))
    assert f"content/fr/wizard/route.yml:{index + 1}" in found and "looks English" in found
