"""wizard/jsnames.py: short names where the code declares them, and nowhere a name is a property."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from wizard.jsnames import renames, shorten

SOURCE = """const total = 10, label = `n=${total}`;
function add(count, [first, second], { size }) {
  const obj = { total, count: count + total, size, label };
  const pick = (key) => obj[key];
  return [obj.total + first + second, pick("count"), obj.size, label, typeof window];
}
class Box {
  constructor() { this._value = 2; }
  _double() { return this._value * 2; }
  get twice() { return this._double(); }
}
export { add, Box };
"""


def test_declared_names_are_shortened_and_properties_kept():
    table = renames(SOURCE, {"add", "Box"})
    assert {"total", "count", "first", "second", "obj", "pick", "key", "label"} <= set(table)
    assert "window" not in table and "add" not in table and "size" not in table
    out = shorten(SOURCE, {"add", "Box"})
    assert f"total: {table['total']}" in out and f"label: {table['label']}" in out  # shorthands written out
    assert "obj.total" not in out and ".total" in out and "count:" in out and "_value" not in out


def test_the_shortened_code_computes_the_same():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is required")
    results = []
    for code in (SOURCE, shorten(SOURCE, {"add", "Box"})):
        program = code.replace("export { add, Box };", "") + \
            "console.log(JSON.stringify([add(1, [2, 3], { size: 4 }), new Box().twice]));"
        done = subprocess.run([node, "-e", program], capture_output=True, text=True, check=True)
        results.append(json.loads(done.stdout))
    assert results[0] == results[1] == [[15, 11, 4, "n=10", "undefined"], 4]
