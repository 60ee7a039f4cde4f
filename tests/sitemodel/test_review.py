"""`build.py review` lists what editors must check again, oldest first."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from support import REPO

from sitemodel.content import load
from sitemodel.review import due, report

CONTENT = load(REPO)
NEWEST = max(page.meta["reviewed"] for page in CONTENT.pages.values())


def test_nothing_is_due_right_after_a_review_except_changed_addresses():
    items = due(CONTENT, NEWEST, max_age_days=3650)
    assert {item.kind for item in items} <= {"source"}
    assert all("address changed" in item.why for item in items)


def test_old_pages_and_facts_are_listed_oldest_first():
    items = [item for item in due(CONTENT, NEWEST + dt.timedelta(days=400), max_age_days=365)
             if item.kind != "source"]
    assert {item.kind for item in items} == {"page", "fact"}
    dates = [item.reviewed for item in items]
    assert dates == sorted(dates)
    assert len({i.name for i in items if i.kind == "page"}) == len(CONTENT.pages)


def test_a_page_reviewed_later_than_the_limit_is_not_listed():
    oldest = min(page.meta["reviewed"] for page in CONTENT.pages.values())
    items = [i for i in due(CONTENT, oldest + dt.timedelta(days=11), max_age_days=10) if i.kind != "source"]
    assert items, "the oldest reviews should be due"
    assert all(item.reviewed == oldest for item in items)
    assert "financial-aid" not in {i.name for i in items if i.kind == "page"}  # reviewed later


def test_a_source_with_a_new_address_names_the_pages_to_check():
    moved = [item for item in due(CONTENT, NEWEST) if item.kind == "source"]
    assert any(item.name == "guichet-salaried" and "employee" in item.why for item in moved)


def test_the_command_prints_the_list():
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "review", "--max-age", "0"],
                            capture_output=True, text=True, cwd=REPO, check=False)
    assert result.returncode == 0, result.stderr
    assert "oldest first" in result.stdout
    assert report([], NEWEST, 30).startswith("Nothing to review")
