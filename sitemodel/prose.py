"""Checks and rendering for the words editors write.

Prose is Markdown with two rules that keep the site honest and safe:

- numbers, dates and amounts are never typed: ``[[fact.id]]`` brings them
  from ``content/facts/``, so the three languages cannot disagree;
- no HTML, no curly braces (they could add attributes), and links only to
  other pages of the site, to ``https://`` addresses or to ``mailto:``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from .facts import FORMATS, PLACEHOLDER, Fact, format_fact, format_value

HTML = re.compile(r"<[/!?]?[A-Za-z][^>]*>?|<!--|&#?[A-Za-z0-9]+;")
LINK = re.compile(r"\]\(\s*([^)\s]*)[^)]*\)")
DIGIT = re.compile(r"\d[\d\s.,'\u00a0\u202f]*")
INTERNAL = re.compile(r"^(?:\.\./)?([a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?)\.md(?:#([a-z0-9][a-z0-9-]*))?$")


@dataclass(frozen=True)
class ProseProblem:
    """A problem inside a piece of text; offset lines count from the text's first line."""

    line_offset: int
    message: str
    fix: str


@dataclass(frozen=True)
class Link:
    target: str
    line_offset: int


def _line_offset(text: str, index: int) -> int:
    return text.count("\n", 0, index)


def placeholders(text: str) -> list[tuple[str, str | None, int]]:
    """Each [[fact.id]] in a text as (id, format, line offset)."""
    return [(m.group(1), m.group(2), _line_offset(text, m.start())) for m in PLACEHOLDER.finditer(text)]


def _number_hint(number: str, facts: dict[str, Fact], lang: str) -> str:
    digits = re.sub(r"\D", "", number)
    matches = [
        fact.id for fact in facts.values()
        if digits and re.sub(r"\D", "", format_value(fact.type, fact.value, lang)) == digits
    ]
    if matches:
        return f"Write [[{matches[0]}]] instead of the number" + (
            f" (or one of: {', '.join('[[' + m + ']]' for m in matches[1:4])})" if len(matches) > 1 else "")
    return ("Numbers, dates and amounts are written once, in content/facts/. Add the value there "
            "with its source, then write [[its.name]] here")


def check(text: str, facts: dict[str, Fact], lang: str) -> tuple[list[ProseProblem], list[Link]]:
    """Find every problem in one piece of prose; also return its links for the link check."""
    problems: list[ProseProblem] = []
    links: list[Link] = []
    for match in HTML.finditer(text):
        problems.append(ProseProblem(
            _line_offset(text, match.start()),
            f"The text contains HTML or markup ('{match.group(0)[:40]}'), which is not allowed.",
            "Remove it and use plain Markdown: **bold**, *italic*, [link text](page.md), '- ' for lists.",
        ))
    for match in re.finditer(r"[{}]", text):
        problems.append(ProseProblem(
            _line_offset(text, match.start()),
            "The text contains a curly brace, which could change the page's HTML.",
            "Remove the { or }; use round brackets ( ) in ordinary text.",
        ))
    for fact_id, fmt, offset in placeholders(text):
        if fact_id not in facts:
            problems.append(ProseProblem(
                offset, f"[[{fact_id}]] names a fact that does not exist.",
                "Check the spelling against the names in content/facts/*.yml.",
            ))
        elif fmt is not None and fmt not in FORMATS:
            problems.append(ProseProblem(
                offset, f"[[{fact_id}|{fmt}]] uses an unknown format '{fmt}'.",
                "Write [[name]] for the value with its unit, or [[name|n]] for the number alone.",
            ))
    for match in LINK.finditer(text):
        target = match.group(1)
        offset = _line_offset(text, match.start())
        if target.startswith(("https://", "mailto:")):
            continue
        if INTERNAL.match(target):
            links.append(Link(target, offset))
            continue
        problems.append(ProseProblem(
            offset, f"The link '{target}' is not allowed.",
            "Link to another page as (page-name.md) or (page-name.md#section-id), "
            "or to a web site with an address starting with https://.",
        ))
    # Digits are checked on the text without placeholders and link addresses.
    stripped = LINK.sub("]()", PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text))
    for match in DIGIT.finditer(stripped):
        number = match.group(0).strip(" .,'\u00a0\u202f")
        problems.append(ProseProblem(
            _line_offset(stripped, match.start()),
            f"The text contains the number '{number}'. Numbers, dates and amounts must come from "
            "the shared facts so that the three languages cannot disagree.",
            _number_hint(number, facts, lang) + ".",
        ))
    return problems, links


def render(text: str, facts: dict[str, Fact], lang: str) -> Markup:
    """Prose as Markdown, facts substituted. Only called on text that passed check()."""
    if HTML.search(text) or re.search(r"[{}]", text):
        raise ValueError("prose was not checked before rendering")  # defence in depth
    parts: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        parts.append(text[last:match.start()])
        parts.append(str(format_fact(facts[match.group(1)], lang, match.group(2))))
        last = match.end()
    parts.append(text[last:])
    return Markup("".join(parts))  # noqa: S704 - checked above: no HTML can be in it
