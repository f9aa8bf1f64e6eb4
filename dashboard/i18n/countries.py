"""Country names in the reader's language, from pycountry's own ISO 3166 translation catalogs.

pycountry ships Serbian as `sr` (Cyrillic) and `sr@latin`; names outside ISO 3166-1 (the EU, NATO, the CSTO, Kosovo,
the Soviet Union, Yugoslavia) are in our own catalog.
"""

from __future__ import annotations

import functools
import gettext

import pycountry

from dashboard.i18n import N_, _
from dashboard.i18n.catalog import current

PYCOUNTRY_LOCALE = {"sr-Latn": "sr@latin", "sr-Cyrl": "sr"}

# entities of countries.csv that ISO 3166-1 does not list: translated in messages.po
OUTSIDE_ISO = {
    "EUU": N_("European Union"),
    "XNT": N_("NATO"),
    "XCS": N_("Collective Security Treaty Organization"),
    "XKX": N_("Kosovo"),
    "SUN": N_("Soviet Union"),
    "YUG": N_("Yugoslavia"),
}


@functools.cache
def _catalog(locale: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])


@functools.lru_cache(maxsize=4096)
def _translated(iso3: str, english: str, lang: str) -> str:
    locale = PYCOUNTRY_LOCALE.get(lang)
    if locale is None:
        return english
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return english  # translated by the caller through our catalog
    catalog = _catalog(locale)
    for name in (getattr(country, "common_name", None), country.name):
        if name and catalog.gettext(name) != name:
            return catalog.gettext(name)
    return english


def country_name(iso3: str, english: str) -> str:
    """The name of `iso3` (whose English name in our data is `english`) in the current language."""
    if iso3 in OUTSIDE_ISO:
        return _(OUTSIDE_ISO[iso3])
    return _translated(str(iso3), str(english), current())


def names(mapping: dict[str, str]) -> dict[str, str]:
    """iso3 -> name translated, same order."""
    return {iso3: country_name(iso3, name) for iso3, name in mapping.items()}
