"""Warnings an editor wants: not wrong enough to stop a build, worth a look before publishing.

``build.py check`` and ``build.py build`` print them after a successful check:

- a review date in the future (a page's, or a fact's);
- a fact that ``replaces:`` itself, or a chain of ``replaces:`` that comes back;
- a section id that is also an id the page generates (``sources``): the
  link to one of them would land on the other;
- a link to a section of a wizard page that the page does not have;
- an odd number of ``**`` in a text: the bold never ends, or never starts.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sitemodel.content import Content
from sitemodel.errors import ContentError

GENERATED_IDS = {"sources"}  # ids every page has: the "Sources" heading (templates/_page.md.j2)
WIZARD_LINK = re.compile(r"\]\(\s*((?:\.\./)?(wizard/[a-z0-9-]+)\.md)#([A-Za-z0-9_-]+)\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(?:\{\s*#([A-Za-z0-9_-]+)\s*\})?\s*$", re.M)
HTML_ID = re.compile(r"\bid=\"([^\"]+)\"")


def _warning(root: Path, path: Path | str, line: int | None, message: str, fix: str) -> ContentError:
    relative = Path(path)
    relative = relative.relative_to(root).as_posix() if relative.is_absolute() else relative.as_posix()
    return ContentError(relative, line, message, fix)


def _texts(content: Content):
    """(path, line, text) of every text of every page in every language."""
    for page in content.pages.values():
        for lang, prose in page.prose.items():
            path = content.root / "content" / lang / f"{page.slug}.yml"
            for key in ("title", "summary"):
                yield path, prose.line_of(key) + (1 if "\n" in prose[key] else 0), prose[key]
            for section in prose["sections"].values():
                for key in ("heading", "body"):
                    yield path, section.line_of(key) + (1 if "\n" in section[key] else 0), section[key]


def _future_reviews(content: Content, today: dt.date) -> list[ContentError]:
    found = []
    for page in content.pages.values():
        reviewed = page.meta["reviewed"]
        if reviewed > today:
            found.append(_warning(content.root, content.root / page.meta_path, page.meta.line_of("reviewed"),
                                  f"The review date {reviewed.isoformat()} is in the future.",
                                  "Write the date the page was actually reviewed (today at the latest)."))
    for fact in content.facts.values():
        if fact.reviewed > today:
            found.append(_warning(content.root, fact.path, fact.line, f"The fact '{fact.id}' has a review "
                                  f"date in the future ({fact.reviewed.isoformat()}).",
                                  "Write the date it was actually reviewed (today at the latest)."))
    return found


def _replaces_cycles(content: Content) -> list[ContentError]:
    found, told = [], set()
    for fact in content.facts.values():
        if fact.replaces == fact.id:
            found.append(_warning(content.root, fact.path, fact.line, f"The fact '{fact.id}' replaces itself.",
                                  "Name the older fact it replaces in 'replaces', or remove the line."))
            continue
        chain, current = [fact.id], fact
        while current.replaces in content.facts and current.replaces not in chain:
            chain.append(current.replaces)
            current = content.facts[current.replaces]
        if current.replaces == fact.id and frozenset(chain) not in told:
            told.add(frozenset(chain))
            found.append(_warning(content.root, fact.path, fact.line, "The facts replace each other in a "
                                  f"circle: {' → '.join([*chain, fact.id])}.", "A newer fact replaces an "
                                  "older one: remove 'replaces' from the oldest."))
    return found


def _clashing_section_ids(content: Content) -> list[ContentError]:
    found = []
    for page in content.pages.values():
        for index, section in enumerate(page.meta["sections"]):
            if section["id"] in GENERATED_IDS:
                found.append(_warning(content.root, content.root / page.meta_path,
                                      page.meta["sections"].lines[index], f"The section id '{section['id']}' "
                                      "is also the id of the list of sources every page ends with.",
                                      f"Choose another id, for example '{section['id']}-list'."))
    return found


def heading_ids(markdown: str) -> set[str]:
    """The ids of a generated Markdown page's headings (as mkdocs' toc makes them) and HTML elements."""
    from markdown.extensions.toc import slugify

    ids = set(HTML_ID.findall(markdown))
    for text, explicit in HEADING.findall(markdown):
        ids.add(explicit or slugify(re.sub(r"[*_`\[\]]", "", text), "-"))
    return ids


def _dead_wizard_anchors(content: Content, files: dict[str, bytes]) -> list[ContentError]:
    found = []
    for path, line, text in _texts(content):
        lang = path.parent.name
        for match in WIZARD_LINK.finditer(text):
            page = files.get(f"{lang}/{match.group(2)}.md")
            if page is None:
                continue  # a missing page is the content check's error
            ids = heading_ids(page.decode("utf-8"))
            if match.group(3) not in ids:
                found.append(_warning(content.root, path, line + text.count("\n", 0, match.start()),
                                      f"The link '{match.group(1)}#{match.group(3)}' points to a section that "
                                      "the wizard page does not have.",
                                      f"Use one of: {', '.join(sorted(ids)) or 'no anchor'}."))
    return found


def _unbalanced_bold(content: Content) -> list[ContentError]:
    found = []
    for path, line, text in _texts(content):
        if len(re.findall(r"(?<!\*)\*\*(?!\*)", text)) % 2:
            found.append(_warning(content.root, path, line, "The text has an odd number of '**': a bold "
                                  "part never ends (or never starts).", "Put '**' on both sides of the "
                                  "bold words, like **this**."))
    return found


def notices(content: Content, files: dict[str, bytes], today: dt.date | None = None) -> list[ContentError]:
    """Every warning, sorted by file and line."""
    today = today or dt.date.today()
    found = (_future_reviews(content, today) + _replaces_cycles(content) + _clashing_section_ids(content)
             + _dead_wizard_anchors(content, files) + _unbalanced_bold(content))
    return sorted(set(found), key=lambda w: (w.path, w.line or 0, w.message))


def report(warnings: list[ContentError]) -> str:
    """The warnings as an editor reads them (the site is still built)."""
    if not warnings:
        return ""
    count = len(warnings)
    head = f"{count} warning{'s' if count != 1 else ''} (the site is built all the same):"
    return "\n".join([head, *(f"Warning: {w}" for w in warnings)])

