"""Numbers and dates in the reader's locale (Babel): 12,345.6 in English, 12.345,6 in Serbian."""

from __future__ import annotations

import datetime as dt

from babel import dates, numbers

from dashboard.i18n.catalog import current

BABEL_LOCALE = {"en": "en", "sr-Latn": "sr_Latn", "sr-Cyrl": "sr_Cyrl"}


def locale() -> str:
    return BABEL_LOCALE[current()]


def number(value: float, digits: int = 0) -> str:
    """A number with the locale's grouping and decimal signs, `digits` decimals."""
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return numbers.format_decimal(value, format=pattern, locale=locale())


def percent(value: float, digits: int = 0) -> str:
    """A value already in per cent (e.g. 83.4) with the locale's signs and a % sign."""
    return number(value, digits) + " %"


def date(value: dt.date, form: str = "medium") -> str:
    """A date in the locale's words ('5 Mar 2024', '5. mar 2024.')."""
    return dates.format_date(value, form, locale=locale())


def plotly_separators() -> str:
    """Plotly's `layout.separators` (decimal, thousands) for the locale."""
    decimal = numbers.get_decimal_symbol(locale())
    group = numbers.get_group_symbol(locale())
    return decimal + group


def fixed(value: float, digits: int) -> str:
    """`value` with `digits` decimals, as an f-string writes it, with the locale's decimal sign (for text drawn
    by Plotly, which does not localise numbers inside labels)."""
    return f"{value:.{digits}f}".replace(".", plotly_separators()[0])
