"""make serve tells: a broken edit shows its problems in the browser, and the page returns once fixed.

The tiny fixture is served by ``build.py serve`` (mkdocs serve with the
hooks) on a free port; the test breaks a file, reads the page the browser
would get (never waiting more than a few seconds for one answer: a hang is a
failure), fixes the file and reads the page again.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from support import FIXTURES, REPO, make_project

from sitebuild.preview import problems_page
from sitemodel.errors import ContentError, ContentErrors


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=20) as answer:  # noqa: S310 - a local test server
        return answer.read().decode("utf-8")


def _wait_for(url: str, wanted: str, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = _get(url)
        except OSError:
            page = ""
        if wanted in page:
            return page
        time.sleep(0.3)
    raise AssertionError(f"{wanted!r} did not appear at {url}; last answer: {page[:300]!r}")


@pytest.fixture
def served(tmp_path: Path):
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "serve", "--project", str(project), "--dev-addr",
         f"127.0.0.1:{port}"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)
    try:
        yield project, f"http://127.0.0.1:{port}"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.communicate(timeout=60)


def test_a_broken_edit_shows_its_problem_and_the_page_returns_when_fixed(served):
    project, origin = served
    page = project / "content" / "en" / "pact.yml"
    good = page.read_text(encoding="utf-8")
    assert "The pact" in _wait_for(f"{origin}/en/pact/", "The pact")

    page.write_text(good.replace('title: "The pact"', 'title: "The pact'), encoding="utf-8")
    shown = _wait_for(f"{origin}/en/pact/", "The content has 1 problem")
    assert "content/en/pact.yml:1" in shown and "How to fix:" in shown
    assert "The content has 1 problem" in _get(f"{origin}/de/"), "every page tells, not only the edited one"

    page.write_text(good.replace("[[subsidy.cap]]", "[[subsidy.cap]"), encoding="utf-8")  # another mistake
    assert "content/en/pact.yml:7" in _wait_for(f"{origin}/en/pact/", "not closed or not well formed")

    page.write_text(good, encoding="utf-8")
    back = _wait_for(f"{origin}/en/pact/", "The pact")
    assert "The content has" not in back


def test_the_problems_page_escapes_what_it_shows():
    problems = ContentErrors([ContentError("content/en/<b>.yml", 3, "Text <script>alert(1)</script>", "Fix & go")])
    page = problems_page(problems)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "content/en/&lt;b&gt;.yml:3" in page and "Fix &amp; go" in page
