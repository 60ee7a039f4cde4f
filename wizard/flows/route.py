"""Flow 'route': which integration route fits me (citizens' pact or CAI)?

Law of 23 August 2023: the citizens' pact is open to every adult who lives
or works in Luxembourg (art. 1, 4(1)); it ends after two years without any
module (art. 4(7)); CAIs signed before 1 January 2024 go on under the old law
(art. 16, 18) and must be completed within two years of their start
(guichet CAI page).
"""

TODAY = "param:today"
CAI_DEADLINE = {"op": "add_years", "date": "answer:cai_start", "years": "fact:cai.completion_period"}
PACT_END = {"op": "add_years", "date": "answer:last_module", "years": "fact:pact.lapses_after"}
GOALS = ["long_term_residence", "nationality", "language", "civic_life"]
GOAL_NOTES = [
    {"id": "goal_long_term", "when": {"answer": "goal", "eq": "long_term_residence"}},
    {"id": "long_term_not_needed", "when": {"all": [
        {"answer": "goal", "eq": "long_term_residence"},
        {"answer": "nationality", "ne": "third_country"}]}},
    {"id": "goal_nationality", "when": {"all": [
        {"answer": "goal", "eq": "nationality"}, {"answer": "nationality", "ne": "luxembourgish"}]}},
    {"id": "already_luxembourgish", "when": {"all": [
        {"answer": "goal", "eq": "nationality"}, {"answer": "nationality", "eq": "luxembourgish"}]}},
    {"id": "goal_language", "when": {"answer": "goal", "eq": "language"}},
    {"id": "goal_civic", "when": {"answer": "goal", "eq": "civic_life"}},
]
PACT_SOURCES = [
    {"source": "law-2023", "locator": "art. 4(1), 4(2), 5(3)"},
    {"source": "biergerpakt-official", "locator": "joining the Biergerpakt"},
]

FLOW = {
    "id": "route",
    "params": ["today"],
    "questions": [
        {"id": "connection", "type": "choice", "options": ["lives", "works", "neither"]},
        {"id": "age", "type": "number", "min": 0, "max": 130},
        {"id": "nationality", "type": "choice", "options": ["luxembourgish", "eu", "third_country"]},
        # the CAI was only for foreigners living legally in Luxembourg
        {"id": "cai", "type": "yesno", "skip_if": {"any": [
            {"answer": "connection", "ne": "lives"}, {"answer": "nationality", "eq": "luxembourgish"}]}},
        {"id": "cai_signed_on", "type": "date", "min": "fact:law.repealed_integration_law_date",
         "max": TODAY, "skip_if": {"not": {"answer": "cai", "eq": "yes"}}},
        {"id": "cai_start", "type": "date", "min": "answer:cai_signed_on", "max": TODAY,
         "skip_if": {"not": {"answer": "cai_signed_on", "le": "fact:cai.last_day_to_sign"}}},
        {"id": "goal", "type": "choice", "options": GOALS,
         "skip_if": {"answer": "cai", "eq": "yes"}},
        {"id": "pact_member", "type": "yesno", "skip_if": {"answer": "cai", "eq": "yes"}},
        {"id": "last_module", "type": "date", "min": "fact:law.entry_into_force", "max": TODAY,
         "skip_if": {"not": {"answer": "pact_member", "eq": "yes"}}},
    ],
    "rules": [
        {"when": {"answer": "connection", "eq": "neither"}, "outcome": "no_link"},
        {"when": {"answer": "age", "lt": "fact:adult_age"}, "outcome": "not_adult"},
        {"when": {"answer": "cai_signed_on", "gt": "fact:cai.last_day_to_sign"},
         "outcome": "cai_too_late"},
        {"when": {"value": CAI_DEADLINE, "ge": TODAY}, "outcome": "cai_continue"},
        {"when": {"value": CAI_DEADLINE, "lt": TODAY}, "outcome": "cai_period_over"},
        {"when": {"value": PACT_END, "lt": TODAY}, "outcome": "pact_lapsed"},
        {"when": {"answer": "pact_member", "eq": "yes"}, "outcome": "pact_active"},
        {"when": {"answer": "pact_member", "eq": "no"}, "outcome": "join_pact"},
    ],
    "outcomes": {
        "no_link": {"sources": [{"source": "law-2023", "locator": "art. 1, 4(1)"},
                                {"source": "biergerpakt-official", "locator": "who can join"}]},
        "not_adult": {"sources": [{"source": "code-civil", "locator": "art. 488"},
                                  {"source": "law-2023", "locator": "art. 4(1)"}]},
        "cai_too_late": {"sources": [
            {"source": "guichet-cai", "locator": "notice at the top of the page"},
            {"source": "law-2023", "locator": "art. 15, 16, 18"}, *PACT_SOURCES]},
        "cai_continue": {
            "sources": [{"source": "guichet-cai",
                         "locator": "The validation of the Welcome and Integration Contract"},
                        {"source": "law-2023", "locator": "art. 16"}],
            "values": [{"id": "cai_deadline", "type": "date", "expr": CAI_DEADLINE}]},
        "cai_period_over": {
            "sources": [{"source": "guichet-cai",
                         "locator": "The validation of the Welcome and Integration Contract"},
                        *PACT_SOURCES],
            "values": [{"id": "cai_deadline", "type": "date", "expr": CAI_DEADLINE}]},
        "pact_lapsed": {
            "sources": [{"source": "law-2023", "locator": "art. 4(7)"}, *PACT_SOURCES],
            "values": [{"id": "pact_ended_on", "type": "date", "expr": PACT_END}]},
        "pact_active": {
            "sources": [{"source": "law-2023", "locator": "art. 4(7), 5, 14"},
                        {"source": "biergerpakt-official", "locator": "final certificate"}],
            "values": [{"id": "pact_keep_until", "type": "date", "expr": PACT_END}],
            "notes": GOAL_NOTES},
        "join_pact": {"sources": [*PACT_SOURCES, {"source": "law-2023", "locator": "art. 5(5), 14"}],
                      "notes": GOAL_NOTES},
    },
}
