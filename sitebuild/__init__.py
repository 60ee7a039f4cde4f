"""Site pipeline, the top layer: content model and wizard to a trilingual mkdocs-material site.

- ``render``: Jinja2 templates to Markdown pages for mkdocs-static-i18n.
- ``generate``: every page and asset, written into ``docs/``.
- ``publish``: builds into a temporary folder, then swaps it in.
- ``hooks``: mkdocs hooks so ``mkdocs serve`` picks up YAML edits live.
"""
