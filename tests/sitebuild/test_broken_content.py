"""The corpus of broken content: each case stops the build with its exact error.

Every folder in tests/fixtures/broken/ lays its files over the good fixture
(and deletes those listed in delete.txt). ``special.txt`` makes what git cannot
hold, one per line: ``fifo <path>`` (a named pipe), ``dir <path>`` (a folder),
``link <path> <target>`` (a symbolic link; a target starting with / is taken as
it is, others relative to the project) and ``unreadable <path>``; paths are
relative to content/. ``expected.txt`` holds the exact report an editor sees:
file, line, problem and fix. The check (``generate``) reports them: what it
finds never reaches mkdocs, which one test below proves for publish().

Hostile text is refused twice: by the shared text grammar when the content
is checked, and by the final audit of the built HTML (sitebuild/audit.py).
Cases that only the audit can catch come through a theme override, which no
grammar reads: a folder ``overrides/`` is laid over a copy of the site's
overrides, and ``audit.txt`` says how it gets through. Those cases are built
(the temporary folder exists when the audit fails), so they also show the old
site intact and the temporary folder removed.

Cases about the wizard's Python rule tables need the real project: a folder
``repo/`` replaces files of a copy of the repository, ``append/`` adds lines
at the end of its files and ``edit.txt`` changes text in them (one change a
line: path, text, new text, separated by tabs); the check then runs as an editor runs it
(``build.py check`` in a new process, since Python keeps imported modules),
and ``{end}`` in expected.txt stands for the last line of the appended file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import FIXTURES, REPO, make_project, tree_digest

from sitebuild.generate import generate
from sitebuild.publish import publish
from sitemodel.errors import ContentErrors

CASES = sorted(p for p in (FIXTURES / "broken").iterdir() if p.is_dir())


def broken_project(case: Path, target: Path) -> Path:
    project = make_project(target, FIXTURES / "good" / "content")
    if (case / "content").is_dir():
        shutil.copytree(case / "content", project / "content", dirs_exist_ok=True)
    delete = case / "delete.txt"
    for relative in delete.read_text().split() if delete.exists() else []:
        (project / "content" / relative).unlink()
    special = case / "special.txt"
    for line in special.read_text().splitlines() if special.exists() else []:
        kind, relative, *target = line.split()
        path = project / "content" / relative
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "dir":
            path.mkdir()
        elif kind == "link":
            path.unlink(missing_ok=True)
            path.symlink_to(target[0] if target[0].startswith("/") else project / target[0])
        elif kind == "unreadable":
            path.chmod(0)
            UNREADABLE.add(os.path.realpath(path))
    if (case / "overrides").is_dir():  # a hostile theme override: only the final audit can see it
        shutil.copytree(REPO / "overrides", project / "overrides")
        shutil.copytree(case / "overrides", project / "overrides", dirs_exist_ok=True)
        config = project / "mkdocs.yml"
        config.write_text(re.sub(r"custom_dir: .*", "custom_dir: overrides", config.read_text(encoding="utf-8")),
                          encoding="utf-8")
    return project


# Files made unreadable; root reads any file, so the test also refuses them to root.
UNREADABLE: set[str] = set()


@pytest.fixture(autouse=True)
def _unreadable_even_for_root(monkeypatch):
    import sitemodel.yamlload as yamlload

    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):
        if os.path.realpath(path) in UNREADABLE:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(yamlload.os, "open", guarded_open)
    yield
    UNREADABLE.clear()


REPO_PARTS = ("build.py", "mkdocs.yml", "content", "docs/assets", "overrides", "schema", "sitebuild",
              "sitemodel", "templates", "wizard")


def is_repo_case(case: Path) -> bool:
    return (case / "repo").is_dir() or (case / "append").is_dir() or (case / "edit.txt").is_file()


def repo_project(case: Path, target: Path) -> tuple[Path, str]:
    """A copy of the repository with the case's files laid over it; and the expected report."""
    ignore = shutil.ignore_patterns("__pycache__", "node_modules")
    for part in REPO_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=ignore, dirs_exist_ok=True)
        elif source.is_file():
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    for generated in ("fr", "de", "en", "assets/wizard"):
        shutil.rmtree(target / "docs" / generated, ignore_errors=True)
    if (case / "repo").is_dir():
        shutil.copytree(case / "repo", target, dirs_exist_ok=True)
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    for added in sorted((case / "append").rglob("*")) if (case / "append").is_dir() else []:
        if added.is_file():
            patched = target / added.relative_to(case / "append")
            text = patched.read_text(encoding="utf-8").rstrip("\n") + "\n" + added.read_text(encoding="utf-8")
            patched.write_text(text, encoding="utf-8")
            expected = expected.replace("{end}", str(text.count("\n")))
    edits = case / "edit.txt"
    for line in edits.read_text(encoding="utf-8").splitlines() if edits.is_file() else []:
        relative, old, new = line.split("\t")
        edited = target / relative
        text = edited.read_text(encoding="utf-8")
        assert old in text, f"{case.name}: '{old}' is no longer in {relative}"
        edited.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target, expected


def run_build(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "build.py"), *arguments], cwd=project,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_corpus_has_at_least_120_cases():
    assert len(CASES) >= 120


def is_audit_case(case: Path) -> bool:
    """Hostile output that no content check can see (a theme override) and the final HTML audit stops.

    audit.txt says how it gets through; such a case needs a full build: it is
    built once, and that build shows both its exact error and the old site intact.
    """
    return (case / "audit.txt").is_file()


AUDIT_CASES = [case for case in CASES if is_audit_case(case)]


def test_the_audit_is_proven_by_cases_that_no_content_check_sees():
    assert len(AUDIT_CASES) >= 3


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_content_gives_its_exact_error(case: Path, tmp_path: Path, good_site: Path):
    if is_audit_case(case):
        site = tmp_path / "site"
        shutil.copytree(good_site, site)
        before = tree_digest(site)
        project = broken_project(case, tmp_path / "project")
        generate(project)  # the content check lets it through...
        with pytest.raises(ContentErrors) as raised:
            publish(project, site)  # ...the audit of the built pages does not
        assert raised.value.report() + "\n" == (case / "expected.txt").read_text(encoding="utf-8")
        assert tree_digest(site) == before
        assert not list(project.glob(".build-*")), "the temporary build folder was not removed"
        return
    if is_repo_case(case):  # the check as an editor runs it, in a new process (flow files are Python)
        project, expected = repo_project(case, tmp_path / "project")
        result = run_build(project, "check")
        assert (result.returncode, result.stderr) == (1, expected)
        assert "Traceback" not in result.stdout + result.stderr
        return
    project = broken_project(case, tmp_path / "project")
    with pytest.raises(ContentErrors) as raised:
        generate(project)
    assert raised.value.report() + "\n" == (case / "expected.txt").read_text(encoding="utf-8")


def test_a_content_error_stops_publish_before_mkdocs_runs_and_the_site_stays(tmp_path: Path, good_site: Path,
                                                                              monkeypatch):
    """One publish-isolation test for content errors (the check runs first; every case above is one).

    A failure after the temporary folder exists is the audit cases' and
    test_publish.py's (mkdocs itself failing).
    """
    import sitebuild.publish

    builds = []
    monkeypatch.setattr(sitebuild.publish, "build_in_parallel", lambda *args: builds.append(args))
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = tree_digest(site)
    project = broken_project(FIXTURES / "broken" / "unknown-fact", tmp_path / "project")
    with pytest.raises(ContentErrors) as raised:
        publish(project, site)
    assert raised.value.report() + "\n" == (FIXTURES / "broken" / "unknown-fact" / "expected.txt").read_text(
        encoding="utf-8")
    assert builds == [], "mkdocs was started although the content has errors"
    assert tree_digest(site) == before


def test_the_site_comparison_sees_a_one_byte_change(tmp_path: Path, good_site: Path):
    """The check above can fail: one changed byte, one added or one removed file changes the digest."""
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = tree_digest(site)
    page = site / "index.html"
    data = page.read_bytes()
    page.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    assert tree_digest(site) != before
    page.write_bytes(data)
    assert tree_digest(site) == before
    (site / "extra.txt").write_bytes(b"")
    assert tree_digest(site) != before
    (site / "extra.txt").unlink()
    (site / "404.html").unlink()
    assert tree_digest(site) != before
