"""Curate step: apply `curated/corrections.csv` to the rows importers wrote.

Importers own their folders and regenerate them from upstream files; a judgement about an imported row (a
SIPRI deal that was a donation, a better description) lives here instead, so a re-import never loses it.
Only columns declared `correctable` may be set, only on imported rows (a curated row is edited in place),
and the corrected row is checked again by its table's row model.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from dashboard.pipeline.problems import Problem
from dashboard.pipeline.read_tables import CURATED, Loaded, read_file, validation_problems
from dashboard.schema.row_models import row_model
from dashboard.schema.tables import BY_NAME, CORRECTIONS, FACT_KEY


def read_corrections(data_dir: Path, problems: list[Problem]) -> Loaded:
    """The correction lines (no file: nothing to correct)."""
    loaded = Loaded(CORRECTIONS)
    path = data_dir / CURATED / CORRECTIONS.filename
    if path.exists():
        read_file(path, f"{CURATED}/{CORRECTIONS.filename}", CORRECTIONS, problems, loaded)
    return loaded


def apply_corrections(corrections: Loaded, tables: dict[str, Loaded], problems: list[Problem]) -> int:
    """Set each corrected field on its imported row, in place; returns how many were applied.

    All corrections of one row are applied together and the row is checked once, so fields that go together
    (value_amount and value_currency) can be corrected on two lines."""
    by_id = {name: {r.row[FACT_KEY[name]]: r for r in tables[name].rows} for name in FACT_KEY if name in tables}
    pending: dict[int, tuple] = {}
    for c in corrections.rows:
        fact_table, fact_id, field = c.row["fact_table"], c.row["fact_id"], c.row["field"]
        bad = _reporter(c.file, c.line, problems)
        table = BY_NAME[fact_table]
        column = table.by_name.get(field)
        target = by_id[fact_table].get(fact_id)
        if column is None or not column.correctable:
            allowed = ", ".join(col.name for col in table.columns if col.correctable) or "none"
            bad("field", f"{field!r} cannot be corrected in {fact_table} (correctable: {allowed})")
        elif target is None:
            bad("fact_id", f"no {fact_table} row with id {fact_id!r}")
        elif not target.imported:
            bad("fact_id", f"{fact_id!r} is a curated row ({target.file}:{target.line}): edit it there")
        else:
            raw = {k: _as_text(v) for k, v in target.row.items()}
            entry = pending.setdefault(id(target), (target, table, raw, []))
            entry[2][field] = c.row["value"]
            entry[3].append(c)
    applied = 0
    for target, table, raw, lines in pending.values():
        try:
            target.row = row_model(table).model_validate(raw).model_dump()
        except ValidationError as err:
            first = lines[0]
            problems += [
                Problem(first.file, first.line, "value", f"{p.column}: {p.message}")
                for p in validation_problems(err, raw, first.file, first.line)
            ]
            continue
        applied += len(lines)
    return applied


def _reporter(file: str, line: int, problems: list[Problem]):
    return lambda column, message: problems.append(Problem(file, line, column, message))


def _as_text(value):
    """A parsed value back to what the CSV cell held, so the model parses it the same way again."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if not isinstance(value, str) else value
