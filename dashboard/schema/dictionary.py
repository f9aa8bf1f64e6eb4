"""The data dictionary: one row per column of every table, derived from the declarations."""

from __future__ import annotations

import pandas as pd

from dashboard.schema.columns import SQL_TYPES, Column, Table
from dashboard.schema.tables import BY_NAME, TABLES

DICTIONARY_COLUMNS = ["table", "column", "type", "required", "key", "references", "rule", "note"]


def rule(c: Column) -> str:
    """A column's checks in words: allowed values, bounds, lengths, patterns."""
    parts = [("one of: " + ", ".join(c.enum))] if c.enum else []
    if c.minimum is not None:
        parts.append(f">= {c.minimum:g}")
    if c.maximum is not None:
        parts.append(f"<= {c.maximum:g}")
    if c.length_limit is not None and not c.enum:
        parts.append(f"at most {c.length_limit} characters")
    if c.pattern:
        parts.append(c.pattern.words)
    if c.default is not None:
        parts.append(f"empty means {c.default}")
    return "; ".join(parts)


def _table_rules(t: Table) -> dict[str, list[str]]:
    """Rules that tie a column to another one, listed under the later column."""
    notes: dict[str, list[str]] = {}
    for o in t.ordered:
        notes.setdefault(o.last, []).append(f"not before {o.first}")
    for g in t.together:
        notes.setdefault(g.b, []).append(f"given together with {g.a}")
    for r in t.required_unless:
        notes.setdefault(r.column, []).append(f"required unless {r.other} is {' or '.join(r.values)}")
    for u in t.unique:
        notes.setdefault(u[-1], []).append(f"unique together: {', '.join(u)}")
    return notes


def _references(c: Column) -> str:
    if not c.references:
        return ""
    target = f"{c.references}.{BY_NAME[c.references].key[0]}"
    return target + (f" (or {', '.join(sorted(c.also_allowed))})" if c.also_allowed else "")


def dictionary(tables: list[Table] = TABLES) -> pd.DataFrame:
    rows = []
    for t in tables:
        extra = _table_rules(t)
        for c in t.columns:
            rows.append(
                {
                    "table": t.name,
                    "column": c.name,
                    "type": SQL_TYPES[c.kind],
                    "required": "yes" if c.required else "no",
                    "key": "yes" if c.name in t.key else "",
                    "references": _references(c),
                    "rule": "; ".join(filter(None, [rule(c), *extra.get(c.name, [])])),
                    "note": c.description,
                }
            )
    return pd.DataFrame(rows, columns=DICTIONARY_COLUMNS)
