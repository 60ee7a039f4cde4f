"""From when each fact applies (``applies_from:`` in content/facts/*.yml).

A value that changed at a known date says so, either with the date itself or
with the name of a date fact (a law's entry into force), which keeps every
date written once. ``applies_from(facts_dir, facts)`` gives each dated fact's
date; ``problems`` reports a reference to a fact that is not a date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .yamlload import YamlProblem, load_file


def _raw(facts_dir: Path) -> dict[str, tuple[object, str]]:
    found = {}
    for path in sorted(facts_dir.glob("*.yml")):
        try:
            data = load_file(path)
        except YamlProblem:
            continue  # reported once, by the loading of the facts (content.load): one mistake, one error
        facts = data.get("facts") if isinstance(data, dict) else None
        for fact_id, entry in (facts if isinstance(facts, dict) else {}).items():
            if isinstance(entry, dict) and "applies_from" in entry:
                found[fact_id] = (entry["applies_from"], path.name)
    return found


def _resolve(value, facts) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        fact = facts.get(str(value))
        return fact.value if fact is not None and fact.type == "date" else None


def applies_from(facts_dir: Path, facts) -> dict[str, dt.date]:
    """Each fact with ``applies_from``, mapped to the date it applies from."""
    dates = {fact_id: _resolve(value, facts) for fact_id, (value, _) in _raw(facts_dir).items()}
    return {fact_id: date for fact_id, date in dates.items() if date is not None}


def problems(facts_dir: Path, facts) -> list[tuple[str, str, str]]:
    """(file name, fact id, message) for each ``applies_from`` that is neither a date nor a date fact."""
    return [(name, fact_id, f"'applies_from: {value}' of '{fact_id}' is neither a date (YYYY-MM-DD) "
             "nor the name of a date fact.")
            for fact_id, (value, name) in _raw(facts_dir).items() if _resolve(value, facts) is None]
