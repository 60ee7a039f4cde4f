"""Shared set-up of the browser tests: one built site, one local server, one browser.

The real content is built once per session (``real_site``), served by a
small static HTTP server on 127.0.0.1 (a free port; missing paths get
404.html with status 404, like the production server), and opened in one
Chromium per session, driven by Playwright. Each test gets a fresh browser
context (no cookie or storage shared between tests) through ``open_page``,
which records every request, failed response, console error, page error,
dialog and storage write, for the privacy and injection tests to assert on.

Helpers for axe-core and for the wizard (its pages, its shipped data, every
screen of a flow with the URL state that opens it) are shared here too.
"""

from __future__ import annotations

import functools
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import serve_folder

from sitemodel import DEFAULT_LANGUAGE, LANGUAGES
from sitemodel.registry import FLOW_IDS

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# Flags for a quiet, offline, reproducible headless Chromium (no browser download, ever).
WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIZARD_SCRIPT = "assets/wizard/wizard-v1.js"
WIZARD_FLOWS = FLOW_IDS
NOJS_STATE = re.compile(r"/wizard/[a-z]+/a/")  # wizard/nojs.py: one page per state


# ---- the site ------------------------------------------------------------------

@pytest.fixture(scope="session")
def site(real_site: Path) -> Path:
    """The site under test: the real content, built once in strict mode."""
    return real_site


def page_language(relative: str) -> str:
    """fr pages live at the root, German and English ones under de/ and en/."""
    first = relative.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path: each folder's index.html, and 404.html."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        folder = index.parent.relative_to(site).as_posix()
        if NOJS_STATE.search(f"/{folder}/"):
            continue  # the wizard's no-JS state pages (hundreds): tests/browser/test_nojs.py samples them
        pages.append("/" if folder == "." else f"/{folder}/")
    if (site / "404.html").is_file():
        pages.append("/404.html")
    return pages


def wizard_pages(site: Path) -> list[tuple[str, str, str]]:
    """(flow, lang, URL path) of each flow's own page, wizard/<flow>/ in each language, when built.

    Other pages may hold the element too (the integrators' live demo); these
    are the pages a reader is sent to.
    """
    found = []
    for lang in LANGUAGES:
        for flow in WIZARD_FLOWS:
            path = f"/wizard/{flow}/" if lang == DEFAULT_LANGUAGE else f"/{lang}/wizard/{flow}/"
            page = site / path.strip("/") / "index.html"
            if page.is_file() and f'<lu-integration-wizard flow="{flow}"' in page.read_text(encoding="utf-8"):
                found.append((flow, lang, path))
    return found


# ---- the local server ----------------------------------------------------------

@dataclass
class LocalServer:
    """The address of the local server serving the site."""

    origin: str
    site: Path

    def url(self, path: str) -> str:
        return self.origin + path


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[LocalServer]:
    with serve_folder(site) as origin:
        yield LocalServer(origin, site)


# ---- the browser ----------------------------------------------------------------

@dataclass
class PageLog:
    """What the pages of one browser context did while a test drove them."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)        # "status URL" of every 4xx/5xx answer
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    storage_writes: list[str] = field(default_factory=list)


# Reports every write to localStorage, sessionStorage and document.cookie to the
# test (through an exposed binding), even a value that is removed again later.
RECORD_STORAGE_WRITES_JS = """(() => {
  const report = (what) => { try { window.__luStorageWrite(what + ' on ' + location.pathname); } catch (e) {} };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    report((this === window.sessionStorage ? 'sessionStorage' : 'localStorage') + '.setItem(' + key + ')');
    return setItem.call(this, key, value);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true, get() { return cookie.get.call(this); },
    set(value) { report('document.cookie = ' + String(value).split('=')[0]); cookie.set.call(this, value); },
  });
})();"""


@contextmanager
def browsing(browser, **context_options):
    """A fresh context and page; requests, failures, errors, dialogs and storage writes are recorded."""
    context = browser.new_context(**context_options)
    log = PageLog()
    # context-wide: requests of every page and of its workers (Material's search worker)
    context.on("request", lambda request: log.requests.append(request.url))
    context.on("response", lambda response: log.failed.append(f"{response.status} {response.url}")
               if response.status >= 400 else None)
    context.expose_binding("__luStorageWrite", lambda _source, what: log.storage_writes.append(what))
    context.add_init_script(RECORD_STORAGE_WRITES_JS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda message: log.console_errors.append(f"{page.url}: {message.text}")
            if message.type == "error" else None)
    page.on("pageerror", lambda error: log.page_errors.append(f"{page.url}: {error}"))

    def on_dialog(dialog):
        log.dialogs.append(f"{page.url}: {dialog.type}: {dialog.message}")
        dialog.dismiss()  # an open dialog would block the page; recording it is enough

    page.on("dialog", on_dialog)
    try:
        yield context, page, log
    finally:
        context.close()


@pytest.fixture
def open_page(browser):
    """Factory: ``with open_page(viewport=...) as (context, page, log):`` in a fresh context."""
    return functools.partial(browsing, browser)


# ---- axe-core -------------------------------------------------------------------

def axe_source() -> str:
    """axe-core as shipped with axe-playwright-python (the same script its Axe().run injects)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def axe_violations(page, context: str | None = None) -> list[str]:
    """WCAG 2.0/2.1 A and AA violations on the page (or inside the element ``context``), one line each.

    axe-core is injected once per document, unless an init script of the
    browser context already did (faster on long page lists); it analyses
    open shadow roots too, so the wizard's questions are checked.
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    # only violations are reported back: the passes of a long page are slow to serialise
    options = {**WCAG_A_AA, "resultTypes": ["violations"]}
    results = page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])
    lines = []
    for violation in results["violations"]:
        targets = [json.dumps(node["target"]) for node in violation["nodes"]]
        more = f" and {len(targets) - 5} more" if len(targets) > 5 else ""
        lines.append(f"{short(page.url, 120)}: {violation['id']} ({violation['impact']}): {violation['help']}; "
                     f"at {', '.join(targets[:5])}{more}")
    return lines


# ---- the wizard ------------------------------------------------------------------

# The deepest focused element, through open shadow roots.
DEEP_ACTIVE_ELEMENT_JS = """() => {
  let element = document.activeElement;
  while (element && element.shadowRoot && element.shadowRoot.activeElement) {
    element = element.shadowRoot.activeElement;
  }
  return element;
}"""

# The text of the heading the wizard shows (a question or a result), or null.
WIZARD_HEADING_JS = """() => {
  const host = document.querySelector('lu-integration-wizard');
  const heading = host && host.shadowRoot && host.shadowRoot.querySelector('h2');
  return heading ? heading.textContent : null;
}"""


def wizard_ready(page) -> None:
    """Wait until the wizard shows a question or a result (it fetches its data first)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(f"() => ({WIZARD_HEADING_JS})() !== null", timeout=10_000)
    except PlaywrightTimeout:
        shown = page.evaluate("() => { const host = document.querySelector('lu-integration-wizard');"
                              " return host && host.shadowRoot ? host.shadowRoot.textContent.slice(0, 200) : null; }")
        pytest.fail(f"The wizard on {short(page.url)} showed no question and no result within 10 s (it shows "
                    f"{shown!r}): is {WIZARD_SCRIPT} loaded by the page, its data found, its state read?",
                    pytrace=False)


def short(text: str, limit: int = 300) -> str:
    """A long URL or text cut for a readable failure message."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def wizard_heading(page) -> str | None:
    return page.evaluate(WIZARD_HEADING_JS)


def show_wizard_state(page, fragment: str) -> None:
    """Open another URL state on the page already loaded, without reloading it.

    The fragment replaces the address's, and the element is replaced by a
    fresh copy: the copy reads its state from the address exactly as on a
    page load, but Material's scripts need not start again (much faster).
    """
    page.evaluate("""(fragment) => {
      history.replaceState(history.state, '', fragment);
      const old = document.querySelector('lu-integration-wizard');
      old.replaceWith(old.cloneNode(false));
    }""", fragment)
    wizard_ready(page)


def wizard_data(site: Path, flow: str, lang: str) -> dict:
    """The rules and words the browser runs for one flow and language, as shipped."""
    path = site / "assets" / "wizard" / "wizard-data" / f"{flow}.{lang}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def browser_today(page) -> str:
    """The browser's local date: the wizard compares dates with it."""
    return page.evaluate("""() => { const d = new Date();
      return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0'))
        .join('-'); }""")


def state_fragment(flow: str, answers: dict, path: list[str]) -> str:
    """The URL fragment the wizard writes for these answers (see formatState in wizard-v1.js)."""
    return f"#wizard={flow}&a=" + ",".join(f"{question}:{answers[question]}" for question in path)


@dataclass
class WizardScreen:
    """One screen of the wizard, reached by loading its URL state."""

    name: str        # "question <id>" or "result <id>"
    fragment: str    # the URL state that opens it
    heading: str     # the heading it must show


def wizard_screens(data: dict, today: str) -> list[WizardScreen]:
    """Every question and every result of a flow once, each with the answers that reach it.

    The paths come from the repository's own walker, run on the data the
    browser receives. A result is shown with the answers that give it the most
    notes, so the optional paragraphs are checked too.
    """
    from wizard.analysis import walk

    questions = {question["id"]: question for question in data["questions"]}
    screens: dict[str, WizardScreen] = {}
    notes_shown: dict[str, int] = {}
    for path in walk(data, data["facts"], {"today": today}):
        result = path.result
        asked = result.path
        for index, question_id in enumerate(asked):
            name = f"question {question_id}"
            if name not in screens:
                screens[name] = WizardScreen(name, state_fragment(data["id"], path.answers, asked[:index]),
                                             questions[question_id]["text"])
        if result.outcome and len(result.notes) > notes_shown.get(result.outcome, -1):
            notes_shown[result.outcome] = len(result.notes)
            screens[f"result {result.outcome}"] = WizardScreen(
                f"result {result.outcome}", state_fragment(data["id"], path.answers, asked),
                data["outcomes"][result.outcome]["title"])
    return sorted(screens.values(), key=lambda screen: screen.name)


# ---- one sweep over every page, for privacy and accessibility --------------------

NOT_A_PAGE = "/this-page-does-not-exist/"


@dataclass
class Sweep:
    """What one browser context saw while every page was loaded."""

    origin: str
    log: PageLog
    cookies: list
    storage: dict
    not_found_status: int
    not_found_title: str
    violations: dict[str, list[str]]  # axe's WCAG A/AA violations of each page, by URL path


class Traffic:
    """Requests in flight in a browser context, to know when a page has stopped asking."""

    def __init__(self, context) -> None:
        self.in_flight = 0
        self.last_start = time.monotonic()
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def _started(self, _request) -> None:
        self.in_flight += 1
        self.last_start = time.monotonic()

    def _ended(self, _request) -> None:
        self.in_flight = max(0, self.in_flight - 1)

    def settle(self, page, quiet: float = 0.05, limit: float = 3.0) -> None:
        """Wait until nothing is in flight and nothing new started for ``quiet`` seconds.

        After the load event a page still asks for things (Material's search
        worker fetches the index, the wizard its data): these are recorded too.
        Much faster than Playwright's "networkidle", which always waits 500 ms.
        """
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.in_flight == 0 and time.monotonic() - self.last_start >= quiet:
                return
            page.wait_for_timeout(20)  # lets Playwright deliver the request events


@pytest.fixture(scope="session")
def sweep(browser, server) -> Sweep:
    """Every page loaded once (traffic recorded, axe run), then a language switch and a search in each
    language, in one browser context.

    The privacy checks (test_privacy.py) and the accessibility checks of every page
    (test_accessibility.py) read it: each page is loaded once for both.
    """
    violations: dict[str, list[str]] = {}
    with browsing(browser) as (context, page, log):
        context.add_init_script(axe_source())  # with each page: no request, no second injection
        traffic = Traffic(context)
        for path in site_pages(server.site):
            page.goto(server.url(path), wait_until="load")
            if page.evaluate("() => !!document.querySelector('lu-integration-wizard')"):
                wizard_ready(page)
            traffic.settle(page)
            violations[path] = axe_violations(page)
        response = page.goto(server.url(NOT_A_PAGE))
        not_found = (response.status, page.title())
        traffic.settle(page)
        # The language menu, as a reader uses it: FR -> DE on a fact sheet, DE -> EN on a wizard page.
        for start, target, arrival in (("/cai/", "de", "/de/cai/"),
                                       ("/de/wizard/route/", "en", "/en/wizard/route/")):
            page.goto(server.url(start))
            page.hover(".md-select")
            page.click(f'a.md-select__link[hreflang="{target}"]')
            page.wait_for_url(server.url(arrival) + "**")  # the wizard adds its state after a #
            traffic.settle(page)
        # Search is loaded when used (docs/assets/javascripts/search-language.js): use it once in
        # each language, so that its requests (index, worker, lunr's stemmers) are recorded too.
        for lang in LANGUAGES:
            page.goto(server.url("/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"))
            page.click("input.md-search__input")
            page.locator("input.md-search__input").press_sequentially("pacte")
            page.wait_for_selector(".md-search-result__meta", state="attached")
            traffic.settle(page)
        storage = page.evaluate("""async () => ({
          localStorage: Object.keys(localStorage), sessionStorage: Object.keys(sessionStorage),
          indexedDB: (await indexedDB.databases()).map((db) => db.name),
          caches: await caches.keys(),
        })""")
        return Sweep(server.origin, log, context.cookies(), storage, *not_found, violations)
