"""Legal scenarios: the proof that each flow gives what the law says.

``wizard/scenarios/<flow>.yml`` holds, per flow, people described in a full
sentence (``name``, in each of the site's languages), their answers (slugs), the day they ask (``today``), the outcome,
computed values and notes they must get, and the source passage that says so.
They are written from the sources, never from the code.

``load(flow_id)`` reads a file; ``problems(flow, scenario, result)`` compares
one evaluation (Python's ``Result`` or the dict the JavaScript runtime
returns) with what the scenario expects and says what differs, so both
runtimes are held to the same legal expectations by the same function.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from sitemodel import LANGUAGES

from ..engine import add_days, add_months

HERE = Path(__file__).resolve().parent
FIELDS = {"name", "answers", "today", "outcome", "values", "notes", "source"}
# source: {source: id in content/sources.yml, locator: where, structured as in sitemodel/locators.py
# ("art. 4(1)", {section: "2", heading: "…"}, {fr: …, de: …, en: …}), passage: the words
# of the source, copied verbatim (tests/wizard/test_scenario_passages.py checks them)}
# The language a source is written in: the law's French text is authoritative and quoted in French;
# the guichet.lu page and the ASTI brochure are stored in English.
SOURCE_LANGUAGE = {"law-2023": "fr"}


def passage_language(source_id: str) -> str:
    return SOURCE_LANGUAGE.get(source_id, "en")


def path_of(flow_id: str) -> Path:
    return HERE / f"{flow_id}.yml"


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(flow_id: str) -> list[dict]:
    """The scenarios of one flow, each with its ``today`` filled in from the file's default."""
    # libyaml's safe loader when PyYAML has it: the same data, ten times faster (each build reads these)
    document = yaml.load(path_of(flow_id).read_text(encoding="utf-8"), Loader=_SAFE_LOADER)  # noqa: S506
    if document.get("flow") != flow_id:
        raise ValueError(f"{path_of(flow_id)} is not about the '{flow_id}' wizard")
    scenarios = []
    for item in document["scenarios"]:
        unknown = set(item) - FIELDS
        if unknown:
            raise ValueError(f"scenario {item.get('name')!r} has unknown fields {sorted(unknown)}")
        names = item.get("name")
        if not isinstance(names, dict) or sorted(names) != sorted(LANGUAGES) or \
                not all(isinstance(n, str) and n.strip() for n in names.values()):
            raise ValueError(f"scenario {names!r} in {path_of(flow_id).name} needs its name in "
                             f"each language ({', '.join(LANGUAGES)})")
        # names: the person in each language; name: the English one, for test ids and messages
        scenario = {"today": document.get("today"), "values": {}, "notes": [], **item,
                    "names": dict(names), "name": names["en"]}
        scenario["answers"] = {k: str(v) for k, v in scenario["answers"].items()}
        scenarios.append(scenario)
    return scenarios


def params_for(flow: dict, scenario: dict) -> dict:
    return {"today": scenario["today"]} if "today" in flow.get("params", []) else {}


def _get(result, key):
    return result[key] if isinstance(result, dict) else getattr(result, key)


def problems(flow: dict, scenario: dict, result) -> list[str]:
    """What an evaluation got wrong for this scenario (empty when it is right)."""
    found = []
    outcome = _get(result, "outcome")
    if outcome != scenario["outcome"]:
        asked = _get(result, "question")
        found.append(f"outcome {outcome!r} (next question {asked!r}), expected {scenario['outcome']!r}")
        return found
    path = _get(result, "path")
    # the person answered exactly what they were asked: nothing missing, nothing superfluous
    if sorted(path) != sorted(scenario["answers"]):
        found.append(f"asked {path}, but the scenario answers {sorted(scenario['answers'])}")
    values = _get(result, "values")
    if values != scenario["values"]:
        found.append(f"values {values}, expected {scenario['values']}")
    notes = _get(result, "notes")
    if sorted(notes) != sorted(scenario["notes"]):
        found.append(f"notes {sorted(notes)}, expected {sorted(scenario['notes'])}")
    rule = _get(result, "rule")
    if not rule or flow["rules"][rule - 1]["outcome"] != outcome:
        found.append(f"rule {rule} does not lead to {outcome}")
    return found


# ---- is this a real, possible person? ----------------------------------------
# A date answer and an age are facts about the same person on the same day
# (``today``): a CAI could be signed only from 16 (guichet CAI page, "Who is
# concerned"), the citizens' pact only by adults (law of 23 August 2023,
# art. 4(1)), so the person must have been old enough on the day they give.
AGE_AT = {"cai_signed_on": "cai.min_age", "last_module": "adult_age"}


def oldest_age_on(age: int, today: str, day: str) -> int:
    """The highest age on ``day`` of someone aged ``age`` on ``today`` (in their favour:
    born the day after their (age + 1)th birthday would have fallen)."""
    born = dt.date.fromisoformat(add_days(add_months(today, -12 * (age + 1)), 1))
    then = dt.date.fromisoformat(day)
    return then.year - born.year - ((then.month, then.day) < (born.month, born.day))


def implausibilities(flow: dict, scenario: dict, values: dict) -> list[str]:
    """Why this scenario cannot describe a real person (empty when it can)."""
    found = []
    answers, today = scenario["answers"], scenario.get("today")
    questions = {q["id"]: q for q in flow["questions"]}
    for qid, answer in answers.items():
        question = questions.get(qid)
        if question is None or question["type"] != "date":
            continue
        # a date a question bounds by today cannot lie after the day the person asks
        if today and question.get("max") == "param:today" and answer > today:
            found.append(f"{qid} {answer} is after the day they ask ({today})")
        if today and qid in AGE_AT and "age" in answers:
            minimum = values[AGE_AT[qid]]
            oldest = oldest_age_on(int(answers["age"]), today, answer)
            if oldest < minimum:
                found.append(f"aged {answers['age']} on {today}, they were at most {oldest} on "
                             f"{answer} ({qid}), under {minimum}")
    return found
