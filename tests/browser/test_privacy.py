"""Privacy: the site asks nothing of any other host and stores nothing in the browser.

One sweep (the ``sweep`` fixture of conftest.py) loads every page of the built site (all three languages, the
wizard pages once the wizard has rendered, a missing page), switches
language through Material's language menu and uses the search (loaded on
demand) once in each language, in one browser context that
records every request (of the pages and of Material's search worker), every
response that failed, and every write to localStorage, sessionStorage or
document.cookie. The built files are also read for references to resources
on other hosts that a browser would fetch.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from sitemodel import DEFAULT_LANGUAGE, LANGUAGES

from .conftest import NOT_A_PAGE, site_pages

# One sweep (tests/browser/conftest.py) loads every page once for this module and for the
# accessibility checks; the group keeps both on one xdist worker, so it runs once.
pytestmark = pytest.mark.xdist_group("site-sweep")

# Storage keys the site may write. Empty: the language menu is a list of plain
# links and needs no memory. mkdocs-material writes keys of the form
# "<site path>.__<name>" only for features this site does not use: __palette
# (a light/dark toggle), __tabs (linked content tabs), __consent (a cookie
# consent form), __announce (a dismissible announcement), __outdated (version
# warnings) and __source (repository statistics, fetched from GitHub). Adding
# one of them must be a decision, made here, with its reason.
ALLOWED_STORAGE_KEYS: frozenset[str] = frozenset()

def test_the_sweep_loaded_every_page_and_searched_in_every_language(sweep, server):
    assert set(map(server.url, site_pages(server.site))) <= set(sweep.log.requests)
    indexes = {server.url(("/" if lang == DEFAULT_LANGUAGE else f"/{lang}/") + "search/search_index.json")
               for lang in LANGUAGES}
    assert indexes <= set(sweep.log.requests), \
        "a language's search index was never requested: the sweep did not use its search"


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
    # each <link rel="alternate"> (the lu-site plugin points those at language roots)
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
