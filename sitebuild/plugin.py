"""The mkdocs plugin: generate pages from content/ on every build and live reload.

Installed with the package (``pip install -e .``, entry point ``lu-site`` in
pyproject.toml) and listed under ``plugins:`` in mkdocs.yml. Its typed config:

    plugins:
      - lu-site:
          project: .          # folder holding content/ (default: the folder of mkdocs.yml)

``on_config`` runs before the i18n plugin's own (priority 100) so the
per-language navigation, site name and description it sets are the ones the
plugin applies. The generated result is kept on the plugin instance, not in
module globals; under ``mkdocs serve`` the wizard's flow files are
re-imported when they change.
"""

from __future__ import annotations

import copy
import functools
import importlib
import json
import os
import re
import sys
from pathlib import Path
from xml.etree import ElementTree

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from sitemodel import DEFAULT_LANGUAGE
from sitemodel.errors import ContentErrors

from . import preview
from .generate import Generated, write

# Folders whose changes mkdocs serve rebuilds for (YAML, templates, the wizard's rules, the code).
WATCHED = ("content", "templates", "wizard", "sitemodel", "sitebuild", "overrides")


class SiteConfig(base.Config):
    project = c.Optional(c.Dir(exists=True))  # folder holding content/; default: mkdocs.yml's folder


class SitePlugin(BasePlugin[SiteConfig]):
    def __init__(self):
        super().__init__()
        self.generated: Generated | None = None
        self.serving = False
        self.flow_mtimes: dict[str, float] = {}
        self.preview = preview.Preview()  # the live error page's memory, kept across serve's rebuilds

    def project_root(self, config) -> Path:
        """The project being built: the configured folder, or that of mkdocs.yml (the repository, or a fixture)."""
        return Path(self.config.project or Path(config.config_file_path).parent).resolve()

    def on_startup(self, *, command, dirty):
        # defining on_startup also keeps this instance across the rebuilds of mkdocs serve
        self.serving = command == "serve"
        self.preview.started(command)  # under serve, a content problem shows an error page instead of a hang

    @event_priority(100)
    def on_config(self, config):
        if self.serving:
            reload_changed_flows(self.flow_mtimes)
        try:
            generated = self.preview.generate_or_last_good(self.project_root(config))
        except ContentErrors as problems:
            raise PluginError(problems.report()) from None
        self.generated = generated
        i18n = config.plugins["i18n"]
        for language in i18n.config.languages:
            ui = generated.content.ui[language.locale]
            language.nav = copy.deepcopy(generated.nav[language.locale])  # the result is cached: keep it intact
            language.site_name = ui["site_name"]
            language.site_description = ui["site_description"]
            if language.locale == DEFAULT_LANGUAGE:
                config.site_name = ui["site_name"]
        return config

    def on_pre_build(self, config):
        write(self.generated, Path(config.docs_dir))
        # mkdocs-static-i18n builds each language into the same site: the 404 page
        # is built once, in the default language (it speaks all three anyway).
        i18n = config.plugins["i18n"]
        if i18n.current_language == DEFAULT_LANGUAGE:
            config.theme.static_templates.add("404.html")
        else:
            config.theme.static_templates.discard("404.html")

    def on_env(self, env, config, files):
        """Keep the theme's compiled templates between builds (jinja2's bytecode cache).

        Each build, and each language process of build.py build, compiled the same 40
        templates of mkdocs-material and overrides/ again (0.15-0.2 s a process). The cache
        is jinja2's own, in the user's temporary folder; an entry is keyed by the template's
        name and source checksum, so an edited template (mkdocs serve) is compiled afresh.
        """
        if env.bytecode_cache is None:
            env.bytecode_cache = template_cache()
        return env

    def on_template_context(self, context, template_name, config):
        """The 404 page offers each language's home page, not the last page built."""
        if template_name == "404.html":
            i18n = config.plugins["i18n"]
            config.extra["alternate"] = [
                {"name": language.name, "link": language.link, "lang": language.locale}
                for language in i18n.config.languages
            ]
        return context

    def on_serve(self, server, config, builder):
        root = self.project_root(config)
        for folder in WATCHED:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server

    def on_post_page(self, output, page, config):
        return self.preview.page_or_problems(point_alternates_at_language_roots(output, page, config))

    @event_priority(-200)
    def on_post_build(self, config):
        """Per-language search indexes and sitemaps, once every language is built."""
        if config.plugins["i18n"].building:  # inner per-language build: nothing is final yet
            return
        _split_search_index(config)
        write_language_sitemaps(Path(config.site_dir), config.site_url,
                                [language.locale for language in config.plugins["i18n"].config.languages])


@functools.cache
def template_cache():
    """jinja2's file cache of compiled templates (tempfile.gettempdir()/_jinja2-cache-<uid>, private),
    or None (templates compiled each time, as before) when jinja2 finds no safe folder for it."""
    import jinja2

    try:
        return jinja2.FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # not ours, not private, not writable
        return None


def reload_changed_flows(mtimes: dict[str, float]) -> list[str]:
    """Re-import the flow modules whose file changed since the last call (mkdocs serve keeps
    one Python process: an edited rule table would otherwise be the one imported first)."""
    reloaded = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("wizard.flows.") or not getattr(module, "__file__", None):
            continue
        mtime = os.stat(module.__file__).st_mtime
        if name in mtimes and mtimes[name] != mtime:
            importlib.reload(module)
            reloaded.append(name)
        mtimes[name] = mtime
    return reloaded


HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([a-z]{2})">')


def point_alternates_at_language_roots(output, page, config):
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

    return HEAD_ALTERNATE.sub(to_root, output)


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def write_language_sitemaps(site: Path, site_url: str, locales: list[str]) -> None:
    """/de/sitemap.xml and /en/sitemap.xml, where mkdocs-material looks for them (ElementTree).

    Read from the whole site's sitemap.xml; the sequential build (here) and the
    parallel one (sitebuild/parallel.py, after its merge) both call this.
    """
    if not (site / "sitemap.xml").is_file():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    whole = ElementTree.parse(site / "sitemap.xml").getroot()  # noqa: S314 - mkdocs wrote it, just now
    for locale in locales:
        if locale == DEFAULT_LANGUAGE:
            continue
        prefix = f"{site_url}{locale}/"
        mine = ElementTree.Element(whole.tag, whole.attrib)
        mine.extend(url for url in whole if (url.findtext(f"{{{SITEMAP_NS}}}loc") or "").startswith(prefix))
        ElementTree.indent(mine, space="    ")
        tree = ElementTree.ElementTree(mine)
        tree.write(site / locale / "sitemap.xml", encoding="UTF-8", xml_declaration=True)


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
