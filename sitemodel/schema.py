"""JSON Schema validation with messages an editor understands.

The schemas in ``schema/`` are published so editors get completion and
errors in their editor (the yaml-language-server modeline at the top of each
file). The build validates with the same files, then says in plain words what
is wrong, on which line, and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .errors import ErrorCollector

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a block of 'key: value' lines",
    "array": "a list (lines starting with '- ')",
    "null": "empty",
}


@cache
def validator(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _plain(value):
    """What a YAML value looks like to JSON Schema (dates become ISO text)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _line(data, path) -> int | None:
    """Walk a LineDict/LineList along a JSON path and return the deepest known line."""
    line = getattr(data, "line", None)
    node = data
    for part in path:
        lines = getattr(node, "lines", None)
        if isinstance(node, dict) and part in node:
            line = node.line_of(part) if lines is not None else line
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            line = lines[part] if lines else line
            node = node[part]
        else:
            break
    return line


def _name(path) -> str:
    parts = [str(p) if not isinstance(p, int) else f"item {p + 1}" for p in path]
    return " > ".join(parts) if parts else "the file"


def _describe(error) -> tuple[str, str]:
    """Turn one jsonschema error into (message, fix) for an editor."""
    where = _name(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = [k for k in error.validator_value if k not in (error.instance or {})]
        key = missing[0] if missing else "?"
        return (f"The key '{key}' is missing in {where}.",
                f"Add a line '{key}: ...' (see an existing file in the same folder for an example).")
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        key = extra[0] if extra else "?"
        hint = f" Allowed keys here: {', '.join(allowed)}." if allowed else ""
        return (f"The key '{key}' is not known in {where}.",
                f"Check its spelling or remove it.{hint}")
    if kind == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        names = " or ".join(TYPE_NAMES.get(t, t) for t in expected)
        fix = ("Wrap the text in double quotes: YAML reads yes, no, numbers and dates as other types."
               if "string" in expected else f"Write {names} here.")
        return (f"{where} should be {names}, but it is {json.dumps(error.instance, default=str)[:60]}.", fix)
    if kind == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        return (f"{where} is '{error.instance}', which is not one of the allowed values.",
                f"Use one of: {options}.")
    if kind == "format" and error.validator_value == "date":
        return (f"{where} should be a date, but it is '{error.instance}'.",
                "Write the date as YYYY-MM-DD, for example 2026-11-27.")
    if kind == "pattern":
        hint = error.schema.get("description", "Check the spelling against the examples.")
        return (f"{where} has the value '{error.instance}', which is not in the expected form.",
                hint)
    if kind in ("minLength", "minItems", "minProperties"):
        return (f"{where} is empty.", "Fill it in, or remove the key if it is optional.")
    if kind == "maxLength":
        return (f"{where} is too long ({len(error.instance)} characters, at most "
                f"{error.validator_value}).", "Shorten the text or split it into sections.")
    return (f"{where}: {error.message}", "Compare the file with an example in the same folder.")


def validate(data, schema_name: str, path: Path, errors: ErrorCollector) -> bool:
    """Validate a loaded YAML document; report every problem; True when valid."""
    found = sorted(validator(schema_name).iter_errors(_plain(data)), key=lambda e: list(map(str, e.absolute_path)))
    misspelt = set()
    for error in found:
        if error.validator == "additionalProperties":
            for line, message, fix, meant in unknown_keys(data, error):
                errors.add(path, line, message, fix)
                misspelt.add((tuple(error.absolute_path), meant))
    for error in found:
        if error.validator == "additionalProperties":
            continue
        if error.validator == "required" and all(  # a misspelt key already explains a missing one
                (tuple(error.absolute_path), key) in misspelt for key in _missing(error)):
            continue
        message, fix = _describe(error)
        errors.add(path, _line(data, list(error.absolute_path)), message, fix)
    return not found


def _missing(error) -> list[str]:
    return [k for k in error.validator_value if k not in (error.instance or {})]


def unknown_keys(data, error) -> list[tuple]:
    """(line, message, fix, closest known key) for each unknown key, at the key's own line."""
    allowed = sorted(error.schema.get("properties", {}))
    problems = []
    for key in sorted(set(error.instance) - set(allowed)):
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        where = _name(error.absolute_path)
        hint = f"Allowed keys here: {', '.join(allowed)}." if allowed else ""
        fix = (f"Did you mean '{close[0]}'? Correct the spelling." if close
               else f"Check its spelling or remove it. {hint}".strip())
        problems.append((_line(data, [*error.absolute_path, key]), f"The key '{key}' is not known in {where}.",
                         fix, close[0] if close else None))
    return problems
