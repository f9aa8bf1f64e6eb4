"""The shared filters: URL notes, query parameters and the plain-text description."""

from __future__ import annotations

from dashboard.components.filters import Choices, Filters, url_notes

CHOICES = Choices(
    first_year=2000,
    last_year=2025,
    default_from=2006,
    partners={"CHN": "China", "RUS": "Russia"},
    candidates={"MNE": "Montenegro"},
)


def test_usable_url_values_give_no_note():
    raw = {"years": ["2010", "2020"], "partners": ["China"], "blocs": ["East"], "compare": ["Montenegro"]}
    assert url_notes(raw, CHOICES, compare=True) == []


def test_each_unusable_url_value_is_named():
    raw = {"years": ["1990", "2020"], "partners": ["Narnia"], "blocs": ["North"], "compare": ["Atlantis"]}
    notes = url_notes(raw, CHOICES, compare=True)
    assert notes == [
        "years 1990–2020 reach outside the data (2000–2025); showing the default range",
        "unknown partners 'Narnia' ignored",
        "unknown blocs 'North' ignored",
        "unknown compare 'Atlantis' ignored",
    ]
    # a page that does not compare has no comparison widget, so its parameter is not judged there
    assert "unknown compare 'Atlantis' ignored" not in url_notes(raw, CHOICES, compare=False)


def test_years_must_be_a_pair_of_numbers():
    assert url_notes({"years": ["2010"]}, CHOICES, compare=False) == [
        "years=2010 is not a pair of years; showing the default range"
    ]
    assert url_notes({"years": ["2020", "2010"]}, CHOICES, compare=False) == [
        "years 2020–2010 run backwards; read as 2010–2020"
    ]


def test_params_and_description():
    f = Filters(2010, 2020, partners=("CHN",), blocs=("East", "West"), compared=("MNE",))
    assert f.params() == {
        "country": "SRB",
        "year_from": 2010,
        "year_to": 2020,
        "partners": ["CHN"],
        "blocs": ["East", "West"],
    }
    assert f.describe(CHOICES.names) == "Years 2010–2020 · partners: China · blocs: East, West · compared: Montenegro"
    assert Filters(2010, 2020).describe() == "Years 2010–2020 · partners: all · blocs: all"
    assert Filters(2010, 2020, blocs=()).describe() == "Years 2010–2020 · partners: all · blocs: none"
