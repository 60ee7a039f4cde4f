"""The Content-Security-Policy holds on every page: Chromium reports no violation.

Every page of the real site (all three languages, the wizard pages once the
wizard has rendered, the 404 page, the wizard's iframe page) is opened with a
listener for ``securitypolicyviolation`` registered before any script of the
page runs; the search is opened once so that its worker runs under the
policy too. The policy is the one ``build.py build`` put into each page as a
``<meta http-equiv>``; the host configuration must carry the same one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from .conftest import site_pages, wizard_ready

# Reports each violation to the test through an exposed binding, even one that
# happens while the page unloads.
RECORD_VIOLATIONS_JS = """document.addEventListener('securitypolicyviolation', (event) => {
  try { window.__luCspViolation(`${location.pathname}: ${event.violatedDirective} blocked `
        + `${event.blockedURI || 'inline'} (${(event.sample || '').slice(0, 60)})`); } catch (e) {}
}, true);"""
META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
EMBED = "/assets/wizard/embed/index.html?flow=route&lang=en&parent=http://127.0.0.1"


@pytest.fixture(scope="module")
def violations(browser, server, site):
    """Every violation seen while every page was opened, and the pages opened."""
    found: list[str] = []
    opened: list[str] = []
    context = browser.new_context()
    context.expose_binding("__luCspViolation", lambda _source, what: found.append(what))
    context.add_init_script(RECORD_VIOLATIONS_JS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("console", lambda message: found.append(f"console: {message.text}")
            if "Content Security Policy" in message.text else None)
    try:
        for path in [*site_pages(site), EMBED]:
            page.goto(server.url(path), wait_until="load")
            if page.locator("lu-integration-wizard").count():
                wizard_ready(page)
            opened.append(path)
    finally:
        context.close()
    return found, opened


def test_every_page_was_opened(violations, site):
    _, opened = violations
    assert len(opened) == len(site_pages(site)) + 1
    assert len(opened) > 50


def test_no_page_violates_the_content_security_policy(violations):
    found, _ = violations
    assert found == []


@contextmanager
def recording_violations(browser) -> Iterator[tuple[object, list[str]]]:
    """A page in a fresh context whose CSP violations are recorded in the list."""
    found: list[str] = []
    context = browser.new_context()
    context.expose_binding("__luCspViolation", lambda _source, what: found.append(what))
    context.add_init_script(RECORD_VIOLATIONS_JS)
    try:
        yield context.new_page(), found
    finally:
        context.close()


def test_the_search_and_its_worker_run_under_the_policy(browser, server):
    with recording_violations(browser) as (page, found):
        page.goto(server.url("/"), wait_until="load")
        # search on demand: the index and the real worker are fetched once the reader opens the search
        with page.expect_response(lambda response: response.url.endswith("search_index.json"), timeout=60_000):
            page.keyboard.press("s")  # Material's shortcut: open the search
        page.wait_for_timeout(1_000)  # the worker builds its index from the file
        page.keyboard.type("pacte", delay=50)
        page.wait_for_selector(".md-search-result__item", timeout=60_000)
    assert found == []


def test_the_violation_listener_sees_an_inline_script(browser, server):
    """The sweep above can fail: a script added to a page is refused and reported."""
    with recording_violations(browser) as (page, found):
        page.goto(server.url("/"), wait_until="load")
        page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1';
                                  document.body.append(s); }""")
        page.wait_for_function("() => true")
        page.wait_for_timeout(100)
        assert page.evaluate("() => window.__ran") is None
    assert any("script-src" in violation for violation in found), found


def test_every_page_carries_the_same_strict_policy(site):
    policies = set()
    for page in site.rglob("*.html"):
        found = META.findall(page.read_text(encoding="utf-8"))
        assert len(found) == 1, page
        policies.add(found[0])
    assert len(policies) == 1
    policy = policies.pop()
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'self'" in policy and "object-src 'none'" in policy


def test_the_host_configuration_carries_the_page_policy_and_the_headers(site):
    page_policy = META.search((site / "index.html").read_text(encoding="utf-8")).group(1)
    headers = (site / "_headers").read_text(encoding="utf-8")
    nginx = (site / "nginx.conf").read_text(encoding="utf-8")
    for config in (headers, nginx):
        assert f"{page_policy}; frame-ancestors 'self'" in config
        assert "frame-ancestors *" in config  # the iframe page alone may be embedded anywhere
        for header in ("X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"):
            assert header in config
    assert "/de/*  /404.html  404" in (site / "_redirects").read_text(encoding="utf-8")
    assert "error_page 404 /404.html;" in nginx
