"""No traceback reaches an editor, and an interrupted build leaves nothing behind.

- ``guarded(main)`` runs the command line: every failure ends in a message
  saying what happened, where, and what to do (a traceback only with
  ``BUILD_DEBUG=1``); SIGTERM is turned into an interruption, so that the
  temporary build folder is removed as it is for Ctrl-C.
- ``swap_in(new, site_dir, aside)`` replaces the published site with the new
  one; an interruption in between puts the old one back.
- ``remove_stale_builds(root)`` deletes the temporary folders of builds that
  were killed outright (SIGKILL, a power cut), which nothing could clean up.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sitemodel.errors import ContentErrors

BUILD_PREFIX = ".build-"
STALE_AFTER_SECONDS = 6 * 3600  # a temporary folder without a process id, older than this, is left over


class Interrupted(KeyboardInterrupt):
    """The build was asked to stop (Ctrl-C or SIGTERM)."""


def _raise_interrupted(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def build_prefix() -> str:
    """The temporary folder's prefix, with this process's id so that others can tell it is alive."""
    return f"{BUILD_PREFIX}{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_builds(root: Path) -> list[Path]:
    """Delete the temporary build folders whose build is no longer running; return them."""
    removed = []
    for folder in root.glob(f"{BUILD_PREFIX}*"):
        if not folder.is_dir() or folder.is_symlink():
            continue
        match = re.match(rf"{re.escape(BUILD_PREFIX)}(\d+)-", folder.name)
        stale = (not _alive(int(match.group(1))) if match
                 else time.time() - folder.stat().st_mtime > STALE_AFTER_SECONDS)
        if stale and (not match or int(match.group(1)) != os.getpid()):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM for the few milliseconds of a swap; deliver them after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = {number: signal.signal(number, lambda signum, frame: received.append(signum))
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        if received:
            raise Interrupted(signal.Signals(received[0]).name)


def swap_in(new: Path, site_dir: Path, aside: Path) -> None:
    """Put new in site_dir's place; the old site goes to aside (removed with the temporary folder)."""
    with signals_deferred():
        had_site = site_dir.exists()
        if had_site:
            site_dir.rename(aside)
        try:
            new.rename(site_dir)
        except BaseException:
            if had_site:
                aside.rename(site_dir)  # the previous site stays published
            raise


def _where(exc: BaseException) -> str:
    """The deepest line of the project's own code where an unexpected error happened."""
    project = Path(__file__).resolve().parent.parent
    found = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.is_absolute() and path.is_relative_to(project) and ".venv" not in path.parts:
            found = f" (in {path.relative_to(project).as_posix()}, line {frame.lineno})"
    return found


def explain(exc: BaseException, command: str) -> tuple[str, int]:
    """What an editor reads for a failure, and the exit status."""
    unchanged = "nothing was published" if command == "check" else "the previous site is unchanged"
    if isinstance(exc, ContentErrors):
        return exc.report(), 1
    if isinstance(exc, KeyboardInterrupt):
        if command == "serve":
            return "The preview server stopped.", 0
        return f"The {command} was interrupted; {unchanged}.", 130
    from mkdocs.exceptions import MkDocsException

    if isinstance(exc, MkDocsException):
        return f"The build failed; {unchanged}.\n{str(exc).strip()}", 1
    if isinstance(exc, OSError):
        name = f" '{exc.filename}'" if exc.filename else ""
        return (f"The {command} could not read or write{name}: {exc.strerror or exc}; {unchanged}.\n"
                "    How to fix: Check that the disk is not full and that the folder can be written, "
                "then try again."), 1
    if isinstance(exc, (RecursionError, MemoryError)):
        return (f"The {command} ran out of memory or stack; {unchanged}.\n"
                "    How to fix: Undo your last change and run it again; tell a developer what it "
                "was."), 1
    return (f"The {command} stopped on an unexpected problem in the site's code, not in your "
            f"content: {type(exc).__name__}: {exc}{_where(exc)}; {unchanged}.\n"
            "    How to fix: Tell a developer, with this message. Run it again with BUILD_DEBUG=1 "
            "to see the details."), 1


def guarded(main: Callable[[list[str] | None], int], argv: list[str] | None = None) -> int:
    """Run the command line; every failure ends in a plain message and an exit status."""
    args = sys.argv[1:] if argv is None else argv
    command = next((a for a in args if a in ("check", "build", "serve")), "build")
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _raise_interrupted) if main_thread else None
    try:
        return main(argv)
    except SystemExit:
        raise  # argparse's usage errors and --help
    except BaseException as exc:  # noqa: BLE001 - the point: nothing escapes as a traceback
        if os.environ.get("BUILD_DEBUG"):
            traceback.print_exc()
        message, status = explain(exc, command)
        print(message, file=sys.stderr if status else sys.stdout)
        return status
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
