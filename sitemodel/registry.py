"""The one source of the site's languages and the wizard's flow ids: ``registry.json``.

Python reads it here; the wizard's build puts the same lists into the
JavaScript runtime and the iframe page; the tests read it too. A test (or a
project with a fourth language) may point ``LU_SITE_REGISTRY`` at another
file with the same shape: it is read once, when ``sitemodel`` is imported.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

PATH = Path(os.environ.get("LU_SITE_REGISTRY") or Path(__file__).with_name("registry.json"))
REGISTRY = json.loads(PATH.read_text(encoding="utf-8"))

LANGUAGES: tuple[str, ...] = tuple(language["code"] for language in REGISTRY["languages"])
DEFAULT_LANGUAGE: str = next(language["code"] for language in REGISTRY["languages"] if language.get("default"))
LANGUAGE_NAMES: dict[str, str] = {language["code"]: language["name"] for language in REGISTRY["languages"]}
LOCALES: dict[str, str] = {language["code"]: language.get("locale", language["code"])
                           for language in REGISTRY["languages"]}
FLOW_IDS: tuple[str, ...] = tuple(REGISTRY["flows"])
# The words a legal reference is written with, per language (sitemodel/locators.py).
LOCATOR_WORDS: dict[str, dict] = {language["code"]: language["locator"] for language in REGISTRY["languages"]}


def for_javascript() -> dict:
    """What the browser code needs: language codes, the default one, flow ids."""
    return {"languages": list(LANGUAGES), "default": DEFAULT_LANGUAGE, "flows": list(FLOW_IDS)}
