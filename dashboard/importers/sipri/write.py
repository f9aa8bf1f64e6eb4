"""Write step: the SIPRI folder's files, each regenerated whole: arms_transfers.csv (the `sipri-` rows as the
SIPRI files give them, before curated/corrections.csv), fact_sources.csv (their SIPRI citations) and
inputs.json (what was read). Rows are checked against the table's declaration before anything is written."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from dashboard.importers import csv_records, layout, provenance
from dashboard.importers.sipri.rows import Imported
from dashboard.pipeline.problems import DataError, Problem
from dashboard.pipeline.read_tables import validation_problems
from dashboard.schema.row_models import row_model
from dashboard.schema.tables import BY_NAME

DATASET = "sipri"
TABLE = BY_NAME["arms_transfers"]
CITATIONS = BY_NAME["fact_sources"]


def as_text(row: dict) -> dict[str, str | None]:
    """A generated row as its CSV cells would read back (None for an empty cell)."""
    return {c: csv_records.cell_text(row.get(c)) or None for c in TABLE.column_names}


def validate(items: list[Imported], out: Path) -> None:
    problems: list[Problem] = []
    model = row_model(TABLE)
    for line, item in enumerate(items, start=2):
        raw = as_text(item.row)
        try:
            model.model_validate(raw)
        except ValidationError as err:
            problems += validation_problems(err, raw, str(out), line)
    if problems:
        raise DataError(problems)


def citations(items: list[Imported], sources: dict[str, str]) -> list[dict]:
    """One fact_sources line per evidence text; `sources` maps the kind (register/orders) to its source id."""
    return [
        {"fact_table": TABLE.name, "fact_id": i.row["transfer_id"], "source_id": sources[kind], "evidence": text}
        for i in items
        for kind, text in i.evidence
    ]


def changes(path: Path, items: list[Imported]) -> list[str]:
    """What the run changes against the file it replaces: rows added, removed, fields changed."""
    if not path.exists():
        return [f"added {len(items)} rows (new file)"]
    before = {r.values["transfer_id"]: r.values for r in csv_records.read_csv(path).records}
    after = {i.row["transfer_id"]: as_text(i.row) for i in items}
    report = [f"removed {tid} (no longer in the SIPRI files)" for tid in before if tid not in after]
    for tid, row in after.items():
        old = before.get(tid)
        if old is None:
            report.append(f"added {tid}")
            continue
        for column, new in row.items():
            was = old.get(column) or ""  # a column the declaration gained since the last run reads as empty
            if (was.strip() or None) != new:
                report.append(f"changed {tid} {column}: {was or '(empty)'} -> {new or '(empty)'}")
    return report


def write(out_dir: Path, items: list[Imported], sources: dict[str, str], inputs: list[dict]) -> list[str]:
    """Write the folder; returns the report of changes (to be printed)."""
    table_path = out_dir / TABLE.filename
    validate(items, table_path)
    report = changes(table_path, items)
    cites = citations(items, sources)
    layout.write_table(table_path, TABLE.column_names, [i.row for i in items])
    layout.write_table(out_dir / CITATIONS.filename, CITATIONS.column_names, cites)
    provenance.write(out_dir, DATASET, inputs)
    report.append(f"wrote {len(items)} SIPRI rows and {len(cites)} citations to {out_dir}")
    return report
