"""The embeddable wizard in a real browser, as a guest on hostile host pages.

A tiny http.server serves the generated assets and the demo portals in
tests/wizard/host/ with ``Content-Security-Policy: default-src 'self'``:
hostile CSS, a hash router, a ``<base href>``, several wizards on one page,
data that is slow, missing, broken or of another version, strict CSP with
Trusted Types, a dark theme, 320 px. Elements are found by their documented
parts and roles, never by private classes. Skips loudly without
/usr/bin/chromium, but fails when CI is set.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import serve_folder
from wizard_helpers import ROOT

from sitemodel.errors import ErrorCollector
from wizard.site import generate

CSP = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'"
STRICT_CSP = CSP + "; require-trusted-types-for 'script'; trusted-types 'none'"
HOST_DIR = Path(__file__).with_name("host")
HEADING = "[part~=heading]"


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


def _page(browser, **options):
    context = browser.new_context(**{"viewport": {"width": 1000, "height": 900}, **options})
    context.add_init_script(VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.console_errors, page.warnings = [], []
    page.on("console", lambda m: (page.console_errors if m.type == "error" else page.warnings).append(m.text)
            if m.type in ("error", "warning") else None)
    page.on("requestfailed", lambda r: page.console_errors.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and page.console_errors.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return context, page


@pytest.fixture
def page(browser):
    context, page = _page(browser)
    yield page
    context.close()


def _focused_in_wizard(page, selector="#element"):
    return page.evaluate(f"""() => {{
        const host = document.querySelector('{selector}');
        const active = host.shadowRoot.activeElement;
        return document.activeElement === host && active
            ? active.tagName + ':' + (active.getAttribute('part') || active.type || '') : null;
    }}""")


def _no_violations(page):
    for frame in page.frames:
        assert frame.evaluate("window.__violations") == [], frame.url
    assert page.console_errors == []


def _add(page, attributes: dict, element_id: str = "extra", before_script: str = "") -> None:
    """Add a wizard to the page with these attributes (set before insertion)."""
    page.evaluate("""([attributes, id]) => {
        const element = document.createElement('lu-integration-wizard');
        element.id = id;
        for (const [k, v] of Object.entries(attributes)) element.setAttribute(k, v);
        document.body.append(element);
    }""", [attributes, element_id])


def _events(page, type_, element_id=None):
    return [e["detail"] for e in page.evaluate("window.__events")
            if e["type"] == type_ and (element_id is None or e["id"] == element_id)]


def _at(page, element_id: str, progress: str) -> None:
    """Wait until this wizard shows the question whose progress line starts so."""
    page.wait_for_function("([id, text]) => document.getElementById(id).shadowRoot"
                           ".querySelector('[part~=progress]')?.textContent.startsWith(text)",
                           arg=[element_id, progress])


def _answer_subsidy(wizard, through: int = 4) -> None:
    """council_size: medium, members: 250, coordinator: yes, coordinator_cost: 40000."""
    steps = [lambda: wizard.get_by_role("radio").nth(1).check(),
             lambda: wizard.get_by_role("textbox").fill("250"),
             lambda: wizard.get_by_role("radio", name="Yes").check(),
             lambda: wizard.get_by_role("textbox").fill("40000")]
    for step in steps[:through]:
        heading = wizard.locator(HEADING).inner_text()
        step()
        wizard.get_by_role("button", name="Continue").click()
        wizard.page.wait_for_function("([id, old]) => { const h = document.getElementById(id).shadowRoot"
                                      ".querySelector('[part~=heading]'); return h && h.textContent !== old; }",
                                      arg=[wizard.evaluate("e => e.id"), heading])


def test_keyboard_flow_events_isolation_and_csp(page, server):
    page.goto(f"{server}/host/index.html")
    history_length = page.evaluate("history.length")
    wizard = page.locator("#element")
    heading = wizard.locator(HEADING)
    heading.wait_for()
    assert heading.inner_text() == "How many councillors does your municipal council have?"

    # nothing chosen: GOV.UK error summary, focused, linking to the field; message beside it
    radios = wizard.get_by_role("radio")
    radios.first.focus()
    page.keyboard.press("Tab")
    assert _focused_in_wizard(page) == "BUTTON:button button-primary"
    page.keyboard.press("Enter")
    summary = wizard.locator("[part~=error-summary]")
    assert _focused_in_wizard(page) == "DIV:error-summary"
    assert summary.get_attribute("role") == "alert"
    assert summary.get_by_role("link").inner_text() == "Choose an answer."
    assert wizard.locator("[part~=error-message]").inner_text().endswith("Choose an answer.")
    assert radios.first.get_attribute("aria-invalid") == "true"
    assert page.title() == "Portal demo with hostile CSS"  # no URL state: the host's title is the host's
    summary.get_by_role("link").click()
    assert _focused_in_wizard(page) == "INPUT:radio"
    assert page.evaluate("location.hash") == ""  # the summary's link did not touch the address

    # keyboard only: arrows choose in the radio group, Tab to Continue, Enter
    page.keyboard.press("ArrowDown")  # 13 or 15 councillors
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert _focused_in_wizard(page) == "H2:heading"  # focus moved to the new question's heading
    page.keyboard.press("Tab")
    page.keyboard.type("250")
    page.keyboard.press("Enter")
    assert _focused_in_wizard(page) == "H2:heading"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # "Yes"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("40000")
    page.keyboard.press("Enter")

    assert heading.inner_text() == "Estimate of the yearly subsidies"
    values = wizard.locator("[part~=result] dd").all_inner_texts()[:4]
    assert values == ["EUR\u00a05,000", "EUR\u00a01,250", "EUR\u00a030,000", "EUR\u00a036,250"]
    assert wizard.get_by_role("status").first.inner_text() == "Result"
    # hands off the host: no address, history or title change without url-state
    assert page.evaluate("[location.hash, history.length]") == ["", history_length]
    assert wizard.get_by_role("button", name="Copy link to this result").count() == 0

    steps = [e["question"] for e in _events(page, "lu-wizard-step", "element")]
    assert steps == ["council_size", "members", "coordinator", "coordinator_cost"]
    assert _events(page, "lu-wizard-outcome", "element") == [
        {"flow": "subsidy", "lang": "en", "outcome": "estimate_with_coordinator", "restored": False}]
    assert _events(page, "lu-wizard-ready", "element") == [
        {"flow": "subsidy", "lang": "en", "restored": False, "version": "1.1.0"}]
    assert all("answers" not in e["detail"] for e in page.evaluate("window.__events"))

    # isolation: the portal's CSS does not reach inside, the wizard's CSS does not leak out
    inside = heading.evaluate("h => { const s = getComputedStyle(h); return [s.fontSize, s.display, s.textTransform] }")
    assert inside == ["20px", "block", "none"]
    assert wizard.get_by_role("button", name="Start again").is_visible()
    outside = page.evaluate("""() => [getComputedStyle(document.querySelector('#host-heading')).fontSize,
        getComputedStyle(document.querySelector('#host-heading')).color,
        getComputedStyle(document.querySelector('#host-button')).display]""")
    assert outside == ["10px", "rgb(0, 128, 0)", "none"]

    # the iframe: resized through postMessage checked against the origin, forwards events
    page.wait_for_function("() => window.__frameMessages.some(m => m.type === 'height')")
    height = page.locator("#frame").evaluate("f => f.getBoundingClientRect().height")
    assert height > 150
    frame_steps = [m for m in page.evaluate("window.__frameMessages") if m["type"] == "step"]
    assert frame_steps and frame_steps[0]["lang"] == "de" and "answers" not in frame_steps[0]
    frame = page.frame_locator("#frame")
    assert frame.locator(HEADING).inner_text().startswith("Wie viele Mitglieder")
    _no_violations(page)


def test_the_host_can_hide_size_and_space_the_element(page, server):
    page.goto(f"{server}/host/blank.html")
    _add(page, {"flow": "subsidy", "lang": "en"}, "sized")
    wizard = page.locator("#sized")
    wizard.locator(HEADING).wait_for()
    page.evaluate("""() => { const e = document.getElementById('sized');
        e.style.display = 'block'; e.style.width = '400px'; e.style.marginTop = '37px'; }""")
    box = page.evaluate("""() => { const e = document.getElementById('sized'); const s = getComputedStyle(e);
        return [e.getBoundingClientRect().width, s.marginTop]; }""")
    assert box == [400, "37px"]
    page.evaluate("document.getElementById('sized').style.display = 'none'")
    assert not wizard.locator(HEADING).is_visible()


def test_url_state_is_opt_in_namespaced_and_restores_history(page, server):
    """Two wizards with url-state on one page: each its own part of the address; Back and Forward."""
    page.goto(f"{server}/host/blank.html#docs")
    _add(page, {"flow": "subsidy", "lang": "en", "today": "2026-03-15", "url-state": ""}, "one")
    _add(page, {"flow": "route", "lang": "de", "url-state": ""}, "two")
    one, two = page.locator("#one"), page.locator("#two")
    one.locator(HEADING).wait_for()
    two.locator(HEADING).wait_for()
    assert page.evaluate("location.hash") == "#docs"  # nothing written before an answer
    _answer_subsidy(one, 2)
    assert page.evaluate("location.hash") == "#docs&wizard-one=subsidy.council_size:medium,members:250"
    assert page.title().startswith("Question 3: ")
    two.get_by_role("radio").first.check()
    two.get_by_role("button", name="Weiter").click()
    hash_ = page.evaluate("location.hash")
    assert hash_.startswith("#docs&wizard-one=subsidy.council_size:medium,members:250&wizard-two=route.")
    # Back: the second wizard returns to its first question, the first keeps its step
    page.go_back()
    _at(page, "two", "Frage 1")
    assert one.locator("[part~=progress]").inner_text().startswith("Question 3")
    page.go_back()
    _at(page, "one", "Question 2")
    assert one.get_by_role("textbox").input_value() == "250"  # the later answer is still offered
    page.go_forward()
    _at(page, "one", "Question 3")
    restored = _events(page, "lu-wizard-step", "one")[-1]
    assert restored["restored"] is True and restored["question"] == "coordinator"
    # reload: both wizards come back where they were
    page.go_forward()
    page.reload()
    _add(page, {"flow": "subsidy", "lang": "en", "today": "2026-03-15", "url-state": ""}, "one")
    _add(page, {"flow": "route", "lang": "de", "url-state": ""}, "two")
    page.locator("#two [part~=heading]").wait_for()
    assert page.locator("#one [part~=progress]").inner_text().startswith("Question 3")
    assert page.locator("#two [part~=progress]").inner_text().startswith("Frage 2")
    assert _events(page, "lu-wizard-ready", "one")[-1]["restored"] is True
    # a page anchor keeps the answers
    page.evaluate("location.hash = '#top'")
    page.wait_for_timeout(100)
    assert page.locator("#one [part~=progress]").inner_text().startswith("Question 3")
    _no_violations(page)


def test_a_hash_router_keeps_its_route(page, server):
    page.goto(f"{server}/host/router.html#/eligibility")
    wizard = page.locator("#elig")
    wizard.locator(HEADING).wait_for()
    _answer_subsidy(wizard, 2)
    assert page.evaluate("location.hash") == "#/eligibility?wizard-elig=subsidy.council_size:medium,members:250"
    assert page.locator("#view").inner_text() == "Eligibility view"
    page.go_back()
    _at(page, "elig", "Question 2")
    assert page.locator("#view").inner_text() == "Eligibility view"
    assert set(page.evaluate("window.__routes")) == {"/eligibility"}
    # the router moves on: the wizard keeps its answers and writes nothing
    page.locator("#to-contact").click()
    page.wait_for_function("() => document.getElementById('view').textContent === 'Contact view'")
    assert page.evaluate("location.hash") == "#/contact"
    assert wizard.get_by_role("textbox").input_value() == "250"
    _no_violations(page)


def test_a_base_address_is_left_alone(page, server):
    page.goto(f"{server}/host/base/page.html")
    wizard = page.locator("#w")
    wizard.locator(HEADING).wait_for()
    _answer_subsidy(wizard, 1)
    assert page.evaluate("location.pathname") == "/host/base/page.html"
    page.reload()
    page.locator("#w [part~=progress]").wait_for()
    assert page.locator("#w [part~=progress]").inner_text().startswith("Question 2")


def test_encoded_and_unreadable_links(page, server):
    page.goto(f"{server}/host/router.html#/eligibility%3Fwizard-elig%3Dsubsidy.council_size%3Alarge%2Cmembers%3A10%2Ccoordinator%3Ano")
    wizard = page.locator("#elig")
    wizard.locator(HEADING).wait_for()
    assert wizard.locator(HEADING).inner_text() == "Estimate of the yearly subsidies"
    assert wizard.locator("[part~=notice]").count() == 0
    # an answer from the link that is not possible: the link says so, the readable answers stay
    page.goto(f"{server}/host/router.html#/eligibility?wizard-elig=subsidy.council_size:large,members:ten")
    page.reload()
    wizard.locator(HEADING).wait_for()
    assert "could not be read completely" in wizard.locator("[part~=notice]").inner_text()
    assert wizard.locator("[part~=progress]").inner_text().startswith("Question 2")
    assert _events(page, "lu-wizard-error", "elig")[-1]["reason"] == "state"
    tampered = "#/eligibility?wizard-elig=subsidy.council_size:<img src=x onerror=alert(1)>,__proto__:x"
    page.goto(f"{server}/host/router.html{tampered}")
    page.reload()
    wizard.locator(HEADING).wait_for()
    assert wizard.locator("img").count() == 0
    assert wizard.locator("[part~=notice]").count() == 1


def test_change_an_answer_keeps_the_later_ones(page, server):
    page.goto(f"{server}/host/blank.html")
    _add(page, {"flow": "subsidy", "lang": "en", "today": "2026-03-15"}, "w")
    wizard = page.locator("#w")
    wizard.locator(HEADING).wait_for()
    _answer_subsidy(wizard)
    answers = wizard.locator("[part~=answers]")
    assert answers.locator("dd").all_inner_texts()[::2] == ["13 or 15 councillors", "250", "Yes", "40,000"]
    wizard.get_by_role("button", name="Change: Citizens' pact members").click()
    assert wizard.get_by_role("textbox").input_value() == "250"
    wizard.get_by_role("textbox").fill("300")
    wizard.get_by_role("button", name="Continue").click()
    # straight back to the result, the other answers kept
    assert wizard.locator(HEADING).inner_text() == "Estimate of the yearly subsidies"
    assert answers.locator("dd").all_inner_texts()[::2] == ["13 or 15 councillors", "300", "Yes", "40,000"]
    # a change that opens a new question: the reader goes to it
    wizard.get_by_role("button", name="Change: Coordinator", exact=True).click()
    wizard.get_by_role("radio", name="No").check()
    wizard.get_by_role("button", name="Continue").click()
    assert wizard.locator(HEADING).inner_text() == "Estimate of the yearly subsidies"
    assert answers.locator("dd").all_inner_texts()[::2] == ["13 or 15 councillors", "300", "No"]


def test_number_and_date_errors_name_what_is_expected(page, server):
    """The limits in the messages come from the flow: a fact (the repealed law's date), the day
    asked (today) and an earlier answer (the CAI's start cannot precede its signature)."""
    page.goto(f"{server}/host/blank.html")
    _add(page, {"flow": "route", "lang": "en", "today": "2026-03-15"}, "w")
    wizard = page.locator("#w")
    wizard.locator(HEADING).wait_for()

    def answer(option: str) -> None:  # answers are chosen by their words, as a reader does
        wizard.get_by_role("radio", name=option, exact=True).check()
        wizard.get_by_role("button", name="Continue").click()

    answer("I live in Luxembourg")
    wizard.get_by_role("textbox").fill("131")
    wizard.get_by_role("button", name="Continue").click()
    assert wizard.locator("[part~=error-summary] a").inner_text() == "Enter a whole number between 0 and 130."
    assert page.title().startswith("Portal page")  # no url-state: the title is the host's
    assert wizard.get_by_role("textbox").input_value() == "131"
    wizard.get_by_role("textbox").fill("34")
    wizard.get_by_role("button", name="Continue").click()
    answer("Yes")  # signed a CAI: when?
    day, month, year = (wizard.get_by_role("textbox", name=n) for n in ("Day", "Month", "Year"))
    day.fill("31")
    month.fill("02")
    year.fill("2020")
    wizard.get_by_role("button", name="Continue").click()
    assert wizard.locator("[part~=error-message]").inner_text().endswith("Enter a real date.")
    assert day.get_attribute("aria-invalid") == "true"
    day.fill("1")
    month.fill("3")
    year.fill("2000")
    wizard.get_by_role("button", name="Continue").click()
    message = wizard.locator("[part~=error-summary] a").inner_text()
    assert message == "Enter a date between 16 December 2008 and 15 March 2026."
    year.fill("")
    wizard.get_by_role("button", name="Continue").click()
    assert wizard.locator("[part~=error-summary] a").inner_text() == "Enter the day, the month and the year."
    assert year.get_attribute("aria-invalid") == "true" and day.get_attribute("aria-invalid") is None
    day.fill("05")
    month.fill("9")
    year.fill("2023")
    wizard.get_by_role("button", name="Continue").click()
    assert wizard.locator("[part~=error-summary]").count() == 0
    assert wizard.locator("[part~=progress]").inner_text().startswith("Question 5")
    assert "5 September 2023" in wizard.locator("[part~=answers]").text_content()
    answer("No")  # not completed
    answer("Yes")  # the first service has begun: when?
    day, month, year = (wizard.get_by_role("textbox", name=n) for n in ("Day", "Month", "Year"))
    day.fill("1")
    month.fill("1")
    year.fill("2023")
    wizard.get_by_role("button", name="Continue").click()
    assert wizard.locator("[part~=error-summary] a").inner_text() == \
        "Enter a date between 5 September 2023 and 15 March 2026."


@pytest.mark.parametrize(("case", "reason", "message"), [
    ("404", "network", "The wizard could not be loaded."),
    ("bad json", "data", "The wizard's data cannot be read."),
    ("wrong version", "version", "This script does not match the version"),
    ("bad flow", "flow", "This wizard does not exist"),
])
def test_failing_data_says_why_in_the_element_s_language(page, server, case, reason, message):
    def fulfil(route):
        if case == "404":
            route.fulfill(status=404, body="not found")
        elif case == "bad json":
            route.fulfill(status=200, content_type="application/json", body="{not json")
        else:
            data = json.loads(route.fetch().text())
            data["v"] = 99
            route.fulfill(status=200, content_type="application/json", body=json.dumps(data))

    page.route("**/wizard-data/permit.en.json", fulfil)
    page.goto(f"{server}/host/blank.html")
    page.console_errors.clear()
    _add(page, {"flow": "../etc" if case == "bad flow" else "permit", "lang": "en-GB"}, "w")
    error = page.locator("#w [part~=error]")
    error.wait_for()
    assert error.get_attribute("role") == "alert"
    assert error.inner_text().startswith(message)
    link = error.get_by_role("link", name="How the wizard decides")
    expected = "/en/wizard/integrators/" if case == "bad flow" else "/en/wizard/permit-rules/"
    assert link.get_attribute("href").endswith(expected)
    assert _events(page, "lu-wizard-error", "w")[-1]["reason"] == reason
    assert any(reason in w for w in page.warnings)


def test_languages_regions_and_fallback(page, server):
    page.goto(f"{server}/host/blank.html")
    _add(page, {"flow": "permit", "lang": "de-LU"}, "de")
    _add(page, {"flow": "permit", "lang": "es"}, "es")
    page.locator("#de [part~=heading]").wait_for()
    page.locator("#es [part~=heading]").wait_for()
    assert page.locator("#de [part~=container]").get_attribute("lang") == "de"
    assert page.locator("#de [part~=notice]").count() == 0
    shown = page.locator("#es [part~=container]")
    assert shown.get_attribute("lang") == "fr"  # the content says which language it is in
    assert "«\u00a0es\u00a0»" in page.locator("#es [part~=notice]").inner_text()
    assert _events(page, "lu-wizard-error", "es") == [
        {"reason": "lang", "flow": "permit", "lang": "fr",
         "message": "Cet assistant n'existe pas en «\u00a0es\u00a0»\u00a0; il s'affiche en français."}]
    assert any("lang" in w for w in page.warnings)


def test_lifecycle_removal_mid_load_attributes_properties_and_restart(page, server):
    page.goto(f"{server}/host/blank.html")
    slow = []

    def hold(route):
        slow.append(route)

    page.route("**/wizard-data/route.en.json", hold)
    # removed while its data loads: it never writes anything, later
    _add(page, {"flow": "route", "lang": "en", "url-state": ""}, "gone")
    page.wait_for_timeout(100)
    page.evaluate("document.getElementById('gone').remove()")
    for route in slow:
        route.continue_()
    page.unroute("**/wizard-data/route.en.json")
    # a late language loses against the newer one
    held = []
    page.route("**/wizard-data/route.fr.json", lambda route: held.append(route))
    page.evaluate("""() => { const e = document.createElement('lu-integration-wizard'); e.id = 'late';
        document.body.append(e); e.flow = 'route'; e.lang = 'fr';
        setTimeout(() => { e.lang = 'de'; }, 50); }""")
    page.wait_for_function("() => document.getElementById('late').shadowRoot.querySelector('[part~=heading]')")
    for route in held:
        route.continue_()
    page.unroute("**/wizard-data/route.fr.json")
    page.wait_for_timeout(300)
    late = page.locator("#late")
    assert late.locator("[part~=container]").get_attribute("lang") == "de"
    assert late.get_attribute("flow") == "route"  # the property set the attribute
    assert page.evaluate("location.hash") == ""
    assert _events(page, "lu-wizard-ready", "gone") == []
    # attributes after load: the language changes, the answers and the step stay
    late.get_by_role("radio").first.check()
    late.get_by_role("button", name="Weiter").click()
    late.get_by_role("textbox").fill("34")
    page.evaluate("document.getElementById('late').setAttribute('lang', 'en')")
    _at(page, "late", "Question 2")
    page.evaluate("document.getElementById('late').headingLevel = 3")
    page.wait_for_function("() => document.getElementById('late').shadowRoot.querySelector('h3[part~=heading]')")
    # disconnect and reconnect: the state resumes
    page.evaluate("""() => { const e = document.getElementById('late'); e.remove();
        document.body.prepend(e); }""")
    _at(page, "late", "Question 2")
    assert page.evaluate("document.getElementById('late').version") == "1.1.0"
    page.evaluate("document.getElementById('late').restart()")
    assert late.locator("[part~=progress]").inner_text().startswith("Question 1")
    # an attribute absent at insertion and set later takes effect
    page.evaluate("document.getElementById('late').flow = 'subsidy'")
    page.wait_for_function("() => document.getElementById('late').shadowRoot.querySelector('[part~=heading]')"
                           "?.textContent.startsWith('How many councillors')")
    # the two loads no longer wanted were aborted, nothing else failed
    assert sorted(e.rsplit("/", 1)[1] for e in page.console_errors) == ["route.en.json", "route.fr.json"]
    assert all(e.startswith("failed: ") for e in page.console_errors)


def test_nine_wizards_on_one_page_are_independent(page, server):
    page.goto(f"{server}/host/blank.html")
    for i, (flow, lang) in enumerate([(f, lg) for f in ("route", "permit", "subsidy") for lg in ("fr", "de", "en")]):
        _add(page, {"flow": flow, "lang": lang, "today": "2026-03-15"}, f"w{i}")
    page.wait_for_function("() => [...document.querySelectorAll('lu-integration-wizard')].every("
                           "e => e.shadowRoot.querySelector('[part~=heading]'))")
    page.locator("#w4").get_by_role("radio").first.check()
    page.locator("#w4").get_by_role("button", name="Weiter").click()
    progress = page.locator("lu-integration-wizard [part~=progress]").all_inner_texts()
    assert [p.split()[1] for p in progress] == ["1", "1", "1", "1", "2", "1", "1", "1", "1"]
    assert page.evaluate("location.hash") == ""


def test_strict_csp_with_trusted_types(browser, server):
    context, page = _page(browser)
    page.route("**/host/blank.html", lambda route: route.fulfill(
        response=route.fetch(), headers={"Content-Security-Policy": STRICT_CSP, "Content-Type": "text/html"}))
    page.goto(f"{server}/host/blank.html")
    _add(page, {"flow": "subsidy", "lang": "en", "url-state": ""}, "w")
    wizard = page.locator("#w")
    wizard.locator(HEADING).wait_for()
    _answer_subsidy(wizard)
    assert wizard.locator(HEADING).inner_text() == "Estimate of the yearly subsidies"
    _no_violations(page)
    context.close()


@pytest.mark.parametrize("how", ["prefers-color-scheme", "custom properties"])
def test_dark_theme_passes_axe(browser, server, how):
    from axe_playwright_python.sync_playwright import Axe

    context, page = _page(browser, color_scheme="dark")
    page.goto(f"{server}/host/blank.html")
    if how == "prefers-color-scheme":
        page.evaluate("document.documentElement.style.colorScheme = 'light dark'")
    else:
        page.evaluate("""() => { const s = document.documentElement.style;
            for (const [k, v] of Object.entries({'--luw-text': '#f0f0f0', '--luw-background': '#000',
              '--luw-primary': '#8ab4f8', '--luw-on-primary': '#000', '--luw-muted': '#c0c0c0',
              '--luw-error': '#ff8a80', '--luw-input-background': '#111', '--luw-input-text': '#fff',
              '--luw-warning-background': '#332600', '--luw-focus': '#fdd835'})) s.setProperty(k, v); }""")
    _add(page, {"flow": "subsidy", "lang": "en"}, "w")
    wizard = page.locator("#w")
    wizard.locator(HEADING).wait_for()
    background = wizard.locator("[part~=container]").evaluate("e => getComputedStyle(e).backgroundColor")
    assert background in ("rgb(18, 18, 18)", "rgb(0, 0, 0)"), background
    axe = Axe().axe_script
    page.evaluate(axe)
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
               "resultTypes": ["violations"]}
    wizard.get_by_role("button", name="Continue").click()  # the error state
    found = page.evaluate("o => axe.run('#w', o)", options)["violations"]
    assert found == [], found
    _answer_subsidy(wizard)
    found = page.evaluate("o => axe.run('#w', o)", options)["violations"]
    assert found == [], found
    context.close()


def test_small_screen_has_no_horizontal_scrolling(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{server}/assets/wizard/embed/index.html?flow=route&lang=de")
    wizard = page.locator("lu-integration-wizard")
    wizard.locator(HEADING).wait_for()
    for _ in range(3):  # a choice, a number, a choice: then the date's three fields
        page.wait_for_timeout(50)
        radios = wizard.get_by_role("radio")
        if radios.count():
            radios.first.check()
        else:
            wizard.get_by_role("textbox").first.fill("34")
        wizard.get_by_role("button", name="Weiter").click()
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1]
    context.close()


def test_the_page_s_fallback_shows_while_loading_and_after_a_failure_only(page, server):
    """The no-JavaScript form inside the element stays visible until the wizard replaces it."""
    held = []
    page.route("**/wizard-data/subsidy.en.json", lambda route: held.append(route))
    page.route("**/wizard-data/permit.en.json", lambda route: route.fulfill(status=404, body=""))
    page.goto(f"{server}/host/blank.html")
    page.evaluate("""() => {
        for (const [id, flow] of [['ok', 'subsidy'], ['broken', 'permit']]) {
            const element = document.createElement('lu-integration-wizard');
            element.id = id; element.setAttribute('flow', flow); element.setAttribute('lang', 'en');
            const fallback = document.createElement('p');
            fallback.id = id + '-fallback'; fallback.textContent = 'The question without JavaScript';
            element.append(fallback); document.body.append(element);
        } }""")
    page.locator("#broken [part~=error]").wait_for()
    assert page.locator("#ok-fallback").is_visible()  # still loading: the page's own form is shown
    assert page.locator("#broken-fallback").is_visible()  # failed: the form still works
    for route in held:
        route.continue_()
    page.locator("#ok [part~=heading]").wait_for()
    assert not page.locator("#ok-fallback").is_visible()


def test_a_source_in_another_language_is_marked_in_the_result(page, server):
    """Issue 14: the law's French title on an English result carries lang="fr" and says "(in French)";
    the English page's own words around it do not."""
    page.goto(f"{server}/host/blank.html")
    _add(page, {"flow": "subsidy", "lang": "en", "today": "2026-03-15"}, "w")
    wizard = page.locator("#w")
    wizard.locator(HEADING).wait_for()
    _answer_subsidy(wizard)
    law = wizard.locator("li [lang=fr]").first
    assert law.inner_text().startswith("Loi du 23 août 2023")
    assert "(in French), art. 6(8), 6(16)" in law.evaluate("e => e.closest('li').textContent")
