"""The rules page of a flow ("How the wizard decides"), written the way a person would.

Built from the same rule table the wizard runs, in the reader's language:
questions say when they are asked in positive words ("only if …", never
"unless not …"); date conditions read as durations ("was more than 2 years
ago"); each decision row has an ``#rule-N`` anchor, which the wizard's
"Why this result" links to; each list (answers, computed values, notes,
sources) has its own heading so none runs into the next; and the legal
scenarios of wizard/scenarios/ are shown as "Examples".
"""

from __future__ import annotations

import datetime as dt
import os

from sitemodel import DEFAULT_LANGUAGE
from sitemodel.facts import COLON, Fact, format_value

from . import scenarios as legal_scenarios
from .engine import COMPARATORS, evaluate, facts_in
from .factvalues import fact_values

NEGATED = {"eq": "ne", "ne": "eq", "lt": "ge", "ge": "lt", "le": "gt", "gt": "le"}
# "date + N OP today", read as how long ago the date was
AGO = {"lt": "ago_more", "le": "ago_at_least", "ge": "ago_at_most", "gt": "ago_less"}
LIST_SEPARATOR = {"fr": "\u00a0; ", "de": "; ", "en": "; "}
DATE_OPS = {"lt": "date_before", "le": "date_on_or_before", "gt": "date_after", "ge": "date_on_or_after"}


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return _html(text).replace("|", "\\|").replace("\n", " ")


# the data files are at assets/wizard/wizard-data/<flow>.<lang>.json: three folders below the site root
DATA_TO_ROOT = "../../../"


def rules_url(flow_id: str, lang: str, site_url: str | None = None) -> str:
    """The rules page's address as the flow's data file gives it to the runtime.

    Absolute when the site's public address is known (SITE_URL, as for the build), so a
    wizard whose assets an integrator copied to another server still links to this site;
    otherwise relative to the data file, which works wherever the whole site is served.
    """
    site_url = os.environ.get("SITE_URL", "") if site_url is None else site_url
    path = ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + f"wizard/{flow_id}-rules/"
    return f"{site_url.rstrip('/')}/{path}" if site_url else DATA_TO_ROOT + path


def outcome_anchor(outcome_id: str) -> str:
    return "outcome-" + outcome_id.replace("_", "-")


def negate(cond: dict) -> dict:
    """The same condition turned around, pushed down to the leaves (De Morgan)."""
    if "not" in cond:
        return cond["not"]
    if "all" in cond:
        return {"any": [negate(c) for c in cond["all"]]}
    if "any" in cond:
        return {"all": [negate(c) for c in cond["any"]]}
    op = next(key for key in cond if key in COMPARATORS)
    if op not in NEGATED:
        return {"not": cond}
    rest = {k: v for k, v in cond.items() if k != op}
    return {**rest, NEGATED[op]: cond[op]}


class Describer:
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
            parts = cond.get("all", cond.get("any"))
            joiner = self.ui["op_and" if "all" in cond else "op_or"]
            words = [self.cond(c) for c in parts]
            # brackets only around a group inside a group, so plain lists read as sentences
            words = [f"({w})" if ("all" in c or "any" in c) and len(parts) > 1 else w
                     for c, w in zip(parts, words, strict=True)]
            return f" {joiner} ".join(words)
        if "not" in cond:
            inner = cond["not"]
            if any(key in inner for key in ("all", "any", "not")) or \
                    next((k for k in inner if k in COMPARATORS), None) in NEGATED:
                return self.cond(negate(inner))
            return f"{self.ui['op_not']} ({self.cond(inner)})"
        op = next(key for key in cond if key in COMPARATORS)
        ago = self._ago(cond, op)
        if ago:
            return ago
        question = self.questions.get(cond.get("answer", ""))
        left = f"«{question['label']}»" if question else self.expr(cond["value"])
        kind = question["type"] if question else None
        words = self.ui[DATE_OPS[op]] if kind == "date" and op in DATE_OPS else self.ui["op_" + op]
        return f"{left} {words} {self.ref(cond[op], question)}"

    def _ago(self, cond: dict, op: str) -> str | None:
        """``answer + N`` compared with today, in words: '«Start» was more than 2 years ago'."""
        expr = cond.get("value")
        if not (isinstance(expr, dict) and expr.get("op") in ("add_years", "add_months")
                and cond[op] == "param:today" and op in AGO):
            return None
        amount = expr["years" if expr["op"] == "add_years" else "months"]
        # the wording gives the words after the date, "…" standing for the duration
        return f"{self.expr(expr['date'])} {self.ui[AGO[op]].replace('…', self.ref(amount))}"

    def answer(self, question: dict, raw: str) -> str:
        """A given answer, as the reader would say it."""
        if question["type"] == "choice":
            return question["option_labels"][raw]
        if question["type"] == "yesno":
            return self.ui[raw]
        if question["type"] == "date":
            return format_value("date", dt.date.fromisoformat(raw), self.lang)
        return format_value("number", int(raw), self.lang)

    def value(self, value_type: str, value) -> str:
        if value_type == "date":
            value = dt.date.fromisoformat(value)
        return format_value(value_type, value, self.lang)


def _questions(data: dict, say: Describer) -> list[str]:
    ui, colon = data["ui"], COLON[say.lang]
    lines = [f"## {ui['questions_heading']}", ""]
    for number, question in enumerate(data["questions"], 1):
        lines += [f"**{number}. {_html(question['text'])}**", ""]
        if "skip_if" in question:
            lines += [f"{ui['col_asked']}{colon}{ui['asked_if']} {say.cond(negate(question['skip_if']))}.", ""]
        if question["type"] in ("choice", "yesno"):
            labels = (question["option_labels"].values() if question["type"] == "choice"
                      else (ui["yes"], ui["no"]))
            lines += [f"- {_html(label)}" for label in labels]
        else:
            lines.append(f"- {ui['number_answer' if question['type'] == 'number' else 'date_answer']}")
        lines.append("")
    return lines


def _rules(flow: dict, data: dict, say: Describer) -> list[str]:
    ui = data["ui"]
    lines = [f"## {ui['rules_heading']}", "", ui["rules_intro"], "",
             f"| {ui['col_rule']} | {ui['col_conditions']} | {ui['col_outcome']} |", "|---|---|---|"]
    for number, row in enumerate(flow["rules"], 1):
        title = data["outcomes"][row["outcome"]]["title"]
        lines.append(f'| <span id="rule-{number}"></span>{number} | {_cell(say.cond(row["when"]))} | '
                     f"[{_cell(title)}](#{outcome_anchor(row['outcome'])}) |")
    return [*lines, ""]


def _outcomes(data: dict, say: Describer) -> list[str]:
    ui, colon = data["ui"], COLON[say.lang]
    lines = [f"## {ui['outcomes_heading']}", ""]
    for outcome_id, outcome in data["outcomes"].items():
        lines += [f'### {outcome["title"]} {{ #{outcome_anchor(outcome_id)} }}', "", outcome["body"], ""]
        if outcome["values"]:
            lines += [f"**{ui['computed']}**", ""]
            lines += [f"- {v['label']}{colon}{say.expr(v['expr'])}" for v in outcome["values"]]
            lines.append("")
        if outcome["notes"]:
            lines += [f"**{ui['notes_heading']}**", ""]
            lines += [f"- {n['text']} *({ui['note_when']} {say.cond(n['when'])})*" for n in outcome["notes"]]
            lines.append("")
        lines += [f"**{ui['sources']}**", ""]
        lines += [f"- {s['title']}, {s['locator']}" for s in outcome["sources"]]
        lines.append("")
        if outcome["dated"]:
            lines += [f"!!! warning \"{ui['from_2013']}\"", "", f"    {ui['dated']}", ""]
            if outcome["changes"]:
                lines += [f"    {ui['changed_since']}:", ""]
                lines += [f"    - {c['text']} ({c['title']}, {c['locator']})" for c in outcome["changes"]]
                lines.append("")
    return lines


def examples_section(flow: dict, data: dict, facts: dict[str, Fact], lang: str, sources: dict) -> list[str]:
    """The flow's legal scenarios as worked examples, each evaluated now by the real engine."""
    path = legal_scenarios.path_of(flow["id"])
    if not path.exists():
        return []
    ui, colon = data["ui"], COLON[lang]
    say = Describer(data, facts, lang)
    by_id = {q["id"]: q for q in data["questions"]}
    values = fact_values(facts)
    lines = [f"## {ui['examples_heading']} {{ #examples }}", "", ui["examples_intro"], ""]
    for number, case in enumerate(legal_scenarios.load(flow["id"]), 1):
        result = evaluate(flow, case["answers"], values, legal_scenarios.params_for(flow, case))
        outcome = data["outcomes"][result.outcome]
        given = LIST_SEPARATOR[lang].join(f"{by_id[q]['label']}{colon}{say.answer(by_id[q], case['answers'][q])}"
                          for q in result.path)
        head = f"*{_html(case['names'][lang])}*"
        item = [f"{number}. {head}", "", f"    **{ui['col_given']}**{colon}{_html(given)}.", ""]
        if case["today"] and "today" in flow.get("params", []):
            day = format_value("date", dt.date.fromisoformat(case["today"]), lang)
            item[-2] = item[-2][:-1] + f" ({ui['assessed_on']} {day})."
        item += [f"    **{ui['col_outcome']}**{colon}[{outcome['title']}](#{outcome_anchor(result.outcome)})"
                 f" ([{ui['col_rule']} {result.rule}](#rule-{result.rule}))", ""]
        types = {v["id"]: v for v in outcome["values"]}
        for value_id, value in result.values.items():
            item += [f"    {types[value_id]['label']}{colon}{say.value(types[value_id]['type'], value)}", ""]
        notes = {n["id"]: n["text"] for n in outcome["notes"]}
        for note_id in result.notes:
            item += [f"    *{notes[note_id]}*", ""]
        source = case["source"]
        title = sources.get(source["source"], {}).get("title", source["source"])
        cited = f"{_html(title)}, {_html(source['locator'])}"
        quoted = legal_scenarios.passage_language(source["source"])
        # a quotation stays in its source's language: the law's French text on every page,
        # an English source's words only on the English page (no English on FR/DE pages)
        if source.get("passage") and quoted in (lang, "fr"):
            cited += f' <q lang="{quoted}">{_html(source["passage"])}</q>'
        item += [f"    {ui['sources']}{colon}{cited}", ""]
        lines += item
    return lines


def rules_page(flow: dict, data: dict, facts: dict[str, Fact], lang: str, sources: dict | None = None) -> str:
    """How the wizard decides: questions, the decision table, outcomes with sources, examples."""
    ui = data["ui"]
    say = Describer(data, facts, lang)
    colon = COLON[lang]
    lines = [f"# {ui['rules_link']}{colon}{data['title']}", "",
             f"[{ui['wizard_link']}]({flow['id']}.md)", ""]
    lines += _questions(data, say) + _rules(flow, data, say) + _outcomes(data, say)
    lines += examples_section(flow, data, facts, lang, sources or {})
    used = [facts[f] for f in facts_in(flow) | set(flow.get("changes", {}).values()) if f in facts]
    if used:
        reviewed = max(fact.reviewed for fact in used)
        lines += [f"*{ui['reviewed']}{colon}{format_value('date', reviewed, lang)}*", ""]
    return "\n".join(lines)
