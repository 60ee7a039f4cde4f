"""mkdocs hooks: generate pages from content/ on every build and live reload.

Registered in mkdocs.yml under ``hooks:``. ``on_config`` runs before the
i18n plugin's own (priority 100) so the per-language navigation, site name
and description it sets are the ones the plugin applies.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # mkdocs loads this file by path, not as a package
    sys.path.insert(0, str(ROOT))

from sitebuild import preview  # noqa: E402
from sitebuild.generate import Generated, write  # noqa: E402
from sitemodel import DEFAULT_LANGUAGE  # noqa: E402
from sitemodel.errors import ContentErrors  # noqa: E402

_state: dict[str, Generated] = {}


def _project_root(config) -> Path:
    """The folder of the mkdocs.yml being built: the repository, or a test fixture."""
    return Path(config.config_file_path).resolve().parent


def on_startup(command, dirty):
    preview.started(command)  # under serve, a content problem shows an error page instead of a hang


@event_priority(100)
def on_config(config):
    try:
        generated = preview.generate_or_last_good(_project_root(config))
    except ContentErrors as problems:
        raise PluginError(problems.report()) from None
    _state["generated"] = generated
    i18n = config.plugins["i18n"]
    for language in i18n.config.languages:
        ui = generated.content.ui[language.locale]
        language.nav = copy.deepcopy(generated.nav[language.locale])  # the result is cached: keep it intact
        language.site_name = ui["site_name"]
        language.site_description = ui["site_description"]
        if language.locale == DEFAULT_LANGUAGE:
            config.site_name = ui["site_name"]
    return config


def on_pre_build(config):
    write(_state["generated"], Path(config.docs_dir))
    # mkdocs-static-i18n builds each language into the same site: the 404 page
    # is built once, in the default language (it speaks all three anyway).
    i18n = config.plugins["i18n"]
    if i18n.current_language == DEFAULT_LANGUAGE:
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


def on_template_context(context, template_name, config):
    """The 404 page offers each language's home page, not the last page built."""
    if template_name == "404.html":
        i18n = config.plugins["i18n"]
        config.extra["alternate"] = [
            {"name": language.name, "link": language.link, "lang": language.locale}
            for language in i18n.config.languages
        ]
    return context


def on_serve(server, config, builder):
    # YAML, templates and the wizard's rules are sources too: reload on their change.
    for folder in ("content", "templates", "wizard", "sitemodel", "sitebuild", "overrides"):
        if (_project_root(config) / folder).is_dir():
            server.watch(str(_project_root(config) / folder))
    return server


HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([a-z]{2})">')


def on_post_page(output, page, config):
    """Point the <head> hreflang links at the language roots.

    mkdocs-material fetches sitemap.xml beside each <link rel="alternate"> and
    expects language roots there; mkdocs-static-i18n writes the page's own
    alternates, so every page asked for /<lang>/<page>/sitemap.xml and got a
    404 (mkdocs-material issue 6582). Page-to-page alternates stay where users
    and search engines use them: the language menu and sitemap.xml.

    When the public address is given (SITE_URL, when publishing), the links
    are absolute, as search engines prefer; otherwise (mkdocs serve, tests on
    a random port) they stay relative, so that they point at this very server.
    """
    roots = {language.locale: language.link for language in config.plugins["i18n"].config.languages}
    up = config.site_url if os.environ.get("SITE_URL") else "../" * page.url.count("/")

    def to_root(match):
        target = (up + roots.get(match.group(1), "/").lstrip("/")) or "./"
        return f'<link rel="alternate" href="{target}" hreflang="{match.group(1)}">'

    return preview.page_or_problems(HEAD_ALTERNATE.sub(to_root, output))


@event_priority(-200)
def on_post_build(config):
    """Per-language search indexes and sitemaps, once every language is built."""
    if config.plugins["i18n"].building:  # inner per-language build: nothing is final yet
        return
    _split_search_index(config)
    _write_language_sitemaps(config)


def _write_language_sitemaps(config):
    """/de/sitemap.xml and /en/sitemap.xml, where mkdocs-material looks for them."""
    site = Path(config.site_dir)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8") if (site / "sitemap.xml").exists() else ""
    if not sitemap:
        return
    head, _, rest = sitemap.partition("<url>")
    entries = ["<url>" + entry for entry in rest.split("<url>")] if rest else []
    closing = "</urlset>"
    for language in config.plugins["i18n"].config.languages:
        if language.locale == DEFAULT_LANGUAGE:
            continue
        prefix = f"<loc>{config.site_url}{language.locale}/"
        mine = [entry.replace(closing, "").rstrip() for entry in entries if prefix in entry]
        target = site / language.locale / "sitemap.xml"
        target.write_text(head + "\n".join(mine) + f"\n{closing}\n", encoding="utf-8")


def _split_search_index(config):
    """Each language searches its own pages with its own stemmer."""
    site = Path(config.site_dir)
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    merged = json.loads(index_path.read_text(encoding="utf-8"))
    languages = [lang.locale for lang in config.plugins["i18n"].config.languages]
    for lang in languages:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        docs = []
        for doc in merged["docs"]:
            location = doc["location"]
            owner = next((other for other in languages if other != DEFAULT_LANGUAGE
                          and location.startswith(f"{other}/")), DEFAULT_LANGUAGE)
            if owner == lang:
                docs.append({**doc, "location": location[len(prefix):]})
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        index = {"config": {**merged["config"], "lang": [lang]}, "docs": docs}
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
