"""A strict Content-Security-Policy on every page, and ready-to-use host configuration.

After mkdocs has built the site into its temporary folder, and before it is
swapped in, ``secure(site, root, site_url)``:

1. audits every HTML file (sitebuild/audit.py); any finding stops the build;
2. computes the policy: only the site's own files, no ``unsafe-inline``, no
   ``unsafe-eval``; the few inline scripts mkdocs-material writes (and only
   those, the audit made sure) are allowed by their SHA-256 hashes;
3. puts it into every page as ``<meta http-equiv="Content-Security-Policy">``
   where the override ``overrides/partials/csp.html`` left its slot (or right
   after ``<meta charset>`` in pages not made by the theme);
4. writes the same policy, with the headers a meta element cannot carry
   (``frame-ancestors``, ``X-Content-Type-Options``, ``Referrer-Policy``,
   ``Permissions-Policy``) and the per-language 404 pages, for two hosts:
   ``_headers`` and ``_redirects`` (Netlify, Cloudflare Pages) in the site's
   root, and ``nginx.conf`` (a ``server`` block to include) beside them.

The wizard's iframe page, ``/assets/wizard/embed/``, is made to be embedded
by other sites: it alone allows any ``frame-ancestors``.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from sitemodel import DEFAULT_LANGUAGE, LANGUAGES

from .audit import Audited, check_built_site, html_pages

CSP_SLOT = "<!--lu-csp-->"
EMBED_PATH = "/assets/wizard/embed/"
HOST_FILES = ("_headers", "_redirects", "nginx.conf")

BASE_POLICY = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material's icons are SVG data: addresses in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),  # the search index runs in a worker
    ("manifest-src", "'self'"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # no request leaves the site, not even the address it came from
    "Permissions-Policy": "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
                          "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


# Files whose name carries a hash of their content (mkdocs-material's bundle, stylesheets and
# search worker): a new version gets a new name, so browsers may keep them a year without asking.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
IMMUTABLE = "public, max-age=31536000, immutable"


def fingerprinted(site: Path) -> list[str]:
    """The site's content-hashed files, as addresses ("/assets/javascripts/bundle.….min.js")."""
    return sorted("/" + path.relative_to(site).as_posix() for path in site.rglob("*")
                  if path.is_file() and FINGERPRINTED.search(path.name))


def script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def policy(inline_scripts: set[str], frame_ancestors: str | None = None) -> str:
    """The policy text; frame_ancestors only in headers (browsers ignore it in a meta element)."""
    hashes = " ".join(sorted(script_hash(script) for script in inline_scripts))
    parts = [f"{name} {value} {hashes}" if name == "script-src" and hashes else f"{name} {value}"
             for name, value in BASE_POLICY]
    if frame_ancestors:
        parts.append(f"frame-ancestors {frame_ancestors}")
    return "; ".join(parts)


def meta_tag(text: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{text}">'


CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def add_meta(html: str, text: str) -> str:
    """The page with the policy in its head, as early as possible."""
    if CSP_SLOT in html:
        return html.replace(CSP_SLOT, meta_tag(text), 1)
    if 'http-equiv="Content-Security-Policy"' in html:
        return html  # a page that brings its own policy keeps it
    match = CHARSET.search(html)
    if match:
        return html[:match.end()] + "\n" + meta_tag(text) + html[match.end():]
    return html.replace("<head>", "<head>\n" + meta_tag(text), 1)


def not_found_pages(site: Path) -> dict[str, str]:
    """URL prefix -> the 404 page for it: a language's own when it has one, else the site's."""
    pages = {"/": "/404.html"}
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE:
            own = site / lang / "404.html"
            pages[f"/{lang}/"] = f"/{lang}/404.html" if own.is_file() else "/404.html"
    return pages


def netlify_headers(site_policy: str, embed_policy: str, site: Path) -> str:
    """Netlify joins the values of rules that match the same address, so the policy rules never
    overlap: one per top-level folder of pages, and one for the iframe page."""
    lines = ["# Written by build.py build (sitebuild/hosting.py): do not edit, rebuild.",
             "# Netlify / Cloudflare Pages: the headers of every answer.", "/*"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    folders = sorted(p.name for p in site.iterdir() if p.is_dir() and p.name != "assets")
    for pattern in ["/", "/index.html", "/404.html", *(f"/{folder}/*" for folder in folders)]:
        lines += ["", pattern, f"  Content-Security-Policy: {site_policy}", "  X-Frame-Options: SAMEORIGIN"]
    lines += ["", "# The wizard's iframe page is made to be embedded by other sites.", f"{EMBED_PATH}*",
              f"  Content-Security-Policy: {embed_policy}"]
    # one rule per file: a pattern would overlap others, and Netlify would join their values
    lines += ["", "# Named by their content: kept a year, never asked for again."]
    for address in fingerprinted(site):
        lines += [address, f"  Cache-Control: {IMMUTABLE}"]
    lines.append("")
    return "\n".join(lines)


def netlify_redirects(site: Path) -> str:
    lines = ["# Written by build.py build (sitebuild/hosting.py): do not edit, rebuild.",
             "# A missing page gets the 404 page of its language, with the status 404."]
    for prefix, page in sorted(not_found_pages(site).items(), key=lambda item: -len(item[0])):
        lines.append(f"{prefix}*  {page}  404")
    return "\n".join(lines) + "\n"


def nginx_conf(site_policy: str, embed_policy: str, site: Path, server_name: str) -> str:
    headers = "\n".join(f'    add_header {name} "{value}" always;' for name, value in SECURITY_HEADERS.items())
    # nginx: add_header in a location replaces those of the server: the location repeats them
    indented_headers = "\n".join(f"    {line}" for line in headers.splitlines())
    errors = "\n".join(
        f"    location {prefix} {{\n        error_page 404 {page};\n        try_files $uri $uri/ =404;\n    }}"
        for prefix, page in sorted(not_found_pages(site).items(), key=lambda item: -len(item[0])))
    return f"""# Written by build.py build (sitebuild/hosting.py): do not edit, rebuild.
# nginx: include this file in the http block, or copy the server block; set root to the site folder.
server {{
    listen 80;
    server_name {server_name};
    root /srv/integration-site;  # the published site/ folder
    index index.html;
    charset utf-8;

    # The same Content-Security-Policy as the <meta> element of every page, and the
    # headers a <meta> element cannot carry.
    add_header Content-Security-Policy "{site_policy}" always;
    add_header X-Frame-Options "SAMEORIGIN" always;
{headers}

    # The wizard's iframe page is made to be embedded by other sites. (nginx: add_header
    # in a location replaces those of the server, so the others are repeated here.)
    location {EMBED_PATH} {{
        add_header Content-Security-Policy "{embed_policy}" always;
        add_header X-Content-Type-Options "nosniff" always;
        add_header Referrer-Policy "no-referrer" always;
        add_header Permissions-Policy "{SECURITY_HEADERS['Permissions-Policy']}" always;
        try_files $uri $uri/ =404;
    }}

    # Files named by their content (mkdocs-material's): kept a year, never asked for again.
    location ~ "{FINGERPRINTED.pattern}" {{
        add_header Cache-Control "{IMMUTABLE}" always;
{indented_headers}
        try_files $uri =404;
    }}

    # The host configuration files are not pages.
    location ~ ^/(_headers|_redirects|nginx\\.conf)$ {{
        return 404;
    }}

    # A missing page gets the 404 page of its language, with the status 404.
{errors}
}}
"""


def secure(site: Path, root: Path, site_url: str | None = None, audited: list[Audited] = ()) -> str:
    """Audit the built site, put the policy into every page, write the host files; return the policy.

    Pages in ``audited`` were audited where they were built (sitebuild/parallel.py): only their
    findings are read here."""
    host = urlsplit(site_url).hostname if site_url else None
    inline_scripts = check_built_site(site, root, host, audited)
    text = policy(inline_scripts)
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        secured = add_meta(html, text)
        if secured != html:
            page.write_text(secured, encoding="utf-8")
    site_policy = policy(inline_scripts, "'self'")
    embed_policy = policy(set(), "*")
    (site / "_headers").write_text(netlify_headers(site_policy, embed_policy, site), encoding="utf-8")
    (site / "_redirects").write_text(netlify_redirects(site), encoding="utf-8")
    (site / "nginx.conf").write_text(nginx_conf(site_policy, embed_policy, site, host or "_"), encoding="utf-8")
    return text
