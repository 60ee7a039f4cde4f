"""The words of the wizard, per language, checked against the rule tables.

Wording lives in ``content/<lang>/wizard/<flow>.yml`` (and ``common.yml``
for interface words), keyed by the slugs of wizard/flows/<flow>.py. This
module loads those files, reports every problem to the ErrorCollector in
words an editor understands, and replaces ``[[fact.id]]`` placeholders.
"""

from __future__ import annotations

import re
from pathlib import Path

from sitemodel import LANGUAGES
from sitemodel.errors import ErrorCollector
from sitemodel.facts import PLACEHOLDER, Fact, format_value
from sitemodel.language_check import foreign_sentences
from sitemodel.prose import TEXT, check
from sitemodel.registry import LANGUAGE_NAMES
from sitemodel.schema import validate
from sitemodel.terminology import Terminology
from sitemodel.terminology import load as load_terminology
from sitemodel.yamlload import YamlProblem, load_file

COMMON = "common"
# Every interface word the wizard's code reads (the Python modules, the templates, the JavaScript
# runtime); tests/wizard/test_site.py checks that each one is read somewhere, and the check below
# reports a word in common.yml that is not listed here.
UI_KEYS = (
    "yes", "no", "next", "back", "restart", "change", "question", "your_answers", "result",
    "next_steps", "sources", "dated", "changed_since", "error_choose", "error_number",
    "error_date", "rules_link", "wizard_link", "rules_intro", "questions_heading",
    "rules_heading", "outcomes_heading", "col_asked", "col_rule",
    "col_conditions", "col_outcome", "number_answer", "date_answer",
    "op_eq", "op_ne", "op_lt", "op_le", "op_gt", "op_ge", "op_in", "op_and", "op_or", "op_not",
    "today", "min_of", "max_of", "depending_on", "computed", "reviewed", "from_2013",
    *("asked_if", "date_before", "date_on_or_before", "date_after", "date_on_or_after", "ago_more",
      "ago_at_least", "ago_at_most", "ago_less", "notes_heading", "note_when", "examples_heading",
      "examples_intro", "col_given", "assessed_on", "why_heading", "rule_ref", "assessed"),
    # the JavaScript runtime's question pages, errors and share/print (added by runtime)
    "error_summary", "error_prefix", "error_number_between", "error_number_min",
    "error_number_max", "error_date_between", "error_date_min", "error_date_max",
    "error_date_part", "error_date_real", "day", "month", "year", "progress", "copy_link",
    "link_copied", "copy_failed",
    "nojs_range", "nojs_choose", "nojs_assessed", "nojs_formula",  # wizard/nojs.py
    "embed_title", "embed_error_flow", "embed_error_lang",  # the iframe page (wizard/assets.py)
)


def wording_path(root: Path, lang: str, name: str) -> Path:
    return root / "content" / lang / "wizard" / f"{name}.yml"


def required_keys(flow: dict) -> set[tuple]:
    """Every wording key a flow needs, as tuples like ('questions', 'age', 'text')."""
    keys: set[tuple] = {("title",), ("intro",)}
    for question in flow["questions"]:
        qid = question["id"]
        keys |= {("questions", qid, "label"), ("questions", qid, "text")}
        for option in question.get("options", []):
            keys.add(("questions", qid, "options", option))
    for outcome_id, outcome in flow["outcomes"].items():
        keys |= {("outcomes", outcome_id, part) for part in ("title", "body", "next")}
        keys |= {("notes", note["id"]) for note in outcome.get("notes", [])}
        keys |= {("values", value["id"]) for value in outcome.get("values", [])}
        keys |= {("changes", change) for change in outcome.get("changes", [])}
    return keys


def present_keys(data: dict) -> set[tuple]:
    """The same kind of keys, as written in a wording file."""
    keys: set[tuple] = set()
    for key in ("title", "intro"):
        if key in data:
            keys.add((key,))
    for qid, question in (data.get("questions") or {}).items():
        for part in ("label", "text", "hint"):
            if part in question:
                keys.add(("questions", qid, part))
        for option in question.get("options") or {}:
            keys.add(("questions", qid, "options", option))
    for outcome_id, outcome in (data.get("outcomes") or {}).items():
        keys |= {("outcomes", outcome_id, part) for part in outcome}
    for section in ("notes", "values", "changes"):
        keys |= {(section, key) for key in data.get(section) or {}}
    return keys


def _line(data, key: tuple) -> int | None:
    node, line = data, getattr(data, "line", None)
    for part in key:
        if isinstance(node, dict) and part in node:
            line = node.line_of(part) if hasattr(node, "line_of") else line
            node = node[part]
        else:
            break
    return line


def _texts(node, key=()):
    """Every (key, text) pair in a wording document."""
    if isinstance(node, str):
        yield key, node
    elif isinstance(node, dict):
        for name, value in node.items():
            yield from _texts(value, (*key, name))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, (*key, index))


def _read(path: Path, errors: ErrorCollector):
    if not path.exists():
        errors.add(path, None, "This wording file is missing.",
                   "Copy the file of the same name from another language folder and translate it.")
        return None, False
    try:
        data = load_file(path)
    except YamlProblem as problem:
        errors.add(path, problem.line, problem.message, problem.fix)
        return None, False
    if not isinstance(data, dict):
        errors.add(path, None, "The file should be a block of 'key: value' lines.",
                   "Compare it with the same file in another language folder.")
        return None, False
    valid = validate(data, "wizard-text", path, errors)
    return data, valid


# What a program fills in ("Question {n} of {total}"; the runtime, the iframe page, the no-JS pages):
# the only braces allowed.
RUNTIME_SLOTS = frozenset({"n", "total", "min", "max", "date", "lang", "langs", "flow", "flows", "low", "high",
                           "formula"})


def _check_text(path, data, key, text, facts, lang, errors, terminology: Terminology) -> None:
    """The wizard's words follow the shared text grammar (sitemodel.prose), kind TEXT: plain words,
    and the site's terms (content/terminology.yml), as pages do."""
    where = " > ".join(str(k) for k in key)
    line = _line(data, tuple(k for k in key if isinstance(k, str)))
    problems, _ = check(text, facts, lang, kind=TEXT, slots=RUNTIME_SLOTS)
    for problem in problems:
        errors.add(path, line, f"'{where}': {problem.message}", problem.fix)
    for _offset, variant, term in terminology.problems(text, lang):
        errors.add(path, line, f"'{where}': '{variant}' is not the term this site uses.",
                   f"Write '{term}' (see content/terminology.yml).")
    for sentence, other in foreign_sentences(terminology.without_official_names(text), lang):
        errors.add(path, line, f"'{where}': this {LANGUAGE_NAMES[lang]} text looks {LANGUAGE_NAMES[other]}: "
                   f"'{sentence[:60]}'.", f"Write it in {LANGUAGE_NAMES[lang]}.")


def load_wording(root: Path, flows: dict, facts: dict[str, Fact],
                 errors: ErrorCollector) -> dict:
    """(lang, name) -> wording dict, for every flow and common.yml; problems go to errors."""
    wording: dict = {}
    terminology = load_terminology(root / "content")
    for lang in LANGUAGES:
        for name in (COMMON, *flows):
            path = wording_path(root, lang, name)
            data, valid = _read(path, errors)
            if data is None:
                continue
            for key, text in _texts(data):
                _check_text(path, data, key, text, facts, lang, errors, terminology)
            if not valid:
                continue  # the schema errors say what is wrong; half a file builds nothing
            if name == COMMON:
                wanted = {("ui", key) for key in UI_KEYS}
                have = {("ui", key) for key in data.get("ui") or {}}
                allowed, user = wanted, "the wizard's interface"
            else:
                wanted = required_keys(flows[name])
                have = present_keys(data)
                allowed = wanted | {k for k in have if k[-1] == "hint"}
                user = f"the '{name}' wizard"
            for extra in sorted(have - allowed, key=str):
                errors.add(path, _line(data, extra), f"'{' > '.join(extra)}' is not used by "
                           f"{user}.", "Check the spelling of the key against "
                           "the same file in another language, or delete it.")
            for missing in sorted(wanted - have, key=str):
                errors.add(path, _line(data, missing[:-1]), f"'{' > '.join(missing)}' is missing "
                           f"in {lang.upper()}.", "Add it: the same key exists in the other "
                           "languages; translate their text.")
            wording[(lang, name)] = data
    return wording


def fill(text: str, facts: dict[str, Fact], lang: str) -> str:
    """Replace [[fact.id]] placeholders by the formatted value (plain text)."""
    def replace(match: re.Match) -> str:
        fact = facts.get(match.group(1))
        if fact is None:
            return match.group(0)
        return format_value(fact.type, fact.value, lang, bare=match.group(2) == "n")
    return PLACEHOLDER.sub(replace, text)
