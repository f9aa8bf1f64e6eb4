"""The words of the data that readers see (statement kinds, institutions, topics, status, confidence, Serbia's
role, a deal's type, blocs, votes) in the reader's language.

The words and their English labels are declared once, with the column, in `dashboard/schema/` (a mapping
`enum`, or `labels` for a column whose values are open); the data, the queries, the API and the table
downloads keep the stored values. A value the declaration does not label is shown as it is (data text).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import pandas as pd

from dashboard.i18n import _


@functools.cache
def _labels(table: str, column: str) -> dict[str, str]:
    from dashboard.schema.tables import BY_NAME  # the schema imports dashboard.i18n: import it when first used

    return BY_NAME[table].by_name[column].label_of


def label(table: str, column: str, value):
    """`value` of `table.column` in the reader's language; anything the declaration does not label unchanged."""
    labels = _labels(table, column)
    if isinstance(value, str) and value in labels:
        return _(labels[value])
    return value


def labeller(table: str, column: str) -> Callable[[object], object]:
    """`label` for one column, for `Series.map`."""
    return functools.partial(label, table, column)


def translated(frame: pd.DataFrame, table: str, columns: Iterable[str]) -> pd.DataFrame:
    """A copy of `frame` with `columns` (of `table`) in the reader's language, for display only."""
    out = frame.copy()
    for column in columns:
        if column in out:
            out[column] = out[column].map(labeller(table, column))
    return out
