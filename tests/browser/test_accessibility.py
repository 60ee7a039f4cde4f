"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any page or wizard screen.

Every page is every index.html of the built site (all three languages, the
rules pages, the iframe embed page) plus 404.html, listed from the site
folder. Every wizard screen is each question and each result of each flow in
each language, opened through the wizard's URL state, so a new question or
outcome is checked as soon as it exists. Violations are never excluded: a
problem of the theme is fixed in docs/assets/stylesheets/site.css or
overrides/main.html.
"""

from __future__ import annotations

import pytest

from sitemodel import LANGUAGES

from .conftest import (
    WIZARD_FLOWS,
    axe_violations,
    browser_today,
    page_language,
    show_wizard_state,
    site_pages,
    wizard_data,
    wizard_heading,
    wizard_pages,
    wizard_ready,
    wizard_screens,
)

PHONE = {"width": 360, "height": 740}


def load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    if page.evaluate("() => !!document.querySelector('lu-integration-wizard')"):
        wizard_ready(page)  # the wizard renders after fetching its data: check what readers see


@pytest.mark.xdist_group("site-sweep")  # the privacy checks read the same sweep: one worker runs both
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_has_no_wcag_a_or_aa_violation(lang, sweep, server):
    """Read from the one sweep over every page (conftest.py), which also serves the privacy checks."""
    pages = [path for path in site_pages(server.site) if page_language(path.lstrip("/")) == lang]
    assert len(pages) > 1, f"no {lang} pages found in {server.site}"
    assert set(pages) <= set(sweep.violations), "the sweep did not check every page"
    violations = [line for path in pages for line in sweep.violations[path]]
    assert not violations, f"{len(violations)} axe violations:\n" + "\n".join(violations)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_and_wizard_pages_at_phone_width_have_no_violation(lang, server, open_page):
    # Material lays the header and navigation out differently on a phone
    home = "/" if lang == "fr" else f"/{lang}/"
    wizard = next(path for flow, page_lang, path in wizard_pages(server.site) if page_lang == lang)
    violations = []
    with open_page(viewport=PHONE, is_mobile=True, has_touch=True) as (_, page, _log):
        for path in (home, wizard):
            load(page, server.url(path))
            violations += axe_violations(page)
    assert not violations, "\n".join(violations)


def test_every_flow_has_a_page_in_every_language(server):
    found = {(flow, lang) for flow, lang, _ in wizard_pages(server.site)}
    assert found == {(flow, lang) for flow in WIZARD_FLOWS for lang in LANGUAGES}
    assert (server.site / "assets" / "wizard" / "wizard-v1.js").is_file()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("flow", WIZARD_FLOWS)
def test_every_wizard_question_and_result_has_no_violation(flow, lang, server, open_page):
    path = next(path for page_flow, page_lang, path in wizard_pages(server.site)
                if (page_flow, page_lang) == (flow, lang))
    data = wizard_data(server.site, flow, lang)
    violations, wrong_screens = [], []
    with open_page() as (_, page, log):
        page.goto(server.url(path))
        wizard_ready(page)
        screens = wizard_screens(data, browser_today(page))
        assert {screen.name.split()[0] for screen in screens} == {"question", "result"}, screens
        for number, screen in enumerate(screens):
            if number == 0:  # the first from a real page load, as from a shared link
                page.goto(server.url(f"{path}?screen=0{screen.fragment}"))
                wizard_ready(page)
            else:
                show_wizard_state(page, screen.fragment)
            shown = wizard_heading(page)
            if shown != screen.heading:
                wrong_screens.append(f"{screen.name}: {screen.fragment} shows {shown!r}, not {screen.heading!r}")
                continue
            violations += [f"[{screen.name}] {line}" for line in axe_violations(page, "lu-integration-wizard")]
    assert not wrong_screens, "the URL state did not open the expected screen:\n" + "\n".join(wrong_screens)
    assert not violations, f"{len(violations)} axe violations:\n" + "\n".join(violations)
    assert not log.page_errors, log.page_errors
