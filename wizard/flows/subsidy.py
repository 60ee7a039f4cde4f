"""Flow 'subsidy': estimate of a municipality's yearly municipal-pact subsidies.

Law of 23 August 2023, art. 6: a subsidy for implementation costs, at most an
amount that depends on the size of the municipal council (16, 1°), a fixed
amount per citizens' pact member on 31 December (16, 2°), and the coordinator's
costs, capped per year (8). All within the available budget.
"""

FLAT = {"op": "pick", "key": "answer:council_size", "map": {
    "small": "fact:municipal_pact.subsidy_small_councils",
    "medium": "fact:municipal_pact.subsidy_medium_councils",
    "large": "fact:municipal_pact.subsidy_large_councils"}}
PER_MEMBER = {"op": "mul", "args": ["answer:members", "fact:municipal_pact.subsidy_per_member"]}
COORDINATOR = {"op": "min", "args": ["answer:coordinator_cost",
                                     "fact:municipal_pact.coordinator_subsidy_cap"]}
SOURCES = [{"source": "law-2023", "locator": "art. 6(8), 6(16)"}]

FLOW = {
    "id": "subsidy",
    "params": [],
    "questions": [
        {"id": "council_size", "type": "choice", "options": ["small", "medium", "large"]},
        # input bounds only, not legal limits: they keep typing mistakes out
        {"id": "members", "type": "number", "min": 0, "max": 1000000},
        {"id": "coordinator", "type": "yesno"},
        {"id": "coordinator_cost", "type": "number", "min": 0, "max": 100000000,
         "skip_if": {"not": {"answer": "coordinator", "eq": "yes"}}},
    ],
    "rules": [
        {"when": {"answer": "coordinator_cost", "ge": 0}, "outcome": "estimate_with_coordinator"},
        {"when": {"answer": "coordinator", "eq": "no"}, "outcome": "estimate"},
    ],
    "outcomes": {
        "estimate_with_coordinator": {"sources": SOURCES, "values": [
            {"id": "flat", "type": "money", "expr": FLAT},
            {"id": "per_member", "type": "money", "expr": PER_MEMBER},
            {"id": "coordinator", "type": "money", "expr": COORDINATOR},
            {"id": "total", "type": "money", "expr": {"op": "sum", "args": [FLAT, PER_MEMBER, COORDINATOR]}},
        ]},
        "estimate": {"sources": SOURCES, "values": [
            {"id": "flat", "type": "money", "expr": FLAT},
            {"id": "per_member", "type": "money", "expr": PER_MEMBER},
            {"id": "total", "type": "money", "expr": {"op": "sum", "args": [FLAT, PER_MEMBER]}},
        ]},
    },
}
