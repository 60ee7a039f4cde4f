"""The wizard-size benchmark measures what ships; the stripped runtime it measures is still valid code.

The size goals themselves are the benchmark's to report (make bench), not a test's."""

import shutil
import subprocess

import pytest

from benchmarks.wizard_size import GOAL_BYTES, report, strip_js, within_goals
from sitemodel.registry import FLOW_IDS, LANGUAGES


def test_the_report_measures_every_shipped_data_file_and_the_goal_check_can_fail():
    sizes = report()
    assert sizes["runtime"]["min_gzip"] < sizes["runtime"]["gzip"] < sizes["runtime"]["raw"]
    assert set(sizes["data"]) == {f"{f}.{lang}" for f in FLOW_IDS
                                  for lang in LANGUAGES}
    # min_gzip is the shipped wizard-v1.min.js (short names + rjsmin); the 10 KB goal is the
    # benchmark's to report (make bench), this test only keeps the runtime from growing past
    # the 12 KB mark it had before names were shortened.
    stripped_ceiling = GOAL_BYTES * 6 // 5
    assert sizes["runtime"]["min_gzip"] < stripped_ceiling, sizes["runtime"]
    assert not within_goals({**sizes, "runtime": {"min_gzip": GOAL_BYTES}})
    assert not within_goals({**sizes, "data": {"x": {"gzip": GOAL_BYTES}}})


def test_stripped_runtime_still_parses(tmp_path):
    from wizard.site import JS_DIR
    if shutil.which("node") is None:
        pytest.fail("node is required")
    stripped = strip_js((JS_DIR / "wizard-v1.js").read_text(encoding="utf-8"))
    target = tmp_path / "stripped.mjs"
    target.write_text(stripped, encoding="utf-8")
    done = subprocess.run(["node", "--check", str(target)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
