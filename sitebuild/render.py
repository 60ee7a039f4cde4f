"""Render checked content to Markdown pages for mkdocs-static-i18n.

Templates live in ``templates/`` and hold presentation only: every value
they show comes from the content (prose, facts, sources, review dates).
Jinja runs with autoescape and ``StrictUndefined``: a missing word stops the
build instead of leaving a hole in a page.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import re
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from sitemodel import LANGUAGES, SECTION_ORDER
from sitemodel.content import Content, Page
from sitemodel.facts import format_date
from sitemodel.pages import RenderedPage
from sitemodel.prose import render as render_prose
from sitemodel.sources import cite as cite_source
from sitemodel.templating import environment as markdown_environment
from sitemodel.typography import apply as typography  # issue 14: French no-break spaces

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def environment() -> Environment:
    env = markdown_environment(TEMPLATES)  # plain values (titles of sources, locators) are escaped
    env.filters["meta_text"] = meta_text
    return env


def meta_text(markdown: str) -> str:
    """Plain text for a <meta> attribute: no Markdown, and HTML-escaped because the
    theme prints page.meta.description into content="..." as it is."""
    text = re.sub(r"(?<!\\)\[([^\]]*)\]\([^)]*\)", r"\1", str(markdown))  # [text](link) -> text
    text = re.sub(r"<[^>]*>", "", text)  # <strong> and the like
    text = re.sub(r"(?<!\\)[*`]", "", text)  # bold and code marks
    text = html.unescape(re.sub(r"\\(.)", r"\1", text))  # escaped characters are plain again
    # ASCII whitespace only: str.split() would also turn French no-break spaces into plain ones
    return str(escape(" ".join(re.split(r"[ \t\n\r\f\v]+", text.strip(" \t\n\r\f\v")))))




def _page_context(content: Content, page: Page, lang: str) -> dict:
    facts = content.facts
    prose = page.prose[lang]

    def text(value: str) -> Markup:
        return typography(render_prose(value, facts, lang), lang)

    def cite(citations) -> list[dict]:
        cited = []
        for citation in citations:
            # the page in this language, if any, with its own headings; else the original, marked (lang=)
            cited.append(cite_source(content.sources[citation["source"]], citation["locator"], lang))
        return cited

    sections = []
    for meta in page.meta["sections"]:
        words = prose["sections"][meta["id"]]
        changes = []
        for fact_id in meta.get("changed", []):
            fact = facts[fact_id]
            source = content.sources[fact.source]
            # a change that is a date shows that date; otherwise when the source stated it
            when = fact.value if fact.type == "date" else fact.as_of
            changes.append({**cite_source(source, getattr(fact.locator, "raw", fact.locator), lang),
                            "as_of": format_date(when, lang) if when else None})
        sections.append({"id": meta["id"], "heading": text(words["heading"]), "body": text(words["body"]),
                         "sources": cite(meta.get("sources", [])), "changes": changes})
    return {
        "lang": lang,
        "slug": page.slug,
        "ui": content.ui[lang],
        "title": text(prose["title"]),
        "summary": text(prose["summary"]),
        "sections": sections,
        "sources": cite(page.meta["sources"]),
        "reviewed": format_date(page.meta["reviewed"], lang),
        "reviewed_iso": page.meta["reviewed"].isoformat(),
        "brochure_2013": page.meta.get("brochure_2013", False),
        "citation_separator": typography(" ; ", lang).lstrip(" "),  # "; ", or " ; " with a narrow no-break space
    }


# From this many pages per language on, the languages are rendered in processes of their own
# (forked: they share the checked content); below it, starting them costs more than it saves.
PARALLEL_FROM = 200
_SHARED: dict = {}  # the content, for the forked processes


def render_pages(content: Content) -> list[RenderedPage]:
    """Every content page in every language, as Markdown (page by page, each in every language)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if len(content.pages) >= PARALLEL_FROM and cores > 1 and "fork" in multiprocessing.get_all_start_methods():
        _SHARED["content"] = content
        try:
            with multiprocessing.get_context("fork").Pool(min(cores, len(LANGUAGES))) as pool:
                per_language = pool.map(_render_language, LANGUAGES, chunksize=1)
        finally:
            _SHARED.clear()
    else:
        per_language = [_render_language(lang, content) for lang in LANGUAGES]
    return [page for pages in zip(*per_language, strict=True) for page in pages]


def _render_language(lang: str, content: Content | None = None) -> list[RenderedPage]:
    content = content or _SHARED["content"]
    template = environment().get_template("page.md.j2")
    rendered = []
    for page in content.pages.values():
        context = _page_context(content, page, lang)
        title = str(typography(render_prose(page.prose[lang]["title"], content.facts, lang), lang))
        rendered.append(RenderedPage(
            lang=lang, path=f"{page.slug}.md", title=title, section=page.meta["section"],
            order=page.meta["order"], markdown=template.render(context),
        ))
    return rendered


def navigation(pages: list[RenderedPage], content: Content, lang: str) -> list:
    """The mkdocs nav for one language: home first, then pages grouped by section."""
    mine = [p for p in pages if p.lang == lang]
    nav: list = [p.path for p in mine if p.path == "index.md"]
    for section in SECTION_ORDER:
        items = sorted((p for p in mine if p.section == section and p.path != "index.md"),
                       key=lambda p: (p.order, p.path))
        if items:
            nav.append({content.ui[lang]["sections"][section]: [{p.title: p.path} for p in items]})
    return nav
