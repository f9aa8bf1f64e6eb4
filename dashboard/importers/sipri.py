"""Import SIPRI Arms Transfers Database exports into data/arms_transfers.csv.

    python -m dashboard.importers.sipri --register FILE [--orders FILE] --recipients SRB,MNE,...
        --out data/arms_transfers.csv [--keep-edits | --drop-edits]

Rows whose transfer_id starts with `sipri-` are regenerated on every run; all other rows (hand-curated,
e.g. `arms-...`) are kept as they are. Curated judgements on a SIPRI row (description, deal_type, value,
status, confidence, notes) live in arms_overrides.csv (transfer_id,field,value,reason) and are applied
after each import. If such a field was edited in arms_transfers.csv itself, the import stops and lists the
edits: rerun with --keep-edits to move them into the overrides file, or --drop-edits to discard them.
The SIPRI citations of the imported rows in fact_sources.csv are rewritten too; other lines stay as they are.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from dashboard.importers import csv_records
from dashboard.importers.country_names import NAMES_FILE, CountryNames
from dashboard.importers.sipri_deals import Context, build
from dashboard.importers.sipri_files import read_orders, read_register
from dashboard.pipeline.problems import DataError, Problem
from dashboard.schema.catalog import BY_NAME
from dashboard.schema.rows import ArmsTransfer

PREFIX = "sipri-"
COLUMNS = BY_NAME["arms_transfers"].columns
# fields that hold our judgement rather than SIPRI's figures: these may be overridden
OVERRIDABLE = ("description", "deal_type", "value_amount", "value_currency", "status", "confidence", "notes")
OVERRIDE_COLUMNS = ["transfer_id", "field", "value", "reason"]


class UnsavedEdits(DataError):
    """Hand edits to generated rows that the import would overwrite."""


@dataclass(frozen=True)
class Edit:
    transfer_id: str
    field: str
    current: str
    generated: str
    line: int


def _countries(data_dir: Path) -> set[str]:
    return {r.values["iso3"] for r in csv_records.read_csv(data_dir / "countries.csv").records}


def _source_ids(data_dir: Path) -> set[str]:
    return {r.values["source_id"] for r in csv_records.read_csv(data_dir / "sources.csv").records}


def _overrides(path: Path, generated: dict[str, dict]) -> list[tuple[int, str, str, str]]:
    """(line, transfer_id, field, value) for each override; unknown ids or fields are errors."""
    if not path.exists():
        return []
    problems, out = [], []
    for record in csv_records.read_csv(path, OVERRIDE_COLUMNS).records:
        v = record.values
        if not v["transfer_id"].startswith(PREFIX):
            problems.append(
                Problem(
                    str(path), record.line, "transfer_id", "overrides are for sipri- rows only; edit hand rows directly"
                )
            )
        elif v["transfer_id"] not in generated:
            problems.append(
                Problem(
                    str(path),
                    record.line,
                    "transfer_id",
                    f"{v['transfer_id']!r} is no longer produced by the import: move or delete this override",
                )
            )
        elif v["field"] not in OVERRIDABLE:
            problems.append(
                Problem(
                    str(path),
                    record.line,
                    "field",
                    f"{v['field']!r} cannot be overridden (only {', '.join(OVERRIDABLE)}); "
                    "record other values in alternatives.csv",
                )
            )
        elif v["field"] == "value_amount" and v["value"] and not _is_number(v["value"]):
            problems.append(Problem(str(path), record.line, "value", f"not a number (got {v['value']!r})"))
        else:
            out.append((record.line, v["transfer_id"], v["field"], v["value"]))
    if problems:
        raise DataError(problems)
    return out


def _apply(row: dict, field: str, value: str) -> None:
    if value == "":
        row[field] = None
    elif field == "value_amount":
        row[field] = float(value)
    else:
        row[field] = value


def _validate(rows: list[dict], out: Path) -> None:
    problems = []
    for row in rows:
        try:
            ArmsTransfer.model_validate(row)
        except ValidationError as err:
            for e in err.errors():
                column = ".".join(str(p) for p in e["loc"]) or "(row)"
                problems.append(Problem(str(out), 0, column, f"{row['transfer_id']}: {e['msg']}"))
    if problems:
        raise DataError(problems)


def _edits(
    current: csv_records.CsvFile, plain: dict[str, dict], generated: dict[str, dict]
) -> tuple[list[Edit], list[str]]:
    """Hand edits to overridable fields, and a report of SIPRI-driven changes to the other fields.

    A field holding either the imported value or its override is not an edit (a new override is simply applied).
    """
    edits, changes = [], []
    for record in current.records:
        tid = record.values["transfer_id"]
        if not tid.startswith(PREFIX):
            continue
        new = generated.get(tid)
        if new is None:
            changes.append(f"removed {tid} (no longer in the SIPRI files)")
            continue
        for field in COLUMNS:
            old_text, new_text = record.values[field].strip(), csv_records.cell_text(new[field])
            if _same(old_text, new_text) or _same(old_text, csv_records.cell_text(plain[tid][field])):
                continue
            if field in OVERRIDABLE:
                edits.append(Edit(tid, field, old_text, new_text, record.line))
            else:
                changes.append(f"changed {tid} {field}: {old_text or '(empty)'} -> {new_text or '(empty)'}")
    return edits, changes


def _same(a: str, b: str) -> bool:
    return a == b or (_is_number(a) and _is_number(b) and float(a) == float(b))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _dangling_references(data_dir: Path, generated: dict[str, dict], importer_line) -> list[Problem]:
    problems = []
    for name in ("fact_sources.csv", "alternatives.csv"):
        path = data_dir / name
        for record in csv_records.read_csv(path).records:
            v = record.values
            if (
                v["fact_table"] == "arms_transfers"
                and v["fact_id"].startswith(PREFIX)
                and v["fact_id"] not in generated
                and not (name == "fact_sources.csv" and importer_line(v))
            ):
                problems.append(
                    Problem(
                        str(path),
                        record.line,
                        "fact_id",
                        f"{v['fact_id']!r} is no longer produced by the import: re-point or drop this line",
                    )
                )
    return problems


def _sort_key(order: list[str]):
    rank = {code: i for i, code in enumerate(order)}
    return lambda item: (
        rank.get(item.row["recipient_iso3"], len(rank)),
        item.row["supplier_iso3"],
        item.row["order_year"] or 0,
        item.row["transfer_id"],
    )


def run(args: argparse.Namespace) -> list[str]:
    """Do the import; returns report lines. Raises DataError (nothing written) on any problem."""
    out: Path = args.out
    data_dir: Path = args.data or out.parent
    register = read_register(args.register)
    orders = read_orders(args.orders) if args.orders else None
    recipients = [c.strip().upper() for c in args.recipients.split(",") if c.strip()]
    ctx = Context(register, orders, CountryNames.load(data_dir / NAMES_FILE), _countries(data_dir), set(recipients))
    items = build(ctx)
    if ctx.problems:
        raise DataError(ctx.problems)

    sources = {"register": args.register_source, "orders": args.orders_source}
    if not sources["register"]:
        if register.generated_on is None:
            raise DataError(
                [Problem(str(args.register), 1, "(file)", "no 'Data generated' date: pass --register-source")]
            )
        sources["register"] = f"sipri-register-{register.generated_on.year}"
    if orders and not sources["orders"]:
        # the order-level file carries no date: name its vintage after the year following its last delivery
        sources["orders"] = f"sipri-orders-{(ctx.orders_last_year or 0) + 1}"
    known = _source_ids(data_dir)
    missing = [s for kind, s in sources.items() if s and (kind == "register" or orders) and s not in known]
    if missing:
        raise DataError(
            [
                Problem(
                    str(data_dir / "sources.csv"),
                    0,
                    "source_id",
                    f"no sources row {s!r}: add one describing this SIPRI file",
                )
                for s in missing
            ]
        )

    items.sort(key=_sort_key(recipients))
    generated = {item.row["transfer_id"]: item.row for item in items}
    plain = {tid: dict(row) for tid, row in generated.items()}
    overrides_path = args.overrides or data_dir / "arms_overrides.csv"
    for _, tid, field, value in _overrides(overrides_path, generated):
        _apply(generated[tid], field, value)

    current = csv_records.read_csv(out, COLUMNS)
    edits, report = _edits(current, plain, generated)
    if edits and not (args.keep_edits or args.drop_edits):
        raise UnsavedEdits(
            [
                Problem(
                    str(out),
                    e.line,
                    e.field,
                    f"{e.transfer_id}: edited to {e.current!r}; the import gives {e.generated!r}",
                )
                for e in edits
            ]
        )
    if edits and args.keep_edits:
        kept = {(e.transfer_id, e.field) for e in edits}
        for e in edits:
            _apply(generated[e.transfer_id], e.field, e.current)
    _validate(list(generated.values()), out)

    def importer_line(v: dict) -> bool:
        return (
            v["fact_table"] == "arms_transfers"
            and v["fact_id"].startswith(PREFIX)
            and v["source_id"].startswith(PREFIX)
        )

    dangling = _dangling_references(data_dir, generated, importer_line)
    if dangling:
        raise DataError(dangling)

    # everything checked: write
    if edits and args.keep_edits:
        if not overrides_path.exists():
            csv_records.write_atomic(overrides_path, ",".join(OVERRIDE_COLUMNS) + "\n")
        csv_records.replace_records(
            overrides_path,
            lambda v: (v["transfer_id"], v["field"]) in kept,
            [
                {
                    "transfer_id": e.transfer_id,
                    "field": e.field,
                    "value": e.current,
                    "reason": "hand edit kept on import",
                }
                for e in edits
            ],
        )
        report.append(f"kept {len(edits)} hand edit(s) as overrides in {overrides_path}")
    elif edits:
        report.append(f"dropped {len(edits)} hand edit(s)")
    before = {r.values["transfer_id"] for r in current.records}
    csv_records.replace_records(out, lambda v: v["transfer_id"].startswith(PREFIX), [i.row for i in items])
    citations = [
        {"fact_table": "arms_transfers", "fact_id": i.row["transfer_id"], "source_id": sources[kind], "evidence": text}
        for i in items
        for kind, text in i.evidence
    ]
    csv_records.replace_records(data_dir / "fact_sources.csv", importer_line, citations)

    added = [t for t in generated if t not in before]
    report += [f"added {t}" for t in added]
    report += ctx.skipped
    by_recipient = {code: sum(1 for i in items if i.row["recipient_iso3"] == code) for code in recipients}
    report.append("rows per recipient: " + ", ".join(f"{c} {n}" for c, n in by_recipient.items()))
    report.append(
        f"wrote {len(items)} SIPRI rows to {out} (hand rows kept: "
        f"{sum(1 for r in current.records if not r.values['transfer_id'].startswith(PREFIX))}) "
        f"and {len(citations)} citations to {data_dir / 'fact_sources.csv'}"
    )
    return report


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard.importers.sipri", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--register", type=Path, required=True, help="SIPRI trade-register CSV (one row per deal and delivery year)"
    )
    p.add_argument("--orders", type=Path, help="SIPRI order-level trade register CSV (comments, undelivered orders)")
    p.add_argument("--recipients", default="SRB", help="comma-separated ISO3 codes (default: SRB)")
    p.add_argument("--out", type=Path, required=True, help="arms_transfers CSV to update")
    p.add_argument(
        "--data",
        type=Path,
        help="folder with sources, fact_sources, countries, country_names (default: the folder of --out)",
    )
    p.add_argument("--overrides", type=Path, help="overrides CSV (default: arms_overrides.csv in the data folder)")
    p.add_argument("--register-source", help="sources id of the register (default: sipri-register-<year generated>)")
    p.add_argument(
        "--orders-source", help="sources id of the order-level file (default: sipri-orders-<last delivery year + 1>)"
    )
    edits = p.add_mutually_exclusive_group()
    edits.add_argument(
        "--keep-edits", action="store_true", help="move hand edits of sipri rows into the overrides file"
    )
    edits.add_argument("--drop-edits", action="store_true", help="discard hand edits of sipri rows")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        report = run(args)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        if isinstance(err, UnsavedEdits):
            print(
                "sipri-rows were edited by hand: rerun with --keep-edits (record them in the overrides file) "
                "or --drop-edits (discard them)",
                file=sys.stderr,
            )
        print(f"import failed: {len(err.problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
