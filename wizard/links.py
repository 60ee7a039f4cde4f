"""Names of organisations and platforms that a wizard result turns into links.

A result that says "join on MyGuichet.lu" or "ask ASTI" should let the reader
go there. The addresses are the shared URL facts (content/facts/), never
written here; this table only says which name stands for which fact. Only the
names a flow's results actually use are exported with it, longest first, so
the runtime links "MyGuichet.lu" before "guichet.lu".
"""

from __future__ import annotations

# name as written in the results (any language) -> URL fact
NAMES = {
    "MyGuichet.lu": "contact.guichet.web",
    "guichet.lu": "contact.guichet.web",
    "ASTI": "contact.asti.web",
    "ADEM": "contact.adem.web",
    "Direction générale de l'immigration": "contact.immigration.web",
    "DGIM": "contact.immigration.web",
    "Biergerpakt": "contact.biergerpakt.web",
}


def result_texts(outcome: dict) -> list[str]:
    """The texts of a result in which the runtime links these names: body, notes, next steps."""
    return [outcome["body"], *(note["text"] for note in outcome["notes"]), *outcome["next"]]


def result_links(outcomes: dict, facts: dict) -> dict[str, str]:
    """{name: url} for the names the outcomes' texts mention, longest name first."""
    texts = " ".join(" ".join(result_texts(o)) for o in outcomes.values())
    found = [[name, facts[fact].value] for name, fact in NAMES.items()
             if name in texts and fact in facts and str(facts[fact].value).startswith("https://")]
    return dict(sorted(found, key=lambda pair: -len(pair[0])))
