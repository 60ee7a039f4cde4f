"""The embeddable wizard in a real browser: hostile portal CSS, strict CSP, keyboard only.

A tiny http.server serves the generated assets and the demo portal in
tests/wizard/host/ with ``Content-Security-Policy: default-src 'self'``.
Skips loudly without /usr/bin/chromium, but fails when CI is set.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import serve_folder
from wizard_helpers import ROOT

from sitemodel.errors import ErrorCollector
from wizard.site import generate

CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"
HOST_DIR = Path(__file__).with_name("host")



@pytest.fixture(scope="module")
def server(tmp_path_factory, facts):
    site = tmp_path_factory.mktemp("site")
    errors = ErrorCollector(ROOT)
    _, assets = generate(ROOT, facts, errors)
    assert not errors.errors
    for rel, data in assets.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    shutil.copytree(HOST_DIR, site / "host")
    (site / "favicon.ico").write_bytes(b"")  # browsers ask for it; a 404 would look like an error
    with serve_folder(site, {"Content-Security-Policy": CSP, "Cache-Control": "no-store"}) as origin:
        yield origin


VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("requestfailed", lambda r: page.console_errors.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and page.console_errors.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    yield page
    context.close()


def _focused_in_wizard(page, selector="#element"):
    return page.evaluate(f"""() => {{
        const host = document.querySelector('{selector}');
        const active = host.shadowRoot.activeElement;
        return document.activeElement === host && active ? active.tagName + ':' + (active.type || '') : null;
    }}""")


def _no_violations(page):
    for frame in page.frames:
        assert frame.evaluate("window.__violations") == [], frame.url
    assert page.console_errors == []


def test_keyboard_flow_events_isolation_and_csp(page, server):
    page.goto(f"{server}/host/index.html")
    wizard = page.locator("#element")
    heading = wizard.locator("h2")
    heading.wait_for()
    assert heading.inner_text() == "How many councillors does your municipal council have?"

    # nothing chosen: an error, announced, and focus goes to the first option
    radios = wizard.locator("input[type=radio]")
    radios.first.focus()
    page.keyboard.press("Tab")
    assert _focused_in_wizard(page) == "BUTTON:submit"
    page.keyboard.press("Enter")
    assert wizard.locator(".err").inner_text() == "Choose an answer."
    assert radios.first.get_attribute("aria-invalid") == "true"

    # keyboard only: arrows choose in the radio group, Tab to Continue, Enter
    radios.first.focus()
    page.keyboard.press("ArrowDown")  # 13 or 15 councillors
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert _focused_in_wizard(page) == "H2:"  # focus moved to the new question's heading
    page.keyboard.press("Tab")
    page.keyboard.type("250")
    page.keyboard.press("Enter")
    assert _focused_in_wizard(page) == "H2:"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # "Yes"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("40000")
    page.keyboard.press("Enter")

    assert heading.inner_text() == "Estimate of the yearly subsidies"
    values = wizard.locator("dd").all_inner_texts()
    assert values == ["EUR\u00a05,000", "EUR\u00a01,250", "EUR\u00a030,000", "EUR\u00a036,250"]
    assert "Result:" in wizard.locator("[role=status]").inner_text()
    assert page.evaluate("location.hash") == (
        "#wizard=subsidy&a=council_size:medium,members:250,coordinator:yes,coordinator_cost:40000")

    events = page.evaluate("window.__events")
    element_events = [e for e in events if e["detail"]["lang"] == "en"]
    steps = [e["detail"]["question"] for e in element_events if e["type"] == "lu-wizard-step"]
    assert steps[-4:] == ["council_size", "members", "coordinator", "coordinator_cost"]
    assert element_events[-1] == {"type": "lu-wizard-outcome", "detail": {
        "flow": "subsidy", "lang": "en", "outcome": "estimate_with_coordinator"}}
    assert all("answers" not in e["detail"] for e in events)  # no personal data without opt-in

    # isolation: the portal's CSS does not reach inside, the wizard's CSS does not leak out
    inside = wizard.locator("h2").evaluate(
        "h => { const s = getComputedStyle(h); return [s.fontSize, s.display, s.textTransform] }")
    assert inside == ["20px", "block", "none"]
    assert wizard.locator("button.primary").is_visible()
    outside = page.evaluate("""() => [getComputedStyle(document.querySelector('#host-heading')).fontSize,
        getComputedStyle(document.querySelector('#host-heading')).color,
        getComputedStyle(document.querySelector('#host-button')).display]""")
    assert outside == ["10px", "rgb(0, 128, 0)", "none"]

    # the iframe: resized through postMessage checked against the origin, forwards events
    page.wait_for_function("window.__frameMessages.some(m => m.type === 'height')")
    height = page.locator("#frame").evaluate("f => f.getBoundingClientRect().height")
    assert height > 150
    frame_steps = [m for m in page.evaluate("window.__frameMessages") if m["type"] == "step"]
    assert frame_steps and frame_steps[0]["lang"] == "de" and "answers" not in frame_steps[0]
    frame = page.frame_locator("#frame")
    assert frame.locator("h2").inner_text().startswith("Wie viele Mitglieder")
    _no_violations(page)


def test_shared_link_restores_the_result_and_tampered_state_is_ignored(page, server):
    page.goto(f"{server}/host/index.html#wizard=subsidy&a=council_size:large,members:10,"
              "coordinator:no")
    wizard = page.locator("#element")
    wizard.locator("h2").wait_for()
    assert wizard.locator("h2").inner_text() == "Estimate of the yearly subsidies"
    assert wizard.locator("dd").all_inner_texts()[-1] == "EUR\u00a08,050"
    # change an answer: back to the question with the old answer, later answers dropped
    wizard.get_by_role("button", name="Change: Citizens' pact members").click()
    assert wizard.locator("input[type=text]").input_value() == "10"
    wizard.get_by_role("button", name="Back").click()
    assert wizard.locator("input[type=radio]:checked").get_attribute("value") == "large"

    tampered = ("#wizard=subsidy&a=council_size:<img src=x onerror=alert(1)>,"
                "members:-5,coordinator:maybe,__proto__:x")
    page.goto(f"{server}/host/index.html{tampered}")
    page.reload()
    wizard.locator("h2").wait_for()
    assert wizard.locator("h2").inner_text().startswith("How many councillors")
    assert wizard.locator("img").count() == 0
    _no_violations(page)


def test_small_screen_has_no_horizontal_scrolling(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{server}/assets/wizard/embed/index.html?flow=permit&lang=de")
    wizard = page.locator("lu-integration-wizard")
    wizard.locator("h2").wait_for()
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]
    context.close()


@pytest.mark.parametrize(("flow", "lang", "message"), [
    ("nope", "de", "Der Assistent konnte nicht geladen werden."),
    ("route", "xx", None),  # an unknown language falls back to French, which loads
    ("../../etc", "en", "The wizard could not be loaded."),
])
def test_a_flow_that_cannot_load_says_so_in_the_reader_s_language(page, server, flow, lang, message):
    page.goto(f"{server}/host/index.html")
    page.evaluate("""([flow, lang]) => {
        const element = document.createElement('lu-integration-wizard');
        element.id = 'extra'; element.setAttribute('flow', flow); element.setAttribute('lang', lang);
        document.body.append(element);
    }""", [flow, lang])
    extra = page.locator("#extra")
    if message is None:
        extra.locator("h2").wait_for()
        assert extra.locator('.err[role="alert"]').count() == 0  # the question's own error slot stays empty
    else:
        error = extra.locator(".err")
        error.wait_for()
        assert error.inner_text().startswith(message)
        assert error.get_attribute("role") == "alert"
