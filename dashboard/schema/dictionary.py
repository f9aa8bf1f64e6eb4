"""The data dictionary: one row per column of every table, derived from the declarations.

English by default (data_dictionary.csv in the zip, the API); `translated=True` gives the reader's language
for the Data & sources page: descriptions and the rules' words translated, while table and column names,
types and allowed values stay as stored (they are what a reader finds in the data).
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import N_, _
from dashboard.schema.columns import SQL_TYPES, Column, Table
from dashboard.schema.tables import BY_NAME, PUBLISHED

DICTIONARY_COLUMNS = ["table", "column", "type", "required", "key", "references", "rule", "note"]

ONE_OF = N_("one of: {values}")
AT_MOST = N_("at most {n} characters")
EMPTY_MEANS = N_("empty means {value}")
NOT_BEFORE = N_("not before {column}")
TOGETHER = N_("given together with {column}")
REQUIRED_UNLESS = N_("required unless {column} is one of: {values}")
UNIQUE = N_("unique together: {columns}")
OR_ALSO = N_("{target} (or {values})")


def _english(message: str) -> str:
    return message


def rule(c: Column, say=_english) -> str:
    """A column's checks in words: allowed values, bounds, lengths, patterns."""
    parts = [say(ONE_OF).format(values=", ".join(c.enum))] if c.enum else []
    if c.minimum is not None:
        parts.append(f">= {c.minimum:g}")
    if c.maximum is not None:
        parts.append(f"<= {c.maximum:g}")
    if c.length_limit is not None and not c.enum:
        parts.append(say(AT_MOST).format(n=c.length_limit))
    if c.pattern:
        parts.append(say(c.pattern.words))
    if c.default is not None:
        parts.append(say(EMPTY_MEANS).format(value=c.default))
    return "; ".join(parts)


def _table_rules(t: Table, say=_english) -> dict[str, list[str]]:
    """Rules that tie a column to another one, listed under the later column."""
    notes: dict[str, list[str]] = {}
    for o in t.ordered:
        notes.setdefault(o.last, []).append(say(NOT_BEFORE).format(column=o.first))
    for g in t.together:
        notes.setdefault(g.b, []).append(say(TOGETHER).format(column=g.a))
    for r in t.required_unless:
        notes.setdefault(r.column, []).append(say(REQUIRED_UNLESS).format(column=r.other, values=", ".join(r.values)))
    for u in t.unique:
        notes.setdefault(u[-1], []).append(say(UNIQUE).format(columns=", ".join(u)))
    return notes


def _references(c: Column, say=_english) -> str:
    if not c.references:
        return ""
    target = f"{c.references}.{BY_NAME[c.references].key[0]}"
    return say(OR_ALSO).format(target=target, values=", ".join(sorted(c.also_allowed))) if c.also_allowed else target


def dictionary(tables: list[Table] = PUBLISHED, translated: bool = False) -> pd.DataFrame:
    """The dictionary; `translated`: in the current session's language (a page), else English (files)."""
    say = _ if translated else _english
    rows = []
    for t in tables:
        extra = _table_rules(t, say)
        for c in t.columns:
            rows.append(
                {
                    "table": t.name,
                    "column": c.name,
                    "type": SQL_TYPES[c.kind],
                    "required": "yes" if c.required else "no",
                    "key": "yes" if c.name in t.key else "",
                    "references": _references(c, say),
                    "rule": "; ".join(filter(None, [rule(c, say), *extra.get(c.name, [])])),
                    "note": say(c.description),
                }
            )
    return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)
