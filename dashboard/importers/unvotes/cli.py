"""UN General Assembly roll-call votes: the yearly agreement table and the key votes' roll calls.

Commands (inputs default to ../shared/sources; curated files are read from DATA/curated/):
    python -m dashboard.importers.unvotes [--data DIR] [--shared DIR] agreement [--undl FILE] [--unvotes DIR]
        [--votes-2025 FILE] [--voeten FILE] [--first 2006] [--last 2025] [--out DIR]
    python -m dashboard.importers.unvotes [--data DIR] [--shared DIR] roll-call FILE --source-id ID
        [--resolution SYMBOL] [--date YYYY-MM-DD] [--out DIR]
    python -m dashboard.importers.unvotes [--data DIR] show FILE [--roll-calls FILE] [--countries ...] [--partners ...]

`agreement` writes only imported/unvotes/, `roll-call` only imported/un_roll_calls/ (or --out); `show` writes
nothing. The sources.csv ids cited must exist in curated/sources.csv. Every problem in an input file is
reported as `file:line: column: message` before anything is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from dashboard.importers import layout, provenance
from dashboard.importers.unvotes import voeten, write
from dashboard.importers.unvotes.agreement import (
    COUNTRIES,
    PARTNERS,
    UNVOTES_LAST_FULL_YEAR,
    agreement,
    agreement_rows,
    load,
)
from dashboard.importers.unvotes.countries import country_names, eu_members
from dashboard.importers.unvotes.read import UNVOTES_ROLL_CALLS, UNVOTES_VOTES, read, read_unvotes_dir
from dashboard.paths import DATA_DIR
from dashboard.pipeline.problems import DataError

SHARED = layout.SHARED_SOURCES
UNDL_VOTES = SHARED / "undl_ga_votes_scrape_to_2021" / "ga_votes_selected_countries_1992_2021_long.csv"
UNVOTES_DIR = SHARED / "unvotes_dgrtwo"
VOTES_2025 = SHARED / "unga_votes_2025_3dl" / "ga_votes_2025_selected_countries_long.csv"
VOETEN = SHARED / "voeten_idealpoints_jun2024_extract" / "idealpoints_agreement_selected_sessions_60_78.csv"
# the sources.csv ids the agreement table cites
UNDL_SOURCE_ID = "un-undl-ga-votes-2021"
UNVOTES_SOURCE_ID = "un-unvotes-2021"
VOTES_2025_SOURCE_ID = "un-3dl-ga-votes-2025"
VOETEN_SOURCE_ID = "un-voeten-idealpoints-2024"


def run_agreement(args: argparse.Namespace) -> str:
    out_dir = args.out or layout.dataset_dir(args.data, write.AGREEMENT_DATASET)
    with_unvotes = (args.unvotes / UNVOTES_VOTES).exists()
    with_2025, with_voeten = args.votes_2025.exists(), args.voeten.exists()
    files = [(args.undl, UNDL_SOURCE_ID)]
    if with_unvotes:
        files += [
            (args.unvotes / UNVOTES_VOTES, UNVOTES_SOURCE_ID),
            (args.unvotes / UNVOTES_ROLL_CALLS, UNVOTES_SOURCE_ID),
        ]
    files += [(args.votes_2025, VOTES_2025_SOURCE_ID)] if with_2025 else []
    files += [(args.voeten, VOETEN_SOURCE_ID)] if with_voeten else []
    cited = {sid: f"the UN votes file {path}" for path, sid in reversed(files)}  # one line per source
    rows = layout.require_sources(args.data, cited)
    inputs = [provenance.file_entry(path, args.shared, sid, rows[sid]) for path, sid in files]
    names, eu = country_names(args.data), eu_members(args.data)
    main_frame = agreement(load(read(args.undl, names)), COUNTRIES, PARTNERS, eu, args.first, args.last)
    alt_frame = None
    if with_unvotes:
        last = min(args.last, UNVOTES_LAST_FULL_YEAR)
        alt_frame = agreement(load(read_unvotes_dir(args.unvotes, names)), COUNTRIES, PARTNERS, eu, args.first, last)
    more = []
    calendar_years = set(main_frame["year"])
    if with_2025:
        frame = agreement(load(read(args.votes_2025, names)), COUNTRIES, PARTNERS, eu, args.first, args.last)
        calendar_years |= set(frame["year"])
        extra = agreement_rows(frame)
        more.append((extra, write.citations(extra, VOTES_2025_SOURCE_ID, args.votes_2025.name)))
    if with_voeten:
        # Voeten's session scores only for years no calendar file covers: one definition per year and pair
        scores = voeten.read_scores(args.voeten, names, COUNTRIES, PARTNERS)
        scores = scores[scores["year"].between(args.first, args.last) & ~scores["year"].isin(calendar_years)]
        extra = voeten.score_rows(scores)
        cites = [
            {
                "fact_table": "un_agreement",
                "fact_id": r["agreement_id"],
                "source_id": VOETEN_SOURCE_ID,
                "evidence": voeten.evidence(r, session, name, args.voeten.name),
            }
            for r, session, name in zip(extra, scores["session"], scores["name"])
        ]
        more.append((extra, cites))
    written = write.write_agreement(
        out_dir,
        main_frame,
        UNDL_SOURCE_ID,
        args.undl.name,
        inputs,
        alt_frame,
        UNVOTES_SOURCE_ID if alt_frame is not None else None,
        UNVOTES_VOTES,
        tuple(more),
    )
    years = pd.Series([r["year"] for r in written]).value_counts().sort_index()
    print("rows per year: " + ", ".join(f"{y}: {n}" for y, n in years.items()))
    return f"wrote {len(written)} rows to {out_dir / write.AGREEMENT.filename} ({args.first}-{args.last})"


def run_roll_call(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    out_dir = args.out or layout.dataset_dir(args.data, write.ROLL_CALL_DATASET)
    row = layout.require_sources(args.data, {args.source_id: f"the UN votes file {args.file}"})[args.source_id]
    entry = provenance.file_entry(args.file, args.shared, args.source_id, row)
    data = read(args.file, country_names(args.data), resolution=args.resolution, date=args.date)
    symbols = {rc.symbol for rc in data.roll_calls.values()}
    resolution = args.resolution or (symbols.pop() if len(symbols) == 1 else None)
    if resolution is None:
        parser.error(f"{args.file} holds several roll calls: give --resolution")
    rows = write.write_roll_call(data, resolution, out_dir, args.source_id, entry)
    counts = pd.Series([r["vote"] for r in rows]).value_counts().to_dict()
    return f"{resolution}: wrote {len(rows)} votes to {out_dir / write.VOTES.filename} {counts}"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard.importers.unvotes", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", type=Path, default=DATA_DIR, help="data folder whose curated/ is read (default: data/)")
    p.add_argument(
        "--shared", type=Path, default=SHARED, help="shared sources folder; inputs.json records paths relative to it"
    )
    commands = p.add_subparsers(dest="command", required=True)

    agree = commands.add_parser("agreement", help="write imported/unvotes/ from the UN Digital Library votes")
    agree.add_argument("--undl", type=Path, default=UNDL_VOTES, help="UN Digital Library long votes file")
    agree.add_argument(
        "--unvotes",
        type=Path,
        default=UNVOTES_DIR,
        help="unvotes folder, for alternative figures (skipped when missing)",
    )
    agree.add_argument(
        "--votes-2025",
        type=Path,
        default=VOTES_2025,
        help="3DL extract of the 2025 roll calls (UN Digital Library long form; skipped when missing)",
    )
    agree.add_argument(
        "--voeten",
        type=Path,
        default=VOETEN,
        help="Voeten et al. ideal-point file or extract: session scores for the years no calendar file covers "
        "(skipped when missing)",
    )
    agree.add_argument("--first", type=int, default=2006)
    agree.add_argument("--last", type=int, default=2025)
    agree.add_argument("--out", type=Path, help="folder to write (default: imported/unvotes/ of the data folder)")

    one = commands.add_parser("roll-call", help="replace one resolution's rows in imported/un_roll_calls/")
    one.add_argument("file", type=Path)
    one.add_argument("--resolution", help="UN symbol (needed for long files and map tables)")
    one.add_argument("--date", help="YYYY-MM-DD (needed for map tables)")
    one.add_argument("--source-id", required=True, help="the curated sources.csv id cited for the file")
    one.add_argument("--out", type=Path, help="folder to write (default: imported/un_roll_calls/ of the data folder)")

    show = commands.add_parser("show", help="print yearly agreement from any supported file; writes nothing")
    show.add_argument("file", type=Path)
    show.add_argument("--roll-calls", type=Path, help="the unvotes roll-call file, for an unvotes votes file")
    show.add_argument("--countries", nargs="+", default=["SRB"])
    show.add_argument("--partners", nargs="+", default=PARTNERS)
    show.add_argument("--first", type=int, default=1946)
    show.add_argument("--last", type=int, default=2100)
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    try:
        if args.command == "agreement":
            print(run_agreement(args))
        elif args.command == "roll-call":
            print(run_roll_call(args, p))
        else:
            data = read(args.file, country_names(args.data), roll_calls=args.roll_calls)
            frame = agreement(load(data), args.countries, args.partners, eu_members(args.data), args.first, args.last)
            print(frame.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{args.command} failed: {len(err.problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    return 0
