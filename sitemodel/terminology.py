"""One term per concept per language: content/terminology.yml, and its check.

The file lists each recurring concept's name in FR, DE and EN and the variants
to avoid; ``problems(text, lang)`` finds avoided variants in a text. The
official names kept in French in every language are exposed for the language
check, which must not take them for French sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .yamlload import load_file


@dataclass(frozen=True)
class Terminology:
    terms: dict = field(default_factory=dict)
    official_names: tuple[str, ...] = ()

    def problems(self, text: str, lang: str) -> list[tuple[int, str, str]]:
        """(line offset, variant found, term to write) for each avoided variant."""
        found = []
        for term in self.terms.values():
            for variant in (term.get("avoid") or {}).get(lang, []):
                pattern = re.compile(r"(?<![\w-])" + re.escape(variant) + r"(?![\w])")
                for match in pattern.finditer(text):
                    found.append((text.count("\n", 0, match.start()), variant, term[lang]))
        return found

    def without_official_names(self, text: str) -> str:
        for name in sorted(self.official_names, key=len, reverse=True):
            text = text.replace(name, " ")
        return text


def load(content_root: Path) -> Terminology:
    path = content_root / "terminology.yml"
    if not path.exists():
        return Terminology()
    data = load_file(path) or {}
    return Terminology(dict(data.get("terms") or {}), tuple(data.get("official_names") or ()))
