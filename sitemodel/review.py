"""What editors must check again: ``build.py review`` / ``make review``.

Lists, oldest first, the pages and facts whose last review (``reviewed:``)
is older than a given age, and the sources whose web address changed (they
have ``previous_urls`` in content/sources.yml), so that the pages citing
them can be checked against the new address.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_MAX_AGE_DAYS = 180


@dataclass(frozen=True)
class Due:
    """One thing to review: what it is, where it is written, and when it was last checked."""

    kind: str  # "page", "fact" or "source"
    name: str
    where: str
    reviewed: dt.date | None
    why: str


def due(content, today: dt.date, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> list[Due]:
    """Everything due for review on ``today``, oldest first (sources with a new address last)."""
    limit = today - dt.timedelta(days=max_age_days)
    items: list[Due] = []
    for slug, page in content.pages.items():
        reviewed = page.meta["reviewed"]
        if reviewed < limit:
            items.append(Due("page", slug, page.meta_path or f"content/pages/{slug}.yml", reviewed,
                             f"last reviewed {(today - reviewed).days} days ago"))
    for fact in content.facts.values():
        if fact.reviewed < limit:
            items.append(Due("fact", fact.id, f"{fact.path}:{fact.line}", fact.reviewed,
                             f"last reviewed {(today - fact.reviewed).days} days ago"))
    items.sort(key=lambda item: (item.reviewed, item.kind, item.name))
    for key, source in content.sources.items():
        previous = source.get("previous_urls") or []
        if previous:
            citing = sorted(slug for slug, page in content.pages.items() if key in _cited(page))
            items.append(Due("source", key, "content/sources.yml", source.get("consulted"),
                             f"address changed from {previous[-1]} to {source.get('url')}; "
                             f"check the pages citing it: {', '.join(citing) or 'none'}"))
    return items


def _cited(page) -> set[str]:
    citations = list(page.meta["sources"])
    for section in page.meta["sections"]:
        citations.extend(section.get("sources", []))
    return {c["source"] for c in citations}


def report(items: list[Due], today: dt.date, max_age_days: int) -> str:
    """The list as plain text for the terminal."""
    if not items:
        return f"Nothing to review: everything was checked in the last {max_age_days} days (as of {today})."
    lines = [f"To review as of {today} (older than {max_age_days} days, oldest first):"]
    for item in items:
        when = item.reviewed.isoformat() if item.reviewed else "----------"
        lines.append(f"  {when}  {item.kind:<6} {item.name}  ({item.where}): {item.why}")
    return "\n".join(lines)
