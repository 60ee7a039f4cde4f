"""The content covers every topic of the sources, in every language.

Each topic of the three source documents has a page in French, German and
English, and that page mentions the topic's key facts (through the shared
facts, so the three languages state the same values).
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from support import REPO

from sitemodel import LANGUAGES
from sitemodel.content import load
from sitemodel.prose import placeholders

# topic -> (slug, facts its page must mention)
TOPICS = {
    "home page routing readers by situation": ("index", []),
    "definition and instruments of intercultural living together (art. 1 and 2)": ("living-together", ["law.date"]),
    "newcomers' first steps: housing, school, languages, work": ("first-steps", [
        "first_steps.agency_fee_rent_months", "first_steps.deposit_rent_months", "school.compulsory_from",
        "school.compulsory_until"]),
    "end of the CAI and its transition": ("cai", ["cai.min_age", "cai.completion_period", "cai.last_day_to_sign"]),
    "citizens' pact (Biergerpakt)": ("biergerpakt", ["pact.lapses_after", "pact.ccss_certificate_max_age"]),
    "programme and its modules": ("programme", ["programme.orientation_min_hours", "programme.discover_min_hours",
                                                "programme.language_level"]),
    "what the introductory modules count for": ("what-modules-count-for", ["nationality_law.option_article"]),
    "municipal pact": ("municipal-pact", ["municipal_pact.max_duration"]),
    "municipal pact subsidies": ("municipal-subsidies", [
        "municipal_pact.subsidy_small_councils", "municipal_pact.subsidy_medium_councils",
        "municipal_pact.subsidy_large_councils", "municipal_pact.subsidy_per_member",
        "municipal_pact.coordinator_subsidy_cap"]),
    "municipal committees": ("municipal-committees", ["municipal_committee.set_up_within"]),
    "national action plan": ("action-plan", ["action_plan.opinion_period"]),
    "Higher Council": ("higher-council", ["higher_council.members", "higher_council.mandate"]),
    "financial aid": ("financial-aid", ["aid.project_subsidy_cap"]),
    "glossary": ("glossary", []),
    "about the sources": ("about", []),
    "residence permits overview": ("residence-overview", []),
    "short stay": ("short-stay", ["short_stay.max_length"]),
    "employed worker": ("employee", ["employee.first_permit_validity"]),
    "self-employed worker": ("self-employed", ["self_employed.permit_validity"]),
    "students and interns": ("students-interns", ["student.resources_share_of_rmg"]),
    "family members of EU citizens": ("eu-family", ["eu_family.children_max_age", "eu_family.death_min_stay"]),
    "family reunification": ("family-reunification", ["family.children_max_age"]),
    "long-term resident": ("long-term-resident", ["long_term.residence_required"]),
    "cross-border workers": ("cross-border-workers", []),
    "EU Blue Card": ("blue-card", ["blue_card.min_contract_2024"]),
    "Croatian citizens": ("croatian-citizens", ["croatia.full_access"]),
    "other statuses": ("other-statuses", []),
    "deadlines and appeals": ("deadlines-appeals", ["decision.standard_deadline",
                                                    "decision.family_reunification_deadline",
                                                    "decision.long_term_deadline"]),
    "documents and general advice": ("documents-advice", ["permit.renewal_request_before_expiry"]),
    "useful addresses": ("addresses", ["contact.asti.address", "contact.immigration.address"]),
}
RESIDENCE = ["residence-overview", "short-stay", "employee", "self-employed", "students-interns", "eu-family",
             "family-reunification", "long-term-resident", "cross-border-workers", "blue-card",
             "croatian-citizens", "other-statuses", "deadlines-appeals", "documents-advice", "addresses"]


@cache
def content():
    return load(REPO)


def facts_on_page(slug: str, lang: str) -> set[str]:
    prose = content().pages[slug].prose[lang]
    texts = [prose["title"], prose["summary"]]
    texts += [s["heading"] + s["body"] for s in prose["sections"].values()]
    return {fact for text in texts for fact, _, _ in placeholders(text)}


@pytest.mark.parametrize("topic", TOPICS)
def test_every_source_topic_has_a_page_in_each_language(topic):
    slug, _ = TOPICS[topic]
    assert slug in content().pages, f"no page for {topic}"
    assert set(content().pages[slug].prose) == set(LANGUAGES)


@pytest.mark.parametrize("topic", [t for t, (_, facts) in TOPICS.items() if facts])
def test_each_topic_page_states_its_key_facts_in_every_language(topic):
    slug, facts = TOPICS[topic]
    for lang in LANGUAGES:
        assert set(facts) <= facts_on_page(slug, lang), (slug, lang)


def test_the_three_languages_mention_the_same_shared_facts_on_every_page():
    for slug in content().pages:
        assert facts_on_page(slug, "fr") == facts_on_page(slug, "de") == facts_on_page(slug, "en"), slug


@pytest.mark.parametrize("slug", RESIDENCE)
def test_every_residence_page_is_flagged_as_relying_on_the_2013_brochure(slug):
    assert content().pages[slug].meta.get("brochure_2013") is True


def test_every_page_cites_sources_and_a_review_date():
    for page in content().pages.values():
        assert page.meta["sources"] and page.meta["reviewed"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_outdated_contacts_are_shown_with_what_replaced_them(lang, real_site):
    prefix = "" if lang == "fr" else f"{lang}/"
    for page in (real_site / prefix).glob("*/index.html"):
        if page.parent.name in ("de", "en"):
            continue
        text = re.sub(r"<[^>]+>", " ", page.read_text())
        if "OLAI" in text:
            assert "MFSVA" in text or "ONA" in text, page
        if "mae.lu" in text:
            assert "Direction générale de l'immigration" in text or "DGIM" in text, page


# The official names (shared/sources/README.md), as each page must use them.
# German stems leave out adjective endings, which change with the case.
OFFICIAL_NAMES = {
    "biergerpakt": {"fr": "pacte citoyen du vivre-ensemble interculturel",
                    "de": "Bürgerpakt für das interkulturelle Zusammenleben",
                    "en": "citizens' pact for intercultural living together"},
    "programme": {"fr": "programme du vivre-ensemble interculturel",
                  "de": "Programm für das interkulturelle Zusammenleben",
                  "en": "Intercultural Living Together Programme"},
    "municipal-pact": {"fr": "pacte communal du vivre-ensemble interculturel",
                       "de": "Gemeindepakt für das interkulturelle Zusammenleben",
                       "en": "municipal pact for intercultural living together"},
    "action-plan": {"fr": "plan d'action national du vivre-ensemble interculturel",
                    "de": "Aktionsplan für das interkulturelle Zusammenleben",
                    "en": "national action plan for intercultural living together"},
    "higher-council": {"fr": "Conseil supérieur du vivre-ensemble interculturel",
                       "de": "Rat für das interkulturelle Zusammenleben (Conseil supérieur du vivre-ensemble "
                             "interculturel)",
                       "en": "Higher Council for Intercultural Living Together (Conseil supérieur du "
                             "vivre-ensemble interculturel)"},
    "municipal-committees": {"fr": "commission communale du vivre-ensemble interculturel",
                             "de": "Kommission für das interkulturelle Zusammenleben",
                             "en": "municipal committee on intercultural living together"},
    "cai": {"fr": "contrat d'accueil et d'intégration", "de": "Aufnahme- und Integrationsvertrag",
            "en": "Welcome and Integration Contract"},
}
INTRODUCTORY_MODULES = {
    "fr": ["Journée d'orientation", "Découvrir le Grand-Duché de Luxembourg", "Module linguistique"],
    "de": ["Orientierungstag", "Luxemburg entdecken", "Sprachmodul"],
    "en": ["Orientation Day", "Discover Luxembourg", "language module"],
}


def page_text(slug: str, lang: str) -> str:
    prose = content().pages[slug].prose[lang]
    return " ".join([prose["title"], prose["summary"],
                     *(s["heading"] + " " + s["body"] for s in prose["sections"].values())])


@pytest.mark.parametrize("slug", OFFICIAL_NAMES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_instrument_page_uses_its_official_name(slug, lang):
    assert OFFICIAL_NAMES[slug][lang].lower() in page_text(slug, lang).lower()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_programme_page_names_the_three_introductory_modules_officially(lang):
    text = page_text("programme", lang)
    assert [name for name in INTRODUCTORY_MODULES[lang] if name not in text] == []
