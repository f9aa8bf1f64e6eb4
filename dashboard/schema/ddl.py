"""The DuckDB DDL of the declared tables: types, keys, checks and comments, derived from the declarations."""

from __future__ import annotations

from dashboard.schema.columns import SQL_TYPES, Column, Table
from dashboard.schema.military_tables import COUNTED_ROLES
from dashboard.schema.tables import BY_NAME, SUBJECT_COUNTRY, TABLES


def _literal(value) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return repr(value)


def _checks(c: Column) -> list[str]:
    checks = []
    if c.enum:
        checks.append(f"{c.name} IN ({', '.join(map(_literal, c.enum))})")
    if c.minimum is not None and c.maximum is not None:
        checks.append(f"{c.name} BETWEEN {c.minimum:g} AND {c.maximum:g}")
    elif c.minimum is not None:
        checks.append(f"{c.name} >= {c.minimum:g}")
    elif c.maximum is not None:
        checks.append(f"{c.name} <= {c.maximum:g}")
    if c.pattern:
        checks.append(f"regexp_matches({c.name}, {_literal(c.pattern.regex)})")
    if c.length_limit is not None and not c.enum:
        checks.append(f"length({c.name}) <= {c.length_limit}")
    return checks


def _column(c: Column) -> str:
    parts = [f"    {c.name:<24} {SQL_TYPES[c.kind]}"]
    if c.required:
        parts.append("NOT NULL")
    if c.default is not None:
        parts.append(f"DEFAULT {_literal(c.default)}")
    parts += [f"CHECK ({check})" for check in _checks(c)]
    if c.references and not c.also_allowed:
        parts.append(f"REFERENCES {c.references} ({BY_NAME[c.references].key[0]})")
    return " ".join(parts)


def create_table(t: Table) -> str:
    lines = [_column(c) for c in t.columns]
    lines.append(f"    PRIMARY KEY ({', '.join(t.key)})")
    lines += [f"    UNIQUE ({', '.join(u)})" for u in t.unique]
    lines += [f"    CHECK ({o.last} IS NULL OR {o.first} IS NULL OR {o.last} >= {o.first})" for o in t.ordered]
    lines += [f"    CHECK (({g.a} IS NULL) = ({g.b} IS NULL))" for g in t.together]
    lines += [
        f"    CHECK ({r.column} IS NOT NULL OR coalesce({r.other} IN ({', '.join(map(_literal, r.values))}), false))"
        for r in t.required_unless
    ]
    comments = [f"COMMENT ON TABLE {t.name} IS {_literal(t.description)};"]
    comments += [f"COMMENT ON COLUMN {t.name}.{c.name} IS {_literal(c.description)};" for c in t.columns]
    return f"CREATE TABLE {t.name} (\n" + ",\n".join(lines) + "\n);\n" + "\n".join(comments) + "\n"


def schema_sql(tables: list[Table] = TABLES) -> str:
    """The whole schema, in load order, and the subject macro; what the build executes and the data
    download ships."""
    head = "-- Serbia Alignment Monitor: database schema (DuckDB), generated from dashboard/schema/.\n"
    subject = f"CREATE MACRO subject_country() AS {_literal(SUBJECT_COUNTRY)};\n"
    subject += f"CREATE MACRO counted_role(role) AS role IN ({', '.join(map(_literal, COUNTED_ROLES))});\n"
    return head + "\n".join(create_table(t) for t in tables) + "\n" + subject
