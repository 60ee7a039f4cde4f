"""The iframe embed (wizard/js/embed/) on a host page of another origin, under the documented CSP.

The host page is made of exactly what integrators.en.md tells an integrator
to copy: the iframe tag, the CSS rule, the script, and the
Content-Security-Policy header (with WIZARD-HOST and YOUR-SITE replaced by the
two local origins). The frame's height must follow its content both ways;
messages must go only to the validated parent origin; wrong parameters must
show an error in the right language.
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from pathlib import Path

import pytest
from support import serve_folder

from wizard.assets import embed_words

DOCS = Path(__file__).resolve().parents[2] / "wizard" / "docs" / "integrators.en.md"
RECORDER = """
window.__messages = []; window.__violations = [];
window.addEventListener("message", (event) => window.__messages.push(event.data));
document.addEventListener("securitypolicyviolation",
  (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


def documented(wizard: str, host: str, parent: str | None = None) -> dict[str, str]:
    """The iframe tag, CSS, script and CSP header of the docs, for these origins."""
    text = DOCS.read_text(encoding="utf-8").replace("https://WIZARD-HOST", wizard)
    text = text.replace("https://YOUR-SITE", parent if parent is not None else host)
    blocks = re.findall(r"```(\w*)\n(.*?)```", text, re.S)
    iframe = next(body for lang, body in blocks if lang == "html" and "<iframe" in body)
    css = next(body for lang, body in blocks if lang == "css" and "lu-wizard-frame" in body)
    script = next(body for lang, body in blocks if lang == "js" and "message" in body)
    csp = next(body for lang, body in blocks if "frame-src" in body and body.startswith("Content-Security-Policy"))
    return {"iframe": iframe, "css": css, "js": script, "csp": csp.split(":", 1)[1].strip()}


@pytest.fixture
def host_page(tmp_path, server):
    """Factory: serve a host page made of the documented pieces; returns its URL and the pieces.

    ``parent``: the iframe's parent parameter, "{host}" standing for the host's origin.
    """
    with ExitStack() as stack:
        def make(parent: str = "{host}", query: str = "flow=subsidy&lang=en") -> tuple[str, dict]:
            folder = tmp_path / f"host{len(list(tmp_path.iterdir()))}"
            folder.mkdir()
            headers = {"X-Content-Type-Options": "nosniff"}  # the server keeps this dict: CSP added below
            origin = stack.enter_context(serve_folder(folder, extra_headers=headers))
            pieces = documented(server.origin, origin, parent.replace("{host}", origin))
            iframe = re.sub(r"\?flow=[^&]*&lang=[^&]*", f"?{query}", pieces["iframe"])
            assert "style=" not in iframe, "the documented iframe tag has an inline style"
            (folder / "host.css").write_text(pieces["css"])
            (folder / "host.js").write_text(RECORDER + pieces["js"])
            (folder / "index.html").write_text(
                '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>'
                '<link rel="stylesheet" href="host.css"><script src="host.js"></script></head>'
                f'<body><main><h1>Host</h1>{iframe}</main></body></html>')
            headers["Content-Security-Policy"] = pieces["csp"]  # the documented header, exactly
            return origin + "/", pieces

        yield make


HEIGHT_IS = "(h) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - h) < 2"


def frame_height(page) -> float:
    return page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height")


def content_height(frame) -> float:
    return frame.evaluate("() => document.getElementById('wizard').getBoundingClientRect().height")


def test_the_frame_follows_its_content_up_and_down_under_the_documented_csp(host_page, open_page):
    url, pieces = host_page()
    assert "frame-src" in pieces["csp"] and "unsafe" not in pieces["csp"]
    with open_page() as (_context, page, log):
        response = page.goto(url)
        assert response.headers["content-security-policy"] == pieces["csp"]
        frame = page.frame_locator("iframe")
        frame.locator("input[type=radio]").first.wait_for()
        inner = page.frames[1]
        page.wait_for_function(HEIGHT_IS, arg=content_height(inner))
        first = frame_height(page)
        frame.locator("input[type=radio]").first.check()
        frame.locator("button[type=submit]").click()
        frame.locator("input[type=text], input[inputmode=numeric]").first.fill("120")
        frame.locator("button[type=submit]").click()
        frame.locator("input[type=radio]").last.check()  # no coordinator: the result
        frame.locator("button[type=submit]").click()
        frame.locator("[part~=result]").wait_for()
        page.wait_for_function("(h) => document.querySelector('iframe').getBoundingClientRect().height > h + 50",
                               arg=first)
        restart = embed_restart_label(inner)
        frame.get_by_role("button", name=restart).click()
        frame.locator("input[type=radio]").first.wait_for()
        page.wait_for_function(HEIGHT_IS, arg=first)
        messages = page.evaluate("() => window.__messages")
        assert {m["type"] for m in messages} >= {"height", "step", "outcome"}
        assert all("answers" not in m for m in messages)
        assert page.evaluate("() => window.__violations") == []
        assert not log.page_errors and not log.failed, (log.page_errors, log.failed)


def embed_restart_label(frame) -> str:
    """The wizard's "Start again" in the frame's language, from the data it loaded."""
    return frame.evaluate("""async () => {
      const data = await (await fetch('../wizard-data/subsidy.en.json')).json();
      return data.ui.restart;
    }""")


@pytest.mark.parametrize("parent", ["https://evil.example", "", "not an origin", "{host}/page"])
def test_no_message_leaves_the_frame_without_a_parent_origin_that_holds_it(parent, host_page, open_page):
    url, _ = host_page(parent=parent)
    with open_page() as (_context, page, _log):
        warnings = []
        page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
        page.goto(url)
        page.frame_locator("iframe").locator("input[type=radio]").first.wait_for()
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__messages") == []
        assert any("parent=" in w and "lu-integration-wizard" in w for w in warnings), warnings
        assert frame_height(page) > 0  # the CSS rule of the docs gives it a height


def test_the_right_parent_receives_messages_only_at_its_origin(host_page, open_page):
    url, _ = host_page()
    with open_page() as (_context, page, _log):
        page.goto(url)
        page.wait_for_function("() => window.__messages.some((m) => m.type === 'step')")
        assert {m["source"] for m in page.evaluate("() => window.__messages")} == {"lu-integration-wizard"}


@pytest.mark.parametrize(("query", "lang", "expect"), [
    ("flow=nope&lang=de", "de", "nope"),
    ("flow=route&lang=es", None, "es"),
    ("flow=permit&lang=de-LU", "de", None),
    ("flow=route&lang=en", "en", None),
])
def test_the_frame_page_shows_its_title_or_a_clear_error_in_the_right_language(
        query, lang, expect, server, open_page):
    words = embed_words()
    with open_page() as (_context, page, _log):
        page.goto(server.url(f"/assets/wizard/embed/index.html?{query}"))
        if expect is None:
            flow = re.search(r"flow=(\w+)", query).group(1)
            page.locator("lu-integration-wizard").wait_for()
            assert page.evaluate("() => document.documentElement.lang") == lang
            assert page.locator("h1").inner_text() == words[lang]["flows"][flow]
            assert page.title().startswith(words[lang]["flows"][flow])
            assert page.locator("lu-integration-wizard").get_attribute("lang") == lang
            return
        alerts = page.get_by_role("alert")
        alerts.first.wait_for()
        shown = [lang] if lang else list(words)
        assert alerts.count() == len(shown)
        for index, code in enumerate(shown):
            box = alerts.nth(index)
            assert box.get_attribute("lang") == code
            assert expect in box.inner_text()
            assert words[code]["embed_title"] in box.inner_text()
        assert page.locator("lu-integration-wizard").count() == 0
