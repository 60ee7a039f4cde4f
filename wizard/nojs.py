"""The wizard without JavaScript: one static page per reachable state of a flow.

A static host cannot read a query string, so every state a reader can reach
is its own page, and the path holds the answers so far (alphagov/smart-answers
style): ``wizard/<flow>/a/<answer>/<answer>/…/``. Each answer is a link to
the next page; the first question sits inside the ``<lu-integration-wizard>``
element of the flow's own page as fallback content, which the element's
shadow root hides once the script runs (progressive enhancement).

Number and date questions are asked as the ranges the rule table actually
distinguishes: ``answer_ranges`` finds, for the answers given so far, every
value at which a condition of the table (decision rows, notes, skip
conditions) changes its truth, and cuts the allowed range there. Nothing is
written by hand: when a flow changes, its pages follow.

The pages are written by wizard/templates/nojs.html.j2 (raw HTML inside the
Markdown page, so that the element can hold the first question): every
editor-written string goes through the shared grammar's renderer
(``sitemodel.prose.render``, as on the rules page), ids, paths and attribute
values are HTML-escaped.

A static page cannot know the reader's date, so the pages are computed for
one assessment date (``today``, the build date unless given) and say so. A
computed value that depends on a range (for example "2 years after the date
your CAI began") is shown as its formula, the only thing a range determines.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import os
import re
from dataclasses import dataclass, field

from markupsafe import Markup

from sitemodel.facts import format_value
from sitemodel.prose import TEXT, markdown_to_html, render

from .engine import (
    COMPARATORS,
    SKIPPED,
    Context,
    FlowError,
    answers_in,
    check,
    compute,
    evaluate,
)
from .page_templates import templates

PREFIX = "a"  # wizard/<flow>/a/…: the folder of the generated states
MAX_STATES = 5000  # per flow and language: a guard, a flow that explodes is a design problem
NUMBER_DOMAIN = (0, 999_999_999_999)  # the engine accepts at most 12 digits
DATE_DOMAIN = ("1900-01-01", "2199-12-31")
WORDS = ("nojs_range", "nojs_assessed", "nojs_formula", "nojs_choose")


@dataclass(frozen=True)
class Choice:
    """One answer offered as a link: its URL slug, its words and the value the engine gets."""

    slug: str
    label: str
    value: str
    low: object = None  # for a range: its bounds (int or ISO date)
    high: object = None


@dataclass
class State:
    """A page: the choices taken so far and where they lead."""

    choices: tuple[tuple[str, Choice], ...]  # (question id, choice) in the order asked
    outcome: str | None
    question: str | None
    values: dict
    notes: list
    next_choices: list = field(default_factory=list)  # the links of a question page


# ---- ranges ---------------------------------------------------------------------

def _to_int(kind: str, value) -> int:
    return dt.date.fromisoformat(value).toordinal() if kind == "date" else value


def _from_int(kind: str, number: int):
    return dt.date.fromordinal(number).isoformat() if kind == "date" else number


def _leaves(node):
    """Every comparison (leaf) of a condition."""
    if "all" in node or "any" in node:
        for part in node.get("all", node.get("any")):
            yield from _leaves(part)
    elif "not" in node:
        yield from _leaves(node["not"])
    else:
        yield node


def _conditions(flow: dict) -> list[dict]:
    """Every comparison that can change where answers lead: rows, notes, skip conditions."""
    conds = [row["when"] for row in flow["rules"]]
    conds += [note["when"] for outcome in flow["outcomes"].values() for note in outcome.get("notes", [])]
    conds += [q["skip_if"] for q in flow["questions"] if "skip_if" in q]
    return [leaf for cond in conds for leaf in _leaves(cond)]


def _sides(leaf: dict, ctx: Context):
    op = next(key for key in leaf if key in COMPARATORS)
    left = ctx.status.get(leaf["answer"]) if "answer" in leaf else compute(leaf["value"], ctx)
    return left, op, compute(leaf[op], ctx)


def _holds(leaf: dict, ctx: Context, target, strict: bool) -> bool:
    """Left side >= (or >) the right side, or ``target`` for an ``in`` list."""
    left, _, right = _sides(leaf, ctx)
    goal = right if target is None else target
    if left is None or goal is None or left is SKIPPED:
        return False
    return left > goal if strict else left >= goal


def _bisect(predicate, lo: int, hi: int) -> int | None:
    """The first value where a monotone predicate differs from its value at ``lo``, if any."""
    first = predicate(lo)
    if predicate(hi) == first:
        return None
    a, b = lo, hi  # predicate(a) == first, predicate(b) != first
    while b - a > 1:
        middle = (a + b) // 2
        a, b = (middle, b) if predicate(middle) == first else (a, middle)
    return b


def answer_ranges(flow: dict, question: dict, status: dict, facts: dict, params: dict):
    """The ranges [low, high] of a number or date question that the rule table tells apart.

    For each comparison that involves the question (and no question still to
    come), the values where it changes its truth are found by bisection over
    the allowed range (the rule language is monotone: add_years, sum, mul, min,
    max of an answer). Every range is then checked: each comparison has one
    truth on the whole range, or FlowError says which one does not.
    """
    kind, qid = question["type"], question["id"]
    ctx = Context(facts, params, dict(status))
    low, high = compute(question.get("min"), ctx), compute(question.get("max"), ctx)
    domain = NUMBER_DOMAIN if kind == "number" else DATE_DOMAIN
    lo = _to_int(kind, low if low is not None else domain[0])
    hi = _to_int(kind, high if high is not None else domain[1])
    if lo > hi:
        return []

    def at(number: int) -> Context:
        return Context(facts, params, {**status, qid: _from_int(kind, number)})

    relevant = [leaf for leaf in _conditions(flow) if qid in answers_in(leaf)
                and check(leaf, at(lo)) is not None and check(leaf, at(hi)) is not None]
    cuts: set[int] = set()
    for leaf in relevant:
        _, op, right = _sides(leaf, at(lo))
        # lt/ge change where the left side reaches the right; le/gt just after; eq/ne/in both
        stricts = {"lt": (False,), "ge": (False,), "le": (True,), "gt": (True,)}.get(op, (False, True))
        for target in (right if op == "in" else [None]):
            for strict in stricts:
                cut = _bisect(lambda n, leaf=leaf, target=target, strict=strict:
                              _holds(leaf, at(n), target, strict), lo, hi)
                if cut is not None:
                    cuts.add(cut)
    bounds = sorted(cuts | {lo})
    ranges = [(start, (bounds[i + 1] - 1) if i + 1 < len(bounds) else hi)
              for i, start in enumerate(bounds)]
    for start, end in ranges:
        for leaf in relevant:
            probes = {start, end, (start + end) // 2}
            if len({check(leaf, at(p)) for p in probes}) > 1:
                raise FlowError(f"{qid}: the condition {leaf} is not monotone in the answer")
    return [(_from_int(kind, start), _from_int(kind, end)) for start, end in ranges]


# ---- the walk over every state ---------------------------------------------------

def _status_of(flow: dict, result) -> dict:
    """The engine's status for a result: given answers and skipped questions before the next one."""
    status = dict(result.answers)
    for question in flow["questions"]:
        if question["id"] == result.question:
            break
        status.setdefault(question["id"], SKIPPED)
    return status


def _format(kind: str, value, lang: str) -> str:
    return format_value("date", dt.date.fromisoformat(value), lang) if kind == "date" \
        else format_value("number", value, lang)


def choices_for(flow: dict, data: dict, question: dict, status: dict, params: dict) -> list[Choice]:
    """The answers to offer for a question, as links."""
    ui, lang = data["ui"], data["lang"]
    if question["type"] == "choice":
        return [Choice(o, question["option_labels"][o], o) for o in question["options"]]
    if question["type"] == "yesno":
        return [Choice(v, ui[v], v) for v in ("yes", "no")]
    choices = []
    for low, high in answer_ranges(flow, question, status, data["facts"], params):
        shown = [_format(question["type"], v, lang) for v in (low, high)]
        if low == high:
            slug, label = str(low), shown[0]
        else:
            slug = f"{low}-to-{high}"
            label = ui["nojs_range"].replace("{low}", shown[0]).replace("{high}", shown[1])
        choices.append(Choice(slug, label, str(low), low, high))
    return choices


def walk(flow: dict, data: dict, today: str) -> list[State]:
    """Every state reachable by following the links, first the start."""
    params = {"today": today}
    states: list[State] = []
    pending: list[tuple] = [()]
    while pending:
        choices = pending.pop()
        answers = {qid: choice.value for qid, choice in choices}
        result = evaluate(flow, answers, data["facts"], params)
        if result.error or result.dead_end or not (result.outcome or result.question):
            raise FlowError(f"{flow['id']}: the answers {answers} lead nowhere ({result.error})")
        state = State(choices, result.outcome, result.question, result.values, result.notes)
        states.append(state)
        if len(states) > MAX_STATES:
            raise FlowError(f"{flow['id']}: more than {MAX_STATES} static pages")
        if result.question:
            question = next(q for q in data["questions"] if q["id"] == result.question)
            state.next_choices = choices_for(flow, data, question, _status_of(flow, result), params)
            for choice in reversed(state.next_choices):
                pending.append((*choices, (question["id"], choice)))
    return states


def deciding_row(flow: dict, answers: dict, facts: dict, params: dict) -> int | None:
    """Index of the decision-table row that gives the outcome of these answers (None: no outcome)."""
    result = evaluate(flow, answers, facts, params)
    if result.outcome is None:
        return None
    status = dict(result.answers)
    for question in flow["questions"]:
        status.setdefault(question["id"], SKIPPED)  # not in the path: skipped or not needed
    ctx = Context(facts, params, status)
    return next(i for i, row in enumerate(flow["rules"]) if check(row["when"], ctx))


# ---- pages ------------------------------------------------------------------------

def _e(text) -> str:
    """Ids, paths and attribute values: HTML-escaped, quotes included."""
    return html.escape(str(text), quote=True)


@functools.lru_cache(maxsize=8192)
def _words(text: str, lang: str) -> str:
    """An editor's text as HTML: the shared grammar's renderer (sitemodel.prose.render, as on
    the rules page), then Python-Markdown as mkdocs reads it; one paragraph becomes inline HTML
    (these pages are raw HTML, where mkdocs does not read Markdown)."""
    rendered = markdown_to_html(str(render(text, {}, lang, TEXT)))
    if rendered.count("<p>") == 1 and rendered.startswith("<p>") and rendered.endswith("</p>"):
        return rendered[3:-4]
    return rendered


def words(text, lang: str) -> Markup:
    """The ``words`` filter of wizard/templates/nojs.html.j2."""
    return Markup(_words(str(text), lang))  # noqa: S704 - rendered by the shared grammar


def linked(text: Markup, lang: str, links: dict[str, str]) -> Markup:
    """The ``linked`` filter: rendered words in which the names of organisations and platforms
    (wizard/links.py: the shared URL facts) become links, as the JavaScript wizard shows them.
    Only text outside tags and outside links is touched; names and addresses are escaped."""
    names = {_words(name, lang): url for name, url in links.items()}  # as the name appears rendered
    if not names:
        return text
    pattern = re.compile("|".join(re.escape(name) for name in sorted(names, key=len, reverse=True)))
    out, in_link = [], False
    for part in re.split(r"(<[^>]*>)", str(text)):
        if part.startswith("<"):
            in_link = part.startswith("<a ") or (in_link and part != "</a>")
        elif not in_link:
            part = pattern.sub(lambda m: f'<a href="{_e(names[m.group(0)])}">{m.group(0)}</a>', part)
        out.append(part)
    return Markup("".join(out))  # noqa: S704 - rendered words, escaped addresses


def attribute(text) -> Markup:
    """The ``attr`` filter: an id, a path or an attribute value, HTML-escaped with its quotes."""
    return Markup(_e(text))  # noqa: S704 - escaped just now


def page_path(flow_id: str, state: State) -> str:
    """The page of a state, relative to the language folder (the start is the flow's own page)."""
    if not state.choices:
        return f"wizard/{flow_id}.md"
    return "/".join(["wizard", flow_id, PREFIX, *(c.slug for _, c in state.choices)]) + ".md"


def _up(state: State) -> str:
    """From a state's page up to the language's wizard/ folder."""
    return "../" * (len(state.choices) + 2)


def _href_to_prefix(flow_id: str, state: State, length: int) -> str:
    """Link from a state's page to the page of its first ``length`` answers."""
    if length == 0:
        return f"{_up(state)}{flow_id}/" if state.choices else "./"
    return "../" * (len(state.choices) - length)


def _answers(flow_id: str, data: dict, state: State) -> list[dict]:
    """The answers so far, each with the link that changes it."""
    labels = {q["id"]: q["label"] for q in data["questions"]}
    return [{"qid": qid, "value": choice.value, "label": labels[qid], "shown": choice.label,
             "href": _href_to_prefix(flow_id, state, index)}
            for index, (qid, choice) in enumerate(state.choices)]


def _assessed(data: dict, today: str) -> str:
    date = format_value("date", dt.date.fromisoformat(today), data["lang"])
    return data["ui"]["nojs_assessed"].replace("{date}", date)


def _render(flow_id: str, data: dict, state: State, today: str, **context) -> str:
    """A state through wizard/templates/nojs.html.j2 (no trailing newline, as a raw HTML block)."""
    return templates().get_template("nojs.html.j2").render(
        flow=flow_id, today=today, lang=data["lang"], ui=data["ui"], colon=data["format"]["colon"],
        answers=_answers(flow_id, data, state), start=_href_to_prefix(flow_id, state, 0),
        assessed=_assessed(data, today), links=data.get("links", {}), **context).rstrip("\n")


def question_html(flow_id: str, data: dict, state: State, today: str, heading: str = "h1") -> str:
    """The question of a state: its text, one link per answer, the answers so far."""
    question = next(q for q in data["questions"] if q["id"] == state.question)
    return _render(flow_id, data, state, today, question=question, heading=heading,
                   number=len(state.choices) + 1, choices=state.next_choices,
                   prefix="" if state.choices else f"{PREFIX}/")


def _value_text(value: dict, state: State, ranged: set[str], data: dict, describe) -> str:
    if answers_in(value["expr"]) & ranged:
        return data["ui"]["nojs_formula"].replace("{formula}", describe(value["expr"]))
    raw = state.values[value["id"]]
    if value["type"] == "date":
        return format_value("date", dt.date.fromisoformat(raw), data["lang"])
    return format_value(value["type"], raw, data["lang"])


def result_html(flow_id: str, data: dict, state: State, today: str, describe) -> str:
    """The result of a state: the same parts as the JavaScript result."""
    outcome = data["outcomes"][state.outcome]
    ranged = {qid for qid, choice in state.choices if choice.low is not None}
    return _render(flow_id, data, state, today, question=None, outcome=outcome, outcome_id=state.outcome,
                   paragraphs=[p.strip() for p in outcome["body"].split("\n\n") if p.strip()],
                   values=[(value["label"], _value_text(value, state, ranged, data, describe))
                           for value in outcome["values"]],
                   notes=[note for note in outcome["notes"] if note["id"] in state.notes],
                   rules=f'{_up(state)}{flow_id}-rules/#outcome-{state.outcome.replace("_", "-")}')


def _front_matter(title: str) -> str:
    # quoted as JSON, which YAML reads as a string; excluded from search (the flow page is indexed)
    import json
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsearch:\n  exclude: true\n---\n\n"


def flow_pages(flow: dict, data: dict, today: str, describe) -> tuple[str, dict[str, str]]:
    """(fallback HTML for the flow's own page, {page path: Markdown} of every other state)."""
    flow_id, ui = flow["id"], data["ui"]
    pages: dict[str, str] = {}
    fallback = ""
    for state in walk(flow, data, today):
        if not state.choices:
            fallback = question_html(flow_id, data, state, today, heading="h2")
            continue
        if state.outcome:
            title = f"{ui['result']}{data['format']['colon']}{data['outcomes'][state.outcome]['title']}"
            body = result_html(flow_id, data, state, today, describe)
        else:
            question = next(q for q in data["questions"] if q["id"] == state.question)
            title = f"{ui['question']} {len(state.choices) + 1}{data['format']['colon']}{question['text']}"
            body = question_html(flow_id, data, state, today)
        pages[page_path(flow_id, state)] = f"{_front_matter(title + ' – ' + data['title'])}{body}\n"
    return fallback, pages


def build_date() -> str:
    """The assessment date of the static pages: WIZARD_TODAY (YYYY-MM-DD) if set, else today."""
    given = os.environ.get("WIZARD_TODAY", "")
    try:
        return dt.date.fromisoformat(given).isoformat()
    except ValueError:
        return dt.date.today().isoformat()
