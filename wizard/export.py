"""The JSON each flow ships to the browser, per language.

One file per flow and language holds the rules exactly as in the Python
table, the values of the facts they use, the wording with placeholders
already filled in, and the formatting data (month names, units, separators)
so the JavaScript runtime formats computed values like sitemodel.formatting does
(both read the same CLDR data, through Babel).
"""

from __future__ import annotations

import datetime as dt
import json

from sitemodel.facts import Fact, format_value
from sitemodel.formatting import UNIT_TYPES, colon, date_pattern, group_separator, money_parts, month_names, unit_words
from sitemodel.sources import cite_plain
from sitemodel.typography import apply as typography

from .engine import facts_in
from .factvalues import fact_values
from .links import result_links
from .rules_text import rules_url
from .wording import fill

DATA_VERSION = 1
DATED_SOURCE = "asti-2013"  # the 2013 brochure: outcomes citing it are flagged as dated


def format_data(lang: str) -> dict:
    """What the runtime needs to format numbers, money, durations and dates."""
    return {
        "sep": group_separator(lang),
        "months": month_names(lang),
        "first_day": "1er" if lang == "fr" else None,
        "date": date_pattern(lang),
        "money": money_parts(lang),
        "units": {unit: list(unit_words(unit, lang)) for unit in UNIT_TYPES},
        "colon": colon(lang),
    }


def _rule_part(question: dict) -> dict:
    return {key: question[key] for key in ("id", "type", "options", "min", "max", "skip_if")
            if key in question}


def _cited(source, locator, lang: str) -> dict:
    cited = cite_plain(source, locator, lang)
    return {key: value for key, value in cited.items() if value is not None and (key != "url" or value)}


def build_flow_data(flow: dict, lang: str, wording: dict, common: dict,
                    facts: dict[str, Fact], sources: dict) -> dict:
    """The runtime data of one flow in one language."""
    def text(value: str) -> str:
        return typography(fill(value, facts, lang), lang)  # French no-break spaces, as on the pages

    questions = []
    for question in flow["questions"]:
        words = wording["questions"][question["id"]]
        item = {**_rule_part(question), "text": text(words["text"]), "label": text(words["label"])}
        if words.get("hint"):
            item["hint"] = text(words["hint"])
        if "options" in question:
            item["option_labels"] = {o: text(words["options"][o]) for o in question["options"]}
        questions.append(item)
    outcomes = {}
    for outcome_id, outcome in flow["outcomes"].items():
        words = wording["outcomes"][outcome_id]
        # the source's edition in this language when there is one; else its original, marked
        # (title_lang, locator_parts) so the runtime and the pages can give it lang= (issue 14)
        cited = [{"source": s["source"], **_cited(sources[s["source"]], s["locator"], lang)}
                 for s in outcome["sources"]]
        changes = []
        for change_id in outcome.get("changes", []):
            fact = facts[flow["changes"][change_id]]
            changes.append({"id": change_id, "text": text(wording["changes"][change_id]), "source": fact.source,
                            **_cited(sources[fact.source], getattr(fact.locator, "raw", fact.locator), lang)})
        outcomes[outcome_id] = {
            "title": text(words["title"]), "body": text(words["body"]),
            "next": [text(step) for step in words["next"]],
            "values": [{**value, "label": text(wording["values"][value["id"]])}
                       for value in outcome.get("values", [])],
            "notes": [{**note, "text": text(wording["notes"][note["id"]])}
                      for note in outcome.get("notes", [])],
            "sources": cited,
            "dated": any(s["source"] == DATED_SOURCE for s in outcome["sources"]),
            "changes": changes,
        }
    used = facts_in({"q": flow["questions"], "r": flow["rules"], "o": flow["outcomes"]})
    return {
        "v": DATA_VERSION, "id": flow["id"], "flow": flow["id"], "lang": lang,
        "title": text(wording["title"]), "intro": text(wording["intro"]),
        "params": flow.get("params", []), "rules_url": rules_url(flow["id"], lang),
        "questions": questions, "rules": flow["rules"], "outcomes": outcomes,
        "facts": {k: v for k, v in fact_values(facts).items() if k in used},
        "format": format_data(lang),
        "ui": {key: text(value) for key, value in common["ui"].items()},
        "links": result_links(outcomes, facts),  # names in results -> URL facts (runtime)
    }


def to_json(data: dict) -> bytes:
    """Compact, stable JSON (sorted keys: the same input gives the same bytes)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def format_computed(value_type: str, value, lang: str) -> str:
    """Python's formatting of a computed value (ISO dates become dates first)."""
    if value_type == "date":
        value = dt.date.fromisoformat(value)
    return format_value(value_type, value, lang)
