"""Flow 'route': which integration route fits me (citizens' pact or CAI)?

Law of 23 August 2023: the citizens' pact is open to every adult who lives
or works in Luxembourg (art. 1, 4(1)); it ends after two years without any
module (art. 4(7)). No CAI can be signed from 1 January 2024; CAIs signed
before go on under the former law (art. 15, 16, 18; guichet CAI page). The
CAI was open from age 16 to foreigners living legally in Luxembourg, comes
into force on the day its first service begins and is fulfilled when the
agreed courses are done within two years of that day (guichet CAI page).

Order of the rows (each fixed by a passage, see wizard/scenarios/route.yml):
a pact membership decides before a CAI (a CAI signatory may join the pact),
a CAI decides before the age (a 16- or 17-year-old may hold a CAI).
"""

TODAY = "param:today"
CAI_DEADLINE = {"op": "add_years", "date": "answer:cai_start", "years": "fact:cai.completion_period"}
PACT_END = {"op": "add_years", "date": "answer:last_module", "years": "fact:pact.lapses_after"}
GOALS = ["long_term_residence", "nationality", "language", "civic_life", "none"]
# a CAI not yet fulfilled whose two years have not run out (or not started, or start unknown)
CAI_RUNNING = {"all": [{"answer": "cai_completed", "eq": "no"},
                       {"not": {"value": CAI_DEADLINE, "lt": TODAY}}]}
GOAL_NOTES = [
    {"id": "goal_long_term", "when": {"all": [
        {"answer": "goal", "eq": "long_term_residence"}, {"answer": "connection", "eq": "lives"},
        {"answer": "nationality", "eq": "third_country"}]}},
    {"id": "long_term_needs_residence", "when": {"all": [
        {"answer": "goal", "eq": "long_term_residence"}, {"answer": "connection", "eq": "works"},
        {"answer": "nationality", "eq": "third_country"}]}},
    {"id": "long_term_not_needed", "when": {"all": [
        {"answer": "goal", "eq": "long_term_residence"},
        {"answer": "nationality", "in": ["luxembourgish", "eu"]}]}},
    {"id": "goal_nationality", "when": {"all": [
        {"answer": "goal", "eq": "nationality"}, {"answer": "nationality", "in": ["eu", "third_country"]}]}},
    {"id": "already_luxembourgish", "when": {"all": [
        {"answer": "goal", "eq": "nationality"}, {"answer": "nationality", "eq": "luxembourgish"}]}},
    {"id": "goal_language", "when": {"answer": "goal", "eq": "language"}},
    {"id": "goal_civic", "when": {"answer": "goal", "eq": "civic_life"}},
]
# a pact member who also signed a CAI hears about both
CAI_NOTES = [
    {"id": "cai_also_running", "when": CAI_RUNNING},
    {"id": "cai_certificate_counts", "when": {"answer": "cai_completed", "eq": "yes"}},
]
CAI_UNSURE = {"id": "cai_unsure", "when": {"answer": "cai", "eq": "not_sure"}}
# Locators (sitemodel/locators.py): legal references in the law's notation; an English page's
# section by its own heading (quoted, never translated); anything else in every language.
GUICHET_NOTICE = {"fr": "avis en haut de la page", "de": "Hinweis oben auf der Seite",
                  "en": "notice at the top of the page"}
BIERGERPAKT_WHO = {"fr": "qui peut adhérer", "de": "wer beitreten kann", "en": "who can join"}
BIERGERPAKT_CERTIFICATE = {"fr": "certificat final", "de": "Abschlusszertifikat", "en": "final certificate"}
BIERGERPAKT_HOW_TO_JOIN = {"fr": "comment adhérer", "de": "wie man beitritt", "en": "how to join"}
PACT_SOURCES = [
    {"source": "law-2023", "locator": "art. 4(1), 4(2), 5(3)"},
    {"source": "biergerpakt-official", "locator": BIERGERPAKT_HOW_TO_JOIN},
]
CAI_VALIDATION = {"source": "guichet-cai",
                  "locator": {"heading": "The validation of the Welcome and Integration Contract"}}
CAI_TRANSITION = {"source": "law-2023", "locator": "art. 16"}

FLOW = {
    "id": "route",
    "params": ["today"],
    "questions": [
        {"id": "connection", "type": "choice", "options": ["lives", "works", "neither"]},
        {"id": "age", "type": "number", "min": 0, "max": 130},
        # the CAI was for foreigners aged 16 or over living legally in Luxembourg
        {"id": "cai", "type": "choice", "options": ["yes", "no", "not_sure"], "skip_if": {"any": [
            {"answer": "connection", "ne": "lives"}, {"answer": "age", "lt": "fact:cai.min_age"}]}},
        {"id": "cai_signed_on", "type": "date", "min": "fact:law.repealed_integration_law_date",
         "max": TODAY, "skip_if": {"not": {"answer": "cai", "eq": "yes"}}},
        {"id": "cai_completed", "type": "yesno",
         "skip_if": {"not": {"answer": "cai_signed_on", "le": "fact:cai.last_day_to_sign"}}},
        {"id": "cai_started", "type": "choice", "options": ["yes", "not_yet", "not_sure"],
         "skip_if": {"not": {"answer": "cai_completed", "eq": "no"}}},
        {"id": "cai_start", "type": "date", "min": "answer:cai_signed_on", "max": TODAY,
         "skip_if": {"not": {"answer": "cai_started", "eq": "yes"}}},
        {"id": "pact_member", "type": "yesno", "skip_if": {"answer": "age", "lt": "fact:adult_age"}},
        {"id": "last_module", "type": "date", "min": "fact:law.entry_into_force", "max": TODAY,
         "skip_if": {"not": {"answer": "pact_member", "eq": "yes"}}},
        {"id": "goal", "type": "choice", "options": GOALS},
        # only two goals depend on nationality
        {"id": "nationality", "type": "choice", "options": ["luxembourgish", "eu", "third_country"],
         "skip_if": {"not": {"answer": "goal", "in": ["long_term_residence", "nationality"]}}},
    ],
    "rules": [
        {"when": {"answer": "connection", "eq": "neither"}, "outcome": "no_link"},
        {"when": {"answer": "cai_signed_on", "gt": "fact:cai.last_day_to_sign"},
         "outcome": "cai_too_late"},
        {"when": {"all": [{"answer": "pact_member", "eq": "yes"}, {"value": PACT_END, "lt": TODAY}]},
         "outcome": "pact_lapsed"},
        {"when": {"answer": "pact_member", "eq": "yes"}, "outcome": "pact_active"},
        {"when": {"answer": "cai_completed", "eq": "yes"}, "outcome": "cai_completed"},
        {"when": {"answer": "cai_started", "eq": "not_yet"}, "outcome": "cai_not_started"},
        {"when": {"answer": "cai_started", "eq": "not_sure"}, "outcome": "cai_start_unknown"},
        {"when": {"value": CAI_DEADLINE, "ge": TODAY}, "outcome": "cai_continue"},
        {"when": {"value": CAI_DEADLINE, "lt": TODAY}, "outcome": "cai_period_over"},
        {"when": {"answer": "age", "lt": "fact:adult_age"}, "outcome": "not_adult"},
        {"when": {"answer": "pact_member", "eq": "no"}, "outcome": "join_pact"},
    ],
    "outcomes": {
        "no_link": {"sources": [{"source": "law-2023", "locator": "art. 1, 4(1)"},
                                {"source": "biergerpakt-official", "locator": BIERGERPAKT_WHO}]},
        "cai_too_late": {"sources": [
            {"source": "guichet-cai", "locator": GUICHET_NOTICE},
            {"source": "law-2023", "locator": "art. 15, 16, 18"}, *PACT_SOURCES]},
        "pact_lapsed": {
            "sources": [{"source": "law-2023", "locator": "art. 4(7)"}, *PACT_SOURCES],
            "values": [{"id": "pact_ended_on", "type": "date", "expr": PACT_END}],
            "notes": CAI_NOTES},
        "pact_active": {
            "sources": [{"source": "law-2023", "locator": "art. 4(7), 5, 14"},
                        {"source": "biergerpakt-official", "locator": BIERGERPAKT_CERTIFICATE}],
            "values": [{"id": "pact_keep_until", "type": "date", "expr": PACT_END}],
            "notes": [*CAI_NOTES, *GOAL_NOTES]},
        "cai_completed": {"sources": [
            {"source": "guichet-cai", "locator": {
                "heading": "The validation of the Welcome and Integration Contract"}},
            {"source": "law-2023", "locator": "art. 4(1), 14"}]},
        "cai_not_started": {"sources": [CAI_VALIDATION, CAI_TRANSITION,
                                        {"source": "guichet-cai", "locator": GUICHET_NOTICE}]},
        "cai_start_unknown": {"sources": [CAI_VALIDATION, CAI_TRANSITION]},
        "cai_continue": {
            "sources": [CAI_VALIDATION, CAI_TRANSITION],
            "values": [{"id": "cai_deadline", "type": "date", "expr": CAI_DEADLINE}]},
        "cai_period_over": {
            "sources": [CAI_VALIDATION, *PACT_SOURCES],
            "values": [{"id": "cai_deadline", "type": "date", "expr": CAI_DEADLINE}]},
        "not_adult": {"sources": [{"source": "code-civil", "locator": "art. 488"},
                                  {"source": "law-2023", "locator": "art. 4(1)"}],
                      "notes": [CAI_UNSURE]},
        "join_pact": {"sources": [*PACT_SOURCES, {"source": "law-2023", "locator": "art. 5(5), 14"}],
                      "notes": [CAI_UNSURE, *GOAL_NOTES]},
    },
}
