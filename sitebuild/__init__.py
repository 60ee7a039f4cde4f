"""Site pipeline: YAML fact sheets to a trilingual mkdocs-material site.

The modules are small and flat, one concern each:

- ``errors``: the ContentError an editor sees (file, line, what to do).
- ``yamlload``: strict YAML reading that keeps line numbers.
- ``schema``: JSON Schema validation with plain-language messages.
- ``facts``: the single source of dates, amounts and durations, and their
  formatting in each language.
- ``content``: loads the whole content tree and runs every cross-check.
- ``render``: Jinja2 templates to Markdown pages for mkdocs-static-i18n.
- ``publish``: builds into a temporary folder, then swaps it in.
- ``hooks``: mkdocs hooks so ``mkdocs serve`` picks up YAML edits live.
"""

LANGUAGES = ("fr", "de", "en")
DEFAULT_LANGUAGE = "fr"
# The menu's sections, in order ("wizard" holds the generated wizard pages).
SECTION_ORDER = ("start", "integration", "cai", "municipalities", "organisations", "residence",
                 "wizard", "about")
