"""The single source of every date, amount, duration and reference.

Facts live in ``content/facts/*.yml``. Prose refers to them as
``[[fact.id]]`` (number with its unit) or ``[[fact.id|n]]`` (number only,
for grammar such as German cases); the wizard reads the same values. This
module loads them and formats them for each language (with ``formatting``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ErrorCollector
from .formatting import (
    EXTRA_UNITS,
    UNIT_TYPES,
    colon,
    format_date,
    format_day_month,
    format_money,
    format_number,
    format_or_list,
    format_percent_value,
    format_unit_value,
    month_names,
    unit_words,
)
from .locators import as_locator  # locators render in each language
from .registry import LANGUAGES
from .yamlload import YamlProblem, load_file

PLACEHOLDER = re.compile(r"\[\[\s*([A-Za-z0-9_.\-]+)\s*(?:\|\s*([a-z]+)\s*)?\]\]")
FORMATS = ("n",)  # "n": the bare number, without its unit

# Tables derived from formatting.py (Babel), for callers that read them by language.
MONTHS = {lang: month_names(lang) for lang in LANGUAGES}
UNITS = {unit: {lang: unit_words(unit, lang) for lang in LANGUAGES
                if unit not in EXTRA_UNITS or lang in EXTRA_UNITS[unit]} for unit in UNIT_TYPES}
COLON = {lang: colon(lang) for lang in LANGUAGES}

NUMBER_TYPES = ("number", "money", "percent", *UNIT_TYPES)
TEXT_TYPES = ("text", "address", "phone", "email", "url")
FACT_TYPES = ("date", "day_month", "number_list", *NUMBER_TYPES, *TEXT_TYPES)


@dataclass(frozen=True)
class Fact:
    """One language-neutral value with its source and review date."""

    id: str
    type: str
    value: object
    source: str
    locator: str
    reviewed: dt.date
    as_of: dt.date | None
    replaces: str | None
    path: str
    line: int


def format_value(fact_type: str, value, lang: str, bare: bool = False) -> str:
    """Format a value of a given fact type as plain text for one language."""
    if fact_type == "date":
        return format_date(value, lang)
    if fact_type == "day_month":
        return format_day_month(value, lang)
    if fact_type == "number_list":
        return format_or_list([format_number(v, lang) for v in value], lang)
    if fact_type in NUMBER_TYPES:
        if bare or fact_type == "number":
            return format_number(value, lang)
        if fact_type == "money":
            return format_money(value, lang)
        if fact_type == "percent":
            return format_percent_value(value, lang)
        return format_unit_value(value, fact_type, lang)
    return str(value)


def _check_value(fact_type: str, value) -> str | None:
    """Return what is wrong with a value for its type, or None."""
    if fact_type == "date":
        return None if isinstance(value, dt.date) else "a date written as YYYY-MM-DD"
    if fact_type == "day_month":
        ok = isinstance(value, str) and re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", value)
        return None if ok else "a day of the year written as \"MM-DD\" in quotes"
    if fact_type == "number_list":
        ok = isinstance(value, list) and value and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        )
        return None if ok else "a list of whole numbers, like [7, 9, 11]"
    if fact_type in NUMBER_TYPES:
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        return None if ok else "a whole number, zero or more"
    if fact_type == "url":
        from .prose import url_problem  # local import: prose formats facts

        ok = isinstance(value, str) and url_problem(value) is None
        return None if ok else "a web address starting with https://, without spaces, brackets or quotes"
    if fact_type == "email":
        ok = isinstance(value, str) and re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", value)
        return None if ok else "an e-mail address"
    return None if isinstance(value, str) and value.strip() else "some text"


def load_facts(facts_dir: Path, sources: set[str], errors: ErrorCollector) -> dict[str, Fact]:
    """Load every facts file; report unknown sources, bad values and duplicates."""
    from .schema import validate  # local import: schema imports nothing from here

    facts: dict[str, Fact] = {}
    for path in sorted(facts_dir.glob("*.yml")):
        try:
            data = load_file(path)
        except YamlProblem as problem:
            errors.add(path, problem.line, problem.message, problem.fix)
            errors.failed_to_load(path)  # the facts it defines are unknown: see ErrorCollector
            continue
        if not validate(data, "facts", path, errors):
            errors.failed_to_load(path)
            continue
        for fact_id, entry in data["facts"].items():
            line = data["facts"].line_of(fact_id)
            if fact_id in facts:
                first = facts[fact_id]
                errors.add(path, line, f"The fact '{fact_id}' is already defined in {first.path} "
                           f"(line {first.line}).", "Each fact is written once: keep one and "
                           "delete the other, or give this one a different name.")
                continue
            source = entry.get("source", data["source"])
            if source not in sources:
                errors.add(path, entry.line_of("source") if "source" in entry else line,
                           f"The fact '{fact_id}' cites the source '{source}', which is not in "
                           "content/sources.yml.", "Use a key from content/sources.yml, or add "
                           "the document there first.")
            problem = _check_value(entry["type"], entry["value"])
            if problem:  # still registered below, so pages naming it get no second error
                errors.add(path, entry.line_of("value"), f"The value of '{fact_id}' should be "
                           f"{problem} (its type is '{entry['type']}').",
                           "Correct the value, or the type if the value is right.")
            facts[fact_id] = Fact(
                id=fact_id, type=entry["type"], value=entry["value"], source=source,
                locator=as_locator(entry["locator"]), reviewed=entry.get("reviewed", data["reviewed"]),
                as_of=entry.get("as_of", data.get("as_of")), replaces=entry.get("replaces"),
                path=errors.relative(path), line=line,
            )
    for fact in facts.values():
        if fact.replaces and fact.replaces not in facts:
            errors.add(fact.path, fact.line, f"The fact '{fact.id}' replaces '{fact.replaces}', "
                       "which does not exist.", "Name an existing fact in 'replaces'.")
    return facts


__all__ = ["Fact", "FACT_TYPES", "PLACEHOLDER", "format_date", "format_number", "format_value", "load_facts"]
