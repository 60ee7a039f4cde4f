"""The final audit: every built HTML file, read as a browser would, before it is published.

The content check refuses unsafe text where it is written; this audit looks
at what came out, whatever the path (a reference link, a fact value, a
locator, a source, the wizard's wording, a template). A page fails when it has:

- a link or address with a scheme other than https, http, mailto (or tel),
  or a relative one: ``javascript:``, ``data:``, ``vbscript:``... (``href``,
  ``src``, ``srcset``, ``action``, ``formaction`` and every other attribute
  holding an address);
- anything that loads from another host (``src``, ``srcset``, a stylesheet,
  a form's target): the site promises that no request leaves it;
- an event attribute (``onclick``...), a ``style`` attribute or element;
- an ``<iframe>``, ``<object>``, ``<embed>``, ``<base>``, a meta refresh;
- an inline script that is not one of the theme's own (those, and only
  those, get a hash in the Content-Security-Policy).

Each finding is traced back to the content file and line that wrote it when
the value can be found there; otherwise the built page is named.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from sitemodel import LANGUAGES
from sitemodel.errors import ContentError, ContentErrors

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "background", "ping",
                  "xlink:href", "manifest", "codebase", "longdesc", "lowsrc", "dynsrc", "icon", "archive",
                  "classid", "usemap", "itemtype", "srcset", "imagesrcset"}
# attributes whose address the browser fetches (or sends a form to) without a click
FETCHED = {"src", "srcset", "imagesrcset", "poster", "data", "background", "action", "formaction", "ping",
           "manifest", "codebase", "lowsrc", "dynsrc", "icon", "archive", "classid"}
# <link rel=...> values that make the browser fetch the address
FETCHED_LINKS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "modulepreload",
                 "preconnect", "dns-prefetch", "manifest", "mask-icon", "prerender"}
SAFE_SCHEMES = {"https", "http", "mailto", "tel"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base", "style", "portal"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
# the theme's inline scripts this site may have (palette.html only when `theme.palette` is a list:
# a light/dark toggle); the CSP allows those present by their hashes
MATERIAL_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/content.html",
                    "partials/javascripts/palette.html")


@dataclass(frozen=True)
class Finding:
    """One unsafe thing in one built page."""

    page: str  # relative to the site
    line: int  # in the built page
    what: str  # what is wrong, in words
    value: str  # the offending address or text, to trace it to the content
    fix: str


def _scheme(url: str) -> str | None:
    # browsers drop ASCII whitespace and control characters inside a scheme: "java\tscript:" is javascript:
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url)
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.\-]*):", cleaned)
    return match.group(1).lower() if match else None


def _other_host(url: str, site_host: str | None) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", url).replace("\\", "/")
    if cleaned.startswith("//"):
        cleaned = "https:" + cleaned
    if _scheme(cleaned) is None:
        return False
    host = urlsplit(cleaned).hostname
    return host is not None and host != site_host


@cache
def theme_scripts() -> tuple[re.Pattern, ...]:
    """The inline scripts mkdocs-material writes, as patterns made from its own templates."""
    import material

    templates = Path(material.__file__).resolve().parent / "templates"
    patterns = []
    for name in MATERIAL_SCRIPTS:
        text = (templates / name).read_text(encoding="utf-8")
        for body in re.findall(r"<script>(.*?)</script>", text, flags=re.S):
            if "{%" in body:
                continue
            parts = re.split(r"\{\{.*?\}\}", body, flags=re.S)
            patterns.append(re.compile("[^\"<]*".join(re.escape(part) for part in parts)))
    return tuple(patterns)


class _PageAuditor(HTMLParser):
    def __init__(self, page: str, site_host: str | None):
        super().__init__(convert_charrefs=True)
        self.page, self.site_host = page, site_host
        self.findings: list[Finding] = []
        self.inline_scripts: list[str] = []
        self._script: list[str] | None = None
        self._script_line = 0

    def _find(self, what: str, value: str, fix: str) -> None:
        self.findings.append(Finding(self.page, self.getpos()[0], what, value, fix))

    def handle_starttag(self, tag, attrs):
        self._check_tag(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check_tag(tag, attrs)
        if tag == "script":
            self._script = None

    def _check_tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in FORBIDDEN_TAGS:
            self._find(f"an element <{tag}>", values.get("src") or values.get("data") or values.get("href")
                       or f"<{tag}", "Remove it: pages show text, links and the site's own images only.")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self._find("an automatic redirection (meta refresh)", values.get("content", ""),
                       "Remove it; link to the page instead.")
        rel = set(values.get("rel", "").lower().split())
        for name, value in values.items():
            if name.startswith("on"):
                self._find(f"an event attribute '{name}'", value, "Remove it: text may not carry scripts.")
            elif name == "style":
                self._find("a 'style' attribute", value, "Remove it: the site's stylesheet sets the look.")
            elif name in URL_ATTRIBUTES:
                urls = ([part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
                        if name.endswith("srcset") else [value])
                for url in urls:
                    self._check_url(tag, name, url, rel)
        if tag == "script":
            if "src" in values:
                self._script = None
            elif values.get("type", "").lower() in DATA_SCRIPT_TYPES:
                self._script = None  # data, never run
            else:
                self._script, self._script_line = [], self.getpos()[0]

    def _check_url(self, tag: str, attribute: str, url: str, rel: set[str]) -> None:
        scheme = _scheme(url)
        if scheme is not None and scheme not in SAFE_SCHEMES:
            self._find(f"an address '{url[:60]}' with the scheme '{scheme}:'", url,
                       "Link only to pages of the site, to https:// addresses or to mailto:.")
            return
        fetched = attribute in FETCHED or (tag == "link" and attribute == "href" and rel & FETCHED_LINKS) \
            or (tag == "script" and attribute == "src")
        if fetched and _other_host(url, self.site_host):
            self._find(f"an element that loads '{url[:60]}' from another host", url,
                       "Remove it: the site makes no request to any other host (no images, scripts or "
                       "styles from elsewhere).")

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            body = "".join(self._script)
            self._script = None
            if any(pattern.fullmatch(body) for pattern in theme_scripts()):
                self.inline_scripts.append(body)
            else:
                self.findings.append(Finding(self.page, self._script_line, "an inline script that the theme "
                                             "does not write", body[:60], "Remove it: text may not carry "
                                             "scripts."))


def audit_page(html: str, page: str, site_host: str | None = None,
               cache: dict | None = None) -> tuple[list[Finding], list[str]]:
    """The findings of one page, and its inline scripts (the theme's own).

    With a cache (one dict shared by the pages of one audit), the lines the pages share (the
    theme's header, menus and footer) are parsed once: see _audit_by_lines. Same result.
    """
    if cache is not None:
        return _audit_by_lines(html, page, site_host, cache)
    auditor = _PageAuditor(page, site_host)
    auditor.feed(html)
    auditor.close()
    return auditor.findings, auditor.inline_scripts


# A piece is cut after a line whose hash is a multiple of this: pieces of about this many lines (2:
# the fastest on the real site, 1 to 8 tried),
# cut where the content says (the same lines give the same pieces on every page).
_PIECE_LINES = 2
# A piece that ends inside something grows by whole pieces, up to this many; then the rest of the
# page is parsed in one go.
_MAX_GROWTH = 4


def _audit_piece(piece: str, site_host: str | None) -> tuple[bool, tuple, tuple[str, ...]]:
    """A fresh parser's audit of one piece: (ends between tokens?, findings, inline scripts).

    "Between tokens": everything fed was consumed (no tag, comment or character reference
    left open) and no <script> or <style> is open. A piece that starts and ends so gives
    the same events whether it is parsed alone or inside its page: HTMLParser keeps no
    other state from one token to the next (text outside a script is not audited).
    """
    auditor = _PageAuditor("", site_host)
    auditor.feed(piece)
    between = not auditor.rawdata and auditor.cdata_elem is None and auditor._script is None
    findings = tuple((f.line, f.what, f.value, f.fix) for f in auditor.findings)
    return between, findings, tuple(auditor.inline_scripts)


def _pieces(html: str) -> list[str]:
    """The page in runs of whole lines, cut after the lines whose hash is a multiple of _PIECE_LINES."""
    lines = html.split("\n")
    cuts = [index + 1 for index, line in enumerate(lines) if not hash(line) % _PIECE_LINES]
    pieces = ["\n".join(lines[start:stop]) + "\n" for start, stop in zip([0, *cuts], cuts, strict=False)]
    rest = "\n".join(lines[cuts[-1] if cuts else 0:])
    return [*pieces, rest] if rest else pieces


def _audit_by_lines(html: str, page: str, site_host: str | None, cache: dict) -> tuple[list[Finding], list[str]]:
    """audit_page(), with the result of each piece of lines (between tokens at both ends) cached.

    A page starts between tokens; each piece that also ends between tokens leaves the parser
    where a fresh one starts, so the next piece can be looked up alone. A piece that ends
    inside something (a script, a comment, a tag spread over lines) is extended by the next
    piece; after _MAX_GROWTH pieces the rest of the page is parsed in one go, which is what a
    parser of the whole page does from that (between-tokens) point.
    """
    cache = cache.setdefault(site_host, {})
    pieces = _pieces(html)
    findings: list[Finding] = []
    scripts: list[str] = []
    first_line, index, count = 1, 0, len(pieces)
    while index < count:
        end, piece = index + 1, pieces[index]
        while True:
            entry = cache.get(piece)
            if entry is None:
                entry = cache[piece] = _audit_piece(piece, site_host)
            if entry[0]:
                break
            if end >= count or end - index > _MAX_GROWTH:
                auditor = _PageAuditor(page, site_host)
                auditor.feed("".join(pieces[index:]))
                auditor.close()
                findings += [Finding(page, f.line + first_line - 1, f.what, f.value, f.fix)
                             for f in auditor.findings]
                return findings, scripts + auditor.inline_scripts
            piece += pieces[end]
            end += 1
        if entry[1]:
            findings += [Finding(page, line + first_line - 1, what, value, fix)
                         for line, what, value, fix in entry[1]]
        if entry[2]:
            scripts += entry[2]
        first_line += piece.count("\n")
        index = end
    return findings, scripts


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.is_file())


@dataclass
class Audited:
    """Pages audited already (by the process that built them), with what was found in them."""

    pages: set[str]  # relative to the final site
    findings: list[Finding]
    scripts: set[str]

    def as_json(self) -> dict:
        return {"pages": sorted(self.pages), "findings": [asdict(f) for f in self.findings],
                "scripts": sorted(self.scripts)}

    @classmethod
    def from_json(cls, data: dict) -> Audited:
        return cls(set(data["pages"]), [Finding(**f) for f in data["findings"]], set(data["scripts"]))


def audit_pages(pages: list[Path], relative_to: Path, site_host: str | None = None) -> Audited:
    """Audit some of a site's pages (a language process: its own), named relative to the final site."""
    audited = Audited(set(), [], set())
    cache: dict = {}  # the pages' shared lines, parsed once
    for path in pages:
        page = path.relative_to(relative_to).as_posix()
        page_findings, page_scripts = audit_page(path.read_text(encoding="utf-8", errors="replace"), page,
                                                 site_host, cache)
        audited.pages.add(page)
        audited.findings += page_findings
        audited.scripts.update(page_scripts)
    return audited


def audit_site(site: Path, site_host: str | None = None,
               done: list[Audited] = ()) -> tuple[list[Finding], set[str]]:
    """Every finding in every built page, and the set of inline scripts the pages run.

    Pages in ``done`` (audited where they were built, in parallel) are not read again: their
    findings are taken in the same page order, so the errors are the same either way.
    """
    by_page: dict[str, list[Finding]] = {}
    done_pages: set[str] = set()
    scripts: set[str] = set()
    for part in done:
        done_pages |= part.pages
        scripts |= part.scripts
    pages = html_pages(site)
    left = audit_pages([path for path in pages if path.relative_to(site).as_posix() not in done_pages], site,
                       site_host)
    scripts |= left.scripts
    for finding in [finding for part in done for finding in part.findings] + left.findings:
        by_page.setdefault(finding.page, []).append(finding)
    findings = [finding for path in pages for finding in by_page.get(path.relative_to(site).as_posix(), [])]
    return findings, scripts


def _page_sources(page: str, content: Path) -> list[Path]:
    """The content files a built page is made from, most specific first."""
    parts = page.split("/")
    lang = parts[0] if parts[0] in LANGUAGES else "fr"
    rest = parts[1:] if parts[0] in LANGUAGES else parts
    rest = [part for part in rest if part != "index.html"]
    slug = "/".join(rest) or "index"
    candidates = [content / lang / f"{slug}.yml", content / "pages" / f"{slug}.yml"]
    if slug.startswith("wizard/"):
        flow = slug.removeprefix("wizard/").removesuffix("-rules")
        candidates += [content / lang / "wizard" / f"{flow}.yml", content / lang / "wizard" / "common.yml"]
    candidates += [content / "sources.yml", *sorted((content / "facts").glob("*.yml")),
                   content / lang / "_ui.yml"]
    return [path for path in candidates if path.is_file() and not path.is_symlink()]


def _needles(value: str) -> list[str]:
    """What to look for in the YAML: the value, then shorter distinctive pieces of it."""
    value = value.strip()
    unquoted = value.strip("\"' ")
    needles = [value, unquoted, value[:40], re.sub(r"[\x00-\x20\x7f]+", "", value)[:24]]
    scheme = _scheme(value)
    if scheme and scheme not in SAFE_SCHEMES:  # "javascript:" is telling; "https:" is in every source
        needles.append(scheme + ":")
    return [n for n in dict.fromkeys(needles) if len(n) >= 3]


def trace(finding: Finding, root: Path) -> tuple[str, int | None]:
    """The content file and line that produced a finding, or the built page when it cannot be found."""
    files = _page_sources(finding.page, root / "content")
    texts = {path: path.read_text(encoding="utf-8", errors="replace") for path in files}
    for needle in _needles(finding.value):
        for path, text in texts.items():
            index = text.lower().find(needle.lower())
            if index >= 0:
                return path.relative_to(root).as_posix(), text.count("\n", 0, index) + 1
    return f"site/{finding.page}", finding.line


def findings_as_errors(findings: list[Finding], root: Path) -> list[ContentError]:
    """One error per mistake: the pages that show the same thing from the same place are told together.

    A finding traced to a content line is grouped by that line; one that is not
    in the content (a template or an override wrote it) by what it is: the
    same script on every page is still one mistake, shown at the first page.
    """
    groups: dict[tuple, tuple[str, int | None, Finding, list[str]]] = {}
    for finding in findings:
        path, line = trace(finding, root)
        key = (path, line, finding.what, finding.fix) if not path.startswith("site/") \
            else ("site", finding.what, finding.fix, finding.value)
        groups.setdefault(key, (path, line, finding, []))[3].append(finding.page)
    errors = []
    for path, line, finding, found_on in groups.values():
        found_on = list(dict.fromkeys(found_on))
        shown = (found_on[0] if len(found_on) == 1 else ", ".join(found_on[:3]) + (
            f" and {len(found_on) - 3} more" if len(found_on) > 3 else ""))
        errors.append(ContentError(path, line, f"The built page{'s' if len(found_on) > 1 else ''} {shown} "
                                   f"would have {finding.what}, which is not allowed.", finding.fix))
    return errors


def check_built_site(site: Path, root: Path, site_host: str | None = None, done: list[Audited] = ()) -> set[str]:
    """Audit a freshly built site; raise ContentErrors on any finding; return the inline scripts."""
    findings, scripts = audit_site(site, site_host, done)
    if findings:
        raise ContentErrors(findings_as_errors(findings, root))
    return scripts
