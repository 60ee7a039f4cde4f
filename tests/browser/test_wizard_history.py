"""The wizard on the site's own pages, which opt in to URL state: history, state kept, share, print, axe.

Back and Forward move between questions and a reload keeps the step; the
language menu, the skip link and a percent-encoded link keep the answers;
Copy link confirms; the print stylesheet keeps the answers, the result and
the assessment date but not the buttons; axe (with ``wcag22aa``, which
checks target sizes) finds nothing on any question, error or result in
the three languages. Elements are found by documented parts and roles.
"""

from __future__ import annotations

import pytest

from sitemodel import LANGUAGES

from .conftest import (
    ARTIFACTS,
    DEEP_ACTIVE_ELEMENT_JS,
    browser_today,
    show_wizard_state,
    wizard_data,
    wizard_ready,
    wizard_screens,
)

WCAG22 = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
          "resultTypes": ["violations"]}
PROGRESS_JS = """(text) => {
  const p = document.querySelector('lu-integration-wizard').shadowRoot.querySelector('[part~=progress]');
  return !!p && p.textContent.startsWith(text);
}"""


def page_of(flow: str, lang: str) -> str:
    return f"/wizard/{flow}/" if lang == "fr" else f"/{lang}/wizard/{flow}/"


def wait_for_question(page, number: int, word: str = "Question") -> None:
    page.wait_for_function(PROGRESS_JS, arg=f"{word} {number} ")


def answer_route_start(wizard) -> None:
    """Question 1: lives in Luxembourg; question 2: 34 years old."""
    wizard.get_by_role("radio").first.check()
    wizard.locator("[part~=button-primary]").click()
    wait_for_question(wizard.page, 2, wizard.locator("[part~=progress]").inner_text().split()[0])
    wizard.get_by_role("textbox").fill("34")
    wizard.locator("[part~=button-primary]").click()
    wait_for_question(wizard.page, 3, wizard.locator("[part~=progress]").inner_text().split()[0])


def test_back_and_forward_move_between_questions_and_reload_keeps_the_step(server, open_page):
    with open_page() as (_, page, log):
        page.goto(server.url(page_of("route", "en")))
        wizard_ready(page)
        site_title = page.title().split(" \u2013 ", 1)[1]  # "Question 1: … – <the page's own title>"
        wizard = page.locator("lu-integration-wizard")
        answer_route_start(wizard)
        assert page.evaluate("location.hash") == "#wizard=route.connection:lives,age:34"
        assert page.title().startswith("Question 3: ") and page.title().endswith(" \u2013 " + site_title)
        page.go_back()
        wait_for_question(page, 2)
        assert wizard.get_by_role("textbox").input_value() == "34"  # the answer is still offered
        page.go_back()
        wait_for_question(page, 1)
        assert wizard.get_by_role("radio").first.is_checked()
        page.go_forward()
        page.go_forward()
        wait_for_question(page, 3)
        page.reload()
        wizard_ready(page)
        wait_for_question(page, 3)
        # the error state is in the title too
        wizard.locator("[part~=button-primary]").click()
        assert page.title().startswith("Error: Question 3: ")
    assert not log.page_errors, log.page_errors


def test_language_menu_and_skip_link_keep_the_answers_and_the_step(server, open_page):
    with open_page() as (_, page, log):
        page.goto(server.url(page_of("route", "en")))
        wizard_ready(page)
        wizard = page.locator("lu-integration-wizard")
        answer_route_start(wizard)
        # the skip link (a page anchor) changes the address: the wizard keeps its state
        page.locator(".md-skip").focus()  # the theme's skip link, the first Tab stop of every page
        page.keyboard.press("Enter")
        page.wait_for_function("() => !location.hash.includes('wizard=')")
        wait_for_question(page, 3)
        # the language menu carries the state to the same step in French
        french = page.locator("a[hreflang=fr]").first
        assert french.get_attribute("href").endswith("#wizard=route.connection:lives,age:34")
        french.evaluate("a => a.click()")
        page.wait_for_url("**/wizard/route/#wizard=route.connection:lives,age:34")
        wizard_ready(page)
        wait_for_question(page, 3)
        assert page.locator("lu-integration-wizard [part~=container]").get_attribute("lang") == "fr"
        assert "34" in page.locator("lu-integration-wizard [part~=answers]").text_content()
    assert not log.page_errors, log.page_errors


def test_an_encoded_shared_link_opens_the_result_and_copy_link_confirms(server, open_page):
    encoded = "#wizard%3Dsubsidy.council_size%3Alarge%2Cmembers%3A10%2Ccoordinator%3Ano"
    with open_page() as (context, page, log):
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
        page.goto(server.url(page_of("subsidy", "en")) + encoded)
        wizard_ready(page)
        wizard = page.locator("lu-integration-wizard")
        assert wizard.locator("[part~=result] [part~=heading]").inner_text() == "Estimate of the yearly subsidies"
        wizard.get_by_role("button", name="Copy link to this result").click()
        confirmed = wizard.get_by_role("status").filter(has_text="Link copied.")
        confirmed.wait_for(timeout=5000)  # the clipboard answers asynchronously
        assert confirmed.count() == 1
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.endswith("#wizard=subsidy.council_size:large,members:10,coordinator:no")
        other = context.new_page()
        other.goto(copied)
        wizard_ready(other)
        assert other.locator("lu-integration-wizard [part~=result]").count() == 1
    assert not log.page_errors, log.page_errors


def test_print_keeps_answers_result_and_date_without_buttons(server, open_page):
    state = "#wizard=subsidy.council_size:large,members:10,coordinator:no"
    with open_page(viewport={"width": 800, "height": 1200}) as (_, page, log):
        page.goto(server.url(page_of("subsidy", "en")) + state)
        wizard_ready(page)
        wizard = page.locator("lu-integration-wizard")
        page.emulate_media(media="print")
        for part in ("[part~=result] [part~=heading]", "[part~=answers]", "[part~=assessed]"):
            assert wizard.locator(part).is_visible(), part
        assert wizard.locator("[part~=assessed]").inner_text().startswith("Assessed on ")
        assert not any(button.is_visible() for button in wizard.get_by_role("button").all())
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "wizard-print.png"), full_page=True)
        page.emulate_media(media="screen")
        assert wizard.get_by_role("button", name="Start again").is_visible()
    assert not log.page_errors, log.page_errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_wcag22_finds_nothing_on_any_question_error_or_result(lang, server, open_page):
    from .conftest import axe_source

    problems = []
    with open_page(viewport={"width": 390, "height": 844}) as (_, page, log):
        for flow in ("route", "permit", "subsidy"):
            page.goto(server.url(page_of(flow, lang)))
            wizard_ready(page)
            page.evaluate(axe_source())
            data = wizard_data(server.site, flow, lang)
            screens = wizard_screens(data, browser_today(page))
            for screen in screens:
                show_wizard_state(page, screen.fragment)
                states = [screen.name]
                if screen.name.startswith("question"):
                    states.append(screen.name + " (error)")
                for state in states:
                    if state.endswith("(error)"):
                        page.locator("lu-integration-wizard [part~=button-primary]").click()
                        page.locator("lu-integration-wizard [part~=error-summary]").wait_for()
                    found = page.evaluate("o => axe.run('lu-integration-wizard', o)", WCAG22)["violations"]
                    problems += [f"{flow} {lang} {state}: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
                                 for v in found]
            assert len(screens) > 3
    assert not problems, "\n".join(problems)
    assert not log.page_errors, log.page_errors


# Where the focus is, and where the sticky header ends (WCAG 2.4.11, focus not obscured).
FOCUS_AND_HEADER_JS = f"""() => {{
  const element = ({DEEP_ACTIVE_ELEMENT_JS})();
  const box = element.getBoundingClientRect(), header = document.querySelector('.md-header');
  return {{ part: element.getAttribute('part') || element.tagName.toLowerCase(), top: box.top,
           bottom: box.bottom, header: header.getBoundingClientRect().bottom,
           sticky: /sticky|fixed/.test(getComputedStyle(header).position), viewport: innerHeight }};
}}"""


def test_the_focus_the_wizard_moves_is_never_under_the_sticky_header_on_a_phone(server, open_page):
    """The error summary, then each new question's heading, get the focus from the wizard itself:
    on a phone, after the reader has scrolled, they land below Material's sticky header."""
    with open_page(viewport={"width": 360, "height": 640}) as (_, page, log):
        page.goto(server.url(page_of("route", "en")))
        wizard_ready(page)
        wizard = page.locator("lu-integration-wizard")
        states = []
        page.mouse.wheel(0, 2000)  # the reader has scrolled: the header stays on top of the page
        wizard.locator("[part~=button-primary]").click()  # no answer: the error summary takes the focus
        page.wait_for_function("() => !!document.querySelector('lu-integration-wizard')"
                               ".shadowRoot.querySelector('[part~=error-summary]')")
        page.wait_for_timeout(300)  # smooth scrolling, if any, has ended
        states.append(page.evaluate(FOCUS_AND_HEADER_JS))
        answer_route_start(wizard)  # two questions answered: each new heading takes the focus
        page.wait_for_timeout(300)
        states.append(page.evaluate(FOCUS_AND_HEADER_JS))
        # the check can fail: scrolled so that the heading's top is at the window's top (as a script
        # that ignored scroll margins would), the focused heading is under the header
        page.evaluate(f"""() => {{ document.body.style.paddingBottom = '3000px';
                                    scrollBy(0, ({DEEP_ACTIVE_ELEMENT_JS})().getBoundingClientRect().top); }}""")
        hidden = page.evaluate(FOCUS_AND_HEADER_JS)
    assert hidden["top"] < hidden["header"], hidden
    assert all(state["sticky"] for state in states), states  # the check is about a sticky header
    for state in states:
        assert state["top"] >= state["header"] - 1 and state["bottom"] <= state["viewport"] + 1, state
