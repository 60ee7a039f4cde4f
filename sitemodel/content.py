"""Load the whole content tree and run every cross-check.

Layout (see README.md, "For editors"):

- ``content/sources.yml``: the documents cited;
- ``content/facts/*.yml``: every date, amount and duration, written once;
- ``content/pages/<slug>.yml``: what a page is, its sources and review date;
- ``content/<lang>/<slug>.yml``: the words of that page in one language;
- ``content/<lang>/_ui.yml``: the interface words around the content.

``load()`` returns a ``Content`` or raises ``ContentErrors`` listing every
problem, each with its file, line and fix.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import LANGUAGES, SECTION_ORDER
from .errors import ErrorCollector
from .facts import Fact, load_facts
from .prose import check, placeholders
from .schema import validate
from .yamlload import LineDict, YamlProblem, load_file

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LANGUAGE_NAMES = {"fr": "French", "de": "German", "en": "English"}
SHARED_KEYS = {"kind", "section", "order", "reviewed", "brochure_2013", "sources"}
BROCHURE_AS_OF = dt.date(2013, 12, 1)


@dataclass
class Page:
    """One page: its language-neutral part and its words in each language."""

    slug: str
    meta: LineDict
    prose: dict[str, LineDict] = field(default_factory=dict)
    meta_path: str = ""
    prose_paths: dict[str, str] = field(default_factory=dict)

    @property
    def section_ids(self) -> list[str]:
        return [section["id"] for section in self.meta["sections"]]


@dataclass
class Content:
    """Everything the renderer needs, already checked."""

    root: Path
    sources: LineDict
    facts: dict[str, Fact]
    pages: dict[str, Page]
    ui: dict[str, LineDict]
    extra_pages: set[str] = field(default_factory=set)  # generated pages links may target
    known_slugs: set[str] = field(default_factory=set)  # every page file, even one with errors


def _load(path: Path, schema: str, errors: ErrorCollector):
    try:
        data = load_file(path)
    except YamlProblem as problem:
        errors.add(path, problem.line, problem.message, problem.fix)
        return None
    if data is None:
        errors.add(path, 1, "The file is empty.", "Fill it in (copy an existing file as a start) or delete it.")
        return None
    if not isinstance(data, dict):
        errors.add(path, getattr(data, "line", 1), "The file should be a block of 'key: value' lines.",
                   "Compare it with an existing file in the same folder.")
        return None
    return data if validate(data, schema, path, errors) else None


def _slug_files(folder: Path, errors: ErrorCollector) -> dict[str, Path]:
    """Page files of a folder by slug; reports bad names and duplicates."""
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.is_dir() or path.name.startswith(("_", ".")):
            continue
        if path.suffix == ".yaml":
            if path.with_suffix(".yml").exists():
                errors.add(path, None, f"The page '{path.stem}' is written twice: {path.stem}.yml "
                           f"and {path.name}.", "Keep one file per page: merge the two and delete this one.")
            else:
                errors.add(path, None, f"The file '{path.name}' ends in .yaml.",
                           f"Rename it to '{path.stem}.yml': every content file ends in .yml.")
            continue
        if path.suffix != ".yml":
            continue
        slug = path.stem
        if not SLUG.match(slug):
            errors.add(path, None, f"The file name '{path.name}' is not a valid page name.",
                       "Use lower-case letters, digits and dashes only, like 'municipal-pact.yml'.")
            continue
        found[slug] = path
    lowered: dict[str, str] = {}
    for slug in found:
        key = slug.lower()
        if key in lowered:
            errors.add(found[slug], None, f"The page name '{slug}' is used twice.",
                       "Rename or delete one of the two files.")
        lowered[key] = slug
    return found


def _check_prose_text(text: str, line: int, path: Path, lang: str, facts, errors, links: list) -> bool:
    """Report the problems of one text; True when it has none."""
    problems, found_links = check(text, facts, lang)
    for problem in problems:
        errors.add(path, line + problem.line_offset, problem.message, problem.fix)
    links.extend((path, line + link.line_offset, link) for link in found_links)
    return not problems


def _check_page(page: Page, content_root: Path, facts, errors: ErrorCollector, links: list) -> None:
    meta_path = content_root / "pages" / f"{page.slug}.yml"
    ids = page.section_ids
    seen: set[str] = set()
    for index, section in enumerate(page.meta["sections"]):
        if section["id"] in seen:
            errors.add(meta_path, page.meta["sections"].lines[index],
                       f"The section id '{section['id']}' is used twice on this page.",
                       "Give each section its own id.")
        seen.add(section["id"])
        for fact_id in section.get("changed", []):
            if fact_id not in facts or not facts[fact_id].replaces:
                errors.add(meta_path, section.line_of("changed"),
                           f"'{fact_id}' in 'changed' is not a fact that replaces an older one.",
                           "List facts that have a 'replaces' key in content/facts/.")
    used_by_language: dict[str, dict[str, set[str]]] = {}
    for lang in LANGUAGES:
        prose = page.prose.get(lang)
        if prose is None:
            continue
        path = content_root / lang / f"{page.slug}.yml"
        sections = prose["sections"]
        for missing in [i for i in ids if i not in sections]:
            errors.add(path, sections.line, f"The section '{missing}' is missing in the "
                       f"{LANGUAGE_NAMES[lang]} text.", f"Add '{missing}:' with a heading and a body "
                       f"under 'sections', as in content/pages/{page.slug}.yml.")
        for extra in [s for s in sections if s not in ids]:
            errors.add(path, sections.line_of(extra), f"The section '{extra}' is not listed in "
                       f"content/pages/{page.slug}.yml.", "Check its spelling, or add it there "
                       "with its sources so every language has it.")
        # facts used per part; a part with its own problems is left out of the comparison
        used: dict[str, set[str] | None] = {}
        for key in ("title", "summary"):
            line = prose.line_of(key) + (1 if "\n" in prose[key] else 0)
            clean = _check_prose_text(prose[key], line, path, lang, facts, errors, links)
            used[key] = {p[0] for p in placeholders(prose[key])} if clean else None
        for section_id, section in sections.items():
            clean = True
            for key in ("heading", "body"):
                line = section.line_of(key) + (1 if "\n" in section[key] else 0)
                clean &= _check_prose_text(section[key], line, path, lang, facts, errors, links)
            text = section["heading"] + section["body"]
            used[section_id] = {p[0] for p in placeholders(text)} if clean else None
        used_by_language[lang] = used
    _check_same_facts(page, used_by_language, content_root, errors)
    _check_brochure_flag(page, used_by_language, facts, meta_path, errors)


def _check_same_facts(page: Page, used_by_language, content_root: Path, errors: ErrorCollector) -> None:
    """Translations differ only in prose: each part must mention the same facts."""
    if "fr" not in used_by_language:
        return
    reference = used_by_language["fr"]
    for lang, used in used_by_language.items():
        if lang == "fr":
            continue
        path = content_root / lang / f"{page.slug}.yml"
        prose = page.prose[lang]
        for part, fact_ids in used.items():
            expected = reference.get(part)
            if expected is None or fact_ids is None or expected == fact_ids:
                continue
            line = prose.line_of(part) if part in prose else prose["sections"].line_of(part)
            only_here = sorted(fact_ids - expected)
            only_fr = sorted(expected - fact_ids)
            detail = "; ".join(filter(None, [
                f"only here: {', '.join('[[' + f + ']]' for f in only_here)}" if only_here else "",
                f"only in French: {', '.join('[[' + f + ']]' for f in only_fr)}" if only_fr else "",
            ]))
            errors.add(path, line, f"'{part}' does not mention the same facts as the French text "
                       f"({detail}).", "Translations say the same thing: use the same [[facts]] "
                       "as content/fr/" + page.slug + ".yml (the French text is authoritative).")


def _check_brochure_flag(page: Page, used_by_language, facts, meta_path: Path, errors) -> None:
    """A page that shows a 2013 brochure figure must say it relies on the 2013 brochure."""
    if page.meta.get("brochure_2013"):
        return
    dated = sorted({
        fact_id for used in used_by_language.values() for ids in used.values() for fact_id in ids or ()
        if fact_id in facts and facts[fact_id].as_of == BROCHURE_AS_OF
    })
    cited = any(c["source"] == "asti-2013" for c in page.meta["sources"])
    if dated or cited:
        what = f"the facts {', '.join(dated[:3])}" if dated else "the source asti-2013"
        errors.add(meta_path, page.meta.line, f"The page uses {what} from the 2013 brochure but is "
                   "not flagged as relying on it.", "Add 'brochure_2013: true' so the page warns "
                   "readers that these parts date from December 2013.")


def _check_citations(page: Page, sources, meta_path: Path, errors: ErrorCollector) -> None:
    citations = list(page.meta["sources"])
    for section in page.meta["sections"]:
        citations.extend(section.get("sources", []))
    for citation in citations:
        if citation["source"] not in sources:
            errors.add(meta_path, citation.line, f"The source '{citation['source']}' is not in "
                       "content/sources.yml.", "Use one of its keys: " + ", ".join(sorted(sources)) + ".")


def _check_links(content: Content, links: list, errors: ErrorCollector) -> None:
    for path, line, link in links:
        target = link.target.removeprefix("../")
        page_part, _, anchor = target.partition("#")
        slug = page_part.removesuffix(".md")
        if slug in content.pages:
            if anchor and anchor not in content.pages[slug].section_ids:
                errors.add(path, line, f"The link '{link.target}' points to a section '{anchor}' "
                           f"that the page '{slug}' does not have.",
                           f"Use one of: {', '.join(content.pages[slug].section_ids)}.")
        elif slug not in content.extra_pages and slug not in content.known_slugs:
            errors.add(path, line, f"The link '{link.target}' points to a page that does not exist.",
                       "Check the page name: it is the file name in content/pages/ followed by .md.")


def load(root: Path, extra_pages: set[str] | None = None) -> Content:
    """Load and check everything under root/content; raise ContentErrors on any problem."""
    content_root = root / "content"
    errors = ErrorCollector(root)
    sources = _load(content_root / "sources.yml", "sources", errors) or LineDict()
    facts = load_facts(content_root / "facts", set(sources), errors)
    ui: dict[str, LineDict] = {}
    for lang in LANGUAGES:
        path = content_root / lang / "_ui.yml"
        if not path.exists():
            errors.add(path, None, f"The {LANGUAGE_NAMES[lang]} interface words are missing.",
                       "Copy content/fr/_ui.yml to this place and translate the values.")
            continue
        data = _load(path, "ui", errors)
        if data is not None:
            ui[lang] = data
    _check_ui_keys(ui, content_root, errors)

    meta_files = _slug_files(content_root / "pages", errors)
    prose_files = {lang: _slug_files(content_root / lang, errors) for lang in LANGUAGES}
    pages: dict[str, Page] = {}
    for slug, path in meta_files.items():
        meta = _load(path, "page", errors)
        if meta is None:
            continue
        page = Page(slug, meta, meta_path=errors.relative(path))
        for lang in LANGUAGES:
            if slug not in prose_files[lang]:
                how = ("write it first: the French text is the authoritative one" if lang == "fr"
                       else f"copy content/fr/{slug}.yml and translate it")
                errors.add(path, None, f"The page '{slug}' has no {LANGUAGE_NAMES[lang]} text.",
                           f"Create content/{lang}/{slug}.yml ({how}).")
        pages[slug] = page
    for lang, files in prose_files.items():
        for slug, path in files.items():
            if slug not in meta_files:
                errors.add(path, None, f"There is no content/pages/{slug}.yml for this text.",
                           "Create it (it holds the page's sources and review date), or check the file name.")
                continue
            prose = _load_prose(path, errors)
            if prose is not None and slug in pages:
                pages[slug].prose[lang] = prose
                pages[slug].prose_paths[lang] = errors.relative(path)
    if "index" not in meta_files:
        errors.add(content_root / "pages", None, "There is no home page.",
                   "Create content/pages/index.yml with 'kind: home'.")
    content = Content(root, sources, facts, pages, ui, set(extra_pages or ()), set(meta_files))
    links: list = []
    for page in pages.values():
        _check_citations(page, sources, content_root / "pages" / f"{page.slug}.yml", errors)
        _check_page(page, content_root, facts, errors, links)
    _check_links(content, links, errors)
    from .editorial import check as check_editorial  # issue 14: language, terms, locators
    check_editorial(content, errors)
    errors.raise_if_any()
    return content


def _load_prose(path: Path, errors: ErrorCollector):
    """Load a language file; a shared key written there gets its own explanation."""
    try:
        data = load_file(path)
    except YamlProblem as problem:
        errors.add(path, problem.line, problem.message, problem.fix)
        return None
    if isinstance(data, dict):
        shared = [key for key in data if key in SHARED_KEYS]
        for key in shared:
            errors.add(path, data.line_of(key), f"'{key}' is shared by the three languages and cannot "
                       "be set in one language file (it would contradict the others).",
                       f"Remove it here; change it in content/pages/{path.stem}.yml if needed.")
        if shared:
            return None
    if data is None or not isinstance(data, dict):
        errors.add(path, 1, "The file is empty or is not a block of 'key: value' lines.",
                   "Copy the French file of the same name and translate it.")
        return None
    return data if validate(data, "prose", path, errors) else None


def _check_ui_keys(ui: dict[str, LineDict], content_root: Path, errors: ErrorCollector) -> None:
    """Every menu section has a name in every language; every label exists in every language."""
    for lang, data in ui.items():
        path = content_root / lang / "_ui.yml"
        for section in SECTION_ORDER:
            if section not in data["sections"]:
                errors.add(path, data["sections"].line, f"The menu section '{section}' has no name.",
                           f"Add '{section}:' under 'sections' with its name in this language.")
        for section in data["sections"]:
            if section not in SECTION_ORDER:
                errors.add(path, data["sections"].line_of(section), f"'{section}' is not a menu section.",
                           f"Check its spelling: the sections are {', '.join(SECTION_ORDER)}.")
        if "fr" not in ui:
            continue
        for key in sorted(set(ui["fr"]["labels"]) - set(data["labels"])):
            errors.add(path, data["labels"].line, f"The interface word 'labels.{key}' is missing.",
                       f"Add '{key}:' under 'labels' with its translation.")
        for key in sorted(set(data["labels"]) - set(ui["fr"]["labels"])):
            errors.add(path, data["labels"].line_of(key), f"The interface word 'labels.{key}' is not "
                       "used in French.", "Check its spelling, or add it to content/fr/_ui.yml too.")
