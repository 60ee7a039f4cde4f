"""mkdocs serve picks up YAML edits live, through the lu-site plugin (sitebuild/plugin.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from support import FIXTURES, make_project


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, words: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = _get(url)
        if html and words in html:
            return True
        time.sleep(0.3)
    return False


def test_mkdocs_serve_reloads_a_page_when_its_yaml_changes(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/en/pact/"
        assert _wait_for(url, "Who can join?"), "the fixture site was not served"
        prose = project / "content" / "en" / "pact.yml"
        prose.write_text(prose.read_text().replace("Who can join?", "Who may join the pact?"), encoding="utf-8")
        assert _wait_for(url, "Who may join the pact?"), "the YAML edit was not picked up"
        assert (project / "docs" / "en" / "pact.md").read_text().count("Who may join the pact?") == 1
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_the_plugin_is_installed_under_its_entry_point_with_a_typed_config(tmp_path):
    from importlib.metadata import entry_points

    from sitebuild.plugin import SitePlugin

    assert entry_points(group="mkdocs.plugins")["lu-site"].load() is SitePlugin
    plugin = SitePlugin()
    errors, _ = plugin.load_config({"project": str(tmp_path / "missing")})
    assert errors and errors[0][0] == "project"
    errors, _ = plugin.load_config({"project": str(tmp_path)})
    assert errors == [] and plugin.config.project == str(tmp_path)
    errors, _ = plugin.load_config({"unknown": 1})
    assert errors == [] and plugin.config.project is None  # unknown keys are mkdocs warnings, not values


def test_under_serve_an_edited_flow_file_is_imported_again(tmp_path, monkeypatch):
    import importlib
    import os

    from sitebuild.plugin import reload_changed_flows

    module = importlib.import_module("wizard.flows.route")
    original = module.FLOW
    mtimes: dict[str, float] = {}
    assert "wizard.flows.route" not in reload_changed_flows(mtimes)  # first call: remembers the files
    module.FLOW = {"stale": True}  # what the process holds; the file on disk is unchanged
    assert reload_changed_flows(mtimes) == []
    mtimes["wizard.flows.route"] -= 1  # the file changed since (as an editor's save does)
    try:
        assert reload_changed_flows(mtimes) == ["wizard.flows.route"]
        assert module.FLOW == original and module.FLOW is not original
    finally:
        module.FLOW = original
    assert mtimes["wizard.flows.route"] == os.stat(module.__file__).st_mtime
