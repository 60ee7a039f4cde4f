"""The wizard cites its sources as the pages do: an English-only document is marked as English
(``lang`` on its title and quoted headings, "auf Englisch") on French and German pages (issue 14)."""

from __future__ import annotations

from markupsafe import Markup

from wizard.citations import cited


def test_the_data_marks_the_2013_brochure_and_its_headings_as_english(flow_data):
    brochure = [s for outcome in flow_data[("permit", "de")]["outcomes"].values()
                for s in outcome["sources"] if s["source"] == "asti-2013"]
    assert brochure and all(s["title_lang"] == "en" and s["note"] == " (auf Englisch)" for s in brochure)
    assert any(part.get("lang") == "en" for s in brochure for part in s["locator_parts"])
    english = [s for outcome in flow_data[("permit", "en")]["outcomes"].values() for s in outcome["sources"]
               if s["source"] == "asti-2013"]
    assert english and not any("title_lang" in s or s.get("locator_parts") or s["note"] for s in english)


def test_the_pages_put_lang_on_the_title_and_the_quoted_heading_only():
    item = {"title": "You are moving to Luxembourg", "title_lang": "en", "note": " (en anglais)",
            "locator": "section 2, « Explanation »", "locator_parts": [
                {"text": "section 2, « "}, {"text": "Explanation", "lang": "en"}, {"text": " »"}]}
    html = cited(item, lambda text: Markup.escape(text))
    assert html == ('<span lang="en">You are moving to Luxembourg</span> (en anglais), '
                    'section 2, « <span lang="en">Explanation</span> »')
