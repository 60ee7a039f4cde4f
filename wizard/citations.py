"""A source cited by a wizard outcome, as the rules page and the no-JavaScript pages show it.

``wizard.export`` gives each citation its edition in the reader's language
(sitemodel.sources.cite_plain): when there is none, ``title_lang`` names the
document's language and ``locator_parts`` marks the headings quoted from it,
so the title and those headings get ``lang`` (WCAG 3.1.2) and the note says,
in the reader's language, which language the document is in. The JavaScript
runtime builds the same from the same data.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup


def _piece(text: str, language: str | None, render: Callable[[str], Markup]) -> Markup:
    core = text.strip()
    if not core:
        return Markup("").join([text])  # spaces only: escaped as text
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    rendered = render(core)
    if language:
        rendered = Markup('<span lang="{}">{}</span>').format(language, rendered)
    return Markup("").join([lead, rendered, trail])


def cited(item: dict, render: Callable[[str], Markup]) -> Markup:
    """Title (marked when foreign), the note, and the locator with its foreign headings marked."""
    parts = item.get("locator_parts") or [{"text": item["locator"]}]
    return Markup("").join([_piece(item["title"], item.get("title_lang"), render), item.get("note", ""), ", ",
                            *(_piece(part["text"], part.get("lang"), render) for part in parts)])
