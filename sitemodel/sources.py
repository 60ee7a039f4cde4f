"""A cited source as a reader of one language sees it: its title, address and headings.

A source's ``title`` and ``url`` are the document's own, in its own language,
which ``language`` names (``en``, ``fr``, ``de``…). When the same official
page is published in other languages (guichet.lu has FR, DE and EN),
``translations`` in content/sources.yml gives its title and address in each,
and the page's headings there (``headings``: the original heading -> the
heading in that language): a German page then cites the German page, quoting
its German headings. A heading mapped to null there was not found on that
edition: a citation quoting it cites the original.

Anything else (a law, a brochure, a page in one language) is cited as it is,
and on a page in another language it is marked as a foreign-language title
(WCAG 3.1.2): its title and the headings quoted from it carry ``lang`` and the
citation says, in the reader's language, which language the document is in
("en anglais", "auf Englisch"). ``cite`` gives that rendering;
``unmarked_text`` is what of it is not marked, which the language check reads.
"""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from .locators import render as render_locator
from .prose import escape_markdown
from .registry import LOCATOR_WORDS
from .typography import apply as typography

HEADING_KEYS = ("heading", "part")
_FOREIGN_START = "\ue000"  # private-use marks around a heading quoted in a foreign language
_FOREIGN_END = "\ue001"


def _translation(source, lang: str, raw=None):
    """The edition of ``source`` in ``lang`` that a citation with locator ``raw`` can use.

    A heading mapped to null under ``headings`` was not found on that edition (or not
    read there): a citation quoting it cites the original instead, marked as foreign."""
    translation = (source.get("translations") or {}).get(lang)
    if translation and raw is not None:
        headings = translation.get("headings") or {}
        if any(not headings.get(heading) for heading in cited_headings(raw)):
            return None
    return translation


def cited_as(source, lang: str, raw=None) -> tuple[str, str | None]:
    """(title, address) of a source for a page in ``lang`` (citing ``raw``, when given)."""
    translation = _translation(source, lang, raw)
    if translation:
        return translation["title"], translation["url"]
    return source["title"], source.get("url")


def cited_language(source, lang: str, raw=None) -> str | None:
    """The language of the edition a page in ``lang`` cites (None when the source does not say)."""
    return lang if _translation(source, lang, raw) else source.get("language")


def is_foreign(source, lang: str, raw=None) -> bool:
    """True when a page in ``lang`` cites this source (at ``raw``) in another language."""
    language = cited_language(source, lang, raw)
    return language is not None and language != lang


def written_in(language: str, lang: str) -> str:
    """'en anglais' (French reader, English document): the note after a foreign-language title."""
    return LOCATOR_WORDS[lang].get("written_in", {}).get(language, language)


def cited_headings(raw) -> list[str]:
    """The headings a locator quotes (section locators, alone or in a list)."""
    if isinstance(raw, list):
        return [heading for item in raw for heading in cited_headings(item)]
    if isinstance(raw, dict):
        return [raw[key] for key in HEADING_KEYS if isinstance(raw.get(key), str)]
    return []


def _map_headings(raw, change):
    if isinstance(raw, list):
        return [_map_headings(item, change) for item in raw]
    if isinstance(raw, dict) and any(key in raw for key in HEADING_KEYS):
        return {key: change(value) if key in HEADING_KEYS else value for key, value in raw.items()}
    return raw


def locator_in(source, raw, lang: str):
    """The locator with the headings of the edition cited in ``lang`` (unchanged without one)."""
    headings = (_translation(source, lang, raw) or {}).get("headings") or {}
    return _map_headings(raw, lambda value: headings.get(value, value)) if headings else raw


def _marked(text: str, language: str) -> Markup:
    return Markup('<span lang="{}">{}</span>').format(language, escape_markdown(text, line_start=False))


def cite_plain(source, raw_locator, lang: str) -> dict:
    """One citation as a page in ``lang`` shows it, as plain text (the wizard's data)::

        {"title", "url", "note", "locator", "title_lang", "locator_parts"}

    For an edition in another language than the reader's, ``title_lang`` is its
    language, ``note`` is " (en anglais)" and ``locator_parts`` splits the locator
    into [{"text"}, {"text", "lang"}, …] so that each quoted heading carries its
    language; otherwise they are None, "" and None. The reader's words get the
    reader's typography (sitemodel.typography), as everywhere on the site."""
    title, url = cited_as(source, lang, raw_locator)
    locator = locator_in(source, raw_locator, lang)
    if not is_foreign(source, lang, raw_locator):
        return {"title": title, "url": url, "note": "", "title_lang": None,
                "locator": typography(render_locator(locator, lang), lang), "locator_parts": None}
    language = cited_language(source, lang, raw_locator)
    wrapped = _map_headings(locator, lambda value: f"{_FOREIGN_START}{value}{_FOREIGN_END}")
    pieces = re.split(f"({_FOREIGN_START}[^{_FOREIGN_END}]*{_FOREIGN_END})", render_locator(wrapped, lang))
    # the reader's typography (French no-break spaces) on the reader's words; a quoted heading keeps its own
    parts = [{"text": piece[1:-1], "lang": language} if piece.startswith(_FOREIGN_START)
             else {"text": typography(piece, lang)} for piece in pieces if piece]
    return {"title": title, "url": url, "note": typography(f" ({written_in(language, lang)})", lang),
            "title_lang": language, "locator": "".join(part["text"] for part in parts), "locator_parts": parts}


def cite(source, raw_locator, lang: str) -> dict:
    """The same citation as Markdown-ready ``Markup`` for the pages::

        {"title", "url", "note", "locator", "language"}

    ``language`` is the document's language when it is not the reader's (else None);
    the title and each quoted heading of such a document are ``<span lang="…">``."""
    plain = cite_plain(source, raw_locator, lang)
    language = plain["title_lang"]

    def text(value: str, of: str | None = None) -> Markup:
        return _marked(value, of) if of else escape_markdown(value, line_start=False)

    parts = plain["locator_parts"] or [{"text": plain["locator"]}]
    return {"title": text(plain["title"], language), "url": plain["url"],
            "note": escape_markdown(plain["note"], line_start=False),
            "locator": Markup("").join(text(part["text"], part.get("lang")) for part in parts),
            "language": language}


_SPAN = re.compile(r'<span lang="([a-z]{2,3})">.*?</span>', re.S)


def unmarked_text(cited: dict, lang: str) -> str:
    """What a reader of ``lang`` sees of a citation that is not marked as another language."""
    text = f"{cited['title']}{cited['note']}, {cited['locator']}"
    text = _SPAN.sub(lambda match: " " if match.group(1) != lang else match.group(0), text)
    text = re.sub(r"<[^>]+>", " ", text)
    return html.unescape(re.sub(r"\\(.)", r"\1", text))
