"""Keyboard alone: every flow can be completed, and the focus is always visible.

Only keys are used, never the mouse: Tab, Space, Enter and the arrow keys,
plus typing digits into number and date fields. After each step the focus
must be on the new question's heading (or its first control), and every
element that gets the focus must show a visible indicator (an outline or a
box-shadow) on an element that is actually rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sitemodel import LANGUAGES

from .conftest import (
    DEEP_ACTIVE_ELEMENT_JS,
    WIZARD_FLOWS,
    axe_violations,
    browser_today,
    wizard_data,
    wizard_pages,
    wizard_ready,
)

# What has the focus, and whether a sighted keyboard user can see it once the
# transitions that show it are over (Material fades the skip link in, for
# instance). Colour transitions are not waited for: they change no visibility.
FOCUS_JS = f"""async () => {{
  const element = ({DEEP_ACTIVE_ELEMENT_JS})();
  if (!element || element === document.body || element === document.documentElement) {{
    return {{ description: 'nothing (the page itself)', inWizard: false, visible: false,
              why: 'no element has the focus' }};
  }}
  const chain = new Set();
  for (let node = element; node; node = node.parentNode || node.host) chain.add(node);
  const showing = document.getAnimations().filter((a) => a.effect && chain.has(a.effect.target)
    && a.effect.getTiming().iterations !== Infinity && !/color$/.test(a.transitionProperty || ''));
  const settled = Promise.all(showing.map((a) => a.finished.catch(() => null)));
  await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1000))]);
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  const rendered = element.checkVisibility({{ opacityProperty: true, visibilityProperty: true }})
    && box.width > 0 && box.height > 0;
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
    && !/^(transparent|rgba\\(.*,\\s*0\\))$/.test(style.outlineColor);
  const shadow = style.boxShadow !== 'none';
  const inWizard = element.getRootNode() !== document;
  const text = (element.getAttribute('aria-label') || element.textContent || element.value || '').trim();
  return {{
    description: `<${{element.tagName.toLowerCase()}} class="${{element.className}}"> ${{text.slice(0, 40)}}`,
    tag: element.tagName.toLowerCase(), type: element.type || null, value: element.value || null,
    className: String(element.className), text, inWizard,
    visible: rendered && (outline || shadow),
    why: !rendered ? 'the element is not rendered' : 'no outline and no box-shadow',
  }};
}}"""

# The wizard's error message (without its hidden "Error:" prefix), what its live region says,
# the heading shown, and the answer given, found by the documented parts.
WIZARD_STATE_JS = """() => {
  const root = document.querySelector('lu-integration-wizard').shadowRoot;
  const error = root.querySelector('[part~=error-message]');
  const live = [...root.children].find((e) => e.getAttribute('role') === 'status');  // the announcer
  const heading = root.querySelector('[part~=heading]');
  const fields = [...root.querySelectorAll('[part~=field]')];  // one number field, or day, month, year
  return { error: error ? error.lastChild.textContent : null, live: live ? live.textContent : null,
           heading: heading ? heading.textContent : null,
           summary: (root.querySelector('[part~=error-summary] a') || {}).textContent || null,
           checked: (root.querySelector('input[type=radio]:checked') || {}).value || null,
           field: fields.length ? fields.map((i) => i.value).join('/') : null };
}"""


def focus(page) -> dict:
    return page.evaluate(FOCUS_JS)


def press(page, key: str, seen: list[str]) -> dict:
    """Press one key; the element that gets the focus must show it."""
    page.keyboard.press(key)
    focused = focus(page)
    seen.append(f"{key} -> {focused['description']}")
    assert focused["visible"], (f"after {key}, the focus on {focused['description']} is not visible "
                                f"({focused['why']}). Keys so far:\n" + "\n".join(seen))
    return focused


@dataclass
class Walk:
    """The answers of one complete path through a flow, in the order they are asked."""

    asked: list[str]
    answers: dict
    outcome: str


def longest_walk(data: dict, today: str) -> Walk:
    """The path with the most questions: it meets the most kinds of question."""
    from wizard.analysis import walk

    paths = [path for path in walk(data, data["facts"], {"today": today}) if path.result.outcome]
    longest = max(paths, key=lambda path: len(path.result.path))
    return Walk(list(longest.result.path), longest.answers, longest.result.outcome)


def answer_with_keys(page, question: dict, value: str, seen: list[str]) -> None:
    """The focus is on the question's first control: give the answer with the keyboard."""
    if question["type"] in ("choice", "yesno"):
        options = question["options"] if question["type"] == "choice" else ["yes", "no"]
        steps = options.index(value)
        if steps == 0:
            press(page, "Space", seen)  # checks the focused (first) option
        for _ in range(steps):
            press(page, "ArrowDown", seen)  # moves to the next option and checks it
        assert page.evaluate(WIZARD_STATE_JS)["checked"] == value
    elif question["type"] == "number":
        page.keyboard.type(value)
        assert page.evaluate(WIZARD_STATE_JS)["field"] == value
    else:  # date: day, month and year fields (GOV.UK date input), typed without leading zeros
        year, month, day = value.split("-")
        parts = [str(int(day)), str(int(month)), year]
        for index, part in enumerate(parts):
            if index:
                press(page, "Tab", seen)
            page.keyboard.type(part)
        assert page.evaluate(WIZARD_STATE_JS)["field"] == "/".join(parts), "the date typed was not taken"


def tab_out_of_the_answer(page, seen: list[str]) -> dict:
    """Tab from the answer to the next control."""
    page.keyboard.press("Tab")
    focused = focus(page)
    seen.append(f"Tab -> {focused['description']}")
    assert focused["visible"], f"the focus on {focused['description']} is not visible ({focused['why']})"
    return focused


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("flow", WIZARD_FLOWS)
def test_keyboard_alone_completes_the_flow_with_the_focus_always_visible(flow, lang, server, open_page):
    path = next(p for f, lg, p in wizard_pages(server.site) if (f, lg) == (flow, lang))
    data = wizard_data(server.site, flow, lang)
    questions = {question["id"]: question for question in data["questions"]}
    ui = data["ui"]
    seen: list[str] = []
    # en-US: the browser's locale does not decide the order of the date fields, the page's does
    with open_page(locale="en-US") as (_, page, log):
        page.goto(server.url(path))
        wizard_ready(page)
        route = longest_walk(data, browser_today(page))

        # Into the wizard: the skip link, then Tab until a control of the wizard has the focus.
        assert "md-skip" in press(page, "Tab", seen)["className"], "the first Tab stop is not the skip link"
        page.keyboard.press("Enter")
        for _ in range(15):
            if press(page, "Tab", seen)["inWizard"]:
                break
        else:
            pytest.fail("15 Tabs after the skip link did not reach the wizard:\n" + "\n".join(seen))

        # Continue without an answer: the error summary gets the focus (it is announced), the
        # message stands beside the field, and the summary's link leads to the first control.
        first = questions[route.asked[0]]
        assert focus(page)["tag"] == "input", f"the first stop in the wizard is {focus(page)['description']}"
        assert press(page, "Tab", seen)["text"] == ui["next"]
        focused = press(page, "Enter", seen)
        state = page.evaluate(WIZARD_STATE_JS)
        expected_error = ui["error_choose"] if first["type"] in ("choice", "yesno") else ui[f"error_{first['type']}"]
        assert state["error"] == expected_error and state["summary"] == expected_error, state
        assert focused["tag"] == "div" and expected_error in focused["text"], "the error summary has not the focus"
        errors_found = axe_violations(page, "lu-integration-wizard")
        assert not errors_found, "\n".join(errors_found)
        assert press(page, "Tab", seen)["text"] == expected_error
        assert press(page, "Enter", seen)["tag"] == "input", "the summary's link does not lead to the answer"

        for number, question_id in enumerate(route.asked):
            question = questions[question_id]
            if number > 0:
                focused = focus(page)
                assert (focused["tag"], focused["text"]) == ("h2", question["text"]), (
                    f"question {number + 1}: the focus is on {focused['description']}, not on its heading")
                assert focused["visible"], f"the focus on the heading of question {number + 1} is not visible"
                press(page, "Tab", seen)
            answer_with_keys(page, question, route.answers[question_id], seen)
            assert tab_out_of_the_answer(page, seen)["text"] == ui["next"], "Tab after the answer is not Next"
            press(page, "Enter", seen)

        outcome = data["outcomes"][route.outcome]
        focused = focus(page)
        assert (focused["tag"], focused["text"]) == ("h2", outcome["title"]), (
            f"after the last answer the focus is on {focused['description']}, not on the result")
        assert page.evaluate(WIZARD_STATE_JS)["live"] == ui["result"], "the result was not announced"
        # Every control of the result (change an answer, share, back, restart) shows its focus too.
        while press(page, "Tab", seen)["inWizard"]:
            pass
    assert not log.page_errors, log.page_errors


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_tab_stop_of_the_home_page_shows_the_focus(lang, server, open_page):
    home = "/" if lang == "fr" else f"/{lang}/"
    seen: list[str] = []
    with open_page() as (_, page, _log):
        page.goto(server.url(home))
        first = press(page, "Tab", seen)["description"]
        for _ in range(300):  # Tab until the focus comes back around to the first stop
            page.keyboard.press("Tab")
            focused = focus(page)
            if focused["description"] == first:
                break
            if focused["description"].startswith("nothing"):
                continue  # between the last stop and the browser's own UI
            seen.append(f"Tab -> {focused['description']}")
            assert focused["visible"], (f"the focus on {focused['description']} is not visible "
                                        f"({focused['why']})")
        else:
            pytest.fail("300 Tabs did not come back to the first stop:\n" + "\n".join(seen[-20:]))
    assert len(seen) > 10, seen
