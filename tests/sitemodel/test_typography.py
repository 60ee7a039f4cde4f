"""French pages get no-break spaces before : ; ! ? » and after « (issue 14)."""

from markupsafe import Markup

from sitemodel.typography import NBSP, NNBSP, apply


def test_french_punctuation_gets_no_break_spaces():
    assert apply("Source : la loi ; voir « ceci » ! Vrai ?", "fr") == (
        f"Source{NBSP}: la loi{NNBSP}; voir «{NBSP}ceci{NBSP}»{NNBSP}! Vrai{NNBSP}?")


def test_links_and_other_languages_are_untouched():
    assert apply("[site](https://guichet.lu/a?b=c) : ok", "fr") == f"[site](https://guichet.lu/a?b=c){NBSP}: ok"
    assert apply("Quelle: „Text“ ?", "de") == "Quelle: „Text“ ?"
    assert isinstance(apply(Markup("a : b"), "fr"), Markup)
