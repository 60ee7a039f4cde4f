"""Shared set-up of the browser tests: one built site, one local server, one browser.

The real content is built once per session (``real_site``), served by a
small static HTTP server on 127.0.0.1 (a free port; missing paths get
404.html with status 404, like the production server), and opened in one
Chromium per session, driven by Playwright. Each test gets a fresh browser
context (no cookie or storage shared between tests) through ``open_page``,
which records every request, console error, page error and dialog so the
privacy and injection tests can assert on them.
"""

from __future__ import annotations

import functools
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import require_chromium

from sitebuild import DEFAULT_LANGUAGE, LANGUAGES

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
# Flags for a quiet, offline, reproducible headless Chromium (no browser download, ever).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIZARD_SCRIPT = "assets/wizard/wizard-v1.js"
WIZARD_FLOWS = ("route", "permit", "subsidy")


# ---- the site ------------------------------------------------------------------

@pytest.fixture(scope="session")
def site(request) -> Path:
    """The site under test: the real content, built once in strict mode."""
    if os.environ.get("DEV_BROWSER_SITE"):  # DEV ONLY, remove before hand-over
        return Path(os.environ["DEV_BROWSER_SITE"])
    return request.getfixturevalue("real_site")


def page_language(relative: str) -> str:
    """fr pages live at the root, German and English ones under de/ and en/."""
    first = relative.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def site_pages(site: Path) -> list[str]:
    """Every page of the built site as a URL path: each folder's index.html, and 404.html."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        folder = index.parent.relative_to(site).as_posix()
        pages.append("/" if folder == "." else f"/{folder}/")
    if (site / "404.html").is_file():
        pages.append("/404.html")
    return pages


def wizard_pages(site: Path) -> list[tuple[str, str, str]]:
    """(flow, lang, URL path) of every built page that holds the wizard element."""
    found = []
    for path in site_pages(site):
        html = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8") if path.endswith("/") else ""
        for flow in WIZARD_FLOWS:
            if f'flow="{flow}"' in html and "<lu-integration-wizard" in html:
                found.append((flow, page_language(path.lstrip("/")), path))
    return found


# ---- the local server ----------------------------------------------------------

class QuietSiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site; a missing path gets 404.html with status 404."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # one line per request would drown the test output

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class LocalServer:
    """The address of the local server serving the site."""

    origin: str
    site: Path

    def url(self, path: str) -> str:
        return self.origin + path


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[LocalServer]:
    handler = functools.partial(QuietSiteHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: the system picks a free one
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield LocalServer(f"http://127.0.0.1:{httpd.server_address[1]}", site)
    finally:
        httpd.shutdown()
        httpd.server_close()


# ---- the browser ----------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session: starting it costs more than most tests."""
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@dataclass
class PageLog:
    """What a page did while a test drove it."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and dialogs, for assertion messages."""
        return ([f"console error: {m}" for m in self.console_errors]
                + [f"page error: {m}" for m in self.page_errors]
                + [f"dialog: {m}" for m in self.dialogs])


@contextmanager
def browsing(browser, **context_options):
    """A fresh context and page whose requests, errors and dialogs are recorded."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    log = PageLog()
    page.on("request", lambda request: log.requests.append(request.url))
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

def axe_violations(page, context: str | None = None) -> list[str]:
    """WCAG 2.0/2.1 A and AA violations on the page (or inside the element ``context``), one line each.

    axe-core comes from axe-playwright-python; it is injected once per document
    and analyses open shadow roots too, so the wizard's questions are checked.
    """
    from axe_playwright_python.sync_playwright import Axe

    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(Axe().axe_script)
    results = page.evaluate("([context, options]) => axe.run(context || document, options)",
                            [context, WCAG_A_AA])
    return [f"{page.url}: {violation['id']} ({violation['impact']}): {violation['help']}; at "
            + ", ".join(json.dumps(node["target"]) for node in violation["nodes"])
            for violation in results["violations"]]


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
        pytest.fail(f"The wizard on {page.url} showed no question and no result within 10 s: is "
                    f"{WIZARD_SCRIPT} loaded by the page and its data found?", pytrace=False)


def wizard_heading(page) -> str | None:
    return page.evaluate(WIZARD_HEADING_JS)


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
