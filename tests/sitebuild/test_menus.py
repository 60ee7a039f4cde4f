"""The menu stays small however many pages a section has; the overview pages list them all."""

from __future__ import annotations

from types import SimpleNamespace

from sitebuild.menus import MENU_LIMIT, navigation, overview_pages
from sitebuild.render import RenderedPage
from sitemodel import LANGUAGES, SECTION_ORDER

UI = {lang: {"sections": {section: f"{section} ({lang})" for section in SECTION_ORDER}} for lang in LANGUAGES}


def pages(per_section: int) -> list[RenderedPage]:
    made = [RenderedPage(lang, "index.md", "Home", "start", 0, "# Home\n") for lang in LANGUAGES]
    for lang in LANGUAGES:
        for section in SECTION_ORDER[:2]:
            made += [RenderedPage(lang, f"{section}-{n}.md", f"{section} {n}", section, n, "# x\n")
                     for n in range(per_section)]
    return made


CONTENT = SimpleNamespace(ui=UI, pages={}, facts={})  # no content page: no summaries to render


def links(nav) -> int:
    return sum(links(item) if isinstance(item, list) else
               links(list(item.values())) if isinstance(item, dict) else 1 for item in nav)


def test_a_short_section_lists_its_pages_after_its_overview():
    nav = navigation(pages(3), CONTENT, "de")
    first = SECTION_ORDER[0]
    assert nav[0] == "index.md"
    assert nav[1] == {f"{first} (de)": [f"sections/{first}/index.md",
                                         *({f"{first} {n}": f"{first}-{n}.md"} for n in range(3))]}


def test_the_menu_does_not_grow_with_a_long_section():
    small = links(navigation(pages(MENU_LIMIT), CONTENT, "en"))
    large = links(navigation(pages(50 * MENU_LIMIT), CONTENT, "en"))
    assert large <= small
    assert large == 1 + 2  # the home page and one overview per section


def test_the_overview_page_links_every_page_of_its_section():
    overviews = {(p.lang, p.path): p for p in overview_pages(pages(50), CONTENT)}
    section = SECTION_ORDER[1]
    page = overviews[("fr", f"sections/{section}/index.md")]
    assert page.markdown.count(f"](../../{section}-") == 50
    assert f"# {section} (fr)" in page.markdown
    assert len(overviews) == 2 * len(LANGUAGES)  # sections without pages get no overview
