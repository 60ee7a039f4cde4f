"""Download sizes stay within the goals; the stripped runtime measured is still valid code."""

import shutil
import subprocess

import pytest

from wizard.size import GOAL_BYTES, report, strip_js, within_goals


def test_sizes_within_goals():
    sizes = report()
    assert sizes["runtime"]["min_gzip"] < sizes["runtime"]["gzip"] < sizes["runtime"]["raw"]
    assert set(sizes["data"]) == {f"{f}.{lang}" for f in ("route", "permit", "subsidy")
                                  for lang in ("fr", "de", "en")}
    # strip_js keeps every name; terser (benchmarks/run.py, the goal's real measure) mangles them
    # and gives about 16 % less: 9.8 KiB for the 1.1 runtime, 11.7 KiB here. So the runtime must
    # stay under 10 KB by the benchmark, and under 12 KB by this conservative measure.
    stripped_ceiling = GOAL_BYTES * 6 // 5
    assert sizes["runtime"]["min_gzip"] < stripped_ceiling, sizes["runtime"]
    assert within_goals({**sizes, "runtime": {"min_gzip": 0}}), sizes
    assert not within_goals({**sizes, "runtime": {"min_gzip": GOAL_BYTES}})


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
