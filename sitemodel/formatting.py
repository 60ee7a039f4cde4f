"""Numbers, dates, units, money and lists in each language, with Babel (CLDR data).

Babel knows every locale, so a new language in ``registry.json`` is formatted
without new code. The site's house style is kept on top of CLDR:

- a no-break space between a number and its unit (``2\u00a0ans``, ``6\u00a0Monate``);
- French writes the first day of a month ``1er``;
- amounts in euros are written as the site always has (``30\u202f000\u00a0euros``,
  ``30.000\u00a0Euro``, ``EUR\u00a030,000``); other languages get CLDR's symbol;
- "working days" is not a CLDR unit: its words are listed here per language.

The JavaScript runtime formats computed values with the data ``wizard.export``
takes from here (group separator, month names, unit words), and a test checks
the two agree.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel.dates import format_date as babel_date
from babel.dates import format_skeleton, get_month_names
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent, get_currency_symbol, get_group_symbol
from babel.units import format_unit

from .registry import LOCALES

# CLDR unit of each fact type with a unit ("age" is counted in years)
CLDR_UNITS = {"years": "duration-year", "age": "duration-year", "months": "duration-month",
              "weeks": "duration-week", "days": "duration-day", "hours": "duration-hour"}
# (singular, plural) of the units CLDR does not have
EXTRA_UNITS = {"working_days": {"fr": ("jour ouvrable", "jours ouvrables"), "de": ("Arbeitstag", "Arbeitstage"),
                                "en": ("working day", "working days")}}
UNIT_TYPES = (*CLDR_UNITS, *EXTRA_UNITS)
# The site's own way of writing euros: (before the number, after it, plural ending after it)
MONEY = {"fr": ("", "\u00a0euro", "s"), "de": ("", "\u00a0Euro", ""), "en": ("EUR\u00a0", "", "")}
# French puts a (no-break) space before a colon; the other languages do not.
COLONS = {"fr": "\u00a0: "}
NBSP = "\u00a0"


def locale(lang: str) -> str:
    return LOCALES.get(lang, lang)


def format_number(value: int | float, lang: str) -> str:
    """Group thousands the way each language does (narrow no-break space in French).

    Whole numbers are CLDR's; the rare decimal keeps a point and two digits, as
    the JavaScript runtime writes it.
    """
    if isinstance(value, int):
        return format_decimal(value, locale=locale(lang))
    whole, _, decimals = f"{value:.2f}".partition(".")
    return f"{format_decimal(int(whole), locale=locale(lang))}.{decimals}"


def group_separator(lang: str) -> str:
    return get_group_symbol(locale(lang))


def month_names(lang: str) -> list[str]:
    names = get_month_names("wide", locale=locale(lang))
    return [names[month] for month in range(1, 13)]


def _first_of_month(text: str, value_day: int, lang: str) -> str:
    return text.replace("1", "1er", 1) if lang == "fr" and value_day == 1 else text


def format_date(value: dt.date, lang: str) -> str:
    return _first_of_month(babel_date(value, "long", locale=locale(lang)), value.day, lang)


def format_day_month(value: str, lang: str) -> str:
    """A day of the year written "MM-DD"."""
    month, day = (int(part) for part in value.split("-"))
    text = format_skeleton("MMMMd", dt.date(2000, month, day), locale=locale(lang))
    return _first_of_month(text, day, lang)


@cache
def unit_words(unit: str, lang: str) -> tuple[str, str]:
    """(singular, plural) of a unit in one language."""
    if unit in EXTRA_UNITS:
        return EXTRA_UNITS[unit][lang]
    return tuple(format_unit(count, CLDR_UNITS[unit], length="long", locale=locale(lang))  # type: ignore[return-value]
                 .split(maxsplit=1)[1] for count in (1, 2))


def format_unit_value(value: int, unit: str, lang: str) -> str:
    singular, plural = unit_words(unit, lang)
    return f"{format_number(value, lang)}{NBSP}{singular if value == 1 else plural}"


def money_parts(lang: str) -> list[str]:
    """How the runtime writes an amount: [before, after, plural ending]."""
    if lang in MONEY:
        return list(MONEY[lang])
    return ["", NBSP + get_currency_symbol("EUR", locale=locale(lang)), ""]


def format_money(value: int, lang: str) -> str:
    before, after, plural = money_parts(lang)
    return f"{before}{format_number(value, lang)}{after}{plural if value > 1 else ''}"


def format_percent_value(value: int, lang: str) -> str:
    return format_percent(value / 100, locale=locale(lang))


def format_or_list(items: list[str], lang: str) -> str:
    """"7, 9 or 11" in each language."""
    return format_list(items, style="or", locale=locale(lang))


def colon(lang: str) -> str:
    return COLONS.get(lang, ": ")


def date_pattern(lang: str) -> str:
    """The runtime's pattern for a date, from the same CLDR data ({d}, {m}, {y})."""
    sample = babel_date(dt.date(2033, 11, 22), "long", locale=locale(lang))
    return sample.replace("22", "{d}", 1).replace(month_names(lang)[10], "{m}", 1).replace("2033", "{y}", 1)
