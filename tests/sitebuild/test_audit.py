"""The final HTML audit, on small pages: what it stops and what it lets through."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild.audit import Finding, audit_page, theme_scripts, trace
from sitebuild.hosting import add_meta, policy, script_hash

HOSTILE = [
    ('<a href="javascript:alert(1)">x</a>', "scheme 'javascript:'"),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', "scheme 'javascript:'"),
    ('<a href="java&#x09;script:alert(1)">x</a>', "scheme 'javascript:'"),
    ('<a href=" &#x01;javascript:alert(1)">x</a>', "scheme 'javascript:'"),
    ('<a href="vbscript:msgbox">x</a>', "scheme 'vbscript:'"),
    ('<a href="data:text/html,hi">x</a>', "scheme 'data:'"),
    ('<img src="https://tracker.example/p.gif">', "from another host"),
    ('<img src="//tracker.example/p.gif">', "from another host"),
    ('<img srcset="a.png 1x, https://tracker.example/p.gif 2x">', "from another host"),
    ('<picture><source srcset="https://cdn.example/a.webp"></picture>', "from another host"),
    ('<form action="https://collect.example/"><button formaction="javascript:x">b</button></form>',
     "from another host"),
    ('<script src="https://cdn.example/x.js"></script>', "from another host"),
    ('<link rel="stylesheet" href="https://cdn.example/x.css">', "from another host"),
    ('<p onclick="alert(1)">x</p>', "event attribute 'onclick'"),
    ('<svg onload="alert(1)"></svg>', "event attribute 'onload'"),
    ('<p style="background:url(https://tracker.example/p.gif)">x</p>', "'style' attribute"),
    ("<style>p{color:red}</style>", "element <style>"),
    ('<iframe src="https://example.org"></iframe>', "element <iframe>"),
    ('<object data="x.swf"></object>', "element <object>"),
    ('<embed src="x.swf">', "element <embed>"),
    ('<base href="https://evil.example/">', "element <base>"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "meta refresh"),
    ("<script>alert(1)</script>", "inline script that the theme does not write"),
    ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "scheme 'javascript:'"),
]


@pytest.mark.parametrize(("html", "expected"), HOSTILE, ids=[h for h, _ in HOSTILE])
def test_the_audit_stops_hostile_html(html, expected):
    findings, _ = audit_page(f"<html><body>{html}</body></html>", "page/index.html", "integration.example.lu")
    assert findings, html
    assert expected in findings[0].what


SAFE = [
    '<a href="https://guichet.public.lu/fr.html">x</a>',
    '<a href="mailto:info@example.lu">x</a>',
    '<a href="../pact/#who">x</a>',
    '<img src="../assets/images/favicon.svg">',
    '<link rel="canonical" href="https://integration.example.lu/pact/">',
    '<link rel="alternate" href="https://integration.example.lu/de/" hreflang="de">',
    '<script src="https://integration.example.lu/assets/x.js"></script>',
    '<script id="__config" type="application/json">{"base": "."}</script>',
]


@pytest.mark.parametrize("html", SAFE)
def test_the_audit_lets_ordinary_pages_through(html):
    findings, _ = audit_page(f"<html><body>{html}</body></html>", "page/index.html", "integration.example.lu")
    assert findings == []


def test_the_theme_inline_scripts_are_known_and_hashed():
    assert len(theme_scripts()) >= 2
    script = ('var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
              '(target.checked=target.name.startsWith("__tabbed_"))')
    findings, scripts = audit_page(f"<html><body><script>{script}</script></body></html>", "index.html")
    assert findings == [] and scripts == [script]
    assert script_hash(script) in policy({script})
    assert "unsafe-inline" not in policy({script})


def test_the_policy_goes_where_the_override_left_its_slot_or_after_the_charset():
    assert add_meta("<head><!--lu-csp--></head>", "default-src 'self'") == \
        "<head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\"></head>"
    assert add_meta('<head><meta charset="utf-8"><title>t</title>', "x").startswith(
        '<head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="x">')


def test_a_finding_is_traced_to_the_content_line_that_wrote_it(tmp_path: Path):
    (tmp_path / "content" / "de").mkdir(parents=True)
    (tmp_path / "content" / "de" / "pact.yml").write_text('title: "Pakt"\nsummary: "[x](javascript:alert(1))"\n')
    finding = Finding("de/pact/index.html", 40, "an address", "javascript:alert(1)", "fix")
    assert trace(finding, tmp_path) == ("content/de/pact.yml", 2)
    from_a_template = Finding("de/pact/index.html", 40, "an element", "https://cdn.example/x.js", "fix")
    assert trace(from_a_template, tmp_path) == ("site/de/pact/index.html", 40)


def test_the_cached_audit_finds_what_a_parser_of_the_whole_page_finds():
    """audit_pages() shares a cache of line pieces between pages: same findings, lines and scripts,
    whatever spans lines (a script, a comment, a tag, an address) or ends the page unfinished."""
    import random

    body = ['<a href="../x/">x</a>', '<p>text &amp; more</p>', '<li class="nav"><a href="./">home</a></li>',
            '<script>__md_scope=new URL("..",location)</script>']
    hostile = ['<script>alert(1)\n</script>', '<a\nhref="javascript:x" onclick="y">', '<!-- c\n<script>x</script>\n-->',
               '<img src="https://evil.example/x.png">', '<div style="x">', '<style>\n.a{}\n</style>', 'text &',
               '<iframe src="x">', '<scr', '<a href="java\nscript:alert(1)">', '<![CDATA[ x\n]]>', '</script>',
               '<script>', '<!--', '-->', '<a href="\n' * 12, '<meta http-equiv="refresh" content="0">']
    generator = random.Random(15)
    cache: dict = {}
    for _ in range(300):
        lines = [generator.choice(body) for _ in range(generator.randint(0, 40))]
        for _ in range(generator.randint(0, 4)):
            lines.insert(generator.randint(0, len(lines)), generator.choice(hostile))
        html = "\n".join(lines) + generator.choice(["", "\n", "<a", "x&", "<script>x"])
        for host in ("example.org", None):
            assert audit_page(html, "p.html", host, cache) == audit_page(html, "p.html", host)
    assert cache  # the pieces were cached (and reused: the same lines recur)
