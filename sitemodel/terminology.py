"""One term per concept per language: content/terminology.yml, and its check.

The file lists each recurring concept's name in FR, DE and EN and the variants
to avoid; ``problems(text, lang)`` finds avoided variants in a text. The
official names kept in French in every language are exposed for the language
check, which must not take them for French sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from .yamlload import load_file


@dataclass(frozen=True)
class Terminology:
    terms: dict = field(default_factory=dict)
    official_names: tuple[str, ...] = ()

    def problems(self, text: str, lang: str) -> list[tuple[int, str, str]]:
        """(line offset, variant found, term to write) for each avoided variant."""
        found = []
        variants = tuple(v for term in self.terms.values() for v in (term.get("avoid") or {}).get(lang, []))
        if not variants or not _any_variant(variants).search(text):
            return found  # most texts: one search instead of one per variant
        for term in self.terms.values():
            for variant in (term.get("avoid") or {}).get(lang, []):
                for match in _variant_pattern(variant).finditer(text):
                    found.append((text.count("\n", 0, match.start()), variant, term[lang]))
        return found

    def without_official_names(self, text: str) -> str:
        for name in sorted(self.official_names, key=len, reverse=True):
            text = text.replace(name, " ")
        return text


@cache  # compiled once: problems() runs for every text of every page
def _variant_pattern(variant: str) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(variant) + r"(?![\w])")


@lru_cache(maxsize=16)
def _any_variant(variants: tuple[str, ...]) -> re.Pattern:
    """Matches where at least one of the variants would (same boundaries)."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, variants)) + r")(?![\w])")


def load(content_root: Path) -> Terminology:
    path = content_root / "terminology.yml"
    if not path.exists():
        return Terminology()
    data = load_file(path) or {}
    return Terminology(dict(data.get("terms") or {}), tuple(data.get("official_names") or ()))
