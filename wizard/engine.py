"""A small evaluator for wizard flows written as data.

A flow (one file in ``wizard/flows/``) is a dict:

- ``questions``: asked in order. Each has an ``id`` (slug), a ``type``
  (``choice`` with ``options``, ``yesno``, ``number`` with ``min``/``max``,
  ``date`` with optional ``min``/``max``) and an optional ``skip_if``
  condition, which may only look at earlier questions.
- ``rules``: the decision table, ``{"when": condition, "outcome": id}``; the
  first row whose condition holds wins.
- ``outcomes``: per id, ``sources`` (source key + locator), optional
  ``values`` (computed, each ``{"id", "type", "expr"}``), ``notes``
  (``{"id", "when"}``: extra paragraphs shown when the condition holds; an
  outcome is only given once all its notes can be decided, so a note may
  make the flow ask one more question),
  ``changes`` (ids of later changes to a dated source) and ``next`` (slugs of
  next steps).

References (strings) used in conditions and expressions:
``"fact:<id>"`` (a value from content/facts), ``"answer:<question>"``,
``"param:<name>"`` (``today``, an input so tests are deterministic). Any
other JSON value is a literal. Dates are ISO strings ``YYYY-MM-DD``, so they
compare as text and the JavaScript runtime needs no Date object.

Conditions: ``{"all": [...]}``, ``{"any": [...]}``, ``{"not": c}``, and leaves
``{"answer": q, OP: ref}`` or ``{"value": expr, OP: ref}`` with OP one of
``eq ne lt le gt ge in``. Evaluation is three-valued: a leaf on a question
not yet answered is *unknown* (None), so a row decides as soon as it can; a
leaf on a skipped question is *false*.

Expressions: a reference or literal, or ``{"op": ...}`` with
``add_years``/``add_months`` (``date``, ``years``/``months``: whole months,
the day clamped to the month's end), ``sum``/``mul``/``min``/``max``
(``args``), ``pick`` (``key``: a reference, ``map``: value -> expression).

The JavaScript runtime (wizard/js/wizard-v1.js) implements exactly this;
tests/wizard/test_js_equivalence.py proves both agree on every path.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

COMPARATORS = ("eq", "ne", "lt", "le", "gt", "ge", "in")
QUESTION_TYPES = ("choice", "yesno", "number", "date")
YESNO = ("yes", "no")
SKIPPED = object()  # marks a question that was passed over; compares false with anything
# ASCII digits only, and the whole text: Python's \d and $ would also take "١٢" or "12\n",
# which JavaScript's /^\d$/ refuses; both runtimes must read every string alike
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
NUMBER_TEXT = re.compile(r"[0-9]{1,12}")


class FlowError(Exception):
    """A rule table that cannot work (unknown reference, bad operator...)."""


@dataclass
class Result:
    """Where a set of answers leads: an outcome, or the next question to ask."""

    outcome: str | None
    question: str | None  # the next question when there is no outcome yet
    path: list[str] = field(default_factory=list)  # questions asked, in order
    answers: dict = field(default_factory=dict)  # the answers that were used
    values: dict = field(default_factory=dict)  # computed values of the outcome
    notes: list[str] = field(default_factory=list)
    error: str | None = None  # why the given answer to ``question`` was refused
    dead_end: bool = False
    rule: int | None = None  # the decision-table row that gave the outcome, counted from 1
    why: list[str] = field(default_factory=list)  # the answers that row looked at, in asked order


# ---- dates -------------------------------------------------------------------

def parse_iso(text) -> dt.date | None:
    """A real calendar date written YYYY-MM-DD, or None."""
    if not isinstance(text, str) or not ISO_DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def add_months(iso: str, months: int) -> str:
    """Add whole months; a day that does not exist becomes the month's last day (dateutil's rule,
    which the JavaScript runtime's addMonths follows)."""
    return (dt.date.fromisoformat(iso) + relativedelta(months=months)).isoformat()


def add_days(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


# ---- references, expressions, conditions ------------------------------------

class Context:
    """Facts, parameters and the answers known so far."""

    def __init__(self, facts: dict, params: dict, status: dict):
        self.facts, self.params, self.status = facts, params, status

    def ref(self, value):
        """Resolve a reference; None means 'not known yet'."""
        if not isinstance(value, str) or ":" not in value:
            return value
        kind, _, name = value.partition(":")
        if kind == "fact":
            if name not in self.facts:
                raise FlowError(f"unknown fact {name}")
            return self.facts[name]
        if kind == "param":
            if name not in self.params:
                raise FlowError(f"unknown parameter {name}")
            return self.params[name]
        if kind == "answer":
            return self.status.get(name)
        return value


def compute(expr, ctx: Context):
    """Evaluate an expression; None when an answer it needs is missing or skipped."""
    if not isinstance(expr, dict):
        value = ctx.ref(expr)
        return None if value is SKIPPED else value
    op = expr.get("op")
    if op in ("add_years", "add_months"):
        date = compute(expr["date"], ctx)
        amount = compute(expr["years" if op == "add_years" else "months"], ctx)
        if date is None or amount is None:
            return None
        return add_months(date, amount * 12 if op == "add_years" else amount)
    if op in ("sum", "mul", "min", "max"):
        args = [compute(arg, ctx) for arg in expr["args"]]
        if any(arg is None for arg in args):
            return None
        if op == "sum":
            return sum(args)
        if op == "mul":
            product = 1
            for arg in args:
                product *= arg
            return product
        return min(args) if op == "min" else max(args)
    if op == "pick":
        key = compute(expr["key"], ctx)
        if key is None:
            return None
        if key not in expr["map"]:
            raise FlowError(f"pick has no entry for {key!r}")
        return compute(expr["map"][key], ctx)
    raise FlowError(f"unknown operation {op!r}")


def _compare(left, op: str, right) -> bool:
    if op == "eq":
        return left == right
    if op == "ne":
        return left != right
    if op == "in":
        return left in right
    if type(left) is not type(right):  # 3 < "2024-01-01" is a rule-table bug, not False
        raise FlowError(f"cannot compare {left!r} with {right!r}")
    return {"lt": left < right, "le": left <= right, "gt": left > right, "ge": left >= right}[op]


def leaf_operator(cond: dict) -> str:
    ops = [key for key in cond if key in COMPARATORS]
    if len(ops) != 1:
        raise FlowError(f"a condition needs exactly one of {COMPARATORS}: {cond}")
    return ops[0]


def check(cond: dict, ctx: Context) -> bool | None:
    """Three-valued truth of a condition: True, False or None (unknown yet)."""
    if "all" in cond or "any" in cond:
        results = [check(part, ctx) for part in cond.get("all", cond.get("any"))]
        decisive = False if "all" in cond else True
        if decisive in results:
            return decisive
        return None if None in results else not decisive
    if "not" in cond:
        inner = check(cond["not"], ctx)
        return None if inner is None else not inner
    op = leaf_operator(cond)
    if "answer" in cond:
        left = ctx.status.get(cond["answer"], None)
        if left is None:
            return None
        if left is SKIPPED:
            return False
    else:
        left = compute(cond["value"], ctx)
        if left is None:
            # distinguish 'skipped' (false) from 'not yet' (unknown)
            return False if _uses_skipped(cond["value"], ctx) else None
    right = compute(cond[op], ctx)
    if right is None:
        return None
    return _compare(left, op, right)


def _uses_skipped(expr, ctx: Context) -> bool:
    return any(ctx.status.get(name) is SKIPPED for name in answers_in(expr))


def answers_in(node) -> set[str]:
    """Every question a condition or expression refers to."""
    found: set[str] = set()
    if isinstance(node, str) and node.startswith("answer:"):
        found.add(node[len("answer:"):])
    elif isinstance(node, dict):
        if "answer" in node and isinstance(node["answer"], str):
            found.add(node["answer"])
        for key, value in node.items():
            if key != "answer":
                found |= answers_in(value)
    elif isinstance(node, list):
        for item in node:
            found |= answers_in(item)
    return found


def facts_in(node) -> set[str]:
    """Every fact id a rule structure refers to."""
    if isinstance(node, str):
        return {node[5:]} if node.startswith("fact:") else set()
    if isinstance(node, dict):
        return set().union(*(facts_in(v) for v in node.values())) if node else set()
    if isinstance(node, list):
        return set().union(*(facts_in(v) for v in node)) if node else set()
    return set()


# ---- answers -----------------------------------------------------------------

def parse_answer(question: dict, raw, ctx: Context):
    """Turn a raw answer (text from a form or a URL) into a value, or raise ValueError."""
    kind = question["type"]
    if not isinstance(raw, str):
        raw = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else ""
    if kind in ("choice", "yesno"):
        allowed = question["options"] if kind == "choice" else YESNO
        if raw not in allowed:
            raise ValueError("choose")
        return raw
    if kind == "number":
        if not NUMBER_TEXT.fullmatch(raw):
            raise ValueError("number")
        value = int(raw)
    else:
        if parse_iso(raw) is None:
            raise ValueError("date")
        value = raw
    low, high = compute(question.get("min"), ctx), compute(question.get("max"), ctx)
    if (low is not None and value < low) or (high is not None and value > high):
        raise ValueError("range")
    return value


# ---- evaluation --------------------------------------------------------------

def evaluate(flow: dict, answers: dict, facts: dict, params: dict) -> Result:
    """Run the flow on raw answers (slug -> text); answers not asked are ignored."""
    status: dict = {}
    ctx = Context(facts, params, status)
    path: list[str] = []
    while True:
        for number, row in enumerate(flow["rules"], 1):
            truth = check(row["when"], ctx)
            if truth is None:
                break
            if truth:
                notes = flow["outcomes"][row["outcome"]].get("notes", [])
                # an outcome waits until its notes can be decided: they may need one more answer
                if all(check(note["when"], ctx) is not None for note in notes):
                    return _outcome(flow, number, ctx, path)
                break
        question = next((q for q in flow["questions"] if q["id"] not in status), None)
        if question is None:
            return Result(None, None, path, _used(status), dead_end=True)
        qid = question["id"]
        skip = check(question["skip_if"], ctx) if "skip_if" in question else False
        if skip is None:
            raise FlowError(f"skip_if of {qid} depends on a later question")
        if skip:
            # a skip can settle a rule, so the table is read again before the next question
            status[qid] = SKIPPED
            continue
        if qid not in answers:
            return Result(None, qid, path, _used(status))
        try:
            status[qid] = parse_answer(question, answers[qid], ctx)
        except ValueError as problem:
            return Result(None, qid, path, _used(status), error=str(problem))
        path.append(qid)


def _used(status: dict) -> dict:
    return {k: v for k, v in status.items() if v is not SKIPPED}


def _outcome(flow: dict, number: int, ctx: Context, path: list[str]) -> Result:
    row = flow["rules"][number - 1]
    outcome_id = row["outcome"]
    outcome = flow["outcomes"][outcome_id]
    values = {}
    for item in outcome.get("values", []):
        value = compute(item["expr"], ctx)
        if value is None:
            raise FlowError(f"{outcome_id}.{item['id']} needs an answer that was not given")
        values[item["id"]] = value
    notes = [note["id"] for note in outcome.get("notes", []) if check(note["when"], ctx)]
    looked_at = answers_in(row["when"])
    why = [qid for qid in path if qid in looked_at]
    return Result(outcome_id, None, path, _used(ctx.status), values, notes, rule=number, why=why)


# ---- URL state ---------------------------------------------------------------

MAX_STATE_LENGTH = 2000


def parse_state(flow: dict, text: str) -> dict:
    """Read ``wizard=<flow>&a=q:v,q:v`` strictly; drop anything unknown or malformed.

    Only shape is checked here (known slug, option, digits, real date);
    ranges depend on other answers and are checked by ``evaluate``.
    """
    if not isinstance(text, str) or utf16_length(text) > MAX_STATE_LENGTH:
        return {}
    fields: dict = {}
    for part in (text[1:] if text.startswith("#") else text).split("&"):
        key, sep, value = part.partition("=")
        if sep and key in ("wizard", "a") and key not in fields:
            fields[key] = value
    if fields.get("wizard") != flow["id"] or "a" not in fields:
        return {}
    by_id = {q["id"]: q for q in flow["questions"]}
    answers: dict = {}
    for pair in fields["a"].split(","):
        qid, sep, value = pair.partition(":")
        question = by_id.get(qid)
        if not sep or question is None or qid in answers or not _well_formed(question, value):
            continue
        answers[qid] = value
    return answers


def utf16_length(text: str) -> int:
    """The length JavaScript's ``text.length`` gives: characters beyond U+FFFF count twice."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def _well_formed(question: dict, value: str) -> bool:
    kind = question["type"]
    if kind == "choice":
        return value in question["options"]
    if kind == "yesno":
        return value in YESNO
    if kind == "number":
        return bool(NUMBER_TEXT.fullmatch(value))
    return parse_iso(value) is not None


def format_state(flow: dict, answers: dict, path: list[str]) -> str:
    """The URL fragment for the answers given along ``path``."""
    pairs = ",".join(f"{qid}:{answers[qid]}" for qid in path if qid in answers)
    return f"wizard={flow['id']}&a={pairs}"
