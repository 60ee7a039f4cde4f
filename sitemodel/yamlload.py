"""Strict YAML reading that remembers where each key was written.

Editors make typing mistakes; line numbers turn "invalid content" into
"line 12 of content/de/cai.yml". Mappings load as ``LineDict`` whose
``lines`` maps every key to its 1-based line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

MAX_FILE_BYTES = 200_000  # a fact sheet is a few KB; anything this big is a mistake


class LineDict(dict):
    """A dict that knows the line of each of its keys and of itself."""

    line: int = 0
    lines: dict

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A list that knows the line of each item and of itself."""

    line: int = 0
    lines: list


# libyaml's C parser when PyYAML has it (four times faster); the same checks either way
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """Safe loader that records lines and refuses duplicate keys."""


class DuplicateKey(Exception):
    def __init__(self, key, line):
        self.key, self.line = key, line


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result.lines:
            raise DuplicateKey(key, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


class ImpossibleDate(Exception):
    def __init__(self, text, line):
        self.text, self.line = text, line


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    # YAML reads 2026-13-45 as a date and Python refuses it: say so with its line.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise ImpossibleDate(node.value, node.start_mark.line + 1) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlProblem(Exception):
    """A file that cannot be read as YAML; message and fix are for editors."""

    def __init__(self, line: int | None, message: str, fix: str):
        self.line, self.message, self.fix = line, message, fix
        super().__init__(message)


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark is harmless: some editors add it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(
            line,
            "The file is not saved as UTF-8 text (it may be Latin-1 or UTF-16).",
            "Open it in your editor and save it again with the encoding 'UTF-8'.",
        ) from None


# PyYAML's wording, and what it usually means for someone editing text
PLAIN_PROBLEMS = (
    ("found character '\\t'", "a tab is used for indentation"),
    ("expected <block end>", "this line is indented differently from the lines around it"),
    ("mapping values are not allowed", "a colon followed by a space is inside unquoted text"),
    ("could not find expected ':'", "a line is missing its 'key:' or a quote is not closed"),
    ("found unexpected end of stream", "a quote is opened but never closed"),
    ("did not find expected key", "this line is indented differently from the lines around it"),
)


def _plain_problem(problem: str) -> str:
    for technical, plain in PLAIN_PROBLEMS:
        if technical in problem:
            return plain
    return problem.rstrip(".") or "the YAML syntax is broken"


def load_text(text: str):
    """Parse YAML text into LineDict/LineList values."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a safe loader
    except DuplicateKey as exc:
        raise YamlProblem(
            exc.line,
            f"The key '{exc.key}' is written twice in the same block.",
            "Keep one of the two and delete the other.",
        ) from None
    except ImpossibleDate as exc:
        raise YamlProblem(
            exc.line,
            f"'{exc.text}' is not a real date.",
            "Write the date as YYYY-MM-DD with a month from 01 to 12 and a day that exists in that month.",
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or ""
        lines = text.splitlines()
        if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
            problem = "found character '\\t'"  # libyaml does not name the tab it stopped at
        raise YamlProblem(
            line,
            f"This is not valid YAML: {_plain_problem(problem)}.",
            "Check the indentation (spaces, not tabs), that every 'key: value' has a space after "
            "the colon, and that text with a colon or a quote is wrapped in double quotes.",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(
            None,
            f"This is not valid YAML: {exc}.",
            "Check the file against an example in the same folder.",
        ) from None


def load_file(path: Path):
    """Read one YAML file strictly: size, encoding, syntax, duplicate keys."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(
            None,
            f"The file is {len(raw):,} bytes, far larger than any fact sheet "
            f"(the limit is {MAX_FILE_BYTES:,}).",
            "Split the text into several pages, or check that nothing was pasted by accident.",
        )
    text = _decode(raw)
    if "\x00" in text:
        raise YamlProblem(
            text[: text.index("\x00")].count("\n") + 1,
            "The file contains a NUL character, so it is not plain text.",
            "Save it as plain UTF-8 text.",
        )
    return load_text(text)
