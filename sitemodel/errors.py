"""Errors that an editor can act on: each names a file, a line and a fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentError:
    """One problem in the content, told in plain words."""

    path: str
    line: int | None
    message: str
    fix: str

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


class ErrorCollector:
    """Gathers errors so an editor sees every problem at once, not one per run."""

    def __init__(self, root: Path):
        self.root = root
        self.errors: list[ContentError] = []

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path | str, line: int | None, message: str, fix: str) -> None:
        self.errors.append(ContentError(self.relative(path), line, message, fix))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)
