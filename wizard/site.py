"""Wizard pages and assets for the site build.

``generate(root, facts, errors)`` returns ``(pages, assets)``:

- ``pages``: ``(lang, "wizard/<flow>.md")`` (the interactive page) and
  ``(lang, "wizard/<flow>-rules.md")`` (how the wizard decides: the same
  rule tables as readable Markdown, with sources and review date) -> text;
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

from sitemodel import DEFAULT_LANGUAGE, LANGUAGES
from sitemodel.errors import ErrorCollector
from sitemodel.facts import COLON, Fact, format_value
from sitemodel.yamlload import YamlProblem, load_file

from .analysis import check_flow
from .assets import JS_DIR, runtime_assets, with_snippet
from .engine import COMPARATORS, facts_in
from .export import build_flow_data, to_json
from .flows import all_flows
from .nojs import build_date, flow_pages
from .wording import COMMON, fill, wording_path


def _load_sources(root: Path, errors: ErrorCollector) -> dict:
    path = root / "content" / "sources.yml"
    try:
        return load_file(path) or {}
    except YamlProblem as problem:
        errors.add(path, problem.line, problem.message, problem.fix)
        return {}


def generate(root: Path, facts: dict[str, Fact], errors: ErrorCollector) -> tuple[dict, dict]:
    """Pages ((lang, relative .md path) -> Markdown) and assets (path -> bytes)."""
    from .factvalues import fact_values
    from .wording import load_wording

    flows = all_flows()
    sources = _load_sources(root, errors)
    values = fact_values(facts)
    for flow_id, flow in flows.items():
        for problem in check_flow(flow, values, set(sources)):
            errors.add(f"wizard/flows/{flow_id}.py", None, f"The wizard rule table is wrong: "
                       f"{problem}.", "Ask a developer: this file holds the wizard's rules.")
    wording = load_wording(root, flows, facts, errors)
    pages: dict = {}
    assets = {f"assets/wizard/{name}": data for name, data in runtime_assets().items()}
    for lang in LANGUAGES:
        common = wording.get((lang, COMMON))
        for flow_id, flow in flows.items():
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
            fallback, states = flow_pages(flow, data, build_date(), _Describer(data, facts, lang).expr)
            assets.update({f"{lang}/{path}": text.encode() for path, text in states.items()})
            pages[(lang, f"wizard/{flow_id}.md")] = wizard_page(data, fallback)
            pages[(lang, f"wizard/{flow_id}-rules.md")] = rules_page(flow, data, facts, lang)
        pages[(lang, "wizard/integrators.md")] = integrators_page(lang)
    return pages, assets


def script_tag(lang: str) -> str:
    """The runtime's tag for a page at <lang root>/wizard/<page>/; assets live at the site root."""
    up = "../../" if lang == DEFAULT_LANGUAGE else "../../../"
    return f'<script type="module" src="{up}assets/wizard/wizard-v1.min.js"></script>'
DOCS_DIR = Path(__file__).resolve().parent / "docs"


def integrators_page(lang: str) -> str:
    """The integrators' documentation with its live demo, headings moved up one level."""
    text = (DOCS_DIR / f"integrators.{lang}.md").read_text(encoding="utf-8")
    text = with_snippet(re.sub(r"^#(#+) ", r"\1 ", text, flags=re.M), lang)
    return f"{text.rstrip()}\n\n{script_tag(lang)}\n"


def wizard_page(data: dict, fallback: str = "") -> str:
    """The interactive page: intro, the element holding the first no-JS question, the rules link."""
    ui, flow_id = data["ui"], data["flow"]
    rules = f"{flow_id}-rules.md"
    return "\n".join([
        f"# {data['title']}", "", data["intro"], "",
        f'<div class="luw-host"><lu-integration-wizard flow="{flow_id}" lang="{data["lang"]}">'
        f'\n{fallback}\n</lu-integration-wizard></div>',
        "", script_tag(data["lang"]), "",
        "", f"[{ui['rules_link']}]({rules})", "",
    ])


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return _html(text).replace("|", "\\|").replace("\n", " ")


class _Describer:
    """Turns conditions and expressions into words of one language."""

    def __init__(self, data: dict, facts: dict[str, Fact], lang: str):
        self.ui, self.facts, self.lang = data["ui"], facts, lang
        self.questions = {q["id"]: q for q in data["questions"]}

    def ref(self, value, question: dict | None = None) -> str:
        if isinstance(value, str) and value.startswith("fact:"):
            fact = self.facts[value[5:]]
            return format_value(fact.type, fact.value, self.lang)
        if isinstance(value, str) and value.startswith("answer:"):
            return f"«{self.questions[value[7:]]['label']}»"
        if value == "param:today":
            return self.ui["today"]
        if isinstance(value, list):
            return ", ".join(self.ref(v, question) for v in value)
        if question and question["type"] == "choice" and value in question["options"]:
            return f"«{question['option_labels'][value]}»"
        if question and question["type"] == "yesno" and value in ("yes", "no"):
            return f"«{self.ui[value]}»"
        return str(value)

    def expr(self, expr) -> str:
        if not isinstance(expr, dict):
            return self.ref(expr)
        op = expr["op"]
        if op in ("add_years", "add_months"):
            amount = expr["years" if op == "add_years" else "months"]
            return f"{self.expr(expr['date'])} + {self.ref(amount)}"
        if op in ("sum", "mul"):
            return f" {'+' if op == 'sum' else '×'} ".join(self.expr(a) for a in expr["args"])
        if op in ("min", "max"):
            return f"{self.ui[op + '_of']} ({'; '.join(self.expr(a) for a in expr['args'])})"
        question = self.questions.get(str(expr["key"]).removeprefix("answer:"))
        cases = "; ".join(f"{self.ref(k, question)} → {self.expr(v)}" for k, v in expr["map"].items())
        return f"{self.ui['depending_on']} {self.expr(expr['key'])}{COLON[self.lang]}{cases}"

    def cond(self, cond: dict) -> str:
        if "all" in cond or "any" in cond:
            joiner = self.ui["op_and" if "all" in cond else "op_or"]
            parts = [self.cond(c) for c in cond.get("all", cond.get("any"))]
            return f" {joiner} ".join(f"({p})" if " " in p and len(parts) > 1 else p for p in parts)
        if "not" in cond:
            return f"{self.ui['op_not']} ({self.cond(cond['not'])})"
        op = next(key for key in cond if key in COMPARATORS)
        question = self.questions.get(cond.get("answer", ""))
        left = f"«{question['label']}»" if question else self.expr(cond["value"])
        return f"{left} {self.ui['op_' + op]} {self.ref(cond[op], question)}"


def rules_page(flow: dict, data: dict, facts: dict[str, Fact], lang: str) -> str:
    """How the wizard decides: questions, the decision table, outcomes with sources."""
    ui = data["ui"]
    say = _Describer(data, facts, lang)
    colon = COLON[lang]
    lines = [f"# {ui['rules_link']}{colon}{data['title']}", "", ui["rules_intro"], "",
             f"[{ui['wizard_link']}]({flow['id']}.md)", "", f"## {ui['questions_heading']}", "",
             f"| # | {ui['col_question']} | {ui['col_answers']} | {ui['col_asked']} |",
             "|---|---|---|---|"]
    for number, question in enumerate(data["questions"], 1):
        if question["type"] == "choice":
            answers = "; ".join(question["option_labels"].values())
        elif question["type"] == "yesno":
            answers = f"{ui['yes']}; {ui['no']}"
        else:
            answers = ui["number_answer" if question["type"] == "number" else "date_answer"]
        asked = f"{ui['skipped_if']} {say.cond(question['skip_if'])}" if "skip_if" in question \
            else ui["always"]
        lines.append(f"| {number} | {_cell(question['text'])} | {_cell(answers)} | {_cell(asked)} |")
    lines += ["", f"## {ui['rules_heading']}", "",
              f"| {ui['col_rule']} | {ui['col_conditions']} | {ui['col_outcome']} |", "|---|---|---|"]
    for number, row in enumerate(flow["rules"], 1):
        title = data["outcomes"][row["outcome"]]["title"]
        lines.append(f"| {number} | {_cell(say.cond(row['when']))} | "
                     f"[{_cell(title)}](#{_anchor(row['outcome'])}) |")
    lines += ["", f"## {ui['outcomes_heading']}", ""]
    for outcome_id, outcome in data["outcomes"].items():
        lines += [f'### {outcome["title"]} {{ #{_anchor(outcome_id)} }}', "", outcome["body"], ""]
        if outcome["values"]:
            lines += [f"**{ui['computed']}**", ""]
            lines += [f"- {v['label']}{colon}{say.expr(v['expr'])}" for v in outcome["values"]]
            lines.append("")
        if outcome["notes"]:
            lines += [f"- *{say.cond(n['when'])}*{colon}{n['text']}" for n in outcome["notes"]]
            lines.append("")
        lines += [f"**{ui['sources']}**", ""]
        lines += [f"- {s['title']}, {s['locator']}" for s in outcome["sources"]]
        lines.append("")
        if outcome["dated"]:
            lines += [f"!!! warning \"{ui['from_2013']}\"", "", f"    {ui['dated']}", ""]
            if outcome["changes"]:
                lines += [f"    {ui['changed_since']}:", ""]
                lines += [f"    - {c['text']} ({c['title']}, {c['locator']})"
                          for c in outcome["changes"]]
                lines.append("")
    used = [facts[f] for f in facts_in(flow) | set(flow.get("changes", {}).values()) if f in facts]
    if used:
        reviewed = max(fact.reviewed for fact in used)
        lines += [f"*{ui['reviewed']}{colon}{format_value('date', reviewed, lang)}*", ""]
    return "\n".join(lines)


def _anchor(outcome_id: str) -> str:
    return "outcome-" + outcome_id.replace("_", "-")


__all__ = ["JS_DIR", "generate", "runtime_assets", "wizard_page", "rules_page", "fill"]
