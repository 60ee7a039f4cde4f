"""Session fixtures shared by every test folder: the built sites and one browser."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest
from support import CHROMIUM_ARGS, FIXTURES, REPO, make_project, require_chromium


def built_once(tmp_path_factory, name: str, build) -> Path:
    """A site built once for the whole run, even under xdist: the first worker builds it
    (under a file lock in the run's shared temporary folder), the others reuse it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, the same for every xdist worker of this run
    target = shared / f"built-{name}"
    with open(shared / f"built-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target / "done").is_file():
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            build(target)
            (target / "done").touch()
    return target / "site"


@pytest.fixture(scope="session")
def good_site(tmp_path_factory) -> Path:
    """The good fixture project, built once in strict mode."""
    from sitebuild.publish import publish

    def build(target: Path) -> None:
        publish(make_project(target, FIXTURES / "good" / "content"))

    return built_once(tmp_path_factory, "good", build)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real content, built once in strict mode into a temporary folder."""
    from sitebuild.publish import publish

    return built_once(tmp_path_factory, "real", lambda target: publish(REPO, target / "site"))


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser test of a test process: starting it costs more than most tests.

    Session scope, shared by all folders: Playwright's sync API allows one
    running instance per thread.
    """
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
