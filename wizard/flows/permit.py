"""Flow 'permit': which residence permit applies to a third-country national?

From the ASTI brochure of December 2013 (the only source for permits); each
outcome citing it is shown as dated, and the known later changes are listed
in CHANGES with the fact that records them (its source and locator are cited).
"""

BROCHURE = "asti-2013"
LONG_STAY_CHANGES = ["dgim"]
APPLY_BEFORE = {"id": "apply_before_entering", "when": {"answer": "resident", "eq": "no"}}


def brochure(locator: str) -> dict:
    return {"source": BROCHURE, "locator": locator}


def deadline(fact_id: str) -> dict:
    return {"id": "decision_deadline", "type": "months", "expr": f"fact:{fact_id}"}


def validity(fact_id: str) -> dict:
    return {"id": "permit_validity", "type": "years", "expr": f"fact:{fact_id}"}


DEADLINES = brochure("8. Deadlines and appeals")

# later changes to what the brochure says: id -> the fact that records the change
CHANGES = {
    "dgim": "contact.immigration.address",
    "adem_2023": "adem.law_2023_in_force",
    "blue_card_2024": "blue_card.law_2024_in_force",
    "family_2017": "family.sponsor_residence_condition_removed",
    "family_labour_2023": "family.free_labour_market_access",
}

FAMILY_RELATIONS = ["spouse", "registered_partner", "durable_partner", "child",
                    "dependent_parent", "other"]

FLOW = {
    "id": "permit",
    "params": [],
    "changes": CHANGES,
    "questions": [
        {"id": "nationality", "type": "choice", "options": ["third_country", "eu_eea_swiss"]},
        {"id": "length", "type": "choice", "options": ["short", "long"]},
        {"id": "purpose", "type": "choice", "options": [
            "work", "self_employment", "study", "internship", "eu_family", "tcn_family",
            "highly_qualified", "cross_border", "long_term"]},
        {"id": "resident", "type": "yesno", "skip_if": {"answer": "purpose", "in": [
            "eu_family", "cross_border", "long_term"]}},
        {"id": "relation", "type": "choice", "options": FAMILY_RELATIONS,
         "skip_if": {"not": {"answer": "purpose", "in": ["eu_family", "tcn_family"]}}},
        {"id": "child_age", "type": "number", "min": 0, "max": 130,
         "skip_if": {"not": {"answer": "relation", "eq": "child"}}},
        {"id": "eu_relative_working", "type": "yesno",
         "skip_if": {"not": {"answer": "purpose", "eq": "cross_border"}}},
        {"id": "years_resident", "type": "number", "min": 0, "max": 130,
         "skip_if": {"not": {"answer": "purpose", "eq": "long_term"}}},
    ],
    "rules": [
        {"when": {"answer": "nationality", "eq": "eu_eea_swiss"}, "outcome": "not_third_country"},
        {"when": {"answer": "length", "eq": "short"}, "outcome": "short_stay"},
        {"when": {"answer": "purpose", "eq": "work"}, "outcome": "employee"},
        {"when": {"answer": "purpose", "eq": "self_employment"}, "outcome": "self_employed"},
        {"when": {"answer": "purpose", "eq": "study"}, "outcome": "student"},
        {"when": {"answer": "purpose", "eq": "internship"}, "outcome": "intern"},
        {"when": {"answer": "purpose", "eq": "highly_qualified"}, "outcome": "blue_card"},
        {"when": {"all": [{"answer": "purpose", "eq": "eu_family"}, {"answer": "relation", "in": [
            "spouse", "registered_partner", "durable_partner", "dependent_parent"]}]},
         "outcome": "eu_family"},
        {"when": {"all": [{"answer": "purpose", "eq": "eu_family"},
                          {"answer": "child_age", "lt": "fact:eu_family.children_max_age"}]},
         "outcome": "eu_family"},
        {"when": {"answer": "purpose", "eq": "eu_family"}, "outcome": "family_not_covered"},
        {"when": {"all": [{"answer": "purpose", "eq": "tcn_family"}, {"answer": "relation", "in": [
            "spouse", "registered_partner", "dependent_parent"]}]},
         "outcome": "family_reunification"},
        {"when": {"all": [{"answer": "purpose", "eq": "tcn_family"},
                          {"answer": "child_age", "lt": "fact:family.children_max_age"}]},
         "outcome": "family_reunification"},
        {"when": {"answer": "purpose", "eq": "tcn_family"}, "outcome": "family_not_covered"},
        {"when": {"answer": "eu_relative_working", "eq": "yes"}, "outcome": "cross_border_exempt"},
        {"when": {"answer": "eu_relative_working", "eq": "no"}, "outcome": "cross_border_permit"},
        {"when": {"answer": "years_resident", "ge": "fact:long_term.residence_required"},
         "outcome": "long_term"},
        {"when": {"answer": "years_resident", "lt": "fact:long_term.residence_required"},
         "outcome": "long_term_not_yet"},
    ],
    "outcomes": {
        "not_third_country": {"sources": [brochure("Explanation")]},
        "short_stay": {
            "sources": [brochure("1. Staying under 3 months")],
            "values": [{"id": "visa_answer_wait", "type": "months",
                        "expr": "fact:short_stay.visa_answer_wait"}],
            "changes": LONG_STAY_CHANGES},
        "employee": {
            "sources": [brochure("2. Residence permit for an employed worker"), DEADLINES],
            "values": [deadline("decision.standard_deadline"),
                       validity("employee.first_permit_validity")],
            "notes": [APPLY_BEFORE], "changes": ["adem_2023", *LONG_STAY_CHANGES]},
        "self_employed": {
            "sources": [brochure("2. Residence permit for a self-employed worker"), DEADLINES],
            "values": [deadline("decision.standard_deadline"),
                       validity("self_employed.permit_validity")],
            "notes": [APPLY_BEFORE], "changes": LONG_STAY_CHANGES},
        "student": {
            "sources": [brochure("2. Residence permit for students or interns"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "notes": [APPLY_BEFORE], "changes": LONG_STAY_CHANGES},
        "intern": {
            "sources": [brochure("2. Residence permit for students or interns"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "notes": [APPLY_BEFORE], "changes": ["adem_2023", *LONG_STAY_CHANGES]},
        "blue_card": {
            "sources": [brochure("7. The European blue card"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "notes": [APPLY_BEFORE], "changes": ["blue_card_2024", *LONG_STAY_CHANGES]},
        "eu_family": {
            "sources": [brochure("2. The right to stay for a family member of a citizen of the "
                                 "European Union"), DEADLINES],
            "values": [deadline("decision.eu_family_deadline")],
            "changes": LONG_STAY_CHANGES},
        "family_reunification": {
            "sources": [brochure("3. Family reunification of third country citizens"), DEADLINES],
            "values": [deadline("decision.family_reunification_deadline"),
                       validity("family.permit_validity")],
            "notes": [APPLY_BEFORE],
            "changes": ["family_2017", "family_labour_2023", *LONG_STAY_CHANGES]},
        "family_not_covered": {
            "sources": [brochure("2. The right to stay for a family member of a citizen of the "
                                 "European Union"),
                        brochure("3. Family reunification of third country citizens"),
                        brochure("2. Special different statuses")],
            "changes": LONG_STAY_CHANGES},
        "cross_border_exempt": {
            "sources": [brochure("6. The third country citizen living near the border"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "changes": LONG_STAY_CHANGES},
        "cross_border_permit": {
            "sources": [brochure("6. The third country citizen living near the border"), DEADLINES],
            "values": [deadline("decision.standard_deadline")],
            "changes": ["adem_2023", *LONG_STAY_CHANGES]},
        "long_term": {
            "sources": [brochure("4. Long term resident"), DEADLINES,
                        {"source": "law-2023", "locator": "art. 5(5)"}],
            "values": [deadline("decision.long_term_deadline")],
            "changes": LONG_STAY_CHANGES},
        "long_term_not_yet": {
            "sources": [brochure("4. Long term resident")],
            "values": [{"id": "years_missing", "type": "years", "expr": {"op": "sum", "args": [
                "fact:long_term.residence_required",
                {"op": "mul", "args": [-1, "answer:years_resident"]}]}}],
            "changes": LONG_STAY_CHANGES},
    },
}
