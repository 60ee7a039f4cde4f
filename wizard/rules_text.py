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

from markupsafe import Markup

from sitemodel import DEFAULT_LANGUAGE
from sitemodel.facts import COLON, Fact, format_value
from sitemodel.prose import LABEL, TEXT, render
from sitemodel.sources import cite_plain
from sitemodel.typography import apply as typography

from . import scenarios as legal_scenarios
from .citations import cited
from .engine import COMPARATORS, evaluate, facts_in
from .factvalues import fact_values
from .page_templates import templates

NEGATED = {"eq": "ne", "ne": "eq", "lt": "ge", "ge": "lt", "le": "gt", "gt": "le"}
# "date + N OP today", read as how long ago the date was
AGO = {"lt": "ago_more", "le": "ago_at_least", "ge": "ago_at_most", "gt": "ago_less"}
LIST_SEPARATOR = {"fr": "\u00a0; ", "de": "; ", "en": "; "}
DATE_OPS = {"lt": "date_before", "le": "date_on_or_before", "gt": "date_after", "ge": "date_on_or_after"}
# a question's label or an answer quoted in a condition, in each language's own quotation marks
QUOTES = {"fr": ("«\u00a0", "\u00a0»"), "de": ("„", "“"), "en": ("“", "”")}


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

    def quote(self, words: str) -> str:
        opening, closing = QUOTES.get(self.lang, QUOTES["en"])
        return f"{opening}{words}{closing}"

    def ref(self, value, question: dict | None = None) -> str:
        if isinstance(value, str) and value.startswith("fact:"):
            fact = self.facts[value[5:]]
            return format_value(fact.type, fact.value, self.lang)
        if isinstance(value, str) and value.startswith("answer:"):
            return self.quote(self.questions[value[7:]]["label"])
        if value == "param:today":
            return self.ui["today"]
        if isinstance(value, list):
            return ", ".join(self.ref(v, question) for v in value)
        if question and question["type"] == "choice" and value in question["options"]:
            return self.quote(question["option_labels"][value])
        if question and question["type"] == "yesno" and value in ("yes", "no"):
            return self.quote(self.ui[value])
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
        left = self.quote(question["label"]) if question else self.expr(cond["value"])
        kind = question["type"] if question else None
        words = self.ui[DATE_OPS[op]] if kind == "date" and op in DATE_OPS else self.ui["op_" + op]
        return f"{left} {words} {self.ref(cond[op], question)}"

    def _ago(self, cond: dict, op: str) -> str | None:
        """``answer + N`` compared with today, in words: '“Start” was more than 2 years ago'."""
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


class _Words:
    """Every editor-written string of the page through the shared grammar's renderer (plain kinds),
    with French no-break spaces (sitemodel.typography) as on the content pages."""

    def __init__(self, facts: dict[str, Fact], lang: str):
        self.facts, self.lang = facts, lang

    def text(self, value) -> Markup:
        """Wizard wording, scenario names, passages, and sentences made of them."""
        return typography(render(str(value), self.facts, self.lang, TEXT, quotes=False, line_start=False), self.lang)

    def block(self, value) -> Markup:
        """Wizard wording that starts a line (a paragraph)."""
        return typography(render(str(value), self.facts, self.lang, TEXT, quotes=False), self.lang)

    def label(self, value) -> Markup:
        """Locators and source titles."""
        return typography(render(str(value), self.facts, self.lang, LABEL, quotes=False, line_start=False), self.lang)


def _questions(data: dict, say: Describer, words: _Words) -> list[dict]:
    ui = data["ui"]
    questions = []
    for question in data["questions"]:
        if question["type"] in ("choice", "yesno"):
            answers = list(question["option_labels"].values() if question["type"] == "choice"
                           else (ui["yes"], ui["no"]))
        else:
            answers = [ui["number_answer" if question["type"] == "number" else "date_answer"]]
        asked = f"{ui['asked_if']} {say.cond(negate(question['skip_if']))}" if "skip_if" in question else None
        questions.append({"text": words.text(question["text"]), "answers": [words.text(a) for a in answers],
                          "asked": words.text(asked) if asked else None})
    return questions


def _rules(flow: dict, data: dict, say: Describer, words: _Words) -> list[dict]:
    return [{"when": words.text(say.cond(row["when"])),
             "title": words.text(data["outcomes"][row["outcome"]]["title"]),
             "anchor": outcome_anchor(row["outcome"])} for row in flow["rules"]]


def _outcomes(data: dict, say: Describer, words: _Words) -> list[dict]:
    colon = COLON[say.lang]
    outcomes = []
    for outcome_id, outcome in data["outcomes"].items():
        outcomes.append({
            "anchor": outcome_anchor(outcome_id), "title": words.text(outcome["title"]),
            "body": words.block(outcome["body"]), "dated": outcome["dated"],
            "values": [words.text(f"{v['label']}{colon}{say.expr(v['expr'])}") for v in outcome["values"]],
            "notes": [{"text": words.text(n["text"]), "when": words.text(f"{data['ui']['note_when']} "
                                                                          f"{say.cond(n['when'])}")}
                      for n in outcome["notes"]],
            "sources": [{"cited": cited(s, words.label)} for s in outcome["sources"]],
            "changes": [{"text": words.text(c["text"]), "cited": cited(c, words.label)} for c in outcome["changes"]],
        })
    return outcomes


def examples(flow: dict, data: dict, facts: dict[str, Fact], lang: str, sources: dict) -> list[dict]:
    """The flow's legal scenarios as worked examples, each evaluated now by the real engine."""
    path = legal_scenarios.path_of(flow["id"])
    if not path.exists():
        return []
    ui, colon = data["ui"], COLON[lang]
    say, words = Describer(data, facts, lang), _Words(facts, lang)
    by_id = {q["id"]: q for q in data["questions"]}
    values = fact_values(facts)
    items = []
    for case in legal_scenarios.load(flow["id"]):
        result = evaluate(flow, case["answers"], values, legal_scenarios.params_for(flow, case))
        outcome = data["outcomes"][result.outcome]
        given = LIST_SEPARATOR[lang].join(f"{by_id[q]['label']}{colon}{say.answer(by_id[q], case['answers'][q])}"
                                          for q in result.path)
        if case["today"] and "today" in flow.get("params", []):
            given += f" ({ui['assessed_on']} {format_value('date', dt.date.fromisoformat(case['today']), lang)})"
        types = {v["id"]: v for v in outcome["values"]}
        notes = {n["id"]: n["text"] for n in outcome["notes"]}
        source = case["source"]
        quoted = legal_scenarios.passage_language(source["source"])
        # a quotation stays in its source's language: the law's French text on every page,
        # an English source's words only on the English page (no English on FR/DE pages)
        passage = source.get("passage") if quoted in (lang, "fr") else None
        items.append({
            "name": words.text(case["names"][lang]), "given": words.text(given),
            "outcome": words.text(outcome["title"]), "anchor": outcome_anchor(result.outcome),
            "rule": result.rule,
            "values": [words.text(f"{types[value_id]['label']}{colon}"
                                  f"{say.value(types[value_id]['type'], value)}")
                       for value_id, value in result.values.items()],
            "notes": [words.text(notes[note_id]) for note_id in result.notes],
            "cited": cited(cite_plain(sources[source["source"]], source["locator"], lang), words.label)
            if source["source"] in sources else words.label(source["source"]),
            "passage": words.text(passage) if passage else None, "passage_lang": quoted,
        })
    return items


def rules_page(flow: dict, data: dict, facts: dict[str, Fact], lang: str, sources: dict | None = None) -> str:
    """How the wizard decides: questions, the decision table, outcomes with sources, examples."""
    say, words = Describer(data, facts, lang), _Words(facts, lang)
    used = [facts[f] for f in facts_in(flow) | set(flow.get("changes", {}).values()) if f in facts]
    reviewed = format_value("date", max(fact.reviewed for fact in used), lang) if used else None
    return templates().get_template("rules.md.j2").render(
        ui={key: words.block(value) for key, value in data["ui"].items()}, title=words.text(data["title"]),
        colon=COLON[lang], flow=flow["id"],
        questions=_questions(data, say, words), rules=_rules(flow, data, say, words),
        outcomes=_outcomes(data, say, words), examples=examples(flow, data, facts, lang, sources or {}),
        reviewed=reviewed)
