"""Injection: markup in the content is rejected or escaped, and tampered wizard input runs nothing.

At build time, markup in a page's title, summary, heading or body stops the
build with an error naming the file and line; text that merely looks like
markup (quotes, ampersands, a lone "<") reaches the page as text, in every
element and attribute it is written into.

In the browser, the wizard is opened with tampered URL state (its #fragment,
the page's query, the iframe page's parameters) and fed fuzzed answers,
generated with hypothesis: script tags, javascript: addresses, huge strings,
unknown keys, prototype-pollution keys, bad dates, negative and enormous
numbers, unicode. No dialog may open, no payload may set window.__pwned, no
error may be thrown, and the wizard must still show a question or a result.
"""

from __future__ import annotations

import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import FIXTURES, make_project

from sitebuild.generate import generate
from sitebuild.publish import publish
from sitemodel import LANGUAGES
from sitemodel.errors import ContentErrors

from .conftest import (
    WIZARD_FLOWS,
    browser_today,
    browsing,
    show_wizard_state,
    wizard_data,
    wizard_pages,
    wizard_ready,
    wizard_screens,
)

# ---- build time: the content pipeline ---------------------------------------------

# content/en/pact.yml of the good fixture, one text per line: (line number, what precedes the text).
FIELDS = {
    "title": (1, "title: "),
    "summary": (2, "summary: "),
    "heading": (5, "    heading: "),
    "body": (7, "      "),
}
MARKUP = {
    "script tag": "<script>window.__pwned = true</script>",
    "event attribute": "<img src=x onerror=window.__pwned=true>",
    "javascript link in HTML": '<a href="javascript:window.__pwned=true">here</a>',
    "javascript link in Markdown": "[here](javascript:window.__pwned=true)",
    "encoded tag": "&lt;script&gt;window.__pwned = true&lt;/script&gt;",
    "attribute list": '{: onclick="window.__pwned = true" }',
    "svg": "<svg/onload=window.__pwned=true>",
    "comment": "<!-- hidden -->",
}
# Looks like markup but is not: it must be shown as typed, everywhere.
LOOKS_LIKE_MARKUP = "\"q\" & 'c > d' < script >window.__pwned = true< /script > x\" onmouseover=\"window.__pwned=true"


def project_with(tmp_path: Path, field: str, text: str) -> Path:
    """The good fixture with ``text`` inserted into one field of content/en/pact.yml."""
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    page = project / "content" / "en" / "pact.yml"
    lines = page.read_text(encoding="utf-8").splitlines()
    number, prefix = FIELDS[field]
    original = lines[number - 1]
    assert original.startswith(prefix), f"the fixture changed: line {number} is {original!r}"
    if field == "body":  # a line of a block scalar: the text goes in as is
        lines[number - 1] = f"{prefix}{original[len(prefix):]} {text}"
    else:  # a JSON string is a valid YAML double-quoted string
        lines[number - 1] = prefix + json.dumps(json.loads(original[len(prefix):]) + " " + text)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return project


@pytest.mark.parametrize("markup", MARKUP.values(), ids=MARKUP.keys())
@pytest.mark.parametrize("field", FIELDS)
def test_markup_in_the_content_is_rejected_with_file_and_line(field, markup, tmp_path):
    project = project_with(tmp_path, field, markup)
    with pytest.raises(ContentErrors) as raised:
        generate(project)
    report = raised.value.report()
    line = FIELDS[field][0]
    assert f"content/en/pact.yml:{line}: " in report, report
    assert any(word in report for word in ("HTML or markup", "curly brace", "is not allowed")), report


class Elements(HTMLParser):
    """Start tags with attributes, and the text inside each element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data):
        self.texts.append(data)


@pytest.mark.parametrize("field", FIELDS)
def test_text_that_looks_like_markup_is_rejected_or_shown_as_typed(field, tmp_path, good_site):
    project = project_with(tmp_path, field, LOOKS_LIKE_MARKUP)
    try:
        site = publish(project)
    except ContentErrors as problems:  # rejecting it is fine too, with the file and line
        assert f"content/en/pact.yml:{FIELDS[field][0]}: " in problems.report(), problems.report()
        return
    page, untouched = Elements(), Elements()
    page.feed((site / "en" / "pact" / "index.html").read_text(encoding="utf-8"))
    untouched.feed((good_site / "en" / "pact" / "index.html").read_text(encoding="utf-8"))
    added = [(tag, name) for tag, attributes in page.tags for name in attributes if name.startswith("on")]
    assert not added, f"the {field} added event attributes to the page: {added}"
    assert [tag for tag, _ in page.tags] == [tag for tag, _ in untouched.tags], f"the {field} changed the elements"
    assert any(LOOKS_LIKE_MARKUP in text for text in page.texts), f"the {field} is not shown as typed"
    if field == "summary":  # it is also the page's description, an attribute
        descriptions = [attributes.get("content") for tag, attributes in page.tags
                        if tag == "meta" and attributes.get("name") == "description"]
        assert descriptions == [f"A pact for living together. {LOOKS_LIKE_MARKUP}"], (
            f"a double quote in the summary ends the <meta name=\"description\"> attribute early: the rest of "
            f"the text becomes attributes of the element. The page's description reads {descriptions}")


# ---- in the browser: the wizard -------------------------------------------------------

# Script and markup, addresses that run script, prototype keys, impossible dates,
# numbers out of range or in odd notations, tricky unicode, and a huge string.
ATTACKS = [
    "<script>window.__pwned=true</script>",
    "\"><img src=x onerror=\"window.__pwned=true\">",
    "'><svg onload=alert(document.domain)>",
    "javascript:window.__pwned=true",
    "javascript:alert(document.domain)",
    "%3Cscript%3Ewindow.__pwned%3Dtrue%3C%2Fscript%3E",
    "__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "__defineGetter__",
    "2024-02-30", "2023-13-01", "0000-00-00", "9999-12-31", "-2024-01-01", "2024-1-1",
    "-1", "-99999999", "99999999999999999999999", "1e309", "NaN", "Infinity", "0x10", "1.5", "",
    "\u202eevil", "\U0001f600", "e\u0301", "\u0000", "\ufeff", "Ω≈ç√", "\ud7ff",
    "A" * 3000,
]


def text_without_surrogates(max_size: int) -> st.SearchStrategy[str]:
    return st.text(st.characters(exclude_categories=("Cs",)), max_size=max_size)


def fragment_strategy(question_ids: list[str], option_values: list[str]) -> st.SearchStrategy[str]:
    """URL states in the wizard's format, tampered with, and plain junk."""
    keys = st.one_of(st.sampled_from(question_ids + ["__proto__", "constructor", "prototype", ""]),
                     text_without_surrogates(12))
    values = st.one_of(st.sampled_from(ATTACKS + option_values), text_without_surrogates(30),
                       st.integers(-10**30, 10**30).map(str), st.dates().map(lambda day: day.isoformat()))
    answers = st.lists(st.tuples(keys, values).map(":".join), max_size=14).map(",".join)
    flow_names = st.one_of(st.sampled_from([*WIZARD_FLOWS, "", "__proto__", ATTACKS[0]]), text_without_surrogates(8))
    extras = st.sampled_from(["", "&a=", "&wizard=permit", "&__proto__[pwned]=1", "&constructor[prototype][pwned]=1",
                              "&a=__proto__:x", "#", "&&&", "=" * 50])
    return st.one_of(
        st.builds(lambda flow, given, extra: f"wizard={flow}&a={given}{extra}", flow_names, answers, extras),
        st.sampled_from(ATTACKS),
        text_without_surrogates(200),
    )


def url_part(text: str, keep: str = "=&,:;/?!$'()*+@-._~#[]") -> str:
    """Percent-encode what a browser would; keep the characters the wizard's state is made of."""
    return quote(text, safe=keep)


# What a payload could have done, and what the wizard shows.
PAGE_STATE_JS = """() => {
  const host = document.querySelector('lu-integration-wizard');
  const root = host && host.shadowRoot;
  const all = root ? [...root.querySelectorAll('*')] : [];
  return {
    pwned: window.__pwned !== undefined || Object.prototype.pwned !== undefined || ({}).pwned !== undefined,
    heading: root && root.querySelector('[part~=heading]') ? root.querySelector('[part~=heading]').textContent : null,
    injected: all.filter((e) => ['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName.toUpperCase())
                                || [...e.attributes].some((a) => a.name.startsWith('on')))
                 .map((e) => e.outerHTML.slice(0, 80)),
    links: all.filter((e) => e.tagName === 'A').map((e) => e.getAttribute('href')),
    hash: location.hash,
  };
}"""


@pytest.fixture(scope="module")
def wizard_tab(browser, server):
    """One page reused by every fuzzed example (a fresh load each time)."""
    with browsing(browser) as (_, page, log):
        yield page, log


def start_example(wizard_tab):
    """The shared page, its log emptied: each example is judged on its own."""
    page, log = wizard_tab
    for events in (log.dialogs, log.page_errors):
        events.clear()
    return page, log


@pytest.fixture(scope="module")
def flows(server):
    """flow -> (its page in each language, the screens by name, the texts it may show)."""
    found = {}
    for flow, lang, path in wizard_pages(server.site):
        data = wizard_data(server.site, flow, lang)
        shown = {question["text"] for question in data["questions"]} | {
            outcome["title"] for outcome in data["outcomes"].values()}
        entry = found.setdefault(flow, {"pages": {}, "data": {}, "shown": set()})
        entry["pages"][lang], entry["data"][lang] = path, data
        entry["shown"] |= shown
    assert set(found) == set(WIZARD_FLOWS)
    return found


@pytest.fixture(scope="module")
def number_screens(wizard_tab, flows) -> dict:
    """(flow, lang) -> the first screen of the flow that asks for a number."""
    page, _ = wizard_tab
    today = browser_today(page)
    found = {}
    for flow, entry in flows.items():
        for lang, data in entry["data"].items():
            numbers = {question["id"] for question in data["questions"] if question["type"] == "number"}
            found[(flow, lang)] = next(screen for screen in wizard_screens(data, today)
                                       if screen.name.split()[1] in numbers)
    return found


LOADS = itertools.count()  # a new query string for each load: a real page load, never a same-page jump


def check_nothing_ran(page, log, allowed_headings: set[str]) -> dict:
    """No payload ran, no dialog, no error, no element made from input; a question or a result is shown."""
    state = page.evaluate(PAGE_STATE_JS)
    assert not state["pwned"], f"a payload ran on {page.url}"
    assert not log.dialogs, f"a dialog opened: {log.dialogs}"
    assert not log.page_errors, f"the page threw: {log.page_errors}"
    assert not state["injected"], f"input became elements: {state['injected']}"
    assert state["heading"] in allowed_headings, f"{page.url} shows {state['heading']!r}"
    # links: in-wizard links, or "Why this result" pointing at a row of a rules page
    assert all((link or "").startswith("#") or RULE_LINK.fullmatch(link or "")
               for link in state["links"]), state["links"]
    return state


RULE_LINK = re.compile(r"http://127\.0\.0\.1:\d+/(?:(?:de|en)/)?wizard/(?:route|permit|subsidy)-rules/#rule-\d{1,2}")


def load_and_check(page, log, url: str, allowed_headings: set[str]) -> dict:
    """Load a wizard URL freshly (a new query each time), then check it."""
    page.goto(url)
    wizard_ready(page)
    return check_nothing_ran(page, log, allowed_headings)


def hand_picked_states() -> list[tuple[str, str, str, str]]:
    """(flow, lang, fragment, query): every attack, several to a URL, each under a real question id."""
    route_questions = ["connection", "age", "nationality", "cai", "goal", "pact_member"]
    pairs = [f"{route_questions[index % len(route_questions)]}:{attack}"
             for index, attack in enumerate(ATTACKS) if len(attack) < 100]
    batches = [pairs[index:index + 6] for index in range(0, len(pairs), 6)]
    return [("route", "en", "wizard=route&a=" + ",".join(batch), "") for batch in batches] + [
        ("permit", "fr", "wizard=permit&a=__proto__:x,constructor:y,nationality:third_country", "__proto__=1"),
        ("subsidy", "de", "wizard=subsidy&a=council_size:small,members:-5", "x=<script>alert(1)</script>"),
        ("subsidy", "en", "wizard=subsidy&a=council_size:small,members:99999999999999999999", ""),
        ("route", "fr", "wizard=route&a=connection:lives,age:45,cai_signed_on:2024-02-30", ""),
        ("route", "de", "wizard=route&a=connection:" + "A" * 5000, "q=" + "B" * 3000),
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
@example(data=None)  # None: the hand-picked attacks, always tried
def test_tampered_url_state_never_runs_script_nor_breaks_the_wizard(data, wizard_tab, flows, server):
    page, log = start_example(wizard_tab)
    if data is None:
        cases = hand_picked_states()
    else:
        flow = data.draw(st.sampled_from(WIZARD_FLOWS), label="flow")
        lang = data.draw(st.sampled_from(LANGUAGES), label="lang")
        questions = flows[flow]["data"][lang]["questions"]
        options = sorted({option for question in questions for option in question.get("options", [])})
        fragment = data.draw(fragment_strategy([question["id"] for question in questions], options), label="fragment")
        query = data.draw(st.one_of(st.just(""), text_without_surrogates(60), st.sampled_from(ATTACKS)), label="query")
        cases = [(flow, lang, fragment, query)]
    for flow, lang, fragment, query in cases:
        query_part = url_part(query, keep="=&,:;/?")  # a "#" in the query would start the fragment early
        url = server.url(f"{flows[flow]['pages'][lang]}?load={next(LOADS)}&{query_part}#{url_part(fragment)}")
        state = load_and_check(page, log, url, flows[flow]["shown"])
        # issue 12: the wizard never rewrites the address it was opened with
        loaded = page.evaluate("new URL(performance.getEntriesByType('navigation')[0].name).hash")
        assert state["hash"] == loaded, f"the wizard rewrote the address: {loaded} -> {state['hash']}"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_tampered_parameters_of_the_iframe_page_never_run_script(data, wizard_tab, flows, server):
    page, log = start_example(wizard_tab)
    parameters = {
        "flow": data.draw(st.one_of(st.sampled_from([*WIZARD_FLOWS, *ATTACKS]), text_without_surrogates(20))),
        "lang": data.draw(st.one_of(st.sampled_from([*LANGUAGES, *ATTACKS]), text_without_surrogates(8))),
        "parent": data.draw(st.sampled_from(["", "javascript:alert(document.domain)", "https://example.org",
                                             "null", "data:text/html,<script>alert(1)</script>", *ATTACKS[:3]])),
        "today": data.draw(st.one_of(st.sampled_from(ATTACKS), st.dates().map(lambda day: day.isoformat()))),
    }
    query = "&".join(f"{name}={quote(value, safe='')}" for name, value in parameters.items())
    shown = set().union(*(entry["shown"] for entry in flows.values()))
    url = server.url(f"/assets/wizard/embed/?load={next(LOADS)}&{query}")
    lang = (parameters["lang"] or "fr").lower().split("-")[0]
    if (parameters["flow"] or "route") in WIZARD_FLOWS and lang in LANGUAGES:
        load_and_check(page, log, url, shown)
        return
    # a wrong flow or language: the frame says so in an alert (wizard/js/embed/embed.js), as text
    page.goto(url)
    page.get_by_role("alert").first.wait_for()
    state = page.evaluate(EMBED_ERROR_JS)
    assert not state["pwned"] and not state["injected"] and state["text"], (url, state)
    assert not log.dialogs and not log.page_errors, (log.dialogs, log.page_errors)


EMBED_ERROR_JS = """() => ({
  pwned: window.__pwned !== undefined || ({}).pwned !== undefined,
  text: [...document.querySelectorAll('[role=alert]')].map((e) => e.textContent).join(' '),
  injected: [...document.querySelectorAll('main *')].filter((e) => !['DIV', 'H1', 'P'].includes(e.tagName)
    || [...e.attributes].some((a) => a.name.startsWith('on'))).map((e) => e.outerHTML.slice(0, 80)),
})"""


ERROR_SHOWN_JS = """() => {
  const error = document.querySelector('lu-integration-wizard').shadowRoot.querySelector('[part~=error-message]');
  return !!error && error.textContent.trim().length > 0;
}"""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
@example(data=None)  # None: every hand-picked attack, typed into one field
def test_fuzzed_answers_in_number_fields_never_run_script_nor_crash(data, wizard_tab, flows, number_screens,
                                                                   server):
    page, log = start_example(wizard_tab)
    if data is None:
        flow, lang, answers = "subsidy", "en", ATTACKS
    else:
        flow = data.draw(st.sampled_from(WIZARD_FLOWS), label="flow")
        lang = data.draw(st.sampled_from(LANGUAGES), label="lang")
        answers = [data.draw(st.one_of(st.sampled_from(ATTACKS), text_without_surrogates(40),
                                       st.integers(-10**40, 10**40).map(str)), label="answer")]
    entry = flows[flow]
    screen = number_screens[(flow, lang)]
    if page.url.split("?")[0] != server.url(entry["pages"][lang]):
        load_and_check(page, log, server.url(f"{entry['pages'][lang]}?load={next(LOADS)}"), entry["shown"])
    for answer in answers:
        if page.evaluate(PAGE_STATE_JS)["heading"] != screen.heading:  # first, or the last answer was taken
            show_wizard_state(page, screen.fragment)
            check_nothing_ran(page, log, entry["shown"])
        field = page.locator("lu-integration-wizard input#v")
        field.fill(answer.replace("\u0000", ""))  # a text field cannot hold NUL
        field.press("Enter")
        state = check_nothing_ran(page, log, entry["shown"])
        assert state["heading"] != screen.heading or page.evaluate(ERROR_SHOWN_JS), \
            f"{answer!r} was neither taken nor refused with a message"

