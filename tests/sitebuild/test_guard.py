"""No traceback reaches an editor; an interrupted or killed build leaves no temporary folder.

The interruption tests start a real build of the tiny fixture, wait until its
temporary folder exists (mkdocs is then running), and stop it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import FIXTURES, REPO, make_project, tree_digest

from sitebuild.guard import explain, guarded, remove_stale_builds, swap_in


def _start_build(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(REPO / "build.py"), "build", "--project", str(project)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_temporary_folder(project: Path, process: subprocess.Popen, inside: str = ".site-languages") -> None:
    deadline = time.monotonic() + 60
    while not list(project.glob(f".build-*/{inside}")):
        assert process.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.005)


@pytest.fixture
def built_project(tmp_path: Path, good_site: Path) -> Path:
    import shutil

    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    shutil.copytree(good_site, project / "site")
    return project


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_leaves_no_temporary_folder_and_the_old_site(built_project: Path, signum):
    before = tree_digest(built_project / "site")
    process = _start_build(built_project)
    # the languages' work folder: one mkdocs process per language is running (sitebuild/parallel.py)
    _wait_for_temporary_folder(built_project, process)
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stdout + stderr
    assert stderr.strip() == "The build was interrupted; the previous site is unchanged."
    assert not list(built_project.glob(".build-*"))
    assert not list(built_project.glob("**/.site-languages"))
    assert _processes_building(built_project) == [], "a language's build process was left running"
    assert tree_digest(built_project / "site") == before


def _processes_building(project: Path) -> list[int]:
    """The processes whose command line names the project (the forked language builds share the parent's)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(project).encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            pass  # ended meanwhile
    return found


def test_a_killed_build_leaves_a_folder_that_the_next_build_removes(built_project: Path):
    process = _start_build(built_project)
    _wait_for_temporary_folder(built_project, process)
    process.kill()
    process.communicate(timeout=60)
    assert list(built_project.glob(".build-*")), "SIGKILL cannot be caught: the folder stays"
    again = _start_build(built_project)
    stdout, stderr = again.communicate(timeout=300)
    assert again.returncode == 0, stderr
    assert not list(built_project.glob(".build-*"))


def test_the_folder_of_a_running_build_is_not_removed(tmp_path: Path):
    mine = tmp_path / f".build-{os.getpid()}-abc"
    mine.mkdir()
    dead = tmp_path / ".build-999999999-abc"
    dead.mkdir()
    assert remove_stale_builds(tmp_path) == [dead]
    assert mine.is_dir()


def test_a_failed_swap_puts_the_previous_site_back(tmp_path: Path):
    site, aside = tmp_path / "site", tmp_path / "aside"
    site.mkdir()
    (site / "index.html").write_text("old")
    with pytest.raises(OSError):
        swap_in(tmp_path / "does-not-exist", site, aside)
    assert (site / "index.html").read_text() == "old"


@pytest.mark.parametrize(("error", "expected"), [
    (KeyboardInterrupt(), "The build was interrupted; the previous site is unchanged."),
    (PermissionError(13, "Permission denied", "/srv/site"),
     "The build could not read or write '/srv/site': Permission denied; the previous site is unchanged."),
    (RecursionError(), "The build ran out of memory or stack; the previous site is unchanged."),
    (ZeroDivisionError("division by zero"), "The build stopped on an unexpected problem in the site's "
     "code, not in your content: ZeroDivisionError: division by zero; the previous site is unchanged."),
])
def test_every_failure_is_a_sentence(error, expected):
    message, status = explain(error, "build")
    assert message.splitlines()[0] == expected
    assert status != 0


def test_an_unexpected_error_is_one_message_without_a_traceback(capsys, monkeypatch):
    monkeypatch.delenv("BUILD_DEBUG", raising=False)

    def broken(argv):
        raise ValueError("boom")

    assert guarded(broken, ["check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("The check stopped on an unexpected problem in the site's code, not in your "
                          "content: ValueError: boom (in tests/sitebuild/test_guard.py, line")
