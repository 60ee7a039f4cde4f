"""wizard/site.py: pages and assets for the build; wording problems reach editors."""

import json
import re
import shutil

import pytest
from wizard_helpers import ROOT

from sitemodel.errors import ErrorCollector
from sitemodel.registry import FLOW_IDS, LANGUAGES
from wizard.engine import COMPARATORS
from wizard.site import generate
from wizard.wording import UI_KEYS, required_keys


@pytest.fixture(scope="module")
def generated(facts):
    errors = ErrorCollector(ROOT)
    pages, assets = generate(ROOT, facts, errors)
    assert errors.errors == []
    return {(page.lang, page.path): page.markdown for page in pages}, assets


def test_every_text_key_exists_in_all_three_languages(flows, wording):
    for flow_id, flow in flows.items():
        for lang in LANGUAGES:
            data = wording[(lang, flow_id)]
            for key in required_keys(flow):
                node = data
                for part in key:
                    node = node[part]
                assert node, (lang, flow_id, key)
    for lang in LANGUAGES:
        assert set(wording[(lang, "common")]["ui"]) == set(UI_KEYS)


# Interface words the code reads by a computed key: the expression that builds the key, and the keys it builds.
COMPUTED_UI_KEYS = {
    'self.ui["op_" + op]': {f"op_{op}" for op in COMPARATORS},  # wizard/rules_text.py
    "self.ui[op + '_of']": {"min_of", "max_of"},  # op is "min" or "max"
    'ui["error_" + type + kind]': {f"error_{t}{k}" for t in ("number", "date")  # wizard-v1.js
                                   for k in ("", "_between", "_min", "_max")},
    'ui["error_date_" + code]': {"error_date_part", "error_date_real"},
}


def test_every_interface_word_is_read_by_the_wizard_s_code():
    """A word in common.yml that no code reads is dead text that editors keep translating (issue 14)."""
    code = "\n".join(path.read_text(encoding="utf-8") for pattern in ("*.py", "js/*.js", "templates/*.j2")
                     for path in sorted((ROOT / "wizard").glob(pattern)) if path.name != "wording.py")
    computed = set()
    for expression, keys in COMPUTED_UI_KEYS.items():
        assert expression in code, expression  # the table above still describes the code
        computed |= keys
    unread = [key for key in UI_KEYS if key not in computed
              and not re.search(rf"""(ui\.{key}\b|["']{key}["'])""", code)]
    assert unread == []


def test_an_interface_word_no_code_reads_is_reported(tmp_path, facts):
    for part in ("content", "schema"):
        shutil.copytree(ROOT / part, tmp_path / part)
    common = tmp_path / "content/de/wizard/common.yml"
    common.write_text(common.read_text(encoding="utf-8") + '  example: "Beispiel"\n', encoding="utf-8")
    errors = ErrorCollector(tmp_path)
    generate(tmp_path, facts, errors)
    assert [(e.path, e.message) for e in errors.errors] == [
        ("content/de/wizard/common.yml", "'ui > example' is not used by the wizard's interface.")]


def test_pages_and_assets(generated):
    pages, assets = generated
    for lang in LANGUAGES:
        for flow_id in FLOW_IDS:
            page = pages[(lang, f"wizard/{flow_id}.md")]
            assert page.startswith("# ")
            assert f'<lu-integration-wizard flow="{flow_id}" lang="{lang}" url-state' in page
            # without JavaScript: the first question, inside the element (wizard/nojs.py)
            assert '<div class="luw-nojs"' in page.split("<lu-integration-wizard")[1].split(
                "</lu-integration-wizard>")[0] and f"({flow_id}-rules.md)" in page
            rules = pages[(lang, f"wizard/{flow_id}-rules.md")]
            assert rules.startswith("# ") and "|---|" in rules and f"({flow_id}.md)" in rules
            data = json.loads(assets[f"assets/wizard/wizard-data/{flow_id}.{lang}.json"])
            assert data["lang"] == lang and "[[" not in json.dumps(data)
    assert "export {" not in assets["assets/wizard/wizard-v1.classic.js"].decode()
    assert "import.meta" not in assets["assets/wizard/wizard-v1.classic.js"].decode()


def test_french_wizard_words_have_no_break_spaces_before_high_punctuation(generated):
    """The wizard's words go through sitemodel.typography as the pages do (issue 14): data, wizard and rules pages."""
    pages, assets = generated
    texts = {path: text for (lang, path), text in pages.items()
             if lang == "fr" and path != "wizard/integrators.md"}  # the integrators' guide: code samples
    texts |= {path: data.decode("utf-8") for path, data in assets.items() if path.endswith(".fr.json")}
    assert any(path.endswith(".fr.json") for path in texts)
    ordinary_space = re.compile(r".{0,30}(?: [;:!?»]|« ).{0,15}")
    found = [(path, match.group(0)) for path, text in texts.items() for match in ordinary_space.finditer(text)]
    assert found == []


def test_pages_carry_their_title_and_menu_order(facts):
    pages = generate(ROOT, facts, ErrorCollector(ROOT)).pages
    english = sorted((p for p in pages if p.lang == "en"), key=lambda p: p.order)
    assert [p.path for p in english] == ["wizard/route.md", "wizard/route-rules.md", "wizard/permit.md",
                                         "wizard/permit-rules.md", "wizard/subsidy.md",
                                         "wizard/subsidy-rules.md", "wizard/integrators.md"]
    assert {p.section for p in pages} == {"wizard"}
    for page in pages:
        assert page.markdown.startswith(f"# {page.title}\n"), page.path


def test_rules_pages_cite_sources_and_flag_the_brochure(generated):
    pages, _ = generated
    permit = pages[("en", "wizard/permit-rules.md")]
    assert "You are moving to Luxembourg (ASTI asbl), section 7, “The European blue card”" in permit
    assert '!!! warning "From the 2013 brochure"' in permit and "1 July 2024" in permit
    route = pages[("fr", "wizard/route-rules.md")]
    assert "«\u00a0Début du CAI\u00a0» remonte à 2\u00a0ans au plus" in route  # a date condition in words
    assert "27 novembre 2026" in route  # the review date of the facts used
    subsidy = pages[("de", "wizard/subsidy-rules.md")]
    assert "30.000\u00a0Euro" in subsidy


def test_every_wording_file_has_the_schema_modeline():
    for path in (ROOT / "content").glob("*/wizard/*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../../../schema/wizard-text.schema.json"


@pytest.fixture
def broken_root(tmp_path):
    """A copy of the content with editing mistakes in the German route wording."""
    for part in ("content", "schema"):
        shutil.copytree(ROOT / part, tmp_path / part)
    path = tmp_path / "content/de/wizard/route.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('  not_adult:\n    title: "Sie können mit der Volljährigkeit beitreten"\n',
                        '  not_adult:\n')
    text = text.replace("[[adult_age|n]] Jahren)", "[[adult.age]] Jahren) ab 18")
    text = text.replace('text: "Wie alt sind Sie?"', 'text: "Wie alt sind <b>Sie</b>?"')
    path.write_text(text, encoding="utf-8")
    (tmp_path / "content/en/wizard/subsidy.yml").write_text("title: [unclosed\n", encoding="utf-8")
    fr = tmp_path / "content/fr/wizard/subsidy.yml"
    fr.write_text(fr.read_text(encoding="utf-8").replace("      large:", "      huge:"),
                  encoding="utf-8")
    return tmp_path


def test_wording_mistakes_are_reported_in_plain_words(broken_root, facts):
    errors = ErrorCollector(broken_root)
    pages = {(page.lang, page.path) for page in generate(broken_root, facts, errors).pages}
    found = "\n".join(str(e) for e in errors.errors)
    assert "content/de/wizard/route.yml" in found
    assert "The key 'title' is missing in outcomes > not_adult" in found
    assert "[[adult.age]] names a fact that does not exist" in found
    assert "The text contains the number '18'" in found
    assert "The text contains HTML or markup ('<b>', '</b>')" in found
    assert "content/en/wizard/subsidy.yml:" in found and "not valid YAML" in found
    assert "'questions > council_size > options > large' is missing in FR" in found
    assert "'questions > council_size > options > huge' is not used by the 'subsidy' wizard" in found
    assert ("de", "wizard/route.md") not in pages  # nothing half-built for the broken language
    assert ("fr", "wizard/route.md") in pages


def test_the_built_scripts_take_languages_and_flows_from_the_registry():
    from wizard.site import runtime_assets

    assets = runtime_assets()
    for name in ("wizard-v1.js", "wizard-v1.classic.js", "embed/embed.js"):
        script = assets[name].decode()
        assert "__WIZARD_" not in script, name
        assert json.dumps(list(LANGUAGES)) in script, name
    assert json.dumps(list(FLOW_IDS)) in assets["embed/embed.js"].decode()
