"""Wizard pages and assets for the site build.

``generate(root, facts, errors, sources=…)`` returns ``WizardOutput(pages, assets)``:

- ``pages``: ``RenderedPage`` values (title, menu section and order, Markdown):
  ``wizard/<flow>.md`` (the interactive page), ``wizard/<flow>-rules.md``
  (how the wizard decides: the same rule tables as readable Markdown, with
  sources and review date) and ``wizard/integrators.md``;
- ``assets``: paths under the site's ``assets/wizard/`` -> bytes: the runtime
  ``wizard-v1.js`` (ES module), ``wizard-v1.classic.js`` (classic script),
  ``wizard-v1.css`` (fallback stylesheet), ``wizard-data/<flow>.<lang>.json``
  and the iframe page ``embed/index.html`` with ``embed/embed.js``.

Problems in the wording files go to ``errors`` with a fix an editor can
follow; the pages are still returned for what could be read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from markupsafe import Markup

from sitemodel import DEFAULT_LANGUAGE, LANGUAGES
from sitemodel.content import load_sources
from sitemodel.editorial import check_citations
from sitemodel.errors import ErrorCollector
from sitemodel.facts import Fact
from sitemodel.formatting import colon
from sitemodel.pages import RenderedPage
from sitemodel.terminology import load as load_terminology

from . import scenarios as legal_scenarios
from .analysis import check_flow
from .assets import JS_DIR, runtime_assets, with_snippet
from .export import build_flow_data, to_json
from .factvalues import fact_values
from .flows import all_flows
from .nojs import build_date, flow_pages
from .page_templates import templates
from .rules_text import Describer, rules_page  # the rules page and its examples: wizard/rules_text.py
from .wording import COMMON, fill, load_wording, wording_path


class WizardOutput(NamedTuple):
    pages: list[RenderedPage]
    assets: dict[str, bytes]  # path relative to docs/ -> bytes


SECTION = "wizard"  # the menu section of every wizard page


def _citations(flows: dict, facts: dict[str, Fact]):
    """(where, source key, raw locator) for every source an outcome cites, its changes included."""
    for flow_id, flow in flows.items():
        for outcome in flow["outcomes"].values():
            for source in outcome.get("sources", []):
                yield f"wizard/{flow_id}", source["source"], source["locator"]
        for fact_id in flow.get("changes", {}).values():
            fact = facts.get(fact_id)
            if fact is not None:
                yield f"wizard/{flow_id}", fact.source, getattr(fact.locator, "raw", fact.locator)


def generate(root: Path, facts: dict[str, Fact], errors: ErrorCollector,
             sources: dict | None = None) -> WizardOutput:
    """Every wizard page of every language, and the assets; problems go to errors.

    ``sources`` is content/sources.yml as the content model loaded it (read
    here through the same function when the caller has not loaded it).
    """
    flows = all_flows()
    if sources is None:
        sources = load_sources(root, errors)
    values = fact_values(facts)
    for flow_id, flow in flows.items():
        for problem in check_flow(flow, values, set(sources)):
            errors.add(f"wizard/flows/{flow_id}.py", None, f"The wizard rule table is wrong: "
                       f"{problem}.", "Ask a developer: this file holds the wizard's rules.")
    check_citations(_citations(flows, facts), sources, root / "content" / "sources.yml", errors)  # issue 14
    check_scenario_terms(root, flows, errors)
    wording = load_wording(root, flows, facts, errors)
    pages: list[RenderedPage] = []
    assets = {f"assets/wizard/{name}": data for name, data in runtime_assets().items()}
    for lang in LANGUAGES:
        common = wording.get((lang, COMMON))
        for order, (flow_id, flow) in enumerate(flows.items()):
            words = wording.get((lang, flow_id))
            if common is None or words is None:
                continue
            try:
                data = build_flow_data(flow, lang, words, common, facts, sources)
            except KeyError as missing:  # already reported by load_wording
                errors.add(wording_path(root, lang, flow_id), None, f"The wizard cannot be built "
                           f"because {missing} is missing.", "Add the missing text.")
                continue
            assets[f"assets/wizard/wizard-data/{flow_id}.{lang}.json"] = to_json(data)
            # without JavaScript: one static page per state, outside the menu (see wizard/nojs.py)
            fallback, states = flow_pages(flow, data, build_date(), Describer(data, facts, lang).expr)
            assets.update({f"{lang}/{path}": text.encode() for path, text in states.items()})
            rules_title = f"{data['ui']['rules_link']}{colon(lang)}{data['title']}"
            pages += [
                RenderedPage(lang, f"wizard/{flow_id}.md", data["title"], SECTION, 2 * order,
                             wizard_page(data, fallback)),
                RenderedPage(lang, f"wizard/{flow_id}-rules.md", rules_title, SECTION, 2 * order + 1,
                             rules_page(flow, data, facts, lang, sources)),
            ]
        title, markdown = integrators_page(lang)
        pages.append(RenderedPage(lang, "wizard/integrators.md", title, SECTION, 2 * len(flows), markdown))
    return WizardOutput(pages, assets)


def check_scenario_terms(root: Path, flows: dict, errors: ErrorCollector) -> None:
    """The scenarios' names (shown as Examples) use the site's terms, as pages and wizard words do."""
    terminology = load_terminology(root / "content")
    for flow_id in flows:
        path = legal_scenarios.path_of(flow_id)
        if not path.exists():
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for case in legal_scenarios.load(flow_id):
            for lang, name in case["names"].items():
                line = next((n for n, text in enumerate(lines, 1) if name in text), None)
                for _offset, variant, term in terminology.problems(name, lang):
                    errors.add(path, line, f"The {lang.upper()} name of the scenario '{case['name']}' uses "
                               f"'{variant}', which is not the term this site uses.",
                               f"Write '{term}' (see content/terminology.yml).")


def script_tag(lang: str) -> str:
    """The runtime's tag for a page at <lang root>/wizard/<page>/; assets live at the site root."""
    up = "../../" if lang == DEFAULT_LANGUAGE else "../../../"
    return f'<script type="module" src="{up}assets/wizard/wizard-v1.min.js"></script>'
DOCS_DIR = Path(__file__).resolve().parent / "docs"


def integrators_page(lang: str) -> tuple[str, str]:
    """The integrators' documentation with its live demo, headings moved up one level: (title, Markdown)."""
    text = (DOCS_DIR / f"integrators.{lang}.md").read_text(encoding="utf-8")
    text = with_snippet(re.sub(r"^#(#+) ", r"\1 ", text, flags=re.M), lang)
    title = next(line[2:].strip() for line in text.splitlines() if line.startswith("# "))
    return title, f"{text.rstrip()}\n\n{script_tag(lang)}\n"


def wizard_page(data: dict, fallback: str = "") -> str:
    """The interactive page: intro, the element holding the first no-JS question (wizard/nojs.py), the rules link."""
    return templates().get_template("wizard.md.j2").render(
        title=data["title"], intro=data["intro"], flow=data["flow"], lang=data["lang"], ui=data["ui"],
        fallback=Markup(fallback),  # noqa: S704 - built by wizard/nojs.py, every word through sitemodel.prose.render
        script_tag=Markup(script_tag(data["lang"])))  # noqa: S704 - a fixed tag, no editor text


__all__ = ["JS_DIR", "generate", "runtime_assets", "wizard_page", "rules_page", "fill", "WizardOutput"]
