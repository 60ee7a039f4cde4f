"""Jinja for Markdown pages: autoescape that also escapes Markdown, and StrictUndefined.

Every page maker (the content renderer, the wizard's pages) uses this
environment. A value that is not ``Markup`` (a source title, a locator, an
interface word, a wizard text) is written as plain text: HTML-escaped and
with every Markdown character escaped (``sitemodel.prose.escape_markdown``).
Prose rendered by ``sitemodel.prose.render`` is ``Markup`` already. Link
targets go through the ``href`` filter, which lets only the grammar's
schemes through.
"""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .prose import escape_markdown, safe_href


def _plain(quotes: bool):
    def finalize(value):
        return value if isinstance(value, Markup) else escape_markdown(str(value), quotes, line_start=False)
    return finalize


def html_text(text) -> Markup:
    """Text inside a raw HTML block (Markdown is not read there): HTML-escaped only."""
    return Markup(str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))  # noqa: S704


def paragraph(text) -> Markup:
    """Plain text that starts a line of its own (a paragraph): its first line is guarded too."""
    return text if isinstance(text, Markup) else escape_markdown(str(text), quotes=False)


def cell(text) -> Markup:
    """Plain text in a Markdown table cell: one line, the pipe escaped (rendered text: one line)."""
    if isinstance(text, Markup):
        return Markup(" ".join(text.split("\n")))  # noqa: S704 - already rendered, pipes escaped
    return escape_markdown(" ".join(str(text).split("\n")), quotes=False, line_start=False)


def href(url) -> Markup:
    """A link target allowed by the text grammar; anything else stops the build."""
    target = safe_href(str(url))
    if target is None:
        raise ValueError(f"the address {url!r} is not an allowed link")
    return Markup(target)  # noqa: S704 - percent-encoded by safe_href


def environment(folder: Path, quotes: bool = True) -> Environment:
    """``quotes``: whether plain values escape quotation marks (as HTML autoescape does)."""
    env = Environment(
        loader=FileSystemLoader(folder),
        autoescape=True,
        finalize=_plain(quotes),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # JSON strings are valid YAML: a safe way to put text in front matter.
    env.filters["yaml_string"] = lambda text: Markup(json.dumps(str(text), ensure_ascii=False))  # noqa: S704
    env.filters["href"] = href
    env.filters["html"] = html_text
    env.filters["paragraph"] = paragraph
    env.filters["cell"] = cell
    return env
