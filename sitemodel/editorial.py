"""Editorial checks of issue 14, run by ``content.load``: everything in the
reader's language, and one term per concept.

- every locator (pages and facts) is well formed (see ``locators``);
- no sentence of a page is written in another language than the page's
  (see ``language_check``); official names kept in French are allowed;
- no citation shows a page's reader a title or a quoted heading in another
  language unless it is marked as one (``language:`` of the source, or its
  edition in the reader's language under ``translations:``);
- no page uses a variant that content/terminology.yml says to avoid;
- every ``applies_from`` of a fact is a date or names a date fact.
"""

from __future__ import annotations

from pathlib import Path

from . import LANGUAGES
from .dated import problems as dated_problems
from .language_check import foreign_citation, foreign_sentences
from .locators import problems as locator_problems
from .locators import render as render_locator
from .registry import LANGUAGE_NAMES
from .sources import cite, unmarked_text
from .terminology import load as load_terminology


def _texts(prose):
    """(text, line) for the title, summary, and every heading and body of a page."""
    for key in ("title", "summary"):
        yield prose[key], prose.line_of(key) + (1 if "\n" in prose[key] else 0)
    for section in prose["sections"].values():
        for key in ("heading", "body"):
            yield section[key], section.line_of(key) + (1 if "\n" in section[key] else 0)


def _strings(node):
    """(text, line) for every string of a YAML mapping, at any depth."""
    for key, value in node.items():
        if isinstance(value, str):
            yield value, node.line_of(key) if hasattr(node, "line_of") else None
        elif isinstance(value, dict):
            yield from _strings(value)


def check(content, errors) -> None:
    """Add a problem to ``errors`` for each locator, language or term mistake."""
    content_root = Path(content.root) / "content"
    terminology = load_terminology(content_root)
    for name, fact_id, problem in dated_problems(content_root / "facts", content.facts):
        fact = content.facts.get(fact_id)
        errors.add(content_root / "facts" / name, fact.line if fact else None, problem,
                   "Write a date like 2024-07-01, or the name of a fact of type 'date'.")
    for fact in content.facts.values():
        raw = getattr(fact.locator, "raw", fact.locator)
        for problem in locator_problems(raw):
            errors.add(content_root.parent / fact.path, fact.line, problem, "Rewrite the locator as shown.")
        for lang in LANGUAGES if not locator_problems(raw) else ():
            for sentence, other in foreign_sentences(render_locator(raw, lang), lang):
                errors.add(content_root.parent / fact.path, fact.line, f"The {LANGUAGE_NAMES[lang]} text of "
                           f"this locator looks {LANGUAGE_NAMES[other]}: '{sentence[:60]}'.",
                           f"Write its '{lang}:' text in {LANGUAGE_NAMES[lang]}.")
    for lang, words in content.ui.items():  # the interface words around the pages (menus, overview titles)
        for text, line in _strings(words):
            for sentence, other in foreign_sentences(terminology.without_official_names(text), lang):
                errors.add(content_root / lang / "_ui.yml", line, f"This {LANGUAGE_NAMES[lang]} interface "
                           f"text looks {LANGUAGE_NAMES[other]}: '{sentence[:80]}'.",
                           f"Translate it into {LANGUAGE_NAMES[lang]}.")
            for _, variant, term in terminology.problems(text, lang):
                errors.add(content_root / lang / "_ui.yml", line, f"'{variant}' is not the term this site uses.",
                           f"Write '{term}' (see content/terminology.yml).")
    _check_citations(content, content_root, errors)
    for page in content.pages.values():
        meta_path = content_root / "pages" / f"{page.slug}.yml"
        citations = list(page.meta["sources"])
        for section in page.meta["sections"]:
            citations.extend(section.get("sources", []))
        for citation in citations:
            for problem in locator_problems(citation["locator"]):
                errors.add(meta_path, citation.line, problem, "Rewrite the locator as shown.")
            if not locator_problems(citation["locator"]):
                for lang in LANGUAGES:
                    for sentence, other in foreign_sentences(render_locator(citation["locator"], lang), lang):
                        errors.add(meta_path, citation.line, f"The {LANGUAGE_NAMES[lang]} text of this "
                                   f"locator looks {LANGUAGE_NAMES[other]}: '{sentence[:60]}'.",
                                   f"Write its '{lang}:' text in {LANGUAGE_NAMES[lang]}.")
        for lang, prose in page.prose.items():
            path = content_root / lang / f"{page.slug}.yml"
            for text, line in _texts(prose):
                for sentence, other in foreign_sentences(terminology.without_official_names(text), lang):
                    errors.add(path, line, f"This {LANGUAGE_NAMES[lang]} page contains a sentence that "
                               f"looks {LANGUAGE_NAMES[other]}: '{sentence[:80]}'.",
                               f"Translate it into {LANGUAGE_NAMES[lang]} (official names may stay in "
                               "brackets or quotation marks, or be listed in content/terminology.yml).")
                for offset, variant, term in terminology.problems(text, lang):
                    errors.add(path, line + offset, f"'{variant}' is not the term this site uses.",
                               f"Write '{term}' (see content/terminology.yml).")


def _citations(content):
    """(page slug, source key, raw locator) for every citation a page shows, 'changed' boxes included."""
    for page in content.pages.values():
        citations = list(page.meta["sources"])
        for section in page.meta["sections"]:
            citations.extend(section.get("sources", []))
            for fact_id in section.get("changed", []):
                fact = content.facts.get(fact_id)
                if fact is not None:
                    citations.append({"source": fact.source, "locator": getattr(fact.locator, "raw", fact.locator)})
        for citation in citations:
            yield page.slug, citation["source"], citation["locator"]


def _check_citations(content, content_root: Path, errors) -> None:
    check_citations(_citations(content), content.sources, content_root / "sources.yml", errors)


def check_citations(citations, sources, sources_path: Path, errors) -> None:
    """A citation's title and quoted headings are in the reader's language, or marked as another one.

    ``citations``: (where it is shown, source key, raw locator). One error per source
    (the one mistake: its language, or its edition in the reader's language, is missing),
    naming the page languages where it shows; a source already reported is not reported again."""
    found: dict[str, dict[str, tuple[str, str, str]]] = {}
    for where, key, raw in citations:
        source = sources.get(key)
        if source is None or locator_problems(raw):
            continue  # reported elsewhere
        for lang in LANGUAGES:
            if lang in found.get(key, {}):
                continue
            text = " ".join(unmarked_text(cite(source, raw, lang), lang).split())
            other = foreign_citation(text, lang)
            if other is not None:
                found.setdefault(key, {})[lang] = (where, other, text)
    for key, by_lang in found.items():
        marker = f"the citation of '{key}' shows"
        if any(marker in error.message for error in errors.errors):
            continue
        langs = [lang for lang in LANGUAGES if lang in by_lang]
        where, other, text = by_lang[langs[0]]
        names = " and ".join(LANGUAGE_NAMES[lang] for lang in langs)
        line = sources.line_of(key) if hasattr(sources, "line_of") else None
        errors.add(sources_path, line,
                   f"On {names} pages (e.g. '{where}'), {marker} {LANGUAGE_NAMES[other]} "
                   f"text not marked as {LANGUAGE_NAMES[other]}: '{text[:80]}'.",
                   f"If the document exists only in {LANGUAGE_NAMES[other]}, write 'language: {other}' on the "
                   f"source; if it exists in {names}, add each edition under 'translations:' ("
                   + ", ".join(f"'{lang}:'" for lang in langs)
                   + " with title, url, and the headings the locators quote, as read on that page).")
