"""Import SIPRI Arms Transfers Database exports into the folder data/imported/sipri/.

    python -m dashboard.importers.sipri --register FILE [--orders FILE] [--recipients SRB,MNE,...]
        [--data DIR] [--out DIR] [--shared DIR] [--register-source ID] [--orders-source ID]

Reads the upstream files and curated/{countries,country_names,sources}.csv of the data folder; writes only
imported/sipri/ (or --out): arms_transfers.csv, fact_sources.csv and inputs.json, each regenerated whole.
Judgements on a generated row belong in curated/corrections.csv, which the build applies; SIPRI's figures
that other sources dispute go to curated/alternatives.csv. Any problem stops the import before anything is
written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.importers import layout, provenance
from dashboard.importers.country_names import NAMES_FILE, CountryNames
from dashboard.importers.sipri import write
from dashboard.importers.sipri.context import Context
from dashboard.importers.sipri.read_orders import read_orders
from dashboard.importers.sipri.read_register import read_register
from dashboard.importers.sipri.transfers import build
from dashboard.paths import DATA_DIR
from dashboard.pipeline.problems import DataError, Problem


def _sort_key(order: list[str]):
    rank = {code: i for i, code in enumerate(order)}
    return lambda item: (
        rank.get(item.row["recipient_iso3"], len(rank)),
        item.row["supplier_iso3"],
        item.row["order_year"] or 0,
        item.row["transfer_id"],
    )


def _source_ids(args: argparse.Namespace, register, ctx: Context) -> dict[str, str]:
    """kind (register/orders) → the sources.csv id cited for that file."""
    sources = {"register": args.register_source}
    if not sources["register"]:
        if register.generated_on is None:
            raise DataError(
                [Problem(str(args.register), 1, "(file)", "no 'Data generated' date: pass --register-source")]
            )
        sources["register"] = f"sipri-register-{register.generated_on.year}"
    if args.orders:
        # the order-level file carries no date: name its vintage after the year following its last delivery
        sources["orders"] = args.orders_source or f"sipri-orders-{(ctx.orders_last_year or 0) + 1}"
    return sources


def run(args: argparse.Namespace) -> list[str]:
    """Do the import; returns report lines. Raises DataError (nothing written) on any problem."""
    data_dir: Path = args.data
    out_dir: Path = args.out or layout.dataset_dir(data_dir, write.DATASET)
    register = read_register(args.register)
    orders = read_orders(args.orders) if args.orders else None
    recipients = [c.strip().upper() for c in args.recipients.split(",") if c.strip()]
    names = CountryNames.load(layout.curated(data_dir, NAMES_FILE))
    countries = {row["iso3"] for row in layout.countries(data_dir)}
    ctx = Context(register, orders, names, countries, set(recipients))
    items = build(ctx)
    if ctx.problems:
        raise DataError(ctx.problems)

    sources = _source_ids(args, register, ctx)
    files = {"register": args.register, "orders": args.orders}
    rows = layout.require_sources(data_dir, {sid: f"the SIPRI file {files[kind]}" for kind, sid in sources.items()})
    inputs = [provenance.file_entry(files[kind], args.shared, sid, rows[sid]) for kind, sid in sources.items()]

    items.sort(key=_sort_key(recipients))
    report = write.write(out_dir, items, sources, inputs)
    by_recipient = {code: sum(1 for i in items if i.row["recipient_iso3"] == code) for code in recipients}
    return ctx.skipped + report + ["rows per recipient: " + ", ".join(f"{c} {n}" for c, n in by_recipient.items())]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard.importers.sipri", description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--register", type=Path, required=True, help="SIPRI trade-register CSV (one row per deal and delivery year)"
    )
    p.add_argument("--orders", type=Path, help="SIPRI order-level trade register CSV (comments, undelivered orders)")
    p.add_argument("--recipients", default="SRB", help="comma-separated ISO3 codes (default: SRB)")
    p.add_argument("--data", type=Path, default=DATA_DIR, help="data folder whose curated/ is read (default: data/)")
    p.add_argument("--out", type=Path, help="folder to write (default: imported/sipri/ of the data folder)")
    p.add_argument(
        "--shared",
        type=Path,
        default=layout.SHARED_SOURCES,
        help="shared sources folder the upstream files lie in; inputs.json records paths relative to it",
    )
    p.add_argument("--register-source", help="sources id of the register (default: sipri-register-<year generated>)")
    p.add_argument(
        "--orders-source", help="sources id of the order-level file (default: sipri-orders-<last delivery year + 1>)"
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        report = run(args)
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"import failed: {len(err.problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    print("\n".join(report))
    return 0
