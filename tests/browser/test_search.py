"""Search is downloaded only when the reader uses it, and finds in each language what it found before.

docs/assets/javascripts/search-language.js holds back Material's request for
the search index until the reader opens the search, and gives Material a
small stand-in worker (workers/search-on-demand.js) that loads the real one
(lunr and the language's stemmer) with its first message.
"""

from __future__ import annotations

import json
import re

import pytest

from .conftest import page_language

PHONE = {"width": 360, "height": 740}
# What only the search needs: the index, Material's real worker, lunr's stemmers.
SEARCH_DOWNLOADS = re.compile(r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$|/lunr/")

# (language home, query, pages it must find). Each query is a word form that
# the expected pages do not contain as such, only inflected (plural, genitive,
# participle): found by lunr's prefix match and the language's stemmer, as
# before search was loaded on demand (checked against the build of c443578).
QUERIES = [
    ("/", "travailleur", ["/addresses/"]),
    ("/", "conseil", ["/documents-advice/", "/deadlines-appeals/"]),
    ("/de/", "Arbeitnehmer", ["/de/long-term-resident/"]),
    ("/de/", "Modul", ["/de/cai/", "/de/municipal-pact/"]),
    ("/en/", "applicant", ["/en/addresses/", "/en/cai/", "/en/glossary/"]),
    ("/en/", "grant", ["/en/employee/", "/en/family-reunification/", "/en/other-statuses/"]),
]


def search_texts(site, home: str) -> dict[str, str]:
    """Page URL path -> all its indexed text (titles and sections), from the language's index."""
    index = json.loads((site / home.strip("/") / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    for doc in index["docs"]:
        path = home + doc["location"].split("#")[0]
        texts[path] = texts.get(path, "") + " " + doc["title"] + " " + doc["text"]
    return texts


def results(page, query: str) -> list[str]:
    """URL paths (no query string, no fragment) of the pages the search lists for query."""
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially(query, delay=10)
    # results come as the reader types: wait for those of the whole word (it is in their highlight links)
    page.wait_for_function("""query => [...document.querySelectorAll('.md-search-result__link')]
        .some(link => new URL(link.href).searchParams.get('h') === query)""", arg=query.lower())
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item > .md-search-result__link",
        "links => links.map(link => new URL(link.href).pathname)")
    return list(dict.fromkeys(hrefs))


@pytest.mark.parametrize("path", ["/biergerpakt/", "/de/", "/en/wizard/route/"])
def test_no_search_download_until_the_reader_opens_the_search(open_page, server, path):
    lang = page_language(path.strip("/"))
    home = "/" if lang == "fr" else f"/{lang}/"
    with open_page(viewport=PHONE) as (_context, page, log):
        page.goto(server.url(path), wait_until="load")
        page.wait_for_timeout(800)  # Material would have fetched the index by now
        early = [url for url in log.requests if SEARCH_DOWNLOADS.search(url)]
        assert early == [], f"{path} downloads search before it is used: {early}"
        with page.expect_request(lambda request: request.url.endswith("search_index.json")) as index:
            page.locator('label.md-header__button[for="__search"] > button').click()
        assert index.value.url == server.url(home + "search/search_index.json")
        page.locator("input.md-search__input").press_sequentially("CAI", delay=10)
        page.wait_for_function("() => /\\d/.test(document.querySelector('.md-search-result__meta').textContent)")
        assert any(SEARCH_DOWNLOADS.search(url) and "/workers/" in url for url in log.requests), \
            "the real search worker was never loaded"
        assert all(url.startswith(server.origin + "/") for url in log.requests), log.requests
        assert log.failed == [] and log.page_errors == [] and log.console_errors == []


@pytest.mark.parametrize(("home", "query", "expected"), QUERIES, ids=[f"{q[0]}{q[1]}" for q in QUERIES])
def test_search_in_each_language_finds_inflected_forms(open_page, server, home, query, expected):
    texts = search_texts(server.site, home)
    for path in expected:  # the query matches these pages only through an inflected form
        assert re.search(rf"\b{query}\w", texts[path], flags=re.IGNORECASE), f"{path} lacks an inflected {query!r}"
        assert not re.search(rf"\b{query}\b", texts[path], flags=re.IGNORECASE), f"{path} has {query!r} as such"
    with open_page() as (_context, page, log):
        page.goto(server.url(home + "programme/"))
        found = results(page, query)
        assert set(expected) <= set(found), f"{query!r} on {home} found {found}"
        # every result is a page of the reader's language
        others = [path for path in found if page_language(path.strip("/")) != page_language(home.strip("/"))]
        assert others == []
        assert log.failed == [] and log.page_errors == []
