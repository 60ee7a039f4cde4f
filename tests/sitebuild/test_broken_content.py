"""The corpus of broken content: each case stops the build with its exact error.

Every folder in tests/fixtures/broken/ lays its files over the good fixture
(and deletes those listed in delete.txt). ``special.txt`` makes what git cannot
hold, one per line: ``fifo <path>`` (a named pipe), ``dir <path>`` (a folder),
``link <path> <target>`` (a symbolic link; a target starting with / is taken as
it is, others relative to the project) and ``unreadable <path>``; paths are
relative to content/. ``expected.txt`` holds the exact report an editor sees:
file, line, problem and fix. A failed build must leave the previously
published site byte for byte as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from support import FIXTURES, make_project, tree_digest

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


def test_the_corpus_has_at_least_thirty_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_content_gives_its_exact_error(case: Path, tmp_path: Path):
    project = broken_project(case, tmp_path / "project")
    with pytest.raises(ContentErrors) as raised:
        generate(project)
    assert raised.value.report() + "\n" == (case / "expected.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_content_leaves_the_published_site_unchanged(case: Path, tmp_path: Path, good_site: Path):
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = tree_digest(site)
    project = broken_project(case, tmp_path / "project")
    with pytest.raises(ContentErrors):
        publish(project, site)
    assert tree_digest(site) == before
    assert not list(project.glob(".build-*")), "the temporary build folder was not removed"
