"""Links: every internal link and anchor of the built site leads somewhere.

Every built HTML page is parsed (html.parser). Each internal address (links
in the text and the menus, the language menu, <link rel="alternate"
hreflang>, canonical, prev/next, stylesheets, scripts, images) is resolved
like a browser would and must name a file of the site; a #fragment must be
the id of an element on the target page. Language links must lead to a page
in that language. External links are not fetched: they are listed, page by
page, in tests/artifacts/external-links.txt for a person to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from sitemodel import LANGUAGES

from .conftest import ARTIFACTS

# Attributes that hold an address, per tag.
ADDRESS_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "script": "src", "img": "src",
                      "iframe": "src", "source": "src", "form": "action"}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass
class ParsedPage:
    url: str                                 # the page's address on the site, e.g. "/de/cai/"
    lang: str = ""
    ids: set[str] = field(default_factory=set)
    addresses: list[tuple[str, str, dict]] = field(default_factory=list)  # (tag, address, attributes)


class PageParser(HTMLParser):
    def __init__(self, page: ParsedPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag, attrs):
        attributes = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.page.lang = attributes.get("lang", "")
        for key in ("id", "name") if tag == "a" else ("id",):  # <a name> is an anchor too
            if attributes.get(key):
                self.page.ids.add(attributes[key])
        name = ADDRESS_ATTRIBUTES.get(tag)
        if name and name in attributes:
            self.page.addresses.append((tag, attributes[name], attributes))


def page_file(site: Path, url_path: str) -> Path | None:
    """The file the server answers with for a path, or None (the server would send a 404)."""
    relative = unquote(url_path).lstrip("/")
    candidate = site / relative
    if url_path.endswith("/"):
        candidate = candidate / "index.html"
    elif candidate.is_dir():
        candidate = candidate / "index.html"  # the server redirects /x to /x/
    return candidate if candidate.is_file() else None


@pytest.fixture(scope="module")
def parsed_site(site: Path) -> dict[str, ParsedPage]:
    """Every built HTML page by its address on the site."""
    pages: dict[str, ParsedPage] = {}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        url = "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)
        page = ParsedPage(url)
        PageParser(page).feed(path.read_text(encoding="utf-8"))
        pages[url] = page
    return pages


@pytest.fixture(scope="module")
def site_url(parsed_site) -> str:
    """The public address the site was built for (site_url): canonical links start with it."""
    canonical = [address for tag, address, attributes in parsed_site["/"].addresses
                 if tag == "link" and attributes.get("rel") == "canonical"]
    assert canonical, "the home page has no canonical link"
    return canonical[0]


def internal_path(address: str, page_url: str, site_url: str) -> str | None:
    """The site path an address leads to (with its #fragment), or None for another host."""
    if address.startswith(site_url):
        address = "/" + address[len(site_url):]
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None
    return urljoin(page_url, address)


def test_every_internal_link_and_anchor_leads_somewhere(parsed_site, site, site_url):
    broken = []
    checked = 0
    for page in parsed_site.values():
        for tag, address, _ in page.addresses:
            if address.lower().startswith("javascript:"):
                broken.append(f"{page.url}: <{tag}> runs script: {address}")
                continue
            target = internal_path(address, page.url, site_url)
            if target is None:
                continue
            checked += 1
            path, _, fragment = target.partition("#")
            found = page_file(site, path or page.url)
            if found is None:
                broken.append(f"{page.url}: <{tag}> {address} -> {path}: no such file")
                continue
            if fragment and found.suffix == ".html":
                target_page = parsed_site.get(target_url(site, found))
                if target_page is None or unquote(fragment) not in target_page.ids:
                    broken.append(f"{page.url}: <{tag}> {address}: no element with id '{unquote(fragment)}'")
    assert checked > 1000, f"only {checked} internal addresses found: is the site complete?"
    assert not broken, f"{len(broken)} broken internal links:\n" + "\n".join(broken)


def target_url(site: Path, found: Path) -> str:
    relative = found.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def test_every_language_link_leads_to_the_same_page_in_that_language(parsed_site, site, site_url):
    wrong = []
    for page in parsed_site.values():
        if page.url == "/404.html" or not page.lang:
            continue
        offered = set()
        for tag, address, attributes in page.addresses:
            hreflang = attributes.get("hreflang")
            if not hreflang or tag not in ("a", "link"):
                continue
            offered.add(hreflang)
            found = page_file(site, (internal_path(address, page.url, site_url) or "").partition("#")[0])
            target = parsed_site.get(target_url(site, found)) if found else None
            if target is None or target.lang != hreflang:
                wrong.append(f"{page.url}: {address} (hreflang={hreflang}) leads to "
                             f"{target.url + ' in ' + target.lang if target else 'nothing'}")
        if not page.url.startswith("/assets/") and offered != set(LANGUAGES):  # the iframe page has no menu
            wrong.append(f"{page.url}: the language links offer {sorted(offered)}")
    assert not wrong, "\n".join(wrong)


def test_the_404_page_offers_the_home_page_of_each_language(parsed_site, site_url):
    """It is shown for any missing address: its language menu cannot point to one page's translations."""
    page = parsed_site["/404.html"]
    offered = {attributes["hreflang"]: internal_path(address, page.url, site_url)
               for tag, address, attributes in page.addresses if tag == "a" and attributes.get("hreflang")}
    assert offered == {lang: "/" if lang == "fr" else f"/{lang}/" for lang in LANGUAGES}, offered


def test_every_address_in_the_sitemap_is_a_page(site, site_url):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    addresses = re.findall(r'(?:<loc>|href=")([^<"]+)', sitemap)
    assert len(addresses) > 10
    missing = [address for address in addresses
               if not address.startswith(site_url) or page_file(site, "/" + address[len(site_url):]) is None]
    assert not missing, "sitemap addresses without a page:\n" + "\n".join(missing)


def test_external_links_are_listed_for_review_not_fetched(parsed_site, site_url):
    external = set()
    for page in parsed_site.values():
        for tag, address, _ in page.addresses:
            scheme = urlsplit(address).scheme.lower()
            if tag in ("a", "area") and scheme in EXTERNAL_SCHEMES and not address.startswith(site_url):
                external.add(f"{page.url} -> {address}")
    lines = sorted(external)
    assert lines, "no page links to another site: the sources are not cited"
    report = ARTIFACTS / "external-links.txt"  # for a reviewer, not for the assertions
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # every page cites its sources: official pages in every language
    assert {line.split(" -> ")[0].split("/")[1] for line in lines} >= {"de", "en"}


def test_each_language_loads_its_own_search_index(server, open_page):
    """A German page searches German pages with the German stemmer, and so on."""
    with open_page() as (_, page, log):
        for lang in LANGUAGES:
            home = "/" if lang == "fr" else f"/{lang}/"
            page.goto(server.url(home + "cai/"))
            with page.expect_request(lambda request: request.url.endswith("search_index.json")) as index:
                page.click("input.md-search__input")  # the index is loaded when search is used
            expected = server.url(home + "search/search_index.json")
            assert index.value.url == expected, f"{home}cai/ loads {index.value.url}, not {expected}"
    assert not [failure for failure in log.failed if "search_index" in failure], log.failed
