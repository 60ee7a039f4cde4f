"""The section overview pages (sitebuild/menus.py) are in the reader's language, one term per concept.

They are generated, not written by an editor: their words come from the
interface words (section names) and the pages' titles and summaries, which
the content check covers. This reads what generate() writes and runs the same
language and terminology checks on it, so that words added by the generator
itself (or a content check that misses one of its inputs) are caught too.
"""

from __future__ import annotations

import re

import pytest
from support import REPO

from sitebuild.generate import generate
from sitebuild.menus import OVERVIEW_DIR
from sitemodel import LANGUAGES
from sitemodel.language_check import foreign_sentences
from sitemodel.terminology import load as load_terminology


@pytest.fixture(scope="module")
def overviews() -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in generate(REPO).files.items()
            if path.split("/", 1)[1].startswith(f"{OVERVIEW_DIR}/")}


def _words(markdown: str) -> str:
    """The text a reader sees: no front matter, link addresses, or Markdown marks."""
    text = markdown.split("\n---\n", 1)[-1]
    return re.sub(r"\]\([^)]*\)", "]", text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_overview_pages_are_in_the_readers_language_with_the_sites_terms(overviews, lang):
    terminology = load_terminology(REPO / "content")
    mine = {path: _words(text) for path, text in overviews.items() if path.startswith(f"{lang}/")}
    assert len(mine) >= 5
    foreign = [(path, sentence) for path, text in mine.items()
               for sentence, _ in foreign_sentences(terminology.without_official_names(text), lang)]
    wrong_terms = [(path, variant) for path, text in mine.items() for _, variant, _ in terminology.problems(text, lang)]
    assert foreign == [] and wrong_terms == []


def test_the_check_finds_an_english_sentence_in_a_german_overview():
    text = "# Assistent\n\n- [Welcher Aufenthaltstitel?](x.md): This is the page that you can use for the permit."
    assert foreign_sentences(_words(text), "de")
