"""A page cites an official page in the reader's language when that page exists in it (issue 14).

content/sources.yml gives, under ``translations``, the same guichet.lu page in
French and German (title, address, and the headings locators quote); the
French and German pages then cite those, the English page the original. A
translation that lacks a quoted heading, or names a language the site does not
have, fails the content check.
"""

from __future__ import annotations

import pytest
from support import REPO, content_report_after_edit

from sitebuild.generate import generate

REUNIFICATION = "guichet.public.lu/{}/citoyens/immigration/plus-3-mois/ressortissant-tiers/membre-famille/"


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in generate(REPO).files.items() if path.endswith(".md")}


@pytest.mark.parametrize(("lang", "title", "address", "heading"), [
    ("fr", "Demander le regroupement familial en tant que ressortissant de pays tiers (guichet.lu)",
     REUNIFICATION.format("fr"), "«\u00a0Personnes concernées\u00a0»"),
    ("de", "Als Drittstaatsangehöriger einen Antrag auf Familienzusammenführung stellen (guichet.lu)",
     "guichet.public.lu/citoyens/de/immigration/", "„Zielgruppe“"),
    ("en", "Application for family reunification for third-country nationals (guichet.lu)",
     REUNIFICATION.format("en"), "“Who is concerned”"),
])
def test_the_family_reunification_page_cites_guichet_in_the_readers_language(files, lang, title, address, heading):
    text = files[f"{lang}/family-reunification.md"]
    assert f"[{title}](https://{address}" in text
    assert heading in text
    assert "Who is concerned" not in text or lang == "en"


def test_a_source_without_translations_is_cited_in_its_own_language(files):
    assert "Loi du 23 août 2023 relative au vivre-ensemble interculturel" in files["de/biergerpakt.md"]


_report = content_report_after_edit


def test_a_translation_without_a_quoted_heading_fails_the_check(tmp_path):
    stellen = '"Als Drittstaatsangehöriger einen Antrag auf Familienzusammenführung stellen"\n'
    report = _report(tmp_path, stellen + '        "Who is concerned": "Zielgruppe"\n', stellen)
    assert "content/sources.yml" in report and "has no heading for 'Who is concerned'" in report


def test_a_translation_into_a_language_the_site_does_not_have_fails_the_check(tmp_path):
    report = _report(tmp_path, "    de:\n      title: \"Als", "    lb:\n      title: \"Als")
    assert "'lb' under 'translations'" in report
