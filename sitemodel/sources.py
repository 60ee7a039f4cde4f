"""A cited source as a reader of one language sees it: its title, address and headings.

A source's ``title`` and ``url`` are the document's own, in its own language.
When the same official page is published in other languages (guichet.lu has
FR, DE and EN), ``translations`` in content/sources.yml gives its title and
address in each, and the page's headings there (``headings``: the original
heading -> the heading in that language): a German page then cites the German
page, quoting its German headings. Anything else (a law, a brochure, a page in
one language) is cited as it is, untranslated.
"""

from __future__ import annotations

HEADING_KEYS = ("heading", "part")


def _translation(source, lang: str):
    return (source.get("translations") or {}).get(lang)


def cited_as(source, lang: str) -> tuple[str, str | None]:
    """(title, address) of a source for a page in ``lang``."""
    translation = _translation(source, lang)
    if translation:
        return translation["title"], translation["url"]
    return source["title"], source.get("url")


def cited_headings(raw) -> list[str]:
    """The headings a locator quotes (section locators, alone or in a list)."""
    if isinstance(raw, list):
        return [heading for item in raw for heading in cited_headings(item)]
    if isinstance(raw, dict):
        return [raw[key] for key in HEADING_KEYS if isinstance(raw.get(key), str)]
    return []


def locator_in(source, raw, lang: str):
    """The locator with the headings of the edition cited in ``lang`` (unchanged without one)."""
    translation = _translation(source, lang)
    headings = (translation or {}).get("headings") or {}
    if not headings:
        return raw
    if isinstance(raw, list):
        return [locator_in(source, item, lang) for item in raw]
    if isinstance(raw, dict) and any(key in raw for key in HEADING_KEYS):
        return {key: headings.get(value, value) if key in HEADING_KEYS else value for key, value in raw.items()}
    return raw
