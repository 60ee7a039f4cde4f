"""Cross-checks of the loaded content: each file against the others.

``sitemodel.content`` reads the files; this module compares them: the same
sections and facts in every language, citations, the 2013 flag, interface
words. Links are collected here and checked by ``check_links`` once every
page exists, the generated ones (the wizard's) included.
"""

from __future__ import annotations

from pathlib import Path

from . import LANGUAGES, SECTION_ORDER
from .content import BROCHURE_AS_OF, Content, Page
from .editorial import check as check_editorial
from .errors import ErrorCollector
from .prose import LABEL, check, placeholders, url_problem
from .registry import LANGUAGE_NAMES
from .sources import cited_headings
from .yamlload import LineDict


def check_content(content: Content, errors: ErrorCollector) -> list:
    """Run every cross-check but the links; return the links found, as (path, line, Link)."""
    content_root = content.root / "content"
    _check_ui_keys(content.ui, content_root, errors)
    _check_labels(content, errors)
    links: list = []
    for page in content.pages.values():
        _check_citations(page, content.sources, content_root / "pages" / f"{page.slug}.yml", errors)
        _check_page(page, content_root, content.facts, errors, links)
    check_editorial(content, errors)  # language, terminology, locators
    return links


def _check_label(text, path, line: int | None, where: str, facts, errors: ErrorCollector) -> None:
    """A label, locator or title follows the shared grammar, kind LABEL (plain text, digits allowed)."""
    if not isinstance(text, str):
        return
    problems, _ = check(text, facts, "en", kind=LABEL)
    for problem in problems:
        errors.add(path, line, f"{where}: {problem.message}", problem.fix)


def _check_labels(content: Content, errors: ErrorCollector) -> None:
    """Interface words, source titles and addresses, and every locator."""
    root = content.root / "content"
    for key, source in content.sources.items():
        if not isinstance(source, dict):
            continue
        _check_label(source.get("title"), root / "sources.yml", source.line_of("title"),
                     f"The title of the source '{key}'", content.facts, errors)
        problem = url_problem(source["url"]) if isinstance(source.get("url"), str) else None
        if problem:
            errors.add(root / "sources.yml", source.line_of("url"), f"The address of the source '{key}' "
                       f"{problem}.", "Copy the address from the browser's address bar, starting with https://.")
        _check_translations(key, source, root / "sources.yml", content, errors)
    for lang, ui in content.ui.items():
        for key, text, line in _strings(ui):
            _check_label(text, root / lang / "_ui.yml", line, f"The interface word '{key}'", content.facts, errors)
    for fact in content.facts.values():
        _check_label(fact.locator, fact.path, fact.line, f"The locator of '{fact.id}'", content.facts, errors)
        if fact.type in ("text", "address", "phone"):
            _check_label(fact.value, fact.path, fact.line, f"The value of '{fact.id}'", content.facts, errors)
    for page in content.pages.values():
        citations = list(page.meta["sources"])
        for section in page.meta["sections"]:
            citations.extend(section.get("sources", []))
        for citation in citations:
            _check_label(citation.get("locator"), root / "pages" / f"{page.slug}.yml", citation.line,
                         "The locator", content.facts, errors)


def _quoted_headings(content: Content, key: str) -> list[str]:
    """Every heading of the source ``key`` that a page or a fact quotes in a locator."""
    quoted = [heading for fact in content.facts.values() if fact.source == key
              for heading in cited_headings(getattr(fact.locator, "raw", fact.locator))]
    for page in content.pages.values():
        citations = list(page.meta["sources"])
        for section in page.meta["sections"]:
            citations.extend(section.get("sources", []))
        quoted += [heading for c in citations if c["source"] == key for heading in cited_headings(c["locator"])]
    return quoted


def _check_translations(key: str, source, path: Path, content: Content, errors: ErrorCollector) -> None:
    """The same page in another language: a language of the site, a plain title, a valid address."""
    translations = source.get("translations") or {}
    for lang, translation in translations.items():
        line = translations.line_of(lang) if hasattr(translations, "line_of") else source.line_of("translations")
        if lang not in LANGUAGES:
            errors.add(path, line, f"'{lang}' under 'translations' of the source '{key}' is not a language "
                       "of this site.", f"Use one of: {', '.join(LANGUAGES)}.")
            continue
        _check_label(translation.get("title"), path, line, f"The {LANGUAGE_NAMES[lang]} title of the source "
                     f"'{key}'", content.facts, errors)
        headings = translation.get("headings") or {}
        for heading in sorted(set(_quoted_headings(content, key)) - set(headings)):
            errors.add(path, line, f"The {LANGUAGE_NAMES[lang]} page of the source '{key}' has no heading for "
                       f"'{heading}', which a locator quotes.", f"Add it under 'headings:' as "
                       f"\"{heading}\": \"<the same heading on the {LANGUAGE_NAMES[lang]} page>\" (or null if that "
                       f"page does not have it: citations quoting it then cite the original), or remove "
                       f"'{lang}' from 'translations' (readers then get the original page).")
        problem = url_problem(translation["url"]) if isinstance(translation.get("url"), str) else None
        if problem:
            errors.add(path, line, f"The {LANGUAGE_NAMES[lang]} address of the source '{key}' {problem}.",
                       "Copy the address from the browser's address bar, starting with https://.")


def _strings(node, key: str = ""):
    """(dotted key, text, line) for every string in a YAML mapping."""
    for name, value in node.items():
        dotted = f"{key}.{name}" if key else str(name)
        if isinstance(value, dict):
            yield from _strings(value, dotted)
        elif isinstance(value, str):
            yield dotted, value, node.line_of(name) if hasattr(node, "line_of") else None


def check_links(content: Content, links: list, generated: set[str] | None,
                errors: ErrorCollector) -> None:
    """Every internal link points at an existing page and section.

    ``generated`` holds the paths (without .md) of the pages other layers
    made (the wizard's); None when they could not be made, so links into
    ``wizard/`` are not judged (their own errors say what is wrong).
    """
    for path, line, link in links:
        target = link.target.removeprefix("../")
        page_part, _, anchor = target.partition("#")
        slug = page_part.removesuffix(".md")
        if slug in content.pages:
            if anchor and anchor not in content.pages[slug].section_ids:
                errors.add(path, line, f"The link '{link.target}' points to a section '{anchor}' "
                           f"that the page '{slug}' does not have.",
                           f"Use one of: {', '.join(content.pages[slug].section_ids)}.")
        elif slug in content.known_slugs or slug in (generated or ()) or (
                generated is None and slug.startswith("wizard/")):
            continue
        else:
            errors.add(path, line, f"The link '{link.target}' points to a page that does not exist.",
                       "Check the page name: it is the file name in content/pages/ followed by .md.")


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
        # an id written twice in the page file is the mistake: the section it hides is no second one
        for extra in [s for s in sections if s not in ids] if len(seen) == len(page.meta["sections"]) else []:
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
