"""Strict YAML reading (sitemodel/yamlload.py): what the broken-content corpus cannot make with files."""

from __future__ import annotations

import stat
import time

import pytest

from sitemodel.yamlload import YamlProblem, _file_kind_problem, load_text


@pytest.mark.parametrize(("mode", "words"), [
    (stat.S_IFCHR, "a device"), (stat.S_IFBLK, "a device"), (stat.S_IFSOCK, "a socket"),
    (stat.S_IFIFO, "a named pipe"), (stat.S_IFDIR, "a folder")])
def test_special_files_are_named_and_never_opened(mode, words):
    assert words in _file_kind_problem(mode | 0o644).message
    assert _file_kind_problem(stat.S_IFREG | 0o644) is None


def test_forty_thousand_brackets_stop_at_once():
    start = time.monotonic()
    with pytest.raises(YamlProblem, match="more than 20 levels"):
        load_text("x: " + "[" * 40_000 + "]" * 40_000)
    assert time.monotonic() - start < 5


def test_a_quoted_text_over_two_lines_is_not_taken_for_an_unclosed_quote():
    text = 'title: "first line\n  second line"\nsummary: "x" y\n'
    with pytest.raises(YamlProblem) as raised:
        load_text(text)
    assert raised.value.line == 3 and "never closed" not in raised.value.message


def test_ordinary_content_loads_with_its_lines():
    data = load_text('title: "Le pacte"\nsections:\n  who:\n    body: |\n      Un "texte" **gras**.\n')
    assert data["sections"]["who"]["body"] == 'Un "texte" **gras**.\n'
    assert data.line_of("sections") == 2
