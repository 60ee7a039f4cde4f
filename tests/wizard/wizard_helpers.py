"""Helpers shared by the wizard tests (imported by name: tests/ is not a package)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NODE_RUNNER = Path(__file__).with_name("node_runner.mjs")
TODAY = "2026-03-15"  # a fixed "today" so results do not depend on the day the tests run


def run_node(payload: dict) -> list:
    """Run the shipped runtime under Node on a batch; one process per call."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required for the JavaScript equivalence tests")
    done = subprocess.run([node, str(NODE_RUNNER)], input=json.dumps(payload), text=True,
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


