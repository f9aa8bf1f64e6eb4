"""The names table shared by the importers (data/curated/country_names.csv): table first, dated rows, then pycountry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard.importers.country_names import CountryNames, year_date
from dashboard.pipeline.problems import DataError
from tests.conftest import ROOT

NAMES = ROOT / "data" / "curated" / "country_names.csv"
HEADER = "name,iso3,valid_from,valid_to,note\n"


@pytest.fixture(scope="module")
def names() -> CountryNames:
    return CountryNames.load(NAMES)


def _table(tmp_path: Path, rows: str) -> Path:
    path = tmp_path / "names.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return path


def test_table_then_pycountry(names):
    assert names.iso3("Bosnia-Herzegovina") == "BIH" and names.iso3("Soviet Union") == "SUN"
    assert names.iso3("Kosovo") == "XKX" and names.iso3("Turkiye") == "TUR"
    assert names.iso3("Germany") == "DEU"  # from pycountry
    assert names.iso3("NLA (Macedonia)*") is None  # SIPRI's mark for a non-state actor
    assert names.iso3("unknown supplier(s)") is None  # listed without a code: skip
    assert names.known("unknown supplier(s)") and not names.known("Narnia")
    assert names.iso3("SERBIA  &  MONTENEGRO") == "SRB"  # case, spacing and '&' do not matter


def test_dated_rows_hold_between_their_dates(names):
    for label in ("Yugoslavia", "YU"):
        assert names.iso3(label, dt.date(1985, 7, 1)) == "YUG"
        assert names.iso3(label, dt.date(2003, 2, 3)) == "YUG"  # last day of FR Yugoslavia
        assert names.iso3(label, dt.date(2003, 2, 4)) == "SRB"  # Serbia and Montenegro, then Serbia, kept the seat
        assert names.dated(label)
        assert names.iso3(label) is None  # without a date a dated name is ambiguous
    assert names.iso3("Yugoslavia", year_date(2002)) == "YUG" and names.iso3("Yugoslavia", year_date(2003)) == "SRB"
    assert names.iso3("Serbia and Montenegro") == names.iso3("Serbia and Montenegro", dt.date(1999, 1, 1)) == "SRB"
    assert not names.dated("Serbia and Montenegro")


def test_codes_come_before_names_and_a_country_list_filters(tmp_path):
    names = CountryNames.load(_table(tmp_path, "YU,YUG,,2003-02-03,\nYU,SRB,2003-02-04,,\n"), countries={"SRB", "SDN"})
    assert names.iso3("Anything", dt.date(2005, 1, 1), code="YU") == "SRB"  # table by code
    assert names.iso3("Anything", dt.date(1999, 1, 1), code="YU") is None  # YUG is not in the list
    assert names.iso3("SUDAN", dt.date(2010, 1, 1), code="736") == "SDN"  # old M49 code unknown: by name
    assert names.iso3("Germany") is None  # pycountry finds DEU, not listed


@pytest.mark.parametrize(
    "rows, expected",
    [
        ("Russia,RUS,,,\nRussia,SUN,,,\n", "names.csv:3: name: 'Russia' is listed twice for the same dates"),
        ("YU,YUG,,2003-02-03,\nYU,SRB,2003-02-03,,\n", "names.csv:3: name: 'YU' is listed twice for the same dates"),
        ("YU,YUG,2003-02-04,2003-02-03,\n", "names.csv:2: valid_to: ends before valid_from"),
        ("YU,YUG,,2003-13-01,\n", "names.csv:2: valid_from: dates must be YYYY-MM-DD"),
        ("Russia,RU,,,\n", "names.csv:2: iso3: 'RU' is not a three-letter code"),
    ],
)
def test_bad_table_names_file_and_line(tmp_path, rows, expected):
    with pytest.raises(DataError) as err:
        CountryNames.load(_table(tmp_path, rows))
    assert expected in str(err.value)


def test_old_header_is_refused(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("name,iso3,note\nRussia,RUS,\n", encoding="utf-8")
    with pytest.raises(DataError, match="expected columns name,iso3,valid_from,valid_to,note"):
        CountryNames.load(path)
