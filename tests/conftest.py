"""Session fixtures shared by every test folder: the built sites and one browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import CHROMIUM_ARGS, FIXTURES, REPO, make_project, require_chromium


@pytest.fixture(scope="session")
def good_site(tmp_path_factory) -> Path:
    """The good fixture project, built once in strict mode."""
    from sitebuild.publish import publish

    project = make_project(tmp_path_factory.mktemp("good"), FIXTURES / "good" / "content")
    publish(project)
    return project / "site"


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real content, built once in strict mode into a temporary folder."""
    from sitebuild.publish import publish

    return publish(REPO, tmp_path_factory.mktemp("real") / "site")


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
