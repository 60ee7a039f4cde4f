"""Shared test helpers: build a tiny fixture project, compare trees, find Chromium.

A module of its own (not conftest.py) so that every test folder imports the
same thing: pytest loads several conftest.py files, and their module names clash.
Browser tests skip loudly on a developer's machine without Chromium, and
fail instead of skipping in CI (the CI variable is set there).
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium as root, with no call home: the machine has no network but the local one.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]


def make_project(target: Path, content: Path) -> Path:
    """A buildable project in target: the given content tree with the real templates and config."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, target / "content", dirs_exist_ok=True)
    shutil.copytree(REPO / "docs" / "assets", target / "docs" / "assets", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("wizard"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def tree_digest(folder: Path) -> str:
    """One hash over every file's path and bytes: equal digests mean byte-identical trees."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def require_chromium() -> Path:
    """Chromium's path, or a loud skip (a failure in CI)."""
    if CHROMIUM.exists():
        return CHROMIUM
    message = ("CHROMIUM IS MISSING: browser tests did not run. Install Debian's chromium "
               "(apt-get install chromium) to run them; CI installs it in .ci/run.")
    if os.environ.get("CI"):
        pytest.fail(message)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


class StaticFolderHandler(SimpleHTTPRequestHandler):
    """Serves a folder like a static host: quietly, a missing path gets 404.html with
    status 404, and every answer carries the given extra headers (a CSP, say)."""

    def __init__(self, *args, extra_headers: dict[str, str], **kwargs):
        self.extra_headers = extra_headers
        super().__init__(*args, **kwargs)

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # one line per request would drown the test output

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code != 404 or not not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve_folder(folder: Path, extra_headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 (a free port) in a thread; yields the origin."""
    handler = functools.partial(StaticFolderHandler, directory=str(folder), extra_headers=extra_headers or {})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: the system picks a free one
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="static-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def content_report_after_edit(tmp_path: Path, old: str, new: str, file: str = "content/sources.yml") -> str:
    """The content check's report for a copy of content/ with one edit (``old`` must be there)."""
    from sitemodel.checks import check_content  # here: most test modules never need the content model
    from sitemodel.content import load
    from sitemodel.errors import ContentErrors, ErrorCollector

    shutil.copytree(REPO / "content", tmp_path / "content")
    path = tmp_path / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = ErrorCollector(tmp_path)
    check_content(load(tmp_path, errors), errors)
    with pytest.raises(ContentErrors) as caught:
        errors.raise_if_any()
    return caught.value.report()
