"""The Jinja environment of the wizard's pages (wizard/templates/), shared by its page makers.

It is ``sitemodel.templating``'s: autoescape that also escapes Markdown, and
StrictUndefined. Quotation marks are left as they are, as Python-Markdown
writes them in text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment

from sitemodel.templating import environment

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def templates() -> Environment:
    from .citations import cited
    from .nojs import attribute, linked, words  # the no-JavaScript pages' filters (raw HTML blocks)

    env = environment(TEMPLATES, quotes=False)
    env.filters["words"] = words
    env.filters["attr"] = attribute
    env.filters["linked"] = linked
    env.filters["cited"] = lambda item, lang: cited(item, lambda text: words(text, lang))
    return env
