"""Every page opens with a plain-language summary (issue 14).

A reader at CEFR level B1 reads short sentences: no sentence of a summary
may be longer than MAX_WORDS words (a [[fact]] counts as one word).
"""

from __future__ import annotations

import re

import pytest
from support import REPO

from sitemodel import LANGUAGES
from sitemodel.yamlload import load_file

MAX_WORDS = 22
PAGES = sorted(p.stem for p in (REPO / "content" / "pages").glob("*.yml"))


def longest_sentence(text: str) -> int:
    text = re.sub(r"\[\[[^\]]*\]\]", "X", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    sentences = [s for s in re.split(r"(?<=[.!?:;])\s+", text) if s.strip()]
    return max(len(s.split()) for s in sentences)


@pytest.mark.parametrize("slug", PAGES)
def test_each_summary_is_made_of_short_sentences(slug):
    for lang in LANGUAGES:
        summary = load_file(REPO / "content" / lang / f"{slug}.yml")["summary"]
        assert longest_sentence(summary) <= MAX_WORDS, (lang, slug, summary)


def test_a_long_sentence_is_measured_as_long():
    assert longest_sentence(" ".join(["word"] * 30) + ".") == 30
    assert longest_sentence("Short one. Another [[fact.id]] here.") == 3
