"""Residence pages state today's rules from current official pages (issue 14).

Each residence page cites at least one current official page that records
when it was consulted; the few pages for which no current source has been
found yet are listed here, so that the list can only shrink. Every source
read for this site has a consultation date no later than its review.
"""

from __future__ import annotations

import datetime as dt

import pytest
from support import REPO

from sitemodel.content import load

# No current official page found yet: these keep their 2013 flag and say so. (Empty since the
# four last ones gained current sources; statements that still rest on 2013 keep the page's flag.)
STILL_ON_2013_ONLY: set[str] = set()


def _content():
    return load(REPO)


CONTENT = _content()
RESIDENCE = sorted(slug for slug, page in CONTENT.pages.items() if page.meta["section"] == "residence")


def _cited(page):
    citations = list(page.meta["sources"])
    for section in page.meta["sections"]:
        citations.extend(section.get("sources", []))
    return {c["source"] for c in citations}


@pytest.mark.parametrize("slug", RESIDENCE)
def test_a_residence_page_cites_a_current_official_page(slug):
    current = {key for key in _cited(CONTENT.pages[slug]) if "consulted" in CONTENT.sources[key]}
    if slug in STILL_ON_2013_ONLY:
        assert not current, f"{slug} now has a current source: remove it from STILL_ON_2013_ONLY"
        assert CONTENT.pages[slug].meta.get("brochure_2013"), f"{slug} must keep its 2013 flag"
    else:
        assert current, f"{slug} cites no current official page with a consultation date"
        assert any(CONTENT.sources[key]["kind"] == "official-page" for key in current)


def test_consultation_dates_are_not_in_the_future_of_the_review():
    newest_review = max(page.meta["reviewed"] for page in CONTENT.pages.values())
    for key, source in CONTENT.sources.items():
        if "consulted" in source:
            assert isinstance(source["consulted"], dt.date), key
            assert source["consulted"] <= newest_review, key
