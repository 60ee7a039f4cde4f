"""Every scenario's ``passage`` is a verbatim quotation of its source.

The law's French text is authoritative, so a passage citing law-2023 is
French, copied from the law; passages from the English sources (guichet CAI
page, ASTI brochure) are copied in English. Sources map to the stored copies
through ``file:`` in content/sources.yml, as for the site; a source with no
stored copy (an official web page) cannot be checked here and is skipped with
that reason in its test id.
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


def _cases():
    for flow_id in ("route", "permit", "subsidy"):
        for number, case in enumerate(scenarios.load(flow_id), 1):
            cited = case["source"]
            if not cited.get("passage"):
                continue
            key = cited["source"]
            file = SOURCES.get(key, {}).get("file")
            test_id = f"{flow_id}-{number}-{key}"
            if file is None:
                yield pytest.param(case, None, id=f"{test_id}-not-stored-locally", marks=pytest.mark.skip(
                    reason=f"{key} is an official web page with no stored copy: quote checked by hand"))
            else:
                yield pytest.param(case, file, id=test_id)


@pytest.mark.parametrize(("case", "file"), list(_cases()))
def test_the_passage_is_quoted_verbatim_from_its_source(case, file):
    if SOURCE_DIR is None:
        pytest.skip(f"the stored sources are not here (looked in {[str(d) for d in CANDIDATES]}; "
                    "set SOURCES_DIR)")
    text = normalised((SOURCE_DIR / file).read_text(encoding="utf-8"))
    passage = normalised(case["source"]["passage"])
    assert passage in text, f"{case['name']}: {passage!r} is not in {file}"


def test_a_paraphrase_is_caught():
    """The check can fail: the English paraphrase of the law's art. 4(7) is not in the law."""
    if SOURCE_DIR is None:
        pytest.skip("the stored sources are not here (set SOURCES_DIR)")
    law = normalised((SOURCE_DIR / SOURCES["law-2023"]["file"]).read_text(encoding="utf-8"))
    assert normalised("Le pacte citoyen prend fin si l’adhérent ne participe à aucun module") in law
    assert "membership ends after two years without a module" not in law
