"""Warnings an editor wants: told after a successful check, never stopping the build."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from support import FIXTURES, REPO, make_project

from sitebuild.notices import heading_ids, notices, report
from sitemodel.content import load


def _project(tmp_path: Path, edits: dict[str, tuple[str, str]]) -> Path:
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    for relative, (old, new) in edits.items():
        path = project / "content" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return project


def _messages(project: Path, files: dict | None = None) -> list[str]:
    # load() reads the content only; links are checked once every page exists (sitemodel/checks.py)
    content = load(project)
    return [str(w) for w in notices(content, files or {}, today=dt.date(2026, 11, 30))]


def test_the_good_fixture_has_no_warning(tmp_path):
    assert _messages(_project(tmp_path, {})) == []


def test_a_review_date_in_the_future(tmp_path):
    project = _project(tmp_path, {"pages/pact.yml": ("reviewed: 2026-11-20", "reviewed: 2027-11-20")})
    assert _messages(project) == [
        "content/pages/pact.yml:4: The review date 2027-11-20 is in the future.\n"
        "    How to fix: Write the date the page was actually reviewed (today at the latest)."]


def test_a_fact_that_replaces_itself_and_a_circle_of_replacements(tmp_path):
    project = _project(tmp_path, {"facts/example.yml": (
        '    locator: "art. 18"\n', '    locator: "art. 18"\n    replaces: law.entry_into_force\n')})
    assert _messages(project) == [
        "content/facts/example.yml:5: The fact 'law.entry_into_force' replaces itself.\n"
        "    How to fix: Name the older fact it replaces in 'replaces', or remove the line."]
    circle = _project(tmp_path / "circle", {"facts/example.yml": (
        '    locator: "art. 4(7)"\n', '    locator: "art. 4(7)"\n    replaces: subsidy.cap\n')})
    text = (circle / "content/facts/example.yml").read_text()
    (circle / "content/facts/example.yml").write_text(
        text.replace('    locator: "art. 6(8)"\n', '    locator: "art. 6(8)"\n    replaces: pact.lapses_after\n'))
    assert [m.split("\n")[0] for m in _messages(circle)] == [
        "content/facts/example.yml:9: The facts replace each other in a circle: pact.lapses_after → "
        "subsidy.cap → pact.lapses_after."]


def test_a_section_id_that_clashes_with_the_sources_heading(tmp_path):
    edits = {"pages/pact.yml": ("  - id: end", "  - id: sources")}
    edits |= {f"{lang}/pact.yml": ("  end:", "  sources:") for lang in ("fr", "de", "en")}
    project = _project(tmp_path, edits)
    assert _messages(project) == [
        "content/pages/pact.yml:13: The section id 'sources' is also the id of the list of sources every page "
        "ends with.\n    How to fix: Choose another id, for example 'sources-list'."]


def test_a_dead_anchor_on_a_wizard_page(tmp_path):
    project = _project(tmp_path, {"en/pact.yml": ("Every adult.", "Every adult ([check](wizard/route.md#who)).")})
    files = {"en/wizard/route.md": b"# Which route?\n\n## The questions\n\n<div id=\"answers\"></div>\n"}
    assert _messages(project, files) == [
        "content/en/pact.yml:7: The link 'wizard/route.md#who' points to a section that the wizard page does "
        "not have.\n    How to fix: Use one of: answers, the-questions, which-route."]
    fine = _project(tmp_path / "fine", {"en/pact.yml": ("Every adult.", "Every adult ([x](wizard/route.md#answers)).")})
    assert _messages(fine, files) == []


def test_unbalanced_bold(tmp_path):
    project = _project(tmp_path, {"de/pact.yml": ("Jede volljährige Person.", "**Jede volljährige Person.")})
    assert _messages(project) == [
        "content/de/pact.yml:7: The text has an odd number of '**': a bold part never ends (or never starts).\n"
        "    How to fix: Put '**' on both sides of the bold words, like **this**."]


def test_heading_ids_follow_mkdocs():
    assert heading_ids("# Wer kann beitreten?\n## Quellen { #sources }\n") == {"wer-kann-beitreten", "sources"}


def test_check_prints_warnings_and_still_succeeds(tmp_path):
    project = _project(tmp_path, {"pages/pact.yml": ("reviewed: 2026-11-20", "reviewed: 2999-01-01")})
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "check", "--project", str(project)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines()[:2] == [
        "1 warning (the site is built all the same):",
        "Warning: content/pages/pact.yml:4: The review date 2999-01-01 is in the future."]
    assert report([]) == ""
