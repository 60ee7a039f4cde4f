"""Facts as plain JSON values for the rule tables (dates as ISO text)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitemodel.content import load_sources
from sitemodel.errors import ErrorCollector
from sitemodel.facts import Fact, load_facts


def plain_value(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def fact_values(facts: dict[str, Fact]) -> dict:
    """fact id -> value the engine computes with."""
    return {fact_id: plain_value(fact.value) for fact_id, fact in facts.items()}


def load_site_facts(root: Path) -> tuple[dict[str, Fact], set[str], ErrorCollector]:
    """Load content/facts the way the site build does (for tests and tools)."""
    errors = ErrorCollector(root)
    sources = set(load_sources(root, errors))
    facts = load_facts(root / "content" / "facts", sources, errors)
    return facts, sources, errors
