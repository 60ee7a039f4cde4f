"""The one text grammar of every editor-written string: its checker and its renderer.

Every string an editor writes is one of three kinds:

- ``PROSE`` (the words of a page): Markdown with paragraphs, ``- `` lists,
  ``**bold**``, ``*italic*`` and links to other pages of the site
  (``page.md#section``), to ``https://`` addresses or to ``mailto:``;
- ``TEXT`` (the wizard's words): plain sentences, no markup at all;
- ``LABEL`` (interface words, locators, source titles): plain text in which
  digits are allowed (an article number, a page).

In ``PROSE`` and ``TEXT`` numbers, dates and amounts are never typed:
``[[fact.id]]`` brings them from ``content/facts/``, so the three languages
cannot disagree. No kind allows HTML, curly braces (attribute lists),
images or reference-style links.

``check()`` tells an editor what is wrong, with a fix. ``render()`` does not
trust that the check ran: prose is parsed with Python-Markdown, sanitised
by ``nh3`` with an allow-list (the tags above, ``href`` only, schemes
``https``, ``http``, ``mailto`` and relative internal links), and written
back as Markdown in which every literal character that Markdown or an
extension could read as syntax is escaped. Plain kinds are escaped
whole. The result is ``Markup`` that mkdocs turns into exactly the HTML
the editor meant, and nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import quote

import markdown
import nh3
from markupsafe import Markup, escape

from .facts import FORMATS, PLACEHOLDER, Fact, format_value

PROSE, TEXT, LABEL = "prose", "text", "label"
SLOT = re.compile(r"\{(\w+)\}")
KINDS = (PROSE, TEXT, LABEL)

HTML = re.compile(r"<[/!?]?[A-Za-z][^>]*>?|<!--|&#?[A-Za-z0-9]+;")
LINK = re.compile(r"\]\(\s*([^)\s]*)([^)]*)\)")
DIGIT = re.compile(r"\d[\d\s.,'\u00a0\u202f]*")
INTERNAL = re.compile(r"^(?:\.\./)?([a-z0-9][a-z0-9-]*(?:/[a-z0-9][a-z0-9-]*)?)\.md(?:#([a-z0-9][a-z0-9-]*))?$")
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:", re.M)
IMAGE = re.compile(r"!\[")
IMAGE_WHOLE = re.compile(r"!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])?")
REFERENCE_IMAGE = re.compile(r"!\[[^\]]*\]\[([^\]]*)\]")
ANY_LINK = re.compile(r"\[[^\]]*\]\s*[(\[]")

# What the renderer lets through (nh3 allow-list).
TAGS = {"p", "ul", "ol", "li", "strong", "em", "code", "br", "a"}
ATTRIBUTES = {"a": {"href"}}
SCHEMES = {"https", "http", "mailto"}
EXTERNAL = ("https://", "http://", "mailto:")
# Characters Python-Markdown or an enabled extension (attr_list, tables, toc) could read as syntax.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|])")
LINE_START = re.compile(r"^([ \t]*)([-+]|\d+)", re.M)
# Placeholders are swapped for private-use tokens while Markdown is parsed, so a fact's value
# is never read as Markdown.
TOKEN = re.compile("\ue000(\\d+)\ue001")


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


# --- checking ---------------------------------------------------------------------------------


def check(text: str, facts: dict[str, Fact], lang: str, kind: str = PROSE,
          slots: frozenset[str] = frozenset()) -> tuple[list[ProseProblem], list[Link]]:
    """Find every problem in one editor-written string; also return its links for the link check.

    ``slots`` are the names a program fills in at run time (``{min}`` in the wizard's error
    messages): those, and only those, may stand in curly braces.
    """
    problems: list[ProseProblem] = []
    links: list[Link] = []

    def problem(index: int, message: str, fix: str) -> None:
        problems.append(ProseProblem(_line_offset(text, index), message, fix))

    # One mistake, one error: an image is not also a bad link, a closing tag not a second tag,
    # an entity inside a refused address not a second problem.
    images = [m.span() for m in IMAGE_WHOLE.finditer(text)]
    image_labels = {m.group(1).strip().lower() for m in REFERENCE_IMAGE.finditer(text)}
    addresses = [m.span(1) for m in LINK.finditer(text)]

    def inside(index: int, spans) -> bool:
        return any(start <= index < end for start, end in spans)

    markup = [m for m in HTML.finditer(text) if not inside(m.start(), addresses)]
    if markup:
        shown = ", ".join(dict.fromkeys(f"'{m.group(0)[:40]}'" for m in markup[:3]))
        problem(markup[0].start(), f"The text contains HTML or markup ({shown}), which is not allowed.",
                "Remove it and use plain Markdown: **bold**, *italic*, [link text](page.md), '- ' for lists."
                if kind == PROSE else "Remove it: this text is shown as it is written, without markup.")

    def problem_outside_images(index: int, message: str, fix: str) -> None:
        if not inside(index, images):
            problem(index, message, fix)
    unslotted = SLOT.sub(lambda m: " " * len(m.group(0)) if m.group(1) in slots else m.group(0), text)
    for match in re.finditer(r"[{}]", unslotted):
        problem(match.start(), "The text contains a curly brace, which could change the page's HTML.",
                "Remove the { or }; use round brackets ( ) in ordinary text.")
    for match in IMAGE.finditer(text):
        problem(match.start(), "The text contains an image ('![…]'), which is not allowed: an image from "
                "another site would tell that site who reads the page.", "Remove the image; describe it in words.")
    for match in REFERENCE_DEFINITION.finditer(text):
        if match.group(0).strip().strip("[]:").strip().lower() in image_labels:
            continue  # the address of an image already reported
        problem(match.start(), f"The text contains a reference-style link definition "
                f"('{match.group(0).strip()[:40]}'), which is not allowed.",
                "Write the link in one piece: [link text](page.md) or [link text](https://…).")
    if kind != PROSE:
        for match in ANY_LINK.finditer(text):
            problem_outside_images(match.start(), f"The text contains a link ('{match.group(0)[:40]}'), which is not "
                    "allowed here.", "Remove it: this text is shown as it is written, without links.")
    else:
        _check_links(text, problem_outside_images, links)
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
    if kind == LABEL:
        return problems, links
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


def _check_links(text: str, problem, links: list[Link]) -> None:
    for match in LINK.finditer(text):
        target = match.group(1)
        if match.group(2).strip():
            problem(match.start(), f"The link '{target}' is followed by '{match.group(2).strip()[:40]}' "
                    "inside its brackets, which is not allowed.",
                    "Write only the address between the round brackets: [link text](address).")
        elif target.startswith(("https://", "mailto:")):
            continue
        if INTERNAL.match(target):
            links.append(Link(target, _line_offset(text, match.start())))
            continue
        problem(match.start(), f"The link '{target}' is not allowed.",
                "Link to another page as (page-name.md) or (page-name.md#section-id), "
                "or to a web site with an address starting with https://.")


# --- rendering --------------------------------------------------------------------------------


def escape_markdown(text: str, quotes: bool = True, line_start: bool = True) -> Markup:
    """Plain text for a Markdown page: HTML-escaped, and no character read as Markdown syntax.

    ``quotes=False`` leaves quotation marks as they are, as Python-Markdown writes them in text
    (they are not special outside attributes). ``line_start=False`` is for text placed in the
    middle of a line: only the lines after a line break are guarded against starting a list."""
    text = MARKDOWN_SPECIAL.sub(r"\\\1", text)
    if line_start:
        text = line_starts(text)
    else:
        first, newline, rest = text.partition("\n")
        text = first + newline + line_starts(rest)
    html = str(escape(text)) if quotes else text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(html)  # noqa: S704 - escaped just above


def line_starts(text: str) -> str:
    """Escape what would start a list at the beginning of a line ('- ', '1. ')."""
    def fix(match: re.Match) -> str:
        indent, mark = match.group(1), match.group(2)
        if mark.isdigit():
            rest = text[match.end():match.end() + 1]
            return indent + mark + ("\\" if rest in (".", ")") else "")
        return f"{indent}\\{mark}"
    return LINE_START.sub(fix, text)


def safe_href(url: str) -> str | None:
    """The address as a Markdown link target, or None when the grammar does not allow it."""
    url = url.strip()
    if url.startswith(EXTERNAL):
        if url.startswith(("https://", "http://")) and not re.match(r"^https?://[^/\s]", url):
            return None
        return quote(url, safe="/:?#@!$&'*+,;=%~-._")
    return url if INTERNAL.match(url) else None


UNSAFE_IN_URL = re.compile(r"[\s<>\"'{}|\\^`\[\]]|\]\(|\)\[")


def url_problem(url: str) -> str | None:
    """What is wrong with a web address an editor wrote (a source's, a URL fact's), or None."""
    if not url.startswith("https://"):
        return "does not start with https://"
    if UNSAFE_IN_URL.search(url) or safe_href(url) is None:
        return "contains characters that cannot be in a web address (spaces, brackets, quotes)"
    return None


# One converter for every call: building Python-Markdown's parser costs more than converting
# a short text; reset() clears what a conversion leaves behind (references, HTML stash).
_MARKDOWN = markdown.Markdown()


def markdown_to_html(text: str) -> str:
    """Python-Markdown's HTML for ``text`` (default extensions), from the one shared converter."""
    return _MARKDOWN.reset().convert(text)


def render(text: str, facts: dict[str, Fact], lang: str, kind: str = PROSE, *,
           quotes: bool = True, line_start: bool = True) -> Markup:
    """An editor's string as Markdown that mkdocs turns into only the allowed HTML.

    For the plain kinds, ``quotes`` and ``line_start`` are those of ``escape_markdown`` (text
    in the middle of a line, quotation marks left as Python-Markdown writes them)."""
    text = str(text)
    if kind != PROSE:
        return escape_markdown(PLACEHOLDER.sub(lambda m: _fact_text(m, facts, lang), text),
                               quotes, line_start)
    values: list[re.Match] = []

    def token(match: re.Match) -> str:
        values.append(match)
        return f"\ue000{len(values) - 1}\ue001"

    body = text.strip()
    html = markdown_to_html(PLACEHOLDER.sub(token, body.replace("\ue000", "").replace("\ue001", "")))
    clean = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=SCHEMES, link_rel=None)
    writer = _MarkdownWriter(lambda index, in_link: _fact_markdown(values[index], facts, lang, in_link))
    writer.feed(clean)
    writer.close()
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return Markup(lead + writer.result() + trail)  # noqa: S704 - every piece was escaped by the writer


def _fact_text(match: re.Match, facts: dict[str, Fact], lang: str) -> str:
    fact = facts.get(match.group(1))
    if fact is None:
        return match.group(0)
    return format_value(fact.type, fact.value, lang, bare=match.group(2) == "n")


def _fact_markdown(match: re.Match, facts: dict[str, Fact], lang: str, in_link: bool) -> str:
    """A fact's value in Markdown: escaped text, or a link for a web or e-mail address."""
    text = _fact_text(match, facts, lang)
    fact = facts.get(match.group(1))
    if fact is not None and not in_link and fact.type in ("url", "email"):
        href = safe_href(text if fact.type == "url" else f"mailto:{text}")
        if href is not None:
            shown = re.sub(r"^https?://(www\.)?", "", text).rstrip("/") if fact.type == "url" else text
            return f"[{escape_markdown(shown, line_start=False)}]({href})"
    return str(escape_markdown(text, line_start=False))  # a line that starts with it is escaped by the writer


class _MarkdownWriter(HTMLParser):
    """Writes sanitised HTML (the allow-list above) back as Markdown, escaping every text."""

    INLINE = {"strong": ("**", "**"), "em": ("*", "*"), "code": ("<code>", "</code>")}

    def __init__(self, fact):
        super().__init__(convert_charrefs=True)
        self.fact = fact
        self.blocks: list[str] = []   # finished paragraphs and lists
        self.current: list[str] = []  # the inline text being written
        self.lists: list[list] = []   # open lists: [marker, number]
        self.links: list[tuple[str | None, int]] = []  # open links: (href, where their text starts)

    def _text(self, data: str) -> str:
        def piece(part: str, index: int) -> str:
            if index % 2:
                return self.fact(int(part), bool(self.links))
            return MARKDOWN_SPECIAL.sub(r"\\\1", part).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        return "".join(piece(part, i) for i, part in enumerate(TOKEN.split(data)))

    def handle_starttag(self, tag, attrs):
        if tag in ("p",):
            self._flush()
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append(["-" if tag == "ul" else "1.", 0])
        elif tag == "li":
            self._flush()
            if self.lists:
                self.lists[-1][1] += 1
        elif tag == "br":
            self.current.append("<br>")
        elif tag == "a":
            href = safe_href(dict(attrs).get("href") or "")
            self.links.append((href, len(self.current)))
        elif tag in self.INLINE:
            self.current.append(self.INLINE[tag][0])

    def handle_endtag(self, tag):
        if tag in ("p", "li"):
            self._flush()
        elif tag in ("ul", "ol") and self.lists:
            self._flush()
            self.lists.pop()
            if not self.lists:
                self.blocks.append("")
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            if href is not None and not self.links:
                inner = "".join(self.current[start:])
                self.current[start:] = [f"[{inner}]({href})"]
        elif tag in self.INLINE:
            self.current.append(self.INLINE[tag][1])

    def handle_data(self, data):
        if self.lists and not self.current and not data.strip():
            return  # the newlines between list items
        self.current.append(self._text(data))

    def _flush(self):
        text = line_starts("".join(self.current).strip("\n"))
        self.current = []
        if not text.strip():
            return
        if self.lists:
            depth = len(self.lists) - 1
            marker = self.lists[-1][0]
            self.blocks.append("    " * depth + f"{marker} " + text.replace("\n", "\n" + "    " * (depth + 1)))
        else:
            self.blocks.append(text)

    def result(self) -> str:
        self._flush()
        out: list[str] = []
        for block in self.blocks:
            if block == "":
                continue
            is_item = bool(re.match(r"^\s*(?:-|1\.) ", block))
            previous_item = bool(out) and bool(re.match(r"^\s*(?:-|1\.) ", out[-1].rsplit("\n\n", 1)[-1]))
            if out and is_item and previous_item:
                out[-1] += "\n" + block
            else:
                out.append(block)
        return "\n\n".join(out)
