"""Declarations of the index tables: derived by the build from the fact tables (dashboard/index/, appended to
dashboard.pipeline.build.DERIVED_STEPS), never read from CSVs. The public interface of the index for anyone
reading the database or the open-data endpoints; the app computes other weightings on the fly."""

from __future__ import annotations

from dashboard.i18n import N_
from dashboard.index.settings import NAMES
from dashboard.schema.columns import Table, count, country, integer, number, text, text_list


def _year():
    return integer("year", N_("calendar year"), required=True, minimum=1990, maximum=2100)


EAST_WEST_INDEX = Table(
    "east_west_index",
    N_(
        "The East–West index per country and year at the default settings (docs/method.md); years with fewer "
        "than two components have no row."
    ),
    (
        country("country_iso3", N_("the country (Serbia or another Western Balkan candidate)"), required=True),
        _year(),
        number(
            "value",
            N_("the index at the default settings: −1 fully East … +1 fully West"),
            required=True,
            minimum=-1,
            maximum=1,
        ),
        number("lower", N_("5th percentile of the Monte Carlo draws (never above value)"), minimum=-1, maximum=1),
        number("upper", N_("95th percentile of the Monte Carlo draws (never below value)"), minimum=-1, maximum=1),
        text_list("components_used", N_("the components that carried the value (coverage)"), required=True),
        number("median", N_("median of the Monte Carlo draws"), minimum=-1, maximum=1),
        count("n_components", N_("number of components present"), required=True),
        number("rank", N_("rank among the countries with a value that year, 1 = furthest West"), minimum=1),
        number("rank_best", N_("best rank within the 5–95 % band of the draws"), minimum=1),
        number("rank_worst", N_("worst rank within the 5–95 % band of the draws"), minimum=1),
    ),
    key=("country_iso3", "year"),
)

EAST_WEST_COMPONENTS = Table(
    "east_west_components",
    N_("The components of the East–West index per country and year at the default settings (docs/method.md)."),
    (
        country("country_iso3", N_("the country"), required=True),
        _year(),
        text("component", N_("the component"), required=True, enum=NAMES),
        number(
            "value",
            N_("the component at the default settings: −1 fully East … +1 fully West"),
            required=True,
            minimum=-1,
            maximum=1,
        ),
        number(
            "weight",
            N_("the weight it carries in that year's index after rescaling (0: no index that year)"),
            required=True,
            minimum=0,
            maximum=1,
        ),
        text("basis", N_("what the value rests on, in words")),
        text("flag", N_("a caveat, e.g. few shared UN roll calls")),
        text("fact_table", N_("the table of the facts behind the value"), required=True),
        text_list("fact_ids", N_("the facts behind the value (ids in fact_table)")),
    ),
    key=("country_iso3", "year", "component"),
)
