"""Read and check the curated CSVs; every problem is reported as `file:line: column: what is wrong`."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from dashboard.pipeline.problems import DataError, Problem
from dashboard.schema.catalog import BY_NAME, FACT_KEY, SOURCED, TABLES, TableSpec


@dataclass
class Loaded:
    """The validated rows of one table: (line number, row as python values)."""

    spec: TableSpec
    rows: list[tuple[int, dict]]


def _decode(path: Path, raw: bytes, problems: list[Problem]) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(
            Problem(
                path.name,
                line,
                "(file)",
                f"not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start}); save the file as UTF-8",
            )
        )
        return None


def read_table(path: Path, spec: TableSpec, problems: list[Problem]) -> Loaded:
    """Parse one CSV against its row model; append every problem found."""
    loaded = Loaded(spec, [])
    if not path.exists():
        problems.append(Problem(path.name, 0, "(file)", "file is missing"))
        return loaded
    text = _decode(path, path.read_bytes(), problems)
    if text is None:
        return loaded
    if not text.strip():
        problems.append(Problem(path.name, 1, "(file)", "empty file: expected a header row " + ",".join(spec.columns)))
        return loaded
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    if header != spec.columns:
        missing = [c for c in spec.columns if c not in header]
        extra = [c for c in header if c not in spec.columns]
        detail = []
        if missing:
            detail.append("missing " + ", ".join(missing))
        if extra:
            detail.append("unexpected " + ", ".join(extra))
        if not detail:
            detail.append("columns out of order")
        problems.append(
            Problem(path.name, 1, "header", f"wrong header ({'; '.join(detail)}); expected " + ",".join(spec.columns))
        )
        return loaded
    line = 1
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue  # blank line
        if len(cells) != len(header):
            problems.append(Problem(path.name, line, "(row)", f"{len(cells)} fields, expected {len(header)}"))
            continue
        raw = {col: (val if val.strip() != "" else None) for col, val in zip(header, cells)}
        try:
            row = spec.model.model_validate(raw)
        except ValidationError as err:
            for e in err.errors():
                column = ".".join(str(p) for p in e["loc"]) or "(row)"
                value = raw.get(column)
                shown = f" (got {value!r})" if value is not None else ""
                problems.append(Problem(path.name, line, column, e["msg"] + shown))
            continue
        loaded.rows.append((line, row.model_dump()))
    return loaded


def _check_keys(loaded: Loaded, problems: list[Problem]) -> None:
    for columns in (loaded.spec.key, *loaded.spec.unique):
        what = "key" if columns == loaded.spec.key else "value"
        seen: dict[tuple, int] = {}
        for line, row in loaded.rows:
            key = tuple(row[c] for c in columns)
            if key in seen:
                problems.append(
                    Problem(
                        loaded.spec.filename,
                        line,
                        ",".join(columns),
                        f"duplicate {what} {'/'.join(map(str, key))} (first on line {seen[key]})",
                    )
                )
            else:
                seen[key] = line


def _check_refs(tables: dict[str, Loaded], problems: list[Problem]) -> None:
    keys = {name: {row[BY_NAME[name].key[0]] for _, row in t.rows} for name, t in tables.items()}
    for loaded in tables.values():
        spec = loaded.spec
        for column, (target, _) in spec.refs.items():
            allowed = keys[target] | spec.ref_extras.get(column, frozenset())
            for line, row in loaded.rows:
                value = row[column]
                if value is not None and value not in allowed:
                    what = "country code" if target == "countries" else f"{target} id"
                    problems.append(
                        Problem(spec.filename, line, column, f"unknown {what} {value!r} (not in {target}.csv)")
                    )


def _check_sourcing(tables: dict[str, Loaded], problems: list[Problem]) -> None:
    fact_ids = {name: {row[FACT_KEY[name]] for _, row in tables[name].rows} for name in FACT_KEY}
    cited: dict[str, set] = defaultdict(set)
    for spec_name in ("fact_sources", "alternatives"):
        loaded = tables[spec_name]
        for line, row in loaded.rows:
            if row["fact_id"] not in fact_ids[row["fact_table"]]:
                problems.append(
                    Problem(
                        loaded.spec.filename, line, "fact_id", f"no {row['fact_table']} row with id {row['fact_id']!r}"
                    )
                )
            elif spec_name == "fact_sources":
                cited[row["fact_table"]].add(row["fact_id"])
    for spec in SOURCED:
        for line, row in tables[spec.name].rows:
            fact_id = row[FACT_KEY[spec.name]]
            if fact_id not in cited[spec.name]:
                problems.append(
                    Problem(
                        spec.filename,
                        line,
                        FACT_KEY[spec.name],
                        f"{fact_id!r} cites no source (add a line to fact_sources.csv)",
                    )
                )


def load_all(data_dir: Path) -> dict[str, Loaded]:
    """Read and check every table; raise DataError listing every problem, or return the validated rows."""
    problems: list[Problem] = []
    tables = {spec.name: read_table(data_dir / spec.filename, spec, problems) for spec in TABLES}
    for loaded in tables.values():
        _check_keys(loaded, problems)
    _check_refs(tables, problems)
    _check_sourcing(tables, problems)
    if problems:
        raise DataError(problems)
    return tables
