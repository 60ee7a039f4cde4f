"""Errors that an editor can act on: each names a file, a line and a fix."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ContentError:
    """One problem in the content, told in plain words."""

    path: str
    line: int | None
    message: str
    fix: str
    # the file or folder (relative path) this error follows from; see ErrorCollector
    after: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}\n    How to fix: {self.fix}"


class ContentErrors(Exception):
    """Raised when the content has one or more problems; carries them all."""

    def __init__(self, errors: list[ContentError]):
        # the same problem twice on one line is told once
        self.errors = sorted(set(errors), key=lambda e: (e.path, e.line or 0, e.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"The content has {count} problem{'s' if count != 1 else ''}; nothing was published."
        return "\n".join([head, *(str(e) for e in self.errors)])


# Errors that are only a consequence of another file failing to load, and the
# file or folder they follow from: a fact "does not exist" because the facts
# file that defines it could not be read. Told only when that file loaded.
KNOCK_ONS = (
    ("names a fact that does not exist", "content/facts/"),
    ("refers to the fact", "content/facts/"),
    ("unknown fact", "content/facts/"),
    ("not in content/sources.yml", "content/sources.yml"),
)


def knock_on_of(message: str) -> str | None:
    """The file or folder an error of this wording depends on, if it is a knock-on error."""
    return next((after for words, after in KNOCK_ONS if words in message), None)


class ErrorCollector:
    """Gathers errors so an editor sees every problem at once, not one per run.

    The root cause first: files that could not be loaded are recorded with
    ``failed_to_load``, and the errors that follow from them (see KNOCK_ONS)
    are left out of the report; they go away when that file is fixed.
    """

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []
        self.failed: set[str] = set()

    def failed_to_load(self, path: Path | str) -> None:
        self.failed.add(self.relative(path))

    def root_causes(self) -> list[ContentError]:
        def follows_a_failure(error: ContentError) -> bool:
            return bool(error.after) and any(
                failed == error.after or failed.startswith(error.after.rstrip("/") + "/")
                for failed in self.failed)
        return [error for error in self.errors if not follows_a_failure(error)]

    def relative(self, path: Path | str) -> str:
        # the path as written, links not followed: a link is named by its own name
        absolute = Path(os.path.abspath(path))
        for root in (Path(os.path.abspath(self.root)), self.root.resolve()):
            if absolute.is_relative_to(root):
                return absolute.relative_to(root).as_posix()
        return Path(path).as_posix()

    def add(self, path: Path | str, line: int | None, message: str, fix: str, *,
            after: str | None = None) -> None:
        self.errors.append(ContentError(self.relative(path), line, message, fix,
                                        after or knock_on_of(message)))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.root_causes())


def code_error(exc: BaseException, root: Path, inside: str = "wizard/flows") -> ContentError:
    """A Python error in a project file (a flow's rule table) as file, line and fix, never a traceback.

    The line is where Python stopped in that file: the syntax error itself, or
    the deepest line of the file that ran when the error happened.
    """
    collector = ErrorCollector(root)
    folder = Path(os.path.abspath(root / inside))
    where: tuple[str, int | None] | None = None
    if isinstance(exc, SyntaxError) and exc.filename:
        where = (exc.filename, exc.lineno)
    else:
        trace = exc.__traceback__
        while trace is not None:
            filename = trace.tb_frame.f_code.co_filename
            if Path(os.path.abspath(filename)).is_relative_to(folder):
                where = (filename, trace.tb_lineno)
            trace = trace.tb_next
    path, line = where or (str(folder), None)
    detail = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    return ContentError(
        collector.relative(path), line,
        f"The wizard's rules cannot be read: Python stopped with {type(exc).__name__} ({detail}).",
        "This file is Python code: correct that line, or undo your last change to it (git checkout "
        "-- <file>). Ask a developer if unsure.")


def locate_flow_errors(root: Path, errors: list[ContentError]) -> list[ContentError]:
    """Give a line to rule-table errors that name a fact or a source but no line: where it is written."""
    located = []
    for error in errors:
        names = re.findall(r"(?:unknown (?:fact|source) )([\w.\-]+)", error.message)
        names = [name.rstrip(".") for name in names]
        file = root / error.path
        if error.line is None and names and error.path.endswith(".py") and file.is_file():
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
            line = next((number for number, text in enumerate(lines, start=1)
                         if re.search(rf"[\"':]{re.escape(names[0])}[\"']", text)), None)
            error = ContentError(error.path, line, error.message, error.fix, error.after)
        located.append(error)
    return located
