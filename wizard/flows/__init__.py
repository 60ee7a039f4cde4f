"""The flows, one per module; each module defines ``FLOW``.

Routing only: question and outcome slugs, conditions, fact ids and source
locators. Every word shown to readers is in content/<lang>/wizard/<flow>.yml.
"""

from importlib import import_module

from .. import FLOW_IDS


def load_flow(flow_id: str) -> dict:
    """The rule table of one flow, by id."""
    if flow_id not in FLOW_IDS:
        raise KeyError(flow_id)
    return import_module(f"wizard.flows.{flow_id}").FLOW


def all_flows() -> dict[str, dict]:
    return {flow_id: load_flow(flow_id) for flow_id in FLOW_IDS}
