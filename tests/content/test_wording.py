"""Everything in the reader's language, one term per concept (issue 14).

Locators render in each language; a French or German page with an English
sentence (or the reverse) fails the content check; a variant that
content/terminology.yml says to avoid fails it too.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import REPO

from sitemodel.checks import check_content
from sitemodel.content import load
from sitemodel.errors import ContentErrors, ErrorCollector
from sitemodel.language_check import foreign_sentences
from sitemodel.locators import problems, render
from sitemodel.terminology import load as load_terminology


def checked(root: Path) -> None:
    """The content check as the build runs it (loading, then the cross-checks); ContentErrors on a problem."""
    errors = ErrorCollector(root)
    check_content(load(root, errors), errors)
    errors.raise_if_any()


@pytest.mark.parametrize(("raw", "lang", "expected"), [
    ("art. 12(2)", "fr", "art. 12(2)"),
    ("art. 12(2)", "de", "Art. 12 Abs. 2"),
    ("art. 6(16) 1° a) to c)", "de", "Art. 6 Abs. 16 Nr. 1 Buchst. a bis Buchst. c"),
    ("art. 6(16) 1° a) to c)", "fr", "art. 6(16) 1° a) à c)"),
    ("art. 15, 16 and 18", "de", "Art. 15, 16 und 18"),
    ("art. 6(8), 6(16) introductory sentence", "fr", "art. 6(8), 6(16) phrase liminaire"),
    ({"section": "2", "heading": "Steps"}, "de", "Abschnitt 2, „Steps“"),
    ({"fr": "avis", "de": "Hinweis", "en": "notice"}, "de", "Hinweis"),
    (["art. 4(1)", {"heading": "Who"}], "fr", "art. 4(1)\u202f; «\u00a0Who\u00a0»"),
])
def test_a_locator_is_written_in_the_readers_language(raw, lang, expected):
    assert problems(raw) == []
    assert render(raw, lang) == expected


@pytest.mark.parametrize("raw", ["notice at the top of the page", "art. 12 (title)", {"fr": "avis", "en": "notice"},
                                 {"section": "2", "title": "x"}, []])
def test_a_locator_in_one_language_only_is_refused(raw):
    assert problems(raw)


@pytest.mark.parametrize(("text", "lang"), [
    ("Le contrat est rempli. The law sets no form and no deadline for the requests.", "fr"),
    ("Die Frist läuft. This is the page of the ministry that you can contact.", "de"),
    ("You apply online. Le ministre valide le pacte citoyen lorsque la demande est complète.", "en"),
    ("Sie stellen den Antrag. Der Minister prüft die Anträge und die Unterlagen für den Pakt.", "en"),
])
def test_a_sentence_in_another_language_is_found(text, lang):
    assert len(foreign_sentences(text, lang)) == 1


@pytest.mark.parametrize(("text", "lang"), [
    ("Le ministère (Ministry of Family Affairs, Solidarity and the rest of it) est compétent.", "fr"),
    ("Die Broschüre „You are moving to Luxembourg“ ist von 2013.", "de"),
    ("The ministry in charge of the pact is the one you can ask.", "en"),
])
def test_names_in_brackets_or_quotes_and_own_language_pass(text, lang):
    assert foreign_sentences(text, lang) == []


def test_the_terminology_flags_known_wrong_variants():
    terms = load_terminology(REPO / "content")
    assert sorted(terms.problems("Beim Integrationsdienst einen Nachtrag beantragen.", "de")) == [
        (0, "Integrationsdienst", "Abteilung für Integration"), (0, "Nachtrag", "Zusatzvertrag")]
    found = terms.problems("Demandez un avenant au service de l'intégration.", "fr")
    assert found[0][2] == "Département de l'intégration"
    assert terms.problems("Ask the Integration Department for an addendum.", "en") == []
    assert [term for _, _, term in terms.problems("Un frontalier de 17 ans, travailleur transfrontalier.", "fr")] == [
        "travailleur transfrontalier"]
    assert sorted(term for _, _, term in terms.problems(
        "Den Status eines langfristig Aufenthaltsberechtigten; der Familiennachzug.", "de")) == [
        "Familienzusammenführung", "Rechtsstellung eines langfristig Aufenthaltsberechtigten"]


def _copy_content(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _report_after(tmp_path: Path, *edits: tuple[str, str, str]) -> str:
    """The content check's report on a copy of the content with the given (file, old, new) edits."""
    root = _copy_content(tmp_path)
    for relative, old, new in edits:
        _edit(root / relative, old, new)
    with pytest.raises(ContentErrors) as caught:
        checked(root)
    return caught.value.report()


def test_an_english_sentence_on_a_french_page_fails_the_check(tmp_path):
    report = _report_after(tmp_path, ("content/fr/financial-aid.yml", "La loi ne prévoit pas de formulaire.",
                                      "The law sets no form and there is no deadline for the requests."))
    assert "content/fr/financial-aid.yml" in report and "looks English" in report


def test_a_wrong_term_and_an_english_locator_fail_the_check(tmp_path):
    report = _report_after(
        tmp_path, ("content/de/cai.yml", "einen Zusatzvertrag.", "einen Nachtrag."),
        ("content/pages/financial-aid.yml", 'locator: "art. 11(3)"', 'locator: "third paragraph"'))
    assert "'Nachtrag' is not the term" in report
    assert "content/pages/financial-aid.yml" in report


def test_the_real_content_is_in_each_readers_language():
    checked(REPO)  # raises ContentErrors listing every problem


def test_an_english_interface_word_on_the_german_site_fails_the_check(tmp_path):
    report = _report_after(tmp_path, ("content/de/_ui.yml", 'not_found_body: "',
                                      'not_found_body: "This page does not exist or it has been moved. '))
    assert "content/de/_ui.yml" in report


def test_a_wrong_term_in_an_interface_word_fails_the_check_with_its_line(tmp_path):
    report = _report_after(tmp_path, ("content/de/_ui.yml", 'integration: "Bürgerpakt und Programm"',
                                      'integration: "Bürgerpakt und Programm (Kommunalpakt)"'))
    assert "content/de/_ui.yml:18: 'Kommunalpakt' is not the term" in report
