"""French pages get their no-break spaces everywhere the pipeline writes text (issue 14).

Editors type ordinary spaces; sitemodel.typography puts a narrow no-break
space before ; ! ? and a no-break space before : and » and after «. These
tests read what generate() writes for the content pages and the section
overview pages (sitebuild/menus.py): front matter, citations joined by ";",
locators, and the summaries and titles the overview pages repeat.
"""

from __future__ import annotations

import re

import pytest
from support import REPO

from sitebuild.generate import generate
from sitebuild.render import meta_text

ORDINARY_SPACE_PUNCTUATION = re.compile(r".{0,30}(?: [;:!?»]|« ).{0,15}")


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in generate(REPO).files.items() if path.endswith(".md")}


def _pages(files: dict[str, str], lang: str) -> dict[str, str]:
    # the wizard's own pages are the wizard layer's (wizard/site.py); the overview pages list them
    return {path: text for path, text in files.items()
            if path.startswith(f"{lang}/") and not path.startswith(f"{lang}/wizard/")}


def test_french_pages_and_overviews_have_no_ordinary_space_before_high_punctuation(files):
    pages = _pages(files, "fr")
    assert any(path.startswith("fr/sections/") for path in pages)
    found = [(path, match.group(0)) for path, text in pages.items()
             for match in ORDINARY_SPACE_PUNCTUATION.finditer(text)]
    assert found == []


def test_french_citations_are_joined_with_a_narrow_no_break_space_before_the_semicolon(files):
    cited = [line for text in _pages(files, "fr").values() for line in text.splitlines() if line.startswith("Source")]
    between = [re.findall(r"(.); [\[*]", line) for line in cited]  # the character before "; " and the next source
    assert any(between)
    assert {before for found in between for before in found} == {"\u202f"}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_german_and_english_pages_keep_ordinary_spaces(files, lang):
    pages = _pages(files, lang)
    assert not [path for path, text in pages.items() if "\u202f" in text]
    assert any("; " in text for text in pages.values())


def test_plain_text_for_meta_keeps_no_break_spaces_and_folds_other_whitespace():
    assert meta_text("Le pacte\u00a0: **oui**\u202f;\n  voilà") == "Le pacte\u00a0: oui\u202f; voilà"
