"""The build.py command line: check, build, and what an editor sees."""

from __future__ import annotations

import subprocess
import sys

from support import FIXTURES, REPO, make_project, tree_digest


def run(*args, cwd=REPO):
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_check_accepts_the_real_content():
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Content OK: ")


def test_build_publishes_the_fixture_then_a_broken_edit_changes_nothing(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    first = run("build", "--project", str(project))
    assert first.returncode == 0, first.stderr
    site = project / "site"
    before = tree_digest(site)
    page = project / "content" / "de" / "pact.yml"
    page.write_text(page.read_text().replace("[[subsidy.cap]]", "30.000 Euro"), encoding="utf-8")
    second = run("build", "--project", str(project))
    assert second.returncode == 1
    assert second.stderr.splitlines()[:2] == [
        "The content has 1 problem; nothing was published.",
        "content/de/pact.yml:7: The text contains the number '30.000'. Numbers, dates and amounts must "
        "come from the shared facts so that the three languages cannot disagree.",
    ]
    assert tree_digest(site) == before


def test_the_real_content_builds_in_strict_mode(real_site):
    for prefix in ("", "de/", "en/"):
        assert (real_site / prefix / "index.html").is_file()
        assert (real_site / prefix / "search" / "search_index.json").is_file()
