"""Eligibility wizard: rule tables as Python data, a Python evaluator, an
exporter for the hand-written JavaScript runtime, and the site pages.

- ``engine``: evaluates a flow (conditions, first-match decision table).
- ``flows``: one flow per file, routing only (slugs and fact ids, no words).
- ``analysis``: walks every path of a flow to prove it complete.
- ``wording``: loads and checks the per-language wording files.
- ``export``: the JSON each flow and language ships to the browser.
- ``site``: pages (``sitemodel.pages.RenderedPage``) and assets for the site build.

Imports go one way: ``wizard`` reads ``sitemodel``, never ``sitebuild``.
"""

from sitemodel.registry import FLOW_IDS  # the one list: sitemodel/registry.json

__all__ = ["FLOW_IDS"]
