"""Live preview that tells: under ``make serve`` a broken edit shows an error page, not a hang.

mkdocs serve holds every page request while a rebuild is pending and, when
the rebuild fails, keeps holding them: the browser waits forever. So under
``serve`` a content problem does not fail the build: the last good content
is built again and every page is replaced by a page listing the problems
(file, line, fix). mkdocs' live reload shows it at once, and shows the real
page again as soon as the file is fixed. ``build.py build`` and ``check`` are
unchanged: a problem stops them.

The lu-site plugin (sitebuild/plugin.py) holds one ``Preview`` and calls its
``started`` (on_startup), ``generate_or_last_good`` (on_config) and
``page_or_problems`` (on_post_page).
"""

from __future__ import annotations

import html
import sys
import time
from pathlib import Path

from sitemodel.errors import ContentError, ContentErrors

from .generate import Generated, generate


class Preview:
    """What the preview remembers between rebuilds: held by the lu-site plugin instance, which
    mkdocs serve keeps across rebuilds (no module-level state)."""

    def __init__(self) -> None:
        self.serving = False
        self.problems: ContentErrors | None = None
        self.last_good: dict[Path, Generated] = {}

    def started(self, command: str) -> None:
        """Record whether mkdocs serves (preview) or builds (publish: problems stop the build)."""
        self.serving = command == "serve"
        self.problems = None

    def generate_or_last_good(self, root: Path) -> Generated:
        """generate(); under serve, on a problem, the last good result (the problem is kept to be shown)."""
        try:
            generated = generate(root)
        except ContentErrors as problems:
            failure = problems
        except Exception as exc:  # noqa: BLE001 - the preview server must survive any edit
            failure = ContentErrors([ContentError(
                "(the build)", None, f"The site could not be generated: {type(exc).__name__}: {exc}.",
                "Undo your last change; if that does not help, tell a developer.")])
        else:
            self.problems = None
            self.last_good[root] = generated
            return generated
        if not self.serving or root not in self.last_good:
            raise failure
        if self.problems is None or self.problems.report() != failure.report():
            # the terminal says it too, once per new problem (not through mkdocs' log: in strict
            # mode an error logged there fails the build, and the server hangs again)
            print(f"{failure.report()}\nThe preview shows these problems until they are fixed.",
                  file=sys.stderr, flush=True)
        self.problems = failure
        return self.last_good[root]

    def page_or_problems(self, output: str) -> str:
        """The page as built, or, while the content has problems, the page that lists them."""
        return output if self.problems is None else problems_page(self.problems)


def problems_page(problems: ContentErrors) -> str:
    """A plain page: what is wrong, where, and how to fix it (every word escaped)."""
    items = "\n".join(
        f"<li><p><code>{html.escape(error.path)}{f':{error.line}' if error.line else ''}</code></p>"
        f"<p>{html.escape(error.message)}</p><p><strong>How to fix:</strong> {html.escape(error.fix)}</p></li>"
        for error in problems.errors)
    count = len(problems.errors)
    title = f"The content has {count} problem{'s' if count != 1 else ''}"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title} – preview</title>
</head>
<body>
<main role="main" style="font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem">
<h1 id="problems">{title}</h1>
<p>The preview shows the site as it was before this change. Fix the file and save it:
this page turns back into the site by itself.</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def wait_until_valid(root: Path, poll_seconds: float = 1.0) -> None:
    """Before the preview starts: print the problems and wait until they are fixed."""
    told = None
    while True:
        try:
            generate(root)
            return
        except ContentErrors as problems:
            if problems.report() != told:
                told = problems.report()
                print(f"{told}\nWaiting for the fix: save the file and the preview starts (Ctrl-C to stop).",
                      flush=True)
        time.sleep(poll_seconds)
