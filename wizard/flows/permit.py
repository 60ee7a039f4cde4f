"""Flow 'permit': which residence permit applies to a third-country national?

From the ASTI brochure of December 2013 (the only source for permits); each
outcome citing it is shown as dated, and the known later changes are listed
in CHANGES with the fact that records them (its source and locator are cited).
"""

BROCHURE = "asti-2013"
LONG_STAY_CHANGES = ["dgim"]
APPLY_BEFORE = {"id": "apply_before_entering", "when": {"answer": "resident", "eq": "no"}}


def brochure(section: str | None, heading: str) -> dict:
    """The brochure cited by one of its sections: its number and its own (English) heading, quoted."""
    locator = {"section": section, "heading": heading} if section else {"heading": heading}
    return {"source": BROCHURE, "locator": locator}


def deadline(fact_id: str) -> dict:
    return {"id": "decision_deadline", "type": "months", "expr": f"fact:{fact_id}"}


DEADLINES = brochure("8", "Deadlines and appeals")

# later changes to what the brochure says: id -> the fact that records the change
CHANGES = {
    "dgim": "contact.immigration.address",
    "adem_2023": "adem.law_2023_in_force",
    "blue_card_2024": "blue_card.law_2024_in_force",
    "family_2017": "family.sponsor_residence_condition_removed",
    "family_labour_2023": "family.free_labour_market_access",
    "short_stay_today": "short_stay.max_days_now",
}

FAMILY_RELATIONS = ["spouse", "registered_partner", "durable_partner", "child", "parent",
                    "other_relative", "none"]
# purposes whose section says "BEFORE entering the country, if not yet resident"
ASK_RESIDENT = ["work", "self_employment", "study", "internship"]
EU_FAMILY = {"answer": "purpose", "eq": "eu_family"}
TCN_FAMILY = {"answer": "purpose", "eq": "tcn_family"}

FLOW = {
    "id": "permit",
    "params": [],
    "changes": CHANGES,
    "questions": [
        {"id": "nationality", "type": "choice", "options": ["third_country", "eu_eea_swiss"]},
        # the purpose first: the length of a stay only matters for a visit
        {"id": "purpose", "type": "choice", "options": [
            "visit", "work", "self_employment", "study", "internship", "highly_qualified",
            "eu_family", "tcn_family", "cross_border", "long_term", "none"]},
        {"id": "resident", "type": "yesno", "skip_if": {"not": {"answer": "purpose", "in": ASK_RESIDENT}}},
        {"id": "relation", "type": "choice", "options": FAMILY_RELATIONS,
         "skip_if": {"not": {"answer": "purpose", "in": ["eu_family", "tcn_family"]}}},
        {"id": "child_age", "type": "number", "min": 0, "max": 130,
         "skip_if": {"not": {"answer": "relation", "eq": "child"}}},
        # "relatives dependent of the EU citizen": any relative, a child of 21 or more included
        {"id": "eu_dependent", "type": "choice", "options": ["yes", "no", "not_sure"],
         "skip_if": {"not": {"all": [EU_FAMILY, {"any": [
             {"answer": "relation", "in": ["parent", "other_relative"]},
             {"answer": "child_age", "ge": "fact:eu_family.children_max_age"}]}]}}},
        # third-country sponsor: "direct ascendants financially dependent ... without family support"
        {"id": "parent_dependent", "type": "choice", "options": ["yes", "no", "not_sure"],
         "skip_if": {"not": {"all": [TCN_FAMILY, {"answer": "relation", "eq": "parent"}]}}},
        {"id": "eu_relative_working", "type": "yesno",
         "skip_if": {"not": {"answer": "purpose", "eq": "cross_border"}}},
        {"id": "years_resident", "type": "number", "min": 0, "max": 130,
         "skip_if": {"not": {"answer": "purpose", "eq": "long_term"}}},
    ],
    "rules": [
        {"when": {"answer": "nationality", "eq": "eu_eea_swiss"}, "outcome": "not_third_country"},
        {"when": {"answer": "purpose", "eq": "visit"}, "outcome": "short_stay"},
        {"when": {"answer": "purpose", "eq": "work"}, "outcome": "employee"},
        {"when": {"answer": "purpose", "eq": "self_employment"}, "outcome": "self_employed"},
        {"when": {"answer": "purpose", "eq": "study"}, "outcome": "student"},
        {"when": {"answer": "purpose", "eq": "internship"}, "outcome": "intern"},
        {"when": {"answer": "purpose", "eq": "highly_qualified"}, "outcome": "blue_card"},
        {"when": {"all": [EU_FAMILY, {"answer": "relation", "in": [
            "spouse", "registered_partner", "durable_partner"]}]}, "outcome": "eu_family"},
        {"when": {"all": [EU_FAMILY, {"answer": "child_age", "lt": "fact:eu_family.children_max_age"}]},
         "outcome": "eu_family"},
        {"when": {"answer": "eu_dependent", "eq": "yes"}, "outcome": "eu_family"},
        {"when": {"answer": "eu_dependent", "eq": "not_sure"}, "outcome": "ask_advice"},
        {"when": EU_FAMILY, "outcome": "family_not_covered"},
        {"when": {"all": [TCN_FAMILY, {"answer": "relation", "in": ["spouse", "registered_partner"]}]},
         "outcome": "family_reunification"},
        {"when": {"all": [TCN_FAMILY, {"answer": "child_age", "lt": "fact:family.children_max_age"}]},
         "outcome": "family_reunification"},
        {"when": {"answer": "parent_dependent", "eq": "yes"}, "outcome": "family_reunification"},
        {"when": {"answer": "parent_dependent", "eq": "not_sure"}, "outcome": "ask_advice"},
        {"when": TCN_FAMILY, "outcome": "family_not_covered"},
        {"when": {"answer": "eu_relative_working", "eq": "yes"}, "outcome": "cross_border_exempt"},
        {"when": {"answer": "eu_relative_working", "eq": "no"}, "outcome": "cross_border_permit"},
        {"when": {"answer": "years_resident", "ge": "fact:long_term.residence_required"},
         "outcome": "long_term"},
        {"when": {"answer": "years_resident", "lt": "fact:long_term.residence_required"},
         "outcome": "long_term_not_yet"},
        {"when": {"answer": "purpose", "eq": "none"}, "outcome": "ask_advice"},
    ],
    "outcomes": {
        "not_third_country": {"sources": [brochure(None, "Explanation")]},
        "short_stay": {
            "sources": [brochure("1", "Staying under 3 months")],
            "values": [{"id": "visa_answer_wait", "type": "months",
                        "expr": "fact:short_stay.visa_answer_wait"}],
            "changes": ["short_stay_today", *LONG_STAY_CHANGES]},
        "employee": {
            "sources": [brochure("2", "Residence permit for an employed worker"), DEADLINES],
            "values": [deadline("decision.standard_deadline"),
                       {"id": "first_permit_validity", "type": "years",
                        "expr": "fact:employee.first_permit_validity"}],
            "notes": [APPLY_BEFORE], "changes": ["adem_2023", *LONG_STAY_CHANGES]},
        "self_employed": {
            "sources": [brochure("2", "Residence permit for a self-employed worker"), DEADLINES],
            "values": [deadline("decision.standard_deadline"),
                       {"id": "permit_max_validity", "type": "years",
                        "expr": "fact:self_employed.permit_validity"}],
            "notes": [APPLY_BEFORE], "changes": LONG_STAY_CHANGES},
        "student": {
            "sources": [brochure("2", "Residence permit for students or interns"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "notes": [APPLY_BEFORE], "changes": LONG_STAY_CHANGES},
        "intern": {
            "sources": [brochure("2", "Residence permit for students or interns"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "notes": [APPLY_BEFORE], "changes": ["adem_2023", *LONG_STAY_CHANGES]},
        "blue_card": {
            "sources": [brochure("7", "The European blue card"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "changes": ["blue_card_2024", *LONG_STAY_CHANGES]},
        "eu_family": {
            "sources": [brochure("2", "The right to stay for a family member of a citizen of the "
                                 "European Union"), DEADLINES],
            "values": [deadline("decision.eu_family_deadline")],
            "changes": LONG_STAY_CHANGES},
        "family_reunification": {
            "sources": [brochure("3", "Family reunification of third country citizens"), DEADLINES],
            "values": [deadline("decision.family_reunification_deadline"),
                       {"id": "family_permit_validity", "type": "years",
                        "expr": "fact:family.permit_validity"}],
            "changes": ["family_2017", "family_labour_2023", *LONG_STAY_CHANGES]},
        "family_not_covered": {
            "sources": [brochure("2", "The right to stay for a family member of a citizen of the "
                                 "European Union"),
                        brochure("3", "Family reunification of third country citizens"),
                        brochure("2", "Special different statuses")],
            "changes": LONG_STAY_CHANGES},
        "cross_border_exempt": {
            # who is exempt today (a parent, where the brochure said a child): guichet.lu
            "sources": [{"source": "guichet-work-permit-exemption",
                         "locator": [{"heading": "Who is concerned"}, {"heading": "How to proceed"}]},
                        brochure("6", "The third country citizen living near the border"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "changes": LONG_STAY_CHANGES},
        "cross_border_permit": {
            "sources": [brochure("6", "The third country citizen living near the border"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "changes": ["adem_2023", *LONG_STAY_CHANGES]},
        "long_term": {
            "sources": [brochure("4", "Long term resident"), DEADLINES,
                        {"source": "law-2023", "locator": "art. 5(5)"}],
            "values": [deadline("decision.long_term_deadline")],
            "changes": LONG_STAY_CHANGES},
        "long_term_not_yet": {
            "sources": [brochure("4", "Long term resident")],
            "values": [{"id": "years_missing", "type": "years", "expr": {"op": "sum", "args": [
                "fact:long_term.residence_required",
                {"op": "mul", "args": [-1, "answer:years_resident"]}]}}],
            "changes": LONG_STAY_CHANGES},
        "ask_advice": {
            "sources": [brochure("2", "Special different statuses"),
                        brochure("9", "Useful information and general advice")],
            "changes": LONG_STAY_CHANGES},
    },
}
