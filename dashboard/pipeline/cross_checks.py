"""Check step, before the database: rules that span rows or tables (keys, references, sourcing), reported
at the file and line of the offending row."""

from __future__ import annotations

from dashboard.pipeline.problems import Problem
from dashboard.pipeline.read_tables import Loaded
from dashboard.schema.tables import BY_NAME, FACT_KEY


def check_keys(loaded: Loaded, problems: list[Problem]) -> None:
    table = loaded.table
    for columns in (table.key, *table.unique):
        what = "key" if columns == table.key else "value"
        seen: dict[tuple, tuple[str, int]] = {}
        for r in loaded.rows:
            key = tuple(r.row[c] for c in columns)
            if key in seen:
                file, line = seen[key]
                where = f"line {line}" if file == r.file else f"{file}:{line}"
                problems.append(
                    Problem(
                        r.file,
                        r.line,
                        ",".join(columns),
                        f"duplicate {what} {'/'.join(map(str, key))} (first on {where})",
                    )
                )
            else:
                seen[key] = (r.file, r.line)


def check_references(tables: dict[str, Loaded], problems: list[Problem]) -> None:
    keys = {name: {r.row[BY_NAME[name].key[0]] for r in t.rows} for name, t in tables.items()}
    for loaded in tables.values():
        for column in loaded.table.refs.values():
            allowed = keys[column.references] | column.also_allowed
            what = "country code" if column.references == "countries" else f"{column.references} id"
            for r in loaded.rows:
                value = r.row[column.name]
                if value is not None and value not in allowed:
                    problems.append(
                        Problem(r.file, r.line, column.name, f"unknown {what} {value!r} (not in {column.references})")
                    )


def check_citations(tables: dict[str, Loaded], problems: list[Problem]) -> None:
    """Every citation and alternative points at a fact that exists."""
    fact_ids = {name: {r.row[FACT_KEY[name]] for r in tables[name].rows} for name in FACT_KEY}
    for name in ("fact_sources", "alternatives"):
        for r in tables[name].rows:
            fact_table, fact_id = r.row["fact_table"], r.row["fact_id"]
            if fact_id not in fact_ids[fact_table]:
                problems.append(Problem(r.file, r.line, "fact_id", f"no {fact_table} row with id {fact_id!r}"))
    # that every fact cites a source is checked on the database (queries/checks/unsourced_facts.sql)


def check_all(tables: dict[str, Loaded], problems: list[Problem]) -> None:
    for loaded in tables.values():
        check_keys(loaded, problems)
    check_references(tables, problems)
    check_citations(tables, problems)
