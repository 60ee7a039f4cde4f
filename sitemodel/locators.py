"""Where in a source a statement is: locators, rendered in the reader's language.

A locator (``locator:`` in content/pages/*.yml and content/facts/*.yml) takes
one of three forms, so that no page shows words of another language:

- a legal reference in the law's compact notation, e.g. ``"art. 6(16) 1° a)"``
  or ``"art. 8(1), 8(2) 1° to 3°; art. 9(2) 6°"``: article, (paragraph), point
  (1°), letter (a)), joined by ``,`` ``;`` ``and`` ``to``. It is parsed and
  written out in each language ("Art. 6 Abs. 16 Nr. 1 Buchst. a" in German);
- a section of a document, cited by its own headings, which are quoted and
  never translated: ``{section: "2", heading: "Residence permit …", part: "Steps to follow"}``
  (``section`` and ``part`` are optional);
- free text written in every language: ``{fr: "…", de: "…", en: "…"}``;
- a list of these, shown one after the other.

``problems(raw)`` says what is wrong with a locator; ``render(raw, lang)``
gives its text. ``Locator`` is a ``str`` (the French text, authoritative) that
also knows ``render(lang)``, so older callers that print a fact's locator keep
working.
"""

from __future__ import annotations

import re

from .registry import DEFAULT_LANGUAGE, LANGUAGES, LOCATOR_WORDS

LANGS = LANGUAGES  # every language of sitemodel/registry.json, each with its locator words

_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<art>art\.)"
    r"|(?P<ref>\d+)(?:\((?P<par>\d+)\)(?:-\((?P<par_to>\d+)\))?)?(?![\d°])"
    r"|(?P<point>\d+)°"
    r"|(?P<letter>[a-z])\)"
    r"|(?P<intro>introductory sentence)"
    r"|(?P<word>and|to)\b"
    r"|(?P<sep>[,;])"
    r")"
)


def _words(lang: str) -> dict:
    return LOCATOR_WORDS[lang]


def quotes(lang: str) -> tuple[str, str]:
    opening, closing = _words(lang)["quotes"]
    return opening, closing


def _tokens(text: str) -> list[re.Match] | None:
    found, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            return None
        found.append(match)
        position = match.end()
    return found


def _render_ref(match: re.Match, lang: str) -> str:
    article, par, par_to = match.group("ref"), match.group("par"), match.group("par_to")
    if par is None:
        return article
    # French and English keep the law's own compact form, "art. 8(2)"; German writes "Art. 8 Abs. 2"
    if par_to:
        return _words(lang)["paragraphs"].format(article=article, paragraph=par, last=par_to)
    return _words(lang)["paragraph"].format(article=article, paragraph=par)


def _render_legal(text: str, lang: str) -> str:
    out: list[str] = []
    for match in _tokens(text) or ():
        kind = match.lastgroup if match.lastgroup != "par" else "ref"
        words = _words(lang)
        if match.group("art"):
            piece = words["article"]
        elif match.group("ref"):
            piece = _render_ref(match, lang)
        elif match.group("point"):
            piece = words["point"].format(point=match.group("point"))
        elif match.group("letter"):
            piece = words["letter"].format(letter=match.group("letter"))
        elif match.group("intro"):
            piece = words["introductory"]
        elif match.group("word"):
            piece = words[match.group("word")]
        else:
            kind = "sep"
            piece = words["semicolon"] if match.group("sep") == ";" else ","
        if out and kind != "sep":
            out.append(" ")
        out.append(piece)
    return "".join(out)


def is_legal(text: str) -> bool:
    """True when a text is a legal reference in the compact notation."""
    tokens = _tokens(text)
    return bool(tokens) and tokens[0].group("art") is not None


def _has_grammar_problem(text: str) -> bool:
    from .prose import LABEL, check  # here: prose imports facts, which imports this module

    return bool(check(text, {}, "en", kind=LABEL)[0])


def problems(raw) -> list[str]:
    """What is wrong with a locator, as plain sentences (empty when it is fine)."""
    if isinstance(raw, str):
        if is_legal(raw) or _has_grammar_problem(raw):  # the shared grammar's error is the root cause
            return []
        return [f"The locator '{raw}' is free text in one language, so readers of the other "
                "languages would see it untranslated. Write a legal reference as 'art. 12(2)' "
                "(article, paragraph, point 1°, letter a)), a document's section as "
                "{section: \"2\", heading: \"…\"}, or free text in every language as "
                "{fr: \"…\", de: \"…\", en: \"…\"}."]
    if isinstance(raw, list):
        return [problem for item in raw for problem in problems(item)] if raw else ["The locator list is empty."]
    if isinstance(raw, dict):
        keys = set(raw)
        if "heading" in keys or "section" in keys:
            extra = keys - {"section", "heading", "part"}
            return [f"A section locator has only section, heading and part (not {', '.join(sorted(extra))})."] \
                if extra else []
        missing = [lang for lang in LANGS if not str(raw.get(lang) or "").strip()]
        extra = keys - set(LANGS)
        out = []
        if missing:
            out.append(f"The locator has no text in {', '.join(missing)}: write it in every language.")
        if extra:
            out.append(f"The locator has unknown keys: {', '.join(sorted(extra))} (use {', '.join(LANGS)}).")
        return out
    return ["A locator is a legal reference ('art. 12(2)'), a section {section: …} or {fr:, de:, en:}."]


def render(raw, lang: str) -> str:
    """The locator as the reader of one language sees it."""
    if isinstance(raw, Locator):
        raw = raw.raw
    if isinstance(raw, str):
        return _render_legal(raw, lang) if is_legal(raw) else raw
    if isinstance(raw, list):
        return (_words(lang)["semicolon"] + " ").join(render(item, lang) for item in raw)
    if "section" in raw or "heading" in raw:
        opening, closing = quotes(lang)
        parts = [f"{_words(lang)['section']} {raw['section']}"] if raw.get("section") else []
        if raw.get("heading"):
            parts.append(f"{opening}{raw['heading']}{closing}")
        text = ", ".join(parts)
        if raw.get("part"):
            text += f", {_words(lang)['part']} {opening}{raw['part']}{closing}"
        return text
    return str(raw[lang])


class Locator(str):
    """A locator that prints as its French text and renders in any language."""

    raw: object

    def __new__(cls, raw):
        text = render(raw, DEFAULT_LANGUAGE) if not problems(raw) else str(raw)
        obj = super().__new__(cls, text)
        obj.raw = raw
        return obj

    def render(self, lang: str) -> str:
        return render(self.raw, lang) if not problems(self.raw) else str(self)


def as_locator(raw) -> Locator:
    return raw if isinstance(raw, Locator) else Locator(raw)
