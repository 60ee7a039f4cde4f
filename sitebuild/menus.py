"""Menus that stay small however many pages the site has.

mkdocs renders the navigation into every page. Listing every page there made
a fact sheet's HTML grow with the site (38 KB with 27 sheets, 441 KB with
1,350), and mkdocs' time per page with it. Instead:

- each section gets an overview page, ``sections/<section>/index.md``, that
  lists its pages with their summaries (GOV.UK's "browse" pages): plain
  Markdown, generated here;
- the menu holds the home page and one entry per section, which links to that
  overview (Material's ``navigation.indexes``); a section's own pages follow
  its overview in the menu while there are at most ``MENU_LIMIT`` of them;
- Material's ``navigation.prune`` renders only the open section's pages, so a
  page carries the section links plus at most ``MENU_LIMIT`` links of its own
  section: its size no longer depends on the size of the site.

A page that is not in the menu (a section longer than the limit) is still
reached from its overview page, from the home page and from search.
"""

from __future__ import annotations

from sitemodel import LANGUAGES, SECTION_ORDER
from sitemodel.content import Content
from sitemodel.prose import render as render_prose
from sitemodel.typography import apply as typography

from .render import RenderedPage, meta_text

MENU_LIMIT = 20  # the longest section today has 15 pages
OVERVIEW_DIR = "sections"


def overview_path(section: str) -> str:
    return f"{OVERVIEW_DIR}/{section}/index.md"


def _members(pages: list[RenderedPage], lang: str, section: str) -> list[RenderedPage]:
    return sorted((p for p in pages if p.lang == lang and p.section == section and p.path != "index.md"
                   and not p.path.startswith(f"{OVERVIEW_DIR}/")), key=lambda p: (p.order, p.path))


def _summary(content: Content, page: RenderedPage) -> str:
    """The page's one-line summary, as plain text (wizard pages have none)."""
    slug = page.path.removesuffix(".md")
    if slug not in content.pages:
        return ""
    summary = render_prose(content.pages[slug].prose[page.lang]["summary"], content.facts, page.lang)
    return meta_text(typography(summary, page.lang))  # French no-break spaces, as on the page itself


def overview_pages(pages: list[RenderedPage], content: Content) -> list[RenderedPage]:
    """One overview page per section and language: its title, then a link to each page."""
    overviews = []
    for lang in LANGUAGES:
        for order, section in enumerate(SECTION_ORDER):
            members = _members(pages, lang, section)
            if not members:
                continue
            title = str(typography(content.ui[lang]["sections"][section], lang))
            lines = [f"# {title}", ""]
            for page in members:
                summary = _summary(content, page)
                link = f"- [{typography(page.title, lang)}](../../{page.path})"  # wizard titles too
                lines.append(f"{link}: {summary}" if summary else link)
            markdown = "---\nsearch:\n  exclude: true\n---\n\n" + "\n".join(lines) + "\n"
            overviews.append(RenderedPage(lang, overview_path(section), title, section, order, markdown))
    return overviews


def navigation(pages: list[RenderedPage], content: Content, lang: str) -> list:
    """The mkdocs nav for one language: home, then each section led by its overview page."""
    nav: list = [p.path for p in pages if p.lang == lang and p.path == "index.md"]
    for section in SECTION_ORDER:
        members = _members(pages, lang, section)
        if not members:
            continue
        entries: list = [overview_path(section)]
        if len(members) <= MENU_LIMIT:
            entries += [{p.title: p.path} for p in members]
        nav.append({content.ui[lang]["sections"][section]: entries})
    return nav
