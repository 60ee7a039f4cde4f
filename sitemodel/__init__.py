"""Content model: the bottom layer, which imports nothing from ``wizard`` or ``sitebuild``.

The modules are small and flat, one concern each:

- ``registry``: the languages and flow ids (``registry.json``), for every layer.
- ``formatting``: numbers, dates, units and lists in each language (Babel).
- ``errors``: the ContentError an editor sees (file, line, what to do).
- ``yamlload``: strict YAML reading that keeps line numbers.
- ``schema``: JSON Schema validation with plain-language messages.
- ``facts``: the single source of dates, amounts and durations, and their
  formatting in each language.
- ``prose``: the text grammar of editor-written strings.
- ``content``: loads the whole content tree (``sources.yml`` once, validated).
- ``checks``: the cross-checks between files; links once every page exists.
- ``pages``: ``RenderedPage``, what every page maker returns to the pipeline.
"""

from .registry import DEFAULT_LANGUAGE, LANGUAGES  # the one list: sitemodel/registry.json

# The menu's sections, in order ("wizard" holds the generated wizard pages).
SECTION_ORDER = ("start", "integration", "cai", "municipalities", "organisations", "residence",
                 "wizard", "about")

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "SECTION_ORDER"]
