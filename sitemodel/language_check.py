"""Find sentences written in another language than the page's.

A small, offline detector: each sentence is scored by how many of its words
are frequent function words ("stop words") of French, German and English. A
sentence counts as foreign when it has enough function words of another
language and clearly more of them than of its own. Names kept in their
official language are left out before scoring: text in brackets, in
quotation marks, link addresses and [[facts]]. ``foreign_citation`` checks the
text of a rendered citation (title and locator) that is not marked as another
language: there, quoted headings count.
"""

from __future__ import annotations

import re

STOP_WORDS = {
    "fr": set("""le la les un une des du de au aux et ou est sont être pour par avec dans sur
        qui que quoi dont ne pas plus vous votre vos nous il elle ils elles ce cette ces son sa ses
        leur leurs se si peut doit mais aussi comme lorsque depuis avant après chaque tout toute
        selon entre sans sous lui y en été avez avoir""".split()),
    "de": set("""der die das den dem des ein eine einen einem einer und oder ist sind sein
        für mit von zu zum zur im in auf bei nach vor über unter nicht kein keine Sie Ihr Ihre
        Ihren Ihrem wir er es sie wird werden wurde kann muss auch wenn dass als wie noch nur
        jede jeder jedes sich aus seit bis haben hat""".split()),
    "en": set("""the a an and or is are be been of to in on at by for with from as that this
        these those which who whom not no you your yours we it its they their can must may will
        would should if when also than then there only each every has have had was were into
        after before since""".split()),
}
# words that exist in two languages are not evidence of either
SHARED = {"in", "an", "die", "des", "so", "am", "hat", "ist"} & set().union(*STOP_WORDS.values())
STOP_WORDS = {lang: words - SHARED if lang != "de" else words - (SHARED - {"die", "des", "ist", "hat", "am"})
              for lang, words in STOP_WORDS.items()}
STOP_LOWER = {lang: {w.lower() for w in words} for lang, words in STOP_WORDS.items()}

_IGNORED = re.compile(
    r"\[\[[^\]]*\]\]"            # facts
    r"|\]\([^)]*\)"              # link addresses
    r"|\([^()]*\)"               # text in brackets: official names kept beside a translation
    r"|«[^»]*»|„[^“]*“|“[^”]*”|\"[^\"]*\""  # quoted names and titles
)
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n+")
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ']+")
MIN_FOREIGN = 3


def scores(sentence: str) -> dict[str, int]:
    words = [w.lower() for w in _WORD.findall(sentence)]
    return {lang: sum(w in STOP_LOWER[lang] for w in words) for lang in STOP_LOWER}


def foreign_sentences(text: str, lang: str) -> list[tuple[str, str]]:
    """(sentence, language it looks written in) for each sentence not in ``lang``."""
    cleaned = _IGNORED.sub(" ", text)
    found = []
    for sentence in _SENTENCE.split(cleaned):
        sentence = sentence.strip(" -*#>\t")
        if not sentence:
            continue
        score = scores(sentence)
        best = max(score, key=score.get)
        own = score.get(lang, 0)  # a language without a list here (a new one) is checked for the others
        if best != lang and score[best] >= MIN_FOREIGN and score[best] > 2 * own:
            found.append((sentence, best))
    return found


MIN_FOREIGN_CITATION = 2  # a title or a quoted heading is short: two function words are enough


def foreign_citation(text: str, lang: str) -> str | None:
    """The language a citation's unmarked text looks written in, when it is not ``lang``.

    Unlike page prose, a citation's quotation marks and brackets are not left out:
    they hold the quoted headings and the titles that must be in the reader's
    language unless marked as another language (``sitemodel.sources.unmarked_text``)."""
    text = re.sub(r"\]\([^)]*\)|https?://\S+", " ", text)
    # each quoted heading on its own, then the rest (title, locator words)
    quoted = ["".join(match.groups(default="")) for match in _QUOTED.finditer(text)]
    for segment in [*quoted, _QUOTED.sub(" ", text)]:
        score = scores(segment)
        best = max(score, key=score.get)
        if best != lang and score[best] >= MIN_FOREIGN_CITATION and score[best] > score.get(lang, 0):
            return best
    return None


_QUOTED = re.compile(r"«([^»]*)»|„([^“]*)“|“([^”]*)”")
