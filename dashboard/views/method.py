"""The Method page: docs/method.md (the one text of the method), stamped with the dataset version, and one
year of Serbia's index worked through from the current database."""

from __future__ import annotations

import re

import pandas as pd

from dashboard.components.filters import SUBJECT
from dashboard.i18n import _, current, docs
from dashboard.index import settings as s
from dashboard.paths import DATA_DIR
from dashboard.store import app_data
from dashboard.store.cache import per_database
from dashboard.views.index_data import component_table, index_table

METHOD_MD = DATA_DIR.parent / "docs" / "method.md"
DEFAULT = tuple(round(100 * s.DEFAULT_WEIGHTS[n]) for n in s.NAMES)


def method_text() -> str:
    """docs/method.md (docs/method.sr.md in Serbian) without its first heading (the page has its own title)."""
    return re.sub(r"\A# [^\n]*\n", "", docs.document(METHOD_MD))


def method_file() -> str:
    """The repository path of the text the page shows."""
    return "docs/" + docs.version_path(METHOD_MD, current()).name


def dataset_version() -> str:
    """The version of the data the page describes (table dataset_info, the one place a version is made)."""
    return app_data.dataset_info()["version"]


@per_database
def worked_year(year: int | None = None) -> tuple[int | None, pd.DataFrame, float | None]:
    """Serbia's components in `year` (default: the latest year with every component present, else the latest
    with a value) at the default weights: value, weight, rescaled weight and contribution. Built once per
    database and language: the frame filtering took two fifths of the Method page's run."""
    index = index_table(DEFAULT)
    mine = index[(index["country_iso3"] == SUBJECT) & index["value"].notna()]
    if mine.empty:
        return None, pd.DataFrame(), None
    if year is None:
        full = mine[mine["n_components"] == mine["n_components"].max()]
        year = int(full["year"].max())
    parts = component_table(DEFAULT)
    parts = parts[(parts["country_iso3"] == SUBJECT) & (parts["year"] == year)]
    rows = pd.DataFrame(
        {
            _("Component"): [_(s.LABELS[c]) for c in parts["component"]],
            _("Value"): parts["value"].round(3),
            _("Default weight"): [s.DEFAULT_WEIGHTS[c] for c in parts["component"]],
            _("Rescaled weight"): parts["weight"].round(3),
            _("Contribution"): (parts["value"] * parts["weight"]).round(3),
            _("Rests on"): parts["basis"],
        }
    )
    value = float(mine.loc[mine["year"] == year, "value"].iloc[0])
    return year, rows, value
