"""The command line: check, build, serve (``python build.py …`` or the ``lu-site`` command).

    lu-site check    # check the content only; exit 1 with every problem listed
    lu-site build    # check, generate and build into site/ (swapped in on success)
    lu-site serve    # mkdocs serve, reloading on every change in content/
    lu-site review   # list pages, facts and sources due for review (--max-age DAYS)

Every problem names the file, the line and what to do. A failed build
leaves site/ untouched.
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

from sitemodel.errors import ContentErrors

from .generate import generate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check", "build", "serve", "review"])
    parser.add_argument("--max-age", type=int, default=180, help="review: days after which a check is due")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="folder holding content/ and mkdocs.yml "
                        "(default: the current folder)")
    parser.add_argument("--site-dir", type=Path, help="where to publish (build); default: <project>/site")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address for serve")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the banner is noise for editors
    try:
        project = args.project.resolve()
        if args.command == "check":
            generated = generate(project)
            print(f"Content OK: {len(generated.content.pages)} pages, {len(generated.content.facts)} facts, "
                  f"{len(generated.files)} files to generate.")
            _print_warnings(project)
            return 0
        if args.command == "review":  # what editors must check again
            import datetime as dt

            from sitemodel.review import due, report

            today = dt.date.today()
            print(report(due(generate(project).content, today, args.max_age), today, args.max_age))
            return 0
        if args.command == "build":
            from .publish import publish

            logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
            site = publish(project, (args.site_dir or project / "site").resolve())
            print(f"Site built in {site}")
            _print_warnings(project)
            return 0
        from .preview import wait_until_valid

        wait_until_valid(project)  # content problems told plainly; the preview starts once they are fixed
        return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", args.dev_addr],
                               cwd=project)
    except ContentErrors as problems:
        print(problems.report(), file=sys.stderr)
        return 1
    except Exception as exc:  # mkdocs' own errors (strict-mode warnings) end here
        from mkdocs.exceptions import MkDocsException

        if isinstance(exc, MkDocsException):
            print(f"The build failed; the previous site is unchanged.\n{exc}", file=sys.stderr)
            return 1
        raise


def _print_warnings(project: Path) -> None:
    """Warnings an editor wants (a review date in the future...): told, not fatal."""
    from .notices import notices, report

    generated = generate(project)  # the same inputs: the result of the check, reused
    text = report(notices(generated.content, generated.files))
    if text:
        print(text, file=sys.stderr)


def run() -> int:
    """The command line as editors run it: every failure a plain message; SIGTERM cleans up too."""
    from .guard import guarded

    return guarded(main)


if __name__ == "__main__":
    sys.exit(run())
