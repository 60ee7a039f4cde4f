"""Integration tests: the tiny good fixture built in strict mode, page by page."""

from __future__ import annotations

import json
import re
from pathlib import Path


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_the_good_fixture_builds_exactly_the_expected_pages(good_site):
    assert _pages(good_site) == [
        "404.html",
        "de/index.html",
        "de/pact/index.html",
        "de/sections/integration/index.html",  # each section's overview page (sitebuild/menus.py)
        "en/index.html",
        "en/pact/index.html",
        "en/sections/integration/index.html",
        "index.html",
        "pact/index.html",
        "sections/integration/index.html",
    ]


def test_facts_are_formatted_for_each_language(good_site):
    assert "30\u202f000\u00a0euros" in (good_site / "pact/index.html").read_text()
    assert "30.000\u00a0Euro" in (good_site / "de/pact/index.html").read_text()
    assert "EUR\u00a030,000" in (good_site / "en/pact/index.html").read_text()
    assert "nach 2 Jahren ohne Modul" in (good_site / "de/pact/index.html").read_text()
    assert "1er janvier 2024" in (good_site / "index.html").read_text()


def test_every_page_shows_its_sources_and_review_date(good_site):
    html = (good_site / "en/pact/index.html").read_text()
    assert 'id="sources"' in html
    assert "<em>Loi d&#39;exemple</em>, art. 4" in html or "<em>Loi d'exemple</em>, art. 4" in html
    assert '<time datetime="2026-11-20">20 November 2026</time>' in html
    assert 'class="lu-cite"' in html
    assert '<time datetime="2026-11-20">20. November 2026</time>' in (good_site / "de/pact/index.html").read_text()


def test_the_language_switcher_stays_on_the_same_page(good_site):
    html = (good_site / "de/pact/index.html").read_text()
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"', html))
    assert {lang: href for href, lang in links.items()} == {"fr": "../../pact/", "de": "./", "en": "../../en/pact/"}


def test_each_page_declares_its_alternates_for_search_engines(good_site):
    html = (good_site / "en/pact/index.html").read_text()
    alternates = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(\w\w)">', html)
    assert sorted(lang for _, lang in alternates) == ["de", "en", "fr"]
    assert '<html lang="en"' in html


def test_each_language_has_its_own_search_index_and_stemmer(good_site):
    for prefix, lang in (("", "fr"), ("de/", "de"), ("en/", "en")):
        index = json.loads((good_site / prefix / "search/search_index.json").read_text())
        assert index["config"]["lang"] == [lang]
        titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
        expected = {"fr": {"Accueil", "Le pacte"}, "de": {"Startseite", "Der Pakt"},
                    "en": {"Home", "The pact"}}[lang]
        assert titles == expected
        assert all(not doc["location"].startswith(("de/", "en/")) for doc in index["docs"])


def test_the_404_page_speaks_the_three_languages(good_site):
    html = (good_site / "404.html").read_text()
    for words in ("Page introuvable", "Seite nicht gefunden", "Page not found"):
        assert words in html
    assert '<section lang="de">' in html


def test_no_page_loads_anything_from_another_host(good_site):
    for page in good_site.rglob("*.html"):
        html = page.read_text()
        loaded = re.findall(r'<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc="([^"]+)"', html)
        loaded += re.findall(r'<link\b(?=[^>]*rel="(?:stylesheet|preload|preconnect|icon|modulepreload)")'
                             r'[^>]*href="([^"]+)"', html)
        assert [url for url in loaded if re.match(r"(https?:)?//", url)] == [], page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_no_script_keeps_the_browser_from_painting_the_page(good_site):
    """Scripts with an address are deferred (in page order, once parsed) or modules: none blocks the parser."""
    for page in ("index.html", "de/pact/index.html", "404.html"):
        tags = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", (good_site / page).read_text())
        assert any("bundle." in tag for tag in tags), page  # Material's bundle is among them
        assert [tag for tag in tags if " defer" not in tag and 'type="module"' not in tag] == [], page
        # the search-language script still comes before the bundle, which reads what it sets
        assert "search-language.js" in tags[0], page


def test_a_sitemap_lists_every_page_with_its_alternates(good_site):
    sitemap = (good_site / "sitemap.xml").read_text()
    locations = sorted(re.findall(r"<loc>http://localhost:8000/([^<]*)</loc>", sitemap))
    assert locations == ["", "de/", "de/pact/", "de/sections/integration/", "en/", "en/pact/",
                         "en/sections/integration/", "pact/", "sections/integration/"]
    assert sitemap.count('hreflang="de"') == 9  # 3 pages in 3 languages, each naming its German version


def test_print_styles_hide_navigation_and_show_link_addresses():
    css = (Path(__file__).resolve().parents[2] / "docs/assets/stylesheets/site.css").read_text()
    print_block = css[css.index("@media print"):]
    assert ".md-sidebar" in print_block and 'content: " (" attr(href) ")"' in print_block


def test_head_alternates_point_at_language_roots_where_material_finds_a_sitemap(good_site):
    html = (good_site / "de/pact/index.html").read_text()
    alternates = dict((lang, href) for href, lang in
                      re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(\w\w)">', html))
    assert alternates == {"fr": "../../", "de": "../../de/", "en": "../../en/"}
    for prefix in ("", "de/", "en/"):
        assert (good_site / prefix / "sitemap.xml").is_file()
    german = (good_site / "de/sitemap.xml").read_text()
    assert re.findall(r"<loc>([^<]+)</loc>", german) == ["http://localhost:8000/de/", "http://localhost:8000/de/pact/",
                                                         "http://localhost:8000/de/sections/integration/"]


def test_with_a_public_address_the_head_alternates_are_absolute(tmp_path, monkeypatch):
    from support import FIXTURES, make_project

    from sitebuild.publish import publish

    monkeypatch.setenv("SITE_URL", "https://integration.example.lu/")
    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    site = publish(project)
    html = (site / "en/pact/index.html").read_text()
    assert re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="de">', html) == [
        "https://integration.example.lu/de/"]
    assert '<link rel="canonical" href="https://integration.example.lu/en/pact/">' in html


def test_when_mkdocs_itself_fails_the_site_and_the_project_are_left_as_they_were(tmp_path, good_site, monkeypatch):
    """A failure inside mkdocs (here a broken theme override), after the temporary folder exists."""
    import shutil

    import pytest
    from support import FIXTURES, make_project, tree_digest

    import sitebuild.publish

    project = make_project(tmp_path / "project", FIXTURES / "good" / "content")
    overrides = project / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text('{% extends "base.html" %}{% block content %}{{ 1 | no_such_filter }}'
                                         "{% endblock %}", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"custom_dir: .*", "custom_dir: overrides", config.read_text()), encoding="utf-8")
    site = project / "site"
    shutil.copytree(good_site, site)
    before = tree_digest(site)
    seen = []
    real_build = sitebuild.publish.build_in_parallel  # mkdocs runs in one process per language

    def build_watching_the_temporary_folder(config_file, docs_dir, site_dir):
        seen.extend(path.name for path in project.glob(".build-*"))
        return real_build(config_file, docs_dir, site_dir)

    monkeypatch.setattr(sitebuild.publish, "build_in_parallel", build_watching_the_temporary_folder)
    with pytest.raises(Exception, match="no_such_filter"):
        publish_it = sitebuild.publish.publish
        publish_it(project, site)
    assert len(seen) == 1, "mkdocs ran inside the temporary build folder"
    assert not list(project.glob(".build-*")), "the temporary build folder was not removed"
    assert tree_digest(site) == before
