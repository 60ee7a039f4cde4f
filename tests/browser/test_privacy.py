"""Privacy: the site asks nothing of any other host and stores nothing in the browser.

One sweep loads every page of the built site (all three languages, the
wizard pages once the wizard has rendered, a missing page) and switches
language through Material's language menu, in one browser context that
records every request (of the pages and of Material's search worker), every
response that failed, and every write to localStorage, sessionStorage or
document.cookie. The built files are also read for references to resources
on other hosts that a browser would fetch.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from .conftest import PageLog, browsing, site_pages, wizard_ready

# Storage keys the site may write. Empty: the language menu is a list of plain
# links and needs no memory. mkdocs-material writes keys of the form
# "<site path>.__<name>" only for features this site does not use: __palette
# (a light/dark toggle), __tabs (linked content tabs), __consent (a cookie
# consent form), __announce (a dismissible announcement), __outdated (version
# warnings) and __source (repository statistics, fetched from GitHub). Adding
# one of them must be a decision, made here, with its reason.
ALLOWED_STORAGE_KEYS: frozenset[str] = frozenset()

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


@pytest.fixture(scope="module")
def sweep(browser, server) -> Sweep:
    """Every page loaded once, then a language switch, in one recorded browser context."""
    with browsing(browser) as (context, page, log):
        traffic = Traffic(context)
        for path in site_pages(server.site):
            page.goto(server.url(path), wait_until="load")
            if page.evaluate("() => !!document.querySelector('lu-integration-wizard')"):
                wizard_ready(page)
            traffic.settle(page)
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
        # Search is loaded when used: use it once in each language, so its requests are recorded too.
        for home in ("/", "/de/", "/en/"):
            page.goto(server.url(home))
            page.click("input.md-search__input")
            page.locator("input.md-search__input").press_sequentially("pacte")
            traffic.settle(page)
        storage = page.evaluate("""async () => ({
          localStorage: Object.keys(localStorage), sessionStorage: Object.keys(sessionStorage),
          indexedDB: (await indexedDB.databases()).map((db) => db.name),
          caches: await caches.keys(),
        })""")
        return Sweep(server.origin, log, context.cookies(), storage, *not_found)


def test_the_sweep_loaded_every_page(sweep, server):
    assert set(map(server.url, site_pages(server.site))) <= set(sweep.log.requests)
    assert any(url.endswith("/search/search_index.json") for url in sweep.log.requests), \
        "the search index was never requested: the sweep did not use the search"


def test_no_page_requests_anything_from_another_host(sweep):
    foreign = sorted({url for url in sweep.log.requests
                      if not (url.startswith(sweep.origin + "/") or url.startswith(("data:", "blob:")))})
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign)


def test_nothing_is_stored_in_the_browser(sweep):
    assert sweep.cookies == []
    # a write is recorded as "localStorage.setItem(<key>) on <page>" or "document.cookie = <name> on <page>"
    written = sorted({write for write in sweep.log.storage_writes
                      if not (match := re.match(r"\w+Storage\.setItem\((.*)\) on ", write))
                      or match.group(1) not in ALLOWED_STORAGE_KEYS})
    assert not written, "storage writes:\n" + "\n".join(written)
    kept = set(sweep.storage["localStorage"]) | set(sweep.storage["sessionStorage"])
    assert kept <= ALLOWED_STORAGE_KEYS, f"stored keys: {sorted(kept - ALLOWED_STORAGE_KEYS)}"
    assert sweep.storage["indexedDB"] == [] and sweep.storage["caches"] == [], sweep.storage


def test_every_file_a_page_asks_for_exists(sweep):
    # every request succeeds, including mkdocs-material's sitemap.xml probes beside
    # each <link rel="alternate"> (sitebuild/hooks.py points those at language roots)
    missing = sorted({failure for failure in sweep.log.failed
                      if urlsplit(failure.split()[1]).path != NOT_A_PAGE})
    assert not missing, "failed requests:\n" + "\n".join(missing)
    assert not sweep.log.page_errors, "\n".join(sweep.log.page_errors)


def test_a_missing_page_gets_the_404_page_with_status_404(sweep):
    assert sweep.not_found_status == 404
    assert sweep.not_found_title, "the 404 page has no title"


class ResourceCollector(HTMLParser):
    """Addresses in an HTML page that a browser fetches by itself (not links a reader follows)."""

    FETCHED_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "preconnect", "dns-prefetch",
                         "modulepreload", "manifest", "apple-touch-icon"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fetched: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("src", "poster", "data"):
            if attributes.get(name):
                self.fetched.append(attributes[name])
        for name in ("srcset", "imagesrcset"):
            for candidate in (attributes.get(name) or "").split(","):
                if candidate.strip():
                    self.fetched.append(candidate.split()[0])
        rels = set((attributes.get("rel") or "").lower().split())
        if tag == "link" and rels & self.FETCHED_LINK_RELS and attributes.get("href"):
            self.fetched.append(attributes["href"])
        if tag == "form" and attributes.get("action"):
            self.fetched.append(attributes["action"])


def off_host(address: str) -> bool:
    parts = urlsplit(address.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def test_no_built_file_refers_to_a_resource_on_another_host(site):
    html_pages = sorted(site.rglob("*.html"))
    assert len(html_pages) > 10
    found = []
    for page in html_pages:
        collector = ResourceCollector()
        collector.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {address}" for address in collector.fetched if off_host(address)]
    for stylesheet in sorted(site.rglob("*.css")):
        text = stylesheet.read_text(encoding="utf-8")
        for marker in ("url(http", "url('http", 'url("http', "url(//", "@import"):
            if marker in text:
                found.append(f"{stylesheet.relative_to(site)}: {marker}")
    assert not found, "resources on other hosts:\n" + "\n".join(found)
