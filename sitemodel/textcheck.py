"""Characters and placeholders an editor cannot see are wrong: name them.

Two checks on every content file, before anything else reads it:

- ``text_problem``: invisible characters (zero-width spaces, bidi overrides,
  control characters) and look-alike letters (a Cyrillic 'а' inside a Latin
  word) named with their code point; they pass every eye and break a fact
  name, a key or a link.
- ``placeholder_problem``: a ``[[fact]`` or ``[fact]]`` that does not close
  as a placeholder. Left alone it is shown as typed on the page, and the
  comparison of facts between languages blames the other languages.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# [[fact.id]] or [[fact.id|n]]: the grammar of sitemodel/facts.py's PLACEHOLDER
PLACEHOLDER = re.compile(r"\[\[\s*([A-Za-z0-9_.\-]+)\s*(?:\|\s*([a-z]+)\s*)?\]\]")
# A word made of letters (and the joiners an invisible character may hide in).
WORD = re.compile(r"[^\W\d_]+(?:[\u200b-\u200d\u2060\u00ad][^\W\d_]+)*")
ALLOWED_CONTROLS = "\n\r\t"
ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SCRIPTS_THAT_LOOK_LATIN = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")


def describe(char: str) -> str:
    """'U+200B ZERO WIDTH SPACE': how a character is named in messages."""
    name = unicodedata.name(char, "") or (
        "(a control character)" if unicodedata.category(char) == "Cc" else "(an unnamed character)")
    return f"U+{ord(char):04X} {name}"


@lru_cache(maxsize=4096)  # per character: a site uses a few hundred distinct ones
def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ")[0]


@lru_cache(maxsize=4096)
def _invisible(char: str) -> bool:
    category = unicodedata.category(char)
    return (category == "Cf" or (category == "Cc" and char not in ALLOWED_CONTROLS)
            or category in ("Zl", "Zp"))


def text_problem(text: str) -> tuple[int, str, str] | None:
    """(line, message, fix) for the first invisible or look-alike character, or None."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isascii() and not ASCII_CONTROL.search(line):
            continue
        invisible = any(map(_invisible, set(line)))  # each distinct character once
        for index, char in enumerate(line) if invisible else ():  # then the first, in reading order
            if char == "\ufeff" and number == 1 and index == 0:
                continue  # a byte-order mark at the very start is harmless
            if _invisible(char):
                return (number, f"The line contains an invisible character, {describe(char)}.",
                        "Delete it: put the cursor just before the next visible character and press "
                        "Backspace until that character goes, then retype it.")
        for word in WORD.finditer(line):
            letters = word.group(0)
            if letters.isascii():
                continue  # Latin letters only: nothing can look like them
            scripts = {_script(c) for c in letters if c.isalpha()}
            if "LATIN" in scripts and scripts & set(SCRIPTS_THAT_LOOK_LATIN):
                odd = next(c for c in letters if c.isalpha() and _script(c) != "LATIN")
                return (number, f"The word '{letters}' mixes Latin letters with {describe(odd)}, "
                        "which looks the same but is another letter.",
                        "Retype the word with the keyboard's ordinary letters.")
    return None


def _strings(node, line: int):
    """Every text value of a loaded file with the line of its key (LineDict/LineList)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, node.line_of(key) if hasattr(node, "line_of") else line)
    elif isinstance(node, list):
        lines = getattr(node, "lines", None) or [line] * len(node)
        for value, item_line in zip(node, lines, strict=False):
            yield from _strings(value, item_line)
    elif isinstance(node, str):
        yield node, line


def placeholder_problem(data) -> tuple[int, str, str] | None:
    """(line, message, fix) for the first text with a broken [[placeholder]], or None."""
    for text, line in _strings(data, getattr(data, "line", 1)):
        if "[[" not in text and "]]" not in text:
            continue
        rest = PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), text)
        # a link whose text is a placeholder ends in ']]]('; its last ']' closes the link
        broken = re.search(r"\[\[+[^\]\n]{0,40}\]?|\]\]", rest)
        if broken is None:
            continue
        start = broken.start()
        if broken.group(0) == "]]":  # a closing pair without its opening: show from the '['
            opening = text.rfind("[", 0, start)
            start = opening if 0 <= start - opening < 60 else start
        closing = text.find("]]", start + 2)
        end = closing + 2 if 0 <= closing - start < 60 else start + 30
        shown = text[start:end].split("\n")[0].strip()
        offset = text.count("\n", 0, start) + (1 if "\n" in text else 0)
        return (line + offset, f"The text has a placeholder that is not closed or not well formed: "
                f"'{shown}'.", "Write facts as [[fact.name]] or [[fact.name|n]]: two square brackets "
                "on each side, letters, digits, dots, dashes and underscores only.")
    return None
