"""The host configuration's caching: files named by their content are kept a year, no other file is."""

from __future__ import annotations

from benchmarks.server import DEFAULT_CACHE, cache_rules
from sitebuild.hosting import IMMUTABLE, netlify_headers, nginx_conf

HASHED = "/assets/javascripts/bundle.0123abcd.min.js"


def built(tmp_path):
    for address in (HASHED, "/assets/stylesheets/main.89abcdef.min.css", "/assets/stylesheets/site.css",
                    "/assets/wizard/wizard-v1.min.js", "/index.html", "/de/index.html"):
        (tmp_path / address.lstrip("/")).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / address.lstrip("/")).write_text("x", encoding="utf-8")
    return tmp_path


def test_netlify_keeps_only_the_content_named_files_a_year_and_the_bench_server_sends_it(tmp_path):
    site = built(tmp_path)
    (site / "_headers").write_text(netlify_headers("P", "E", site), encoding="utf-8")
    rules = cache_rules(site / "_headers")

    def cache_control(address):
        return next((value for pattern, value in rules if pattern.match(address)), DEFAULT_CACHE)

    assert cache_control(HASHED) == IMMUTABLE
    assert cache_control("/assets/stylesheets/main.89abcdef.min.css") == IMMUTABLE
    # a file whose name stays when it changes (stable addresses integrators embed) is not kept a year
    for address in ("/assets/stylesheets/site.css", "/assets/wizard/wizard-v1.min.js", "/", "/de/"):
        assert cache_control(address) == DEFAULT_CACHE, address


def test_nginx_keeps_the_content_named_files_a_year_with_the_security_headers(tmp_path):
    conf = nginx_conf("P", "E", built(tmp_path), "_")
    block = conf[conf.index('location ~ "'):]
    block = block[:block.index("\n    }")]
    assert f'add_header Cache-Control "{IMMUTABLE}" always;' in block
    # a location's add_header replaces the server's: the security headers are repeated
    assert 'add_header X-Content-Type-Options "nosniff" always;' in block
    assert conf.count("Cache-Control") == 1
