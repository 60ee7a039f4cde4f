#!/usr/bin/env python3
"""Readability of every page in every language (issue 14), hardest first.

    .venv/bin/python benchmarks/readability.py            # Markdown table, 10 hardest pages
    .venv/bin/python benchmarks/readability.py --top 0    # every page
    .venv/bin/python benchmarks/readability.py --json out.json

The score is textstat's Flesch reading ease in each language's own variant
(French: Kandel & Moles, German: Amstad, English: Flesch): higher is easier;
about 60 and above reads as plain language. It is given for the whole page
and for its summary (the opening that must suit a CEFR B1 reader), with the
average sentence length in words. Facts are filled in, links and Markdown
removed. Offline: English syllables come from Pyphen, not from NLTK's
downloadable dictionary.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import textstat
from textstat.backend.counts import _count_syllables

from sitemodel import LANGUAGES
from sitemodel.content import load
from sitemodel.prose import render

ROOT = Path(__file__).resolve().parent.parent

# NLTK would download the CMU dictionary for English; Pyphen covers all three languages offline.
_count_syllables.get_cmudict = lambda lang: None


def plain(markdown: str) -> str:
    """Text a reader reads: no link targets, no Markdown marks, list items as sentences."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"[*_`#>]", "", text)
    lines = []
    for line in text.splitlines():
        line = line.strip().lstrip("-").strip()
        if line and not re.search(r"[.!?:;]$", line):
            line += "."
        lines.append(line)
    return " ".join(part for part in lines if part)


def words_per_sentence(text: str) -> float:
    sentences = [s for s in re.split(r"(?<=[.!?;:])\s+", text) if re.search(r"\w", s)]
    words = re.findall(r"[\w'’-]+", text)
    return len(words) / max(1, len(sentences))


def score(text: str, lang: str) -> float:
    textstat.set_lang(lang)
    return round(float(textstat.flesch_reading_ease(text)), 1)


def measure(root: Path = ROOT) -> list[dict]:
    content = load(root)  # loading only: links are the build's business
    rows = []
    for slug, page in sorted(content.pages.items()):
        for lang in LANGUAGES:
            prose = page.prose[lang]

            def text(value: str, lang: str = lang) -> str:
                return plain(str(render(value, content.facts, lang)))

            summary = text(prose["summary"])
            body = " ".join(text(s["heading"]) + " " + text(s["body"]) for s in prose["sections"].values())
            whole = f"{text(prose['title'])}. {summary} {body}"
            rows.append({
                "page": slug, "lang": lang,
                "score": score(whole, lang), "summary_score": score(summary, lang),
                "words_per_sentence": round(words_per_sentence(whole), 1),
                "summary_words_per_sentence": round(words_per_sentence(summary), 1),
                "words": len(re.findall(r"[\w'’-]+", whole)),
            })
    return rows


def table(rows: list[dict], top: int) -> str:
    hardest = sorted(rows, key=lambda r: r["score"])[: top or None]
    lines = ["| page | lang | reading ease (page) | reading ease (summary) | words/sentence | words |",
             "|---|---|---:|---:|---:|---:|"]
    lines += [f"| {r['page']} | {r['lang']} | {r['score']} | {r['summary_score']} | "
              f"{r['words_per_sentence']} | {r['words']} |" for r in hardest]
    by_lang = {lang: [r["score"] for r in rows if r["lang"] == lang] for lang in LANGUAGES}
    lines.append("")
    lines += [f"- {lang}: median reading ease {sorted(s)[len(s) // 2]} over {len(s)} pages"
              for lang, s in by_lang.items() if s]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=10, help="how many of the hardest pages to list (0: all)")
    parser.add_argument("--json", type=Path, help="also write every row to this file")
    args = parser.parse_args(argv)
    rows = measure()
    print("## Readability, hardest pages first\n")
    print(table(rows, args.top))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def bench_readability(table, results: dict, top: int = 5) -> list[dict]:
    """For run.py (make bench): the median reading ease per language and the hardest pages, as table rows."""
    rows = measure()
    for lang in LANGUAGES:
        scores = sorted(r["score"] for r in rows if r["lang"] == lang)
        if not scores:
            continue
        hardest = sorted((r for r in rows if r["lang"] == lang), key=lambda r: r["score"])[:top]
        table.add("Plain language", f"reading ease of the pages in {lang} (median; hardest {top})",
                  f"{scores[len(scores) // 2]}; " + ", ".join(f"{r['page']} {r['score']}" for r in hardest))
    return rows
