"""The curated country lists the UN importer codes votes against (curated/countries.csv, country_names.csv)."""

from __future__ import annotations

from pathlib import Path

from dashboard.importers import layout
from dashboard.importers.country_names import NAMES_FILE, CountryNames
from dashboard.paths import DATA_DIR


def country_names(data_dir: Path = DATA_DIR) -> CountryNames:
    """The names table of the data folder, resolving only to codes that countries.csv lists."""
    return CountryNames.load(layout.curated(data_dir, NAMES_FILE), countries=country_codes(data_dir))


def country_codes(data_dir: Path = DATA_DIR) -> list[str]:
    return [row["iso3"] for row in layout.countries(data_dir)]


def eu_members(data_dir: Path = DATA_DIR) -> list[str]:
    """Today's EU member states (countries.csv eu_member), whose majority is the partner 'EU'."""
    return [row["iso3"] for row in layout.countries(data_dir) if row["eu_member"]]
