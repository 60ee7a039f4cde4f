"""Strict YAML reading that remembers where each key was written.

Editors make typing mistakes; line numbers turn "invalid content" into
"line 12 of content/de/cai.yml". Mappings load as ``LineDict`` whose
``lines`` maps every key to its 1-based line.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import yaml

from .textcheck import placeholder_problem, text_problem

MAX_FILE_BYTES = 200_000  # a fact sheet is a few KB; anything this big is a mistake
MAX_DEPTH = 20  # blocks and brackets inside one another; content files use 5 at most


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


class UnhashableKey(Exception):
    def __init__(self, line):
        self.line = line


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
        if isinstance(key, (list, dict)):
            raise UnhashableKey(key_node.start_mark.line + 1)
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
    ("block sequence entries are not allowed", "a '- ' list item follows a key or another item on the "
     "same line"),
)


def _plain_problem(problem: str) -> str:
    for technical, plain in PLAIN_PROBLEMS:
        if technical in problem:
            return plain
    return problem.rstrip(".") or "the YAML syntax is broken"


def _check_events(text: str) -> None:
    """Refuse anchors, aliases and deep nesting before anything is built from the text.

    libyaml's event parser is a loop, not a recursion, and it streams: 40,000
    nested brackets stop here at the first level too deep, in a millisecond,
    where building the document would overflow the stack and crash the process.
    An alias bomb (a few hundred bytes that expand to gigabytes) stops at its
    first anchor. Editors never need either: a value is written where it is used.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or anchor is not None:
            line = event.start_mark.line + 1
            sign = "*" if isinstance(event, yaml.AliasEvent) else "&"
            raise YamlProblem(
                line,
                f"The file uses a YAML {'alias' if sign == '*' else 'anchor'} ('{sign}{anchor}'), "
                "which content files may not use.",
                "Write the value out in full where it is needed. If the text starts with '*' or '&' "
                "(bold text, say), wrap the whole text in double quotes.",
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(
                    event.start_mark.line + 1,
                    f"The file nests blocks or brackets more than {MAX_DEPTH} levels deep "
                    "(content files need 5 at most).",
                    "Check for brackets [ ] or { } pasted by accident, or lines indented too far.",
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _yaml_problem(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """A syntax error as an editor can act on it, at the line where the mistake is."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = exc.problem or ""
    lines = text.splitlines()
    opened = _unclosed_quote(lines, mark.line if mark else len(lines))
    if opened is not None:
        return YamlProblem(opened + 1, "A double quote opens a text on this line and is never closed.",
                           'Add the closing " at the end of the text (a " inside the text is written \\").')
    if mark and mark.line < len(lines) and "\t" in lines[mark.line]:
        problem = "found character '\\t'"  # libyaml does not name the tab it stopped at
    elif ("found undefined alias" in problem or "cannot start any token" in problem
          or "while scanning an a" in (exc.context or "")):
        return YamlProblem(
            line,
            "A value starts with '*', '&', '@' or '`', which YAML reads as something other than text.",
            "Wrap the whole text in double quotes.",
        )
    return YamlProblem(
        line,
        f"This is not valid YAML: {_plain_problem(problem)}.",
        "Check the indentation (spaces, not tabs), that every 'key: value' has a space after "
        "the colon, and that text with a colon or a quote is wrapped in double quotes.",
    )


KEY_LINE = re.compile(r"^\s*(?:- )?[A-Za-z0-9_.\-]+:(?:\s|$)")
BLOCK_SCALAR = re.compile(r":\s*[|>][+-]?\d*\s*(?:#.*)?$")


def _unclosed_quote(lines: list[str], error_line: int) -> int | None:
    """The line of a double quote that is opened and never closed, if there is one.

    libyaml reads on past such a quote until the next one, so it stops many
    lines later, or at the end of the file. A line that looks like a new
    'key:' inside the quoted text shows where the quote should have closed.
    """
    inside_from: int | None = None
    block_indent: int | None = None
    for number, line in enumerate(lines[: error_line + 1]):
        indent = len(line) - len(line.lstrip(" "))
        if inside_from is None and block_indent is not None:
            if not line.strip() or indent > block_indent:
                continue  # text of a | or > block: quotes there are ordinary characters
            block_indent = None
        if inside_from is not None and KEY_LINE.match(line):
            return inside_from
        quotes = len(re.findall(r'(?<!\\)"', line if inside_from is not None else line.split(" #")[0]))
        if inside_from is None and quotes % 2 and re.match(r'^\s*(?:- )?(?:[^"#]*:\s+)?"', line):
            inside_from = number
        elif inside_from is not None and quotes % 2:
            inside_from = None
        if inside_from is None and BLOCK_SCALAR.search(line):
            block_indent = indent
    return inside_from if inside_from is not None and error_line >= len(lines) - 1 else None


def load_text(text: str):
    """Parse YAML text into LineDict/LineList values."""
    try:
        _check_events(text)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a safe loader
    except DuplicateKey as exc:
        raise YamlProblem(
            exc.line,
            f"The key '{exc.key}' is written twice in the same block.",
            "Keep one of the two and delete the other.",
        ) from None
    except UnhashableKey as exc:
        raise YamlProblem(
            exc.line,
            "A key is written as a list or a block (like '[a, b]:'), not as a name.",
            "Write a single name before the colon, like 'title:'. Text that starts with '[' or '{' "
            "goes after the colon, wrapped in double quotes.",
        ) from None
    except ImpossibleDate as exc:
        raise YamlProblem(
            exc.line,
            f"'{exc.text}' is not a real date.",
            "Write the date as YYYY-MM-DD with a month from 01 to 12 and a day that exists in that month.",
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_problem(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(
            None,
            f"This is not valid YAML: {exc}.",
            "Check the file against an example in the same folder.",
        ) from None


def project_root(path: Path) -> Path:
    """The project a content file belongs to: the folder that holds its content/ folder."""
    absolute = Path(os.path.abspath(path))
    for parent in absolute.parents:
        if parent.name == "content":
            return parent.parent
    return absolute.parent


FILE_KINDS = (
    (stat.S_ISDIR, "is a folder, not a file", "Rename the folder so that its name does not end in .yml, "
     "or move it out of content/."),
    (stat.S_ISFIFO, "is a named pipe, not a file", "Delete it and put an ordinary text file in its place."),
    (stat.S_ISSOCK, "is a socket, not a file", "Delete it and put an ordinary text file in its place."),
    (stat.S_ISCHR, "is a device, not a file", "Delete it and put an ordinary text file in its place."),
    (stat.S_ISBLK, "is a device, not a file", "Delete it and put an ordinary text file in its place."),
)


def _file_kind_problem(mode: int) -> YamlProblem | None:
    for test, what, fix in FILE_KINDS:
        if test(mode):
            return YamlProblem(None, f"This {what}.", fix)
    if not stat.S_ISREG(mode):
        return YamlProblem(None, "This is not an ordinary file.", "Replace it with an ordinary text file.")
    return None


def read_content_file(path: Path, root: Path | None = None) -> bytes:
    """The bytes of a regular file inside the project, read without ever blocking.

    Special files are refused on sight (a named pipe would make the build wait
    forever), as are links that lead out of the project, files too big to be
    content, and files that cannot be read; each with a plain message.
    """
    root = Path(os.path.realpath(root or project_root(path)))
    try:
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(root):
            raise YamlProblem(None, f"This is a link to {target}, outside the project.",
                              "Replace the link with the file itself.")
        status = os.stat(target)
    except FileNotFoundError:
        if os.path.islink(path):
            raise YamlProblem(None, "This is a link to a file that does not exist.",
                              "Replace the link with the file itself.") from None
        raise YamlProblem(None, "This file is missing.",
                          "Restore it (for example with 'git checkout -- <file>'), or create it "
                          "from an example.") from None
    except OSError as exc:
        raise _os_problem(exc) from None
    problem = _file_kind_problem(status.st_mode)
    if problem:
        raise problem
    _check_size(status.st_size)
    try:
        # O_NONBLOCK: should the file turn into a pipe between the two looks, opening does not wait
        descriptor = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _os_problem(exc) from None
    with os.fdopen(descriptor, "rb") as handle:
        problem = _file_kind_problem(os.fstat(handle.fileno()).st_mode)
        if problem:
            raise problem
        raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            _check_size(len(raw) + len(handle.read()))
    return raw


def _check_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise YamlProblem(
            None,
            f"The file is {size:,} bytes, far larger than any fact sheet "
            f"(the limit is {MAX_FILE_BYTES:,}).",
            "Split the text into several pages, or check that nothing was pasted by accident.",
        )


def _os_problem(exc: OSError) -> YamlProblem:
    if isinstance(exc, PermissionError):
        return YamlProblem(None, "This file cannot be read: its permissions do not allow it.",
                           "Make it readable (for example 'chmod a+r <file>'), or ask whoever "
                           "manages the machine.")
    return YamlProblem(None, f"This file cannot be read ({exc.strerror or exc}).",
                       "Check the disk and the file, then try again.")


def load_file(path: Path, root: Path | None = None):
    """Read one YAML file strictly: kind of file, size, encoding, characters, syntax, duplicate keys."""
    text = _decode(read_content_file(path, root))
    if "\x00" in text:
        raise YamlProblem(
            text[: text.index("\x00")].count("\n") + 1,
            "The file contains a NUL character, so it is not plain text.",
            "Save it as plain UTF-8 text.",
        )
    problem = text_problem(text)
    if problem:
        raise YamlProblem(*problem)
    data = load_text(text)
    problem = placeholder_problem(data)
    if problem:
        raise YamlProblem(*problem)
    return data
