"""No English on French or German pages from citations (issue 14).

A source cited on a page in another language than its own is either cited
through its edition in the reader's language (``translations:`` in
content/sources.yml, with the headings as that edition writes them), or marked
as a foreign-language title: ``lang`` on the title and on each quoted heading
(WCAG 3.1.2) and a note in the reader's language ("en anglais"). The content
check reads the rendered citation and fails on foreign text left unmarked.
"""

from __future__ import annotations

import pytest
from support import content_report_after_edit

from sitemodel.language_check import foreign_citation
from sitemodel.sources import cite, cite_plain, unmarked_text

BROCHURE = {"kind": "brochure", "title": "You are moving to Luxembourg (ASTI asbl)", "language": "en"}
SECTION = {"section": "5", "heading": "Croatian Citizens", "part": "Note"}
REUNIFICATION = {"kind": "official-page", "title": "Application for family reunification (guichet.lu)",
                 "language": "en", "url": "https://guichet.public.lu/en/x.html",
                 "translations": {"fr": {"title": "Demander le regroupement familial (guichet.lu)",
                                         "url": "https://guichet.public.lu/fr/x.html",
                                         "headings": {"Who is concerned": "Personnes concernées"}}}}


_report = content_report_after_edit


def test_an_english_title_and_heading_on_french_and_german_pages_fail_with_one_error(tmp_path):
    # the data model before issue 14's last part: no language, no French or German edition
    report = _report(tmp_path, "asti-2013:\n  kind: brochure\n  language: en\n", "asti-2013:\n  kind: brochure\n")
    assert report.startswith("The content has 1 problem")
    assert "content/sources.yml:" in report and "the citation of 'asti-2013' shows English text" in report
    assert "On French and German pages" in report and "write 'language: en' on the source" in report


@pytest.mark.parametrize(("lang", "note", "quotes"), [
    ("fr", " (en anglais)", ("«\u00a0", "\u00a0»")), ("de", " (auf Englisch)", ("„", "“"))])
def test_an_english_only_document_is_marked_as_english_on_french_and_german_pages(lang, note, quotes):
    cited = cite(BROCHURE, SECTION, lang)
    assert cited["title"] == '<span lang="en">You are moving to Luxembourg (ASTI asbl)</span>'
    assert cited["note"] == note and cited["language"] == "en"
    assert f'{quotes[0]}<span lang="en">Croatian Citizens</span>{quotes[1]}' in cited["locator"]
    assert f'{quotes[0]}<span lang="en">Note</span>{quotes[1]}' in cited["locator"]
    assert foreign_citation(unmarked_text(cited, lang), lang) is None


def test_on_the_english_page_the_same_document_is_not_marked():
    cited = cite(BROCHURE, SECTION, "en")
    assert "<span" not in cited["title"] + cited["locator"] and cited["note"] == "" and cited["language"] is None


def test_a_translated_page_is_cited_in_the_readers_language_unmarked():
    cited = cite(REUNIFICATION, {"heading": "Who is concerned"}, "fr")
    assert cited["title"] == "Demander le regroupement familial (guichet.lu)" and cited["language"] is None
    assert cited["url"] == "https://guichet.public.lu/fr/x.html" and "Personnes concernées" in cited["locator"]
    plain = cite_plain(REUNIFICATION, {"heading": "Who is concerned"}, "de")  # no German edition: marked
    assert plain["title_lang"] == "en" and plain["note"] == " (auf Englisch)"
    assert {"text": "Who is concerned", "lang": "en"} in plain["locator_parts"]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Conclure un contrat d'accueil et d'intégration (guichet.lu), « Who is concerned »", "fr", "en"),
    ("Concluding a Welcome and Integration Contract (guichet.lu), introduction", "de", "en"),
    ("Conclure un contrat d'accueil et d'intégration (guichet.lu), « Personnes concernées »", "fr", None),
    ("Loi du 23 août 2023 relative au vivre-ensemble interculturel, Art. 4 Abs. 1", "de", "fr"),
    ("Code civil luxembourgeois, art. 488", "de", None),
])
def test_the_citation_check_reads_quoted_headings_and_short_titles(text, lang, expected):
    assert foreign_citation(text, lang) == expected


def test_a_heading_not_found_on_the_translated_page_is_cited_from_the_original_marked():
    source = {**REUNIFICATION, "translations": {"fr": {**REUNIFICATION["translations"]["fr"], "headings": {
        "Who is concerned": "Personnes concernées", "The validation": None}}}}
    found = cite(source, {"heading": "Who is concerned"}, "fr")
    assert found["language"] is None and "Personnes concernées" in found["locator"]
    missing = cite(source, [{"heading": "Who is concerned"}, {"heading": "The validation"}], "fr")
    assert missing["language"] == "en" and missing["url"] == "https://guichet.public.lu/en/x.html"
    assert '<span lang="en">The validation</span>' in missing["locator"]
    assert '<span lang="en">Who is concerned</span>' in missing["locator"]  # the original's own heading
