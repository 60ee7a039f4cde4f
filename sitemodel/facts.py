"""The single source of every date, amount, duration and reference.

Facts live in ``content/facts/*.yml``. Prose refers to them as
``[[fact.id]]`` (number with its unit) or ``[[fact.id|n]]`` (number only,
for grammar such as German cases); the wizard reads the same values. This
module loads them and formats them for each language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from .errors import ErrorCollector
from .locators import as_locator  # issue 14: locators render in each language
from .yamlload import YamlProblem, load_file

PLACEHOLDER = re.compile(r"\[\[\s*([A-Za-z0-9_.\-]+)\s*(?:\|\s*([a-z]+)\s*)?\]\]")
FORMATS = ("n",)  # "n": the bare number, without its unit

UNIT_TYPES = ("years", "months", "weeks", "days", "working_days", "hours", "age")
NUMBER_TYPES = ("number", "money", "percent", *UNIT_TYPES)
TEXT_TYPES = ("text", "address", "phone", "email", "url")
FACT_TYPES = ("date", "day_month", "number_list", *NUMBER_TYPES, *TEXT_TYPES)

MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}

# (singular, plural) per unit and language
UNITS = {
    "years": {"fr": ("an", "ans"), "de": ("Jahr", "Jahre"), "en": ("year", "years")},
    "age": {"fr": ("an", "ans"), "de": ("Jahr", "Jahre"), "en": ("year", "years")},
    "months": {"fr": ("mois", "mois"), "de": ("Monat", "Monate"), "en": ("month", "months")},
    "weeks": {"fr": ("semaine", "semaines"), "de": ("Woche", "Wochen"), "en": ("week", "weeks")},
    "days": {"fr": ("jour", "jours"), "de": ("Tag", "Tage"), "en": ("day", "days")},
    "working_days": {
        "fr": ("jour ouvrable", "jours ouvrables"),
        "de": ("Arbeitstag", "Arbeitstage"),
        "en": ("working day", "working days"),
    },
    "hours": {"fr": ("heure", "heures"), "de": ("Stunde", "Stunden"), "en": ("hour", "hours")},
}
OR_WORD = {"fr": "ou", "de": "oder", "en": "or"}
# French puts a (no-break) space before a colon; German and English do not.
COLON = {"fr": "\u00a0: ", "de": ": ", "en": ": "}


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


def format_number(value: int | float, lang: str) -> str:
    """Group thousands the way each language does (narrow no-break space in French)."""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"
    separator = {"fr": "\u202f", "de": ".", "en": ","}[lang]
    return text.replace(",", separator) if lang != "en" else text


def format_date(value: dt.date, lang: str) -> str:
    month = MONTHS[lang][value.month - 1]
    if lang == "fr":
        day = "1er" if value.day == 1 else str(value.day)
        return f"{day} {month} {value.year}"
    if lang == "de":
        return f"{value.day}. {month} {value.year}"
    return f"{value.day} {month} {value.year}"


def format_day_month(value: str, lang: str) -> str:
    month_number, day = (int(part) for part in value.split("-"))
    month = MONTHS[lang][month_number - 1]
    if lang == "fr":
        return f"{'1er' if day == 1 else day} {month}"
    return f"{day}. {month}" if lang == "de" else f"{day} {month}"


def format_money(value: int, lang: str) -> str:
    number = format_number(value, lang)
    if lang == "fr":
        return f"{number}\u00a0euro{'s' if value > 1 else ''}"
    if lang == "de":
        return f"{number}\u00a0Euro"
    return f"EUR\u00a0{number}"


def format_value(fact_type: str, value, lang: str, bare: bool = False) -> str:
    """Format a value of a given fact type as plain text for one language."""
    if fact_type == "date":
        return format_date(value, lang)
    if fact_type == "day_month":
        return format_day_month(value, lang)
    if fact_type == "number_list":
        items = [format_number(v, lang) for v in value]
        return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {OR_WORD[lang]} {items[-1]}"
    if fact_type in NUMBER_TYPES:
        number = format_number(value, lang)
        if bare or fact_type == "number":
            return number
        if fact_type == "money":
            return format_money(value, lang)
        if fact_type == "percent":
            return f"{number}%" if lang == "en" else f"{number}\u00a0%"
        singular, plural = UNITS[fact_type][lang]
        return f"{number}\u00a0{singular if value == 1 else plural}"
    return str(value)


def format_fact(fact: Fact, lang: str, fmt: str | None = None) -> Markup:
    """Format a fact for Markdown output: escaped text, links for URLs and e-mails."""
    text = format_value(fact.type, fact.value, lang, bare=fmt == "n")
    if fact.type == "url":
        shown = re.sub(r"^https?://(www\.)?", "", text).rstrip("/")
        return Markup("[{}]({})").format(shown, text)
    if fact.type == "email":
        return Markup("[{0}](mailto:{0})").format(text)
    return escape(text)


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
        ok = isinstance(value, str) and value.startswith("https://")
        return None if ok else "a web address starting with https://"
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
            continue
        if not validate(data, "facts", path, errors):
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


__all__ = ["Fact", "FACT_TYPES", "PLACEHOLDER", "format_fact", "format_value", "load_facts"]
