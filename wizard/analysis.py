"""Static checks of a flow and the walk over every path through it.

``check_flow`` finds mistakes in a rule table before anyone runs it
(unknown fact, question or outcome; a skip condition that looks ahead).
``walk`` answers every question with every option and, for numbers and
dates, with the values around each cut-off found in the conditions (one
below, at, one above; the day before, the day, the day after) plus the
bounds (a few fixed samples too where no cut-off exists). Between two cut-offs the rules cannot change
their answer, so these values cover every case the table distinguishes.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sitemodel.locators import problems as locator_problems

from .engine import (
    COMPARATORS,
    QUESTION_TYPES,
    Context,
    FlowError,
    Result,
    add_days,
    add_months,
    answers_in,
    compute,
    evaluate,
    facts_in,
    parse_answer,
)

VALUE_TYPES = ("date", "money", "number", "years", "months", "weeks", "days", "age")
MAX_PATHS = 50_000  # a guard: a flow that explodes is a design problem, not a test


def check_flow(flow: dict, facts: dict, source_keys: set[str]) -> list[str]:
    """Every problem in a rule table, as sentences; empty when the table is sound."""
    problems: list[str] = []
    seen: list[str] = []
    for question in flow["questions"]:
        qid = question["id"]
        if qid in seen:
            problems.append(f"question {qid} is defined twice")
        if question["type"] not in QUESTION_TYPES:
            problems.append(f"question {qid} has unknown type {question['type']}")
        if question["type"] == "choice" and not question.get("options"):
            problems.append(f"question {qid} has no options")
        for name in answers_in(question.get("skip_if", {})) | answers_in(
                [question.get("min"), question.get("max")]):
            if name not in seen:
                problems.append(f"question {qid} depends on {name}, which is not asked before it")
        seen.append(qid)
    outcomes = flow["outcomes"]
    for row in flow["rules"]:
        if row["outcome"] not in outcomes:
            problems.append(f"a rule leads to unknown outcome {row['outcome']}")
        problems += _check_condition(row["when"], seen)
    for outcome_id, outcome in outcomes.items():
        if not outcome.get("sources"):
            problems.append(f"outcome {outcome_id} cites no source")
        for source in outcome.get("sources", []):
            if source["source"] not in source_keys:
                problems.append(f"outcome {outcome_id} cites unknown source {source['source']}")
            if not source.get("locator"):
                problems.append(f"outcome {outcome_id} cites {source['source']} without a locator")
            else:  # shown in the reader's language: structured, never free text in one language
                problems += [f"outcome {outcome_id} cites {source['source']}: {problem}"
                             for problem in locator_problems(source["locator"])]
        for value in outcome.get("values", []):
            if value["type"] not in VALUE_TYPES:
                problems.append(f"value {outcome_id}.{value['id']} has unknown type {value['type']}")
        for note in outcome.get("notes", []):
            problems += _check_condition(note["when"], seen)
        for change in outcome.get("changes", []):
            if change not in flow.get("changes", {}):
                problems.append(f"outcome {outcome_id} names unknown change {change}")
    for fact_id in facts_in(flow) - set(facts):
        problems.append(f"unknown fact {fact_id}")
    for change_id, fact_id in flow.get("changes", {}).items():
        if fact_id not in facts:
            problems.append(f"change {change_id} names unknown fact {fact_id}")
    for name in _params_in(flow) - set(flow.get("params", [])):
        problems.append(f"unknown parameter {name}")
    return problems


def _check_condition(cond: dict, questions: list[str]) -> list[str]:
    problems = [f"condition uses unknown question {name}"
                for name in answers_in(cond) if name not in questions]
    if "all" in cond or "any" in cond:
        for part in cond.get("all", cond.get("any")):
            problems += _check_condition(part, questions)
    elif "not" in cond:
        problems += _check_condition(cond["not"], questions)
    elif sum(key in COMPARATORS for key in cond) != 1 or not ({"answer", "value"} & set(cond)):
        problems.append(f"condition {cond} needs 'answer' or 'value' and one of {COMPARATORS}")
    return problems


def _params_in(node) -> set[str]:
    if isinstance(node, str):
        return {node[6:]} if node.startswith("param:") else set()
    if isinstance(node, dict):
        return set().union(set(), *(_params_in(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(set(), *(_params_in(v) for v in node))
    return set()


# ---- candidate values -------------------------------------------------------

def _leaves(node):
    """Every comparison leaf in a flow (rules, skips, notes)."""
    if isinstance(node, dict):
        if any(key in COMPARATORS for key in node) and ("answer" in node or "value" in node):
            yield node
        for value in node.values():
            yield from _leaves(value)
    elif isinstance(node, list):
        for item in node:
            yield from _leaves(item)


def _cutoffs(flow: dict, qid: str, ctx: Context) -> list:
    """Values of question ``qid`` at which some condition may change its answer."""
    found = []
    for leaf in _leaves(flow):
        op = next(key for key in leaf if key in COMPARATORS)
        if op == "in":
            continue
        try:
            right = compute(leaf[op], ctx)
        except FlowError:
            continue
        if right is None:
            continue
        if leaf.get("answer") == qid:
            found.append(right)
            continue
        expr = leaf.get("value")
        # solve add_years(answer:q, n) OP right for the answer: right - n
        if isinstance(expr, dict) and expr.get("op") in ("add_years", "add_months") \
                and expr.get("date") == f"answer:{qid}":
            amount = compute(expr["years" if expr["op"] == "add_years" else "months"], ctx)
            if amount is not None:
                found.append(add_months(right, -amount * (12 if expr["op"] == "add_years" else 1)))
    return found


def candidates(flow: dict, question: dict, ctx: Context) -> list[str]:
    """The answers to try for one question, as raw text, valid ones only."""
    kind = question["type"]
    if kind == "choice":
        return list(question["options"])
    if kind == "yesno":
        return ["yes", "no"]
    low, high = compute(question.get("min"), ctx), compute(question.get("max"), ctx)
    rng = random.Random(f"{flow['id']}:{question['id']}")  # fixed seed: same paths every run
    values: list = []
    if kind == "number":
        low = 0 if low is None else low
        high = low + 1000 if high is None else high
        for cut in _cutoffs(flow, question["id"], ctx):
            values += [cut - 1, cut, cut + 1]
        values += [low, high]
        if len(values) == 2:  # no cut-off: a few samples between the bounds
            values += [(low + high) // 2, *(rng.randint(low, high) for _ in range(2))]
        raw = [str(v) for v in sorted(set(values)) if low <= v <= high]
    else:
        low = low or "2000-01-01"
        high = high or add_months(low, 120)
        for cut in _cutoffs(flow, question["id"], ctx):
            values += [add_days(cut, -1), cut, add_days(cut, 1)]
        span = (dt.date.fromisoformat(high) - dt.date.fromisoformat(low)).days
        values += [low, high]
        if len(values) == 2:
            values += [add_days(low, span // 2),
                       *(add_days(low, rng.randint(0, max(span, 0))) for _ in range(2))]
        raw = sorted({v for v in values if low <= v <= high})
    return [value for value in raw if _valid(question, value, ctx)]


def _valid(question: dict, raw: str, ctx: Context) -> bool:
    try:
        parse_answer(question, raw, ctx)
    except ValueError:
        return False
    return True


# ---- the walk ---------------------------------------------------------------

@dataclass
class Path:
    """One complete walk: the raw answers given and where they led."""

    answers: dict
    result: Result


def walk(flow: dict, facts: dict, params: dict) -> list[Path]:
    """Every path through the flow, depth first, with candidate answers."""
    paths: list[Path] = []
    by_id = {q["id"]: q for q in flow["questions"]}

    def visit(answers: dict) -> None:
        if len(paths) > MAX_PATHS:
            raise FlowError(f"flow {flow['id']} has more than {MAX_PATHS} paths")
        result = evaluate(flow, answers, facts, params)
        if result.question is None or result.error:
            paths.append(Path(dict(answers), result))
            return
        ctx = Context(facts, params, dict(result.answers))  # min/max may refer to answers
        options = candidates(flow, by_id[result.question], ctx)
        if not options:
            paths.append(Path(dict(answers), result))  # nothing valid to answer: a dead end
            return
        for value in options:
            visit({**answers, result.question: value})

    visit({})
    return paths

