"""A tiny threaded static server for the built site, with gzip like a real host.

Why not ``python -m http.server``: it never compresses, so "bytes
transferred" would be the raw sizes, far from what a reader downloads.
This one gzips text responses (level 6, the usual server setting) when the
browser sends ``Accept-Encoding: gzip``, speaks HTTP/1.1 with keep-alive,
answers folder URLs with their index.html, serves 404.html for a missing
path, and can serve extra in-memory pages (the benchmark's own harness).
Its Cache-Control is the one the site's own ``_headers`` gives an address
(sitebuild/hosting.py writes it for Netlify-style hosts), else GitHub
Pages' ``max-age=600``: Lighthouse then judges the caching the site ships.
It listens on 127.0.0.1 only, on a free port.
"""

from __future__ import annotations

import gzip
import mimetypes
import re
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml",
                "application/manifest+json")
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
         ".svg": "image/svg+xml", ".xml": "application/xml", ".webmanifest": "application/manifest+json",
         ".css": "text/css", ".html": "text/html"}
GZIP_LEVEL = 6
DEFAULT_CACHE = "max-age=600"  # what GitHub Pages sends


def cache_rules(headers_file: Path) -> list[tuple[re.Pattern, str]]:
    """(address pattern, Cache-Control) from a Netlify-style _headers file."""
    rules, pattern = [], None
    text = headers_file.read_text(encoding="utf-8") if headers_file.is_file() else ""
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            pattern = re.compile("".join(".*" if part == "*" else re.escape(part)
                                         for part in re.split(r"(\*)", line.strip())) + "$")
        elif pattern and line.strip().lower().startswith("cache-control:"):
            rules.append((pattern, line.split(":", 1)[1].strip()))
    return rules


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any real host
    server_version = "bench"
    sys_version = ""

    def __init__(self, *args, root: Path, extra: dict[str, tuple[str, bytes]], cache: dict, **kwargs):
        self.root, self.extra, self.cache = root, extra, cache
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - silence: the benchmark prints one table
        pass

    def do_HEAD(self):  # noqa: N802 - http.server's naming
        self._respond(head=True)

    def do_GET(self):  # noqa: N802
        self._respond(head=False)

    def _cache_control(self, path: str) -> str:
        headers_file = self.root / "_headers"
        stamp = headers_file.stat().st_mtime_ns if headers_file.is_file() else None
        if self.cache.get("_headers") is None or self.cache["_headers"][0] != stamp:
            self.cache["_headers"] = (stamp, cache_rules(headers_file))  # the site may be rebuilt
        return next((value for pattern, value in self.cache["_headers"][1] if pattern.match(path)), DEFAULT_CACHE)

    def _resolve(self, path: str) -> tuple[int, Path | None, str | None]:
        """(status, file, redirect) for a URL path; never leaves the site folder."""
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root):
            return HTTPStatus.NOT_FOUND, self.root / "404.html", None
        if target.is_dir():
            if not path.endswith("/"):
                return HTTPStatus.MOVED_PERMANENTLY, None, path + "/"
            target = target / "index.html"
        if target.is_file():
            return HTTPStatus.OK, target, None
        return HTTPStatus.NOT_FOUND, self.root / "404.html", None

    def _respond(self, head: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        if path in self.extra:
            status, (ctype, body) = HTTPStatus.OK, self.extra[path]
        else:
            status, file, redirect = self._resolve(path)
            if redirect:
                self.send_response(status)
                self.send_header("Location", redirect)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = file.read_bytes() if file and file.is_file() else b"not found"
            ctype = TYPES.get(file.suffix if file else "", None) or mimetypes.guess_type(str(file))[0] \
                or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/json", "application/javascript"):
            ctype += "; charset=utf-8"
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE)
        if gzipped:
            key = (path, len(body), hash(body))
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, GZIP_LEVEL, mtime=0)
            body = self.cache[key]
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", self._cache_control(path))
        self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if not head:
            self.wfile.write(body)


class _QuietServer(ThreadingHTTPServer):
    """A browser that closes a kept-alive connection (Lighthouse between runs) is not an error:
    socketserver would print a traceback into the benchmark's output for it."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class SiteServer:
    """``with SiteServer(site) as server: server.url("/de/")``"""

    def __init__(self, root: Path, extra: dict[str, tuple[str, bytes]] | None = None):
        handler = partial(_Handler, root=root.resolve(), extra=extra or {}, cache={})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.origin + path

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
