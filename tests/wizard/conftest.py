"""Shared fixtures for the wizard tests: the real facts, flows and wording."""

from __future__ import annotations

import pytest
from wizard_helpers import ROOT, TODAY

from sitemodel.content import load_sources
from sitemodel.errors import ErrorCollector
from sitemodel.registry import LANGUAGES
from wizard.export import build_flow_data
from wizard.factvalues import fact_values, load_site_facts
from wizard.flows import all_flows
from wizard.wording import load_wording


@pytest.fixture(scope="session")
def loaded():
    facts, sources, errors = load_site_facts(ROOT)
    assert not errors.errors, "\n".join(map(str, errors.errors))
    return facts, sources


@pytest.fixture(scope="session")
def facts(loaded):
    return loaded[0]


@pytest.fixture(scope="session")
def values(facts):
    return fact_values(facts)


@pytest.fixture(scope="session")
def source_keys(loaded):
    return loaded[1]


@pytest.fixture(scope="session")
def flows():
    return all_flows()


@pytest.fixture(scope="session")
def wording(flows, facts):
    errors = ErrorCollector(ROOT)
    result = load_wording(ROOT, flows, facts, errors)
    assert not errors.errors, "\n".join(map(str, errors.errors))
    return result


@pytest.fixture(scope="session")
def flow_data(flows, wording, facts):
    """(flow, lang) -> the JSON document the browser gets."""
    sources = load_sources(ROOT, ErrorCollector(ROOT))
    return {(flow_id, lang): build_flow_data(flow, lang, wording[(lang, flow_id)],
                                             wording[(lang, "common")], facts, sources)
            for flow_id, flow in flows.items() for lang in LANGUAGES}


__all__ = ["ROOT", "TODAY"]
