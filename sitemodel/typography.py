"""French typography at render time: no-break spaces where French needs them.

Editors type ordinary spaces ("Source :", « texte »); French typography wants
a no-break space there so that ":" or "»" never starts a new line: a narrow
no-break space (U+202F) before ; ! ? and a no-break space (U+00A0) before :
and », and after «. German and English text is returned unchanged. Only
spaces are touched, so links and Markdown stay as they are.
"""

from __future__ import annotations

import re

from markupsafe import Markup

NBSP, NNBSP = "\u00a0", "\u202f"
_BEFORE_TALL = re.compile(r"[ \u00a0\u202f]+([:»])")
_BEFORE_SHORT = re.compile(r"[ \u00a0\u202f]+([;!?])")
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]+")


def apply(text, lang: str):
    """The text with French no-break spaces (same type as given: str or Markup)."""
    if lang != "fr":
        return text
    out = _BEFORE_TALL.sub(NBSP + r"\1", str(text))
    out = _BEFORE_SHORT.sub(NNBSP + r"\1", out)
    out = _AFTER_OPEN.sub("«" + NBSP, out)
    return Markup(out) if isinstance(text, Markup) else out  # noqa: S704 - only spaces changed
