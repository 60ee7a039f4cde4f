"""Site pipeline, the top layer: content model and wizard to a trilingual mkdocs-material site.

- ``render``: Jinja2 templates to Markdown pages for mkdocs-static-i18n.
- ``generate``: every page and asset, written into ``docs/``.
- ``publish``: builds into a temporary folder, then swaps it in.
- ``plugin``: the mkdocs plugin (typed config, entry point ``lu-site``) so
  ``mkdocs serve`` picks up YAML and flow edits live.
- ``cli``: the command line (``lu-site`` or ``python build.py``).

Imports go one way: ``sitebuild`` reads ``wizard`` and ``sitemodel``; nothing imports it.
"""
