"""Load the whole content tree (the cross-checks are in ``checks``).

Layout (see README.md, "For editors"):

- ``content/sources.yml``: the documents cited;
- ``content/facts/*.yml``: every date, amount and duration, written once;
- ``content/pages/<slug>.yml``: what a page is, its sources and review date;
- ``content/<lang>/<slug>.yml``: the words of that page in one language;
- ``content/<lang>/_ui.yml``: the interface words around the content.

``load()`` reads every file once (``sources.yml`` included) and returns a
``Content``; problems of a single file (YAML, schema, names) go to the
ErrorCollector, or are raised as ``ContentErrors`` when none is given.
``sitemodel.checks`` then compares the files with each other.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import LANGUAGES
from .errors import ErrorCollector
from .facts import Fact, load_facts
from .registry import LANGUAGE_NAMES
from .schema import validate
from .yamlload import LineDict, YamlProblem, load_file

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
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
    known_slugs: set[str] = field(default_factory=set)  # every page file, even one with errors


def _read(path: Path, errors: ErrorCollector) -> tuple[bool, object]:
    """(True, the YAML of a file), or (False, None) with its problem reported. The file counts as
    failed until its loader has checked it, so that knock-on errors are suppressed."""
    errors.failed_to_load(path)  # until it has loaded
    try:
        return True, load_file(path)
    except YamlProblem as problem:
        errors.add(path, problem.line, problem.message, problem.fix)
        return False, None


def _load(path: Path, schema: str, errors: ErrorCollector):
    read, data = _read(path, errors)
    if not read:
        return None
    if data is None:
        errors.add(path, 1, "The file is empty.", "Fill it in (copy an existing file as a start) or delete it.")
        return None
    if not isinstance(data, dict):
        errors.add(path, getattr(data, "line", 1), "The file should be a block of 'key: value' lines.",
                   "Compare it with an existing file in the same folder.")
        return None
    if not validate(data, schema, path, errors):
        return None
    errors.failed.discard(errors.relative(path))
    return data


def _slug_files(folder: Path, errors: ErrorCollector) -> dict[str, Path]:
    """Page files of a folder by slug; reports bad names and duplicates."""
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if (path.is_dir() and path.suffix not in (".yml", ".yaml")) or path.name.startswith(("_", ".")):
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


def load_sources(root: Path, errors: ErrorCollector) -> LineDict:
    """content/sources.yml, validated: the one way every layer reads it."""
    return _load(root / "content" / "sources.yml", "sources", errors) or LineDict()


def load(root: Path, errors: ErrorCollector | None = None) -> Content:
    """Read everything under root/content. Without a collector, raise ContentErrors on any problem."""
    content_root = root / "content"
    own_errors = errors is None
    errors = ErrorCollector(root) if errors is None else errors
    sources = load_sources(root, errors)
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
    if own_errors:
        errors.raise_if_any()
    return Content(root, sources, facts, pages, ui, set(meta_files))


def _load_prose(path: Path, errors: ErrorCollector):
    """Load a language file; a shared key written there gets its own explanation."""
    read, data = _read(path, errors)
    if not read:
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
    if not validate(data, "prose", path, errors):
        return None
    errors.failed.discard(errors.relative(path))
    return data


