"""A page ready for the site: what every layer that makes pages returns.

The content renderer and the wizard both give ``RenderedPage`` values, so the
pipeline writes and orders them without reading their Markdown back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RenderedPage:
    """A Markdown page ready for mkdocs, with what the navigation needs."""

    lang: str
    path: str  # relative to docs/<lang>/, e.g. "cai.md" or "wizard/route.md"
    title: str
    section: str
    order: int
    markdown: str
