"""Every scenario's ``passage`` is a verbatim quotation of its source.

The law's French text is authoritative, so a passage citing law-2023 is
French, copied from the law; passages from the English sources (guichet CAI
page, ASTI brochure) are copied in English. Sources map to the stored copies
through ``file:`` in content/sources.yml, as for the site; a source with no
stored copy (an official web page) cannot be checked word for word here: its
scenarios are not generated as (skipped) cases of that check; instead they must
name a page a reader can open, with the date it was read.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from wizard_helpers import ROOT

from sitemodel.yamlload import load_file
from wizard import scenarios

SOURCES = load_file(ROOT / "content" / "sources.yml")
# the copies live in shared/sources/ beside the repository (content/sources.yml: "../shared/sources/")
CANDIDATES = [Path(os.environ["SOURCES_DIR"])] if os.environ.get("SOURCES_DIR") else [
    ROOT / "shared" / "sources", ROOT.parent / "shared" / "sources", ROOT.parents[1] / "shared" / "sources"]
SOURCE_DIR = next((d for d in CANDIDATES if d.is_dir()), None)


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cases(web: bool = False):
    for flow_id in ("route", "permit", "subsidy"):
        for number, case in enumerate(scenarios.load(flow_id), 1):
            cited = case["source"]
            if not cited.get("passage"):
                continue
            key = cited["source"]
            file = SOURCES.get(key, {}).get("file")
            test_id = f"{flow_id}-{number}-{key}"
            if (file is None) == web:
                yield pytest.param(case, file, id=test_id)


def _missing_sources() -> None:
    """Without the stored copies the check cannot run: loud skip here, failure in CI."""
    message = (f"the stored sources are not here (looked in {[str(d) for d in CANDIDATES]}; "
               "set SOURCES_DIR)")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.parametrize(("case", "file"), list(_cases()))
def test_the_passage_is_quoted_verbatim_from_its_source(case, file):
    if SOURCE_DIR is None:
        _missing_sources()
    text = normalised((SOURCE_DIR / file).read_text(encoding="utf-8"))
    passage = normalised(case["source"]["passage"])
    assert passage in text, f"{case['name']}: {passage!r} is not in {file}"


def test_a_paraphrase_is_caught():
    """The check can fail: the English paraphrase of the law's art. 4(7) is not in the law."""
    if SOURCE_DIR is None:
        _missing_sources()
    law = normalised((SOURCE_DIR / SOURCES["law-2023"]["file"]).read_text(encoding="utf-8"))
    assert normalised("Le pacte citoyen prend fin si l’adhérent ne participe à aucun module") in law
    assert "membership ends after two years without a module" not in law


@pytest.mark.parametrize(("case", "file"), list(_cases(web=True)))
def test_a_passage_from_a_web_page_names_the_page_and_when_it_was_read(case, file):
    """No stored copy: the reader (and the reviewer) can open the page at its address and date."""
    source = SOURCES[case["source"]["source"]]
    assert source.get("kind") in {"official-page", "news", "study"}, case["name"]
    assert str(source.get("url", "")).startswith("https://"), f"{case['name']}: no https address"
    assert source.get("consulted"), f"{case['name']}: no consultation date"
