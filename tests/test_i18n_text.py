"""Serbian Cyrillic derived from Latin, country names from pycountry, numbers and dates by locale."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.i18n import catalog, countries, formats
from dashboard.i18n.script import to_cyrillic
from dashboard.i18n.switch import from_locale


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("ljubav, Ljubljana", "љубав, Љубљана"),
        ("njiva, Njegoš", "њива, Његош"),
        ("džep, Džakarta", "џеп, Џакарта"),
        ("Đorđe, čačak, ćup, šuma, žaba", "Ђорђе, чачак, ћуп, шума, жаба"),
        ("SAD i Rusija", "САД и Русија"),  # a Serbian acronym is a Serbian word
    ],
)
def test_serbian_latin_becomes_cyrillic_digraphs_included(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    "kept",
    [
        "SIPRI",
        "NATO",
        "CFSP",
        "EU",
        "UN",
        "TIV",
        "SRB",
        "ISO3",
        "https://www.sipri.org/databases/armstransfers",
        "`python -m dashboard.build`",
        "{n}",
        "lang=sr-Latn",
        "arms_transfers.csv",
        "<br>",
        "data@example.org",
    ],
)
def test_acronyms_codes_urls_and_placeholders_stay_latin(kept):
    assert to_cyrillic(f"vidi {kept} ovde") == f"види {kept} овде"


def test_country_names_come_from_pycountry_catalogs():
    import gettext

    import pycountry

    latin = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["sr@latin"])
    native = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["sr"])
    with catalog.using("sr-Latn"):
        assert countries.country_name("CHN", "China") == latin.gettext("China") != "China"
        assert countries.country_name("EUU", "European Union") == "Evropska unija"  # outside ISO: our catalog
    with catalog.using("sr-Cyrl"):
        assert countries.country_name("CHN", "China") == native.gettext("China")
        assert countries.country_name("EUU", "European Union") == "Европска унија"
    assert countries.country_name("CHN", "China") == "China"


def test_numbers_and_dates_follow_the_locale():
    assert formats.number(12345.6, 1) == "12,345.6"
    with catalog.using("sr-Latn"):
        assert formats.number(12345.6, 1) == "12.345,6"
        assert formats.plotly_separators() == ",."
        assert "mart" in formats.date(dt.date(2024, 3, 5), "long")
    with catalog.using("sr-Cyrl"):
        assert "март" in formats.date(dt.date(2024, 3, 5), "long")


@pytest.mark.parametrize(
    ("tag", "lang"),
    [("en-US", "en"), ("de-DE", "en"), ("", "en"), (None, "en"), ("sr", "sr-Cyrl"), ("sr-RS", "sr-Cyrl")]
    + [("sr-Cyrl-RS", "sr-Cyrl"), ("sr-Latn-RS", "sr-Latn"), ("sr_Latn", "sr-Latn"), ("hr-HR", "sr-Latn")],
)
def test_browser_locale_picks_the_language(tag, lang):
    assert from_locale(tag) == lang
