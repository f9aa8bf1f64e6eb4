"""UN General Assembly roll-call votes: read the upstream files, normalise them in DuckDB, and write the yearly
agreement table (data/un_agreement.csv) and key-vote rows (data/un_votes.csv).

Upstream forms, told apart by their header:
- unvotes (Voeten et al., R package `unvotes`): a votes file `rcid,country,country_code,vote,year`, read with
  its roll-call file `rcid,...,date,unres,...`; votes are yes/no/abstain and absences are not listed.
- UN Digital Library, long: `undl_id,resolution,date,country,vote` with Y/N/A and X (did not vote).
- One roll call per file: UN Digital Library `resolution,date,m49_code,country,vote` (Y/N/A/Non-Voting), or
  a map table `NAME_EN,vote` (IN FAVOR/AGAINST/ABSTENTION), which needs --resolution and --date.

Commands (inputs default to ../shared/sources, outputs to data/):
    python -m dashboard.importers.unvotes agreement [--undl FILE] [--unvotes DIR] [--first 2006] [--last 2021]
    python -m dashboard.importers.unvotes roll-call FILE [--resolution SYMBOL] [--date YYYY-MM-DD] [--source-id ID]
    python -m dashboard.importers.unvotes show FILE [--roll-calls FILE] [--countries ...] [--partners ...]

Every problem in an input file is reported as `file:line: column: message` before anything is written.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.importers.country_names import NAMES_FILE, CountryNames, year_date
from dashboard.importers.csv_records import format_rows, read_csv, replace_records, write_atomic
from dashboard.importers.file_problems import FileProblems
from dashboard.paths import DATA_DIR, ROOT
from dashboard.pipeline.validate import DataError, Problem, read_table
from dashboard.schema.catalog import BY_NAME
from dashboard.store import queries

SHARED_SOURCES = ROOT.parent / "shared" / "sources"
UNDL_VOTES = SHARED_SOURCES / "undl_ga_votes_scrape_to_2021" / "ga_votes_selected_countries_1992_2021_long.csv"
UNVOTES_DIR = SHARED_SOURCES / "unvotes_dgrtwo"
UNVOTES_VOTES = "un_votes_selected_countries_1992_2019.csv"
UNVOTES_ROLL_CALLS = "un_roll_calls.csv"

COUNTRIES = ["SRB", "MNE", "MKD", "ALB", "BIH", "HRV"]
PARTNERS = ["RUS", "CHN", "USA", "EU"]
UNVOTES_LAST_FULL_YEAR = 2019  # the unvotes data stop in January 2020

VOTE_CODES = {
    "y": "yes",
    "yes": "yes",
    "in favor": "yes",
    "in favour": "yes",
    "n": "no",
    "no": "no",
    "against": "no",
    "a": "abstain",
    "abstain": "abstain",
    "abstention": "abstain",
    "x": "absent",
    "non-voting": "absent",
    "absent": "absent",
}

# the dataset rows this importer cites; accessed_on is filled in when a command reads the file
UNDL_SOURCE = {
    "source_id": "un-undl-ga-votes-2021",
    "url": "https://github.com/navyanawal0310/un-votes-intelligence-platform",
    "title": "UN Digital Library General Assembly voting records, 1946 to 24 Dec 2021 "
    "(scraped table 'UN DATA.csv', repository commit b1a33e9)",
    "publisher": "United Nations Dag Hammarskjöld Library (UN Digital Library), scraped by navyanawal0310 on GitHub",
    "published_on": "2022-01-29",
    "kind": "dataset",
    "notes": "Y/N/A/X per member and resolution; Serbia appears as Yugoslavia (1992-2002), Serbia and Montenegro "
    "(2003-2006) and Serbia (from June 2006). UN terms: non-commercial use with attribution.",
}
UNVOTES_SOURCE = {
    "source_id": "un-unvotes-2021",
    "url": "https://github.com/dgrtwo/unvotes",
    "title": "unvotes: United Nations General Assembly voting data (R package data, commit 7eb7034)",
    "publisher": "David Robinson; data from Erik Voeten et al., United Nations General Assembly Voting Data "
    "(Harvard Dataverse hdl:1902.1/12379)",
    "published_on": "2021-03-08",
    "kind": "dataset",
    "notes": "Sessions 1-74 (to Jan 2020), including votes on amendments and paragraphs; Serbia is coded "
    "Yugoslavia (YU) for all years. Package MIT, Voeten data CC0.",
}


# ---------------------------------------------------------------- reading upstream CSV files


def _read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]], FileProblems]:
    """Header and (line, row) pairs of an upstream CSV; every row with the wrong number of fields is a problem
    (collected, so that one report lists them all)."""
    problems = FileProblems(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise DataError([Problem(str(path), 0, "(file)", f"cannot read: {err.strerror}")]) from None
    except UnicodeDecodeError as err:
        raise DataError([Problem(str(path), 0, "(file)", f"not UTF-8 text (byte offset {err.start})")]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    if not any(header):
        raise DataError([Problem(str(path), 1, "(file)", "empty file: expected a header row")])
    rows = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.add(reader.line_num, "(row)", f"{len(cells)} fields, expected {len(header)}")
            continue
        rows.append((reader.line_num, dict(zip(header, cells))))
    return header, rows, problems


def _date(raw: str) -> tuple[int, dt.date | None]:
    """Year and date of a roll call written as YYYY-MM-DD or as a bare year; ValueError otherwise."""
    raw = raw.strip()
    if len(raw) == 4 and raw.isdigit():
        return int(raw), None
    day = dt.date.fromisoformat(raw)
    return day.year, day


# ---------------------------------------------------------------- country names


def country_names(data_dir: Path = DATA_DIR) -> CountryNames:
    """The names table of the data folder, resolving only to codes that countries.csv lists."""
    return CountryNames.load(data_dir / NAMES_FILE, countries=country_codes(data_dir))


def _countries(data_dir: Path) -> list[dict]:
    problems: list[Problem] = []
    loaded = read_table(data_dir / "countries.csv", BY_NAME["countries"], problems)
    if problems:
        raise DataError(problems)
    return [row for _, row in loaded.rows]


def country_codes(data_dir: Path = DATA_DIR) -> list[str]:
    return [row["iso3"] for row in _countries(data_dir)]


def eu_members(data_dir: Path = DATA_DIR) -> list[str]:
    """Today's EU member states (countries.csv eu_member), whose majority is the partner 'EU'."""
    return [row["iso3"] for row in _countries(data_dir) if row["eu_member"]]


# ---------------------------------------------------------------- reading the upstream forms


@dataclass(frozen=True)
class RollCall:
    rcid: str
    year: int
    date: dt.date | None
    symbol: str | None


@dataclass
class RollCallData:
    """Roll calls and votes read from upstream files, normalised: vote is yes/no/abstain/absent."""

    files: tuple[Path, ...]
    roll_calls: dict[str, RollCall] = field(default_factory=dict)
    votes: dict[tuple[str, str], str] = field(default_factory=dict)  # (rcid, iso3) -> vote


class _Collector:
    """Adds rows of one file to RollCallData, recording every inconsistency as a problem at its line."""

    def __init__(self, data: RollCallData, names: CountryNames, problems: FileProblems):
        self.data, self.names, self.problems = data, names, problems
        self.vote_lines: dict[tuple[str, str], int] = {}

    def roll_call(self, line: int, rcid: str, raw_date: str, symbol: str | None) -> RollCall | None:
        try:
            year, date = _date(raw_date)
        except ValueError:
            self.problems.add(line, "date", f"not a date YYYY-MM-DD or a year (got {raw_date!r})")
            return None
        new = RollCall(rcid, year, date, symbol or None)
        old = self.data.roll_calls.setdefault(rcid, new)
        if old != new:
            self.problems.add(
                line,
                "date",
                f"roll call {rcid} has date {raw_date!r} and symbol {symbol!r} here "
                f"but {old.date or old.year} / {old.symbol!r} earlier in the file",
            )
            return None
        return old

    def vote(
        self, line: int, roll_call: RollCall, name: str, raw_vote: str, code: str = "", column: str = "country"
    ) -> None:
        vote = VOTE_CODES.get(raw_vote.strip().casefold())
        if vote is None:
            self.problems.add(
                line,
                "vote",
                f"unknown vote {raw_vote!r}; expected one of Y/N/A/X, yes/no/abstain, "
                "IN FAVOR/AGAINST/ABSTENTION, Non-Voting",
            )
            return
        on = roll_call.date or year_date(roll_call.year)
        iso3 = self.names.iso3(name, on, code)
        if iso3 is None:
            shown = f"{name!r}" + (f" (code {code!r})" if code else "")
            self.problems.add(
                line, column, f"unknown country {shown}: add it to {NAMES_FILE} with a code that countries.csv lists"
            )
            return
        key = (roll_call.rcid, iso3)
        earlier = self.data.votes.get(key)
        if earlier is None:
            self.data.votes[key] = vote
            self.vote_lines[key] = line
        elif earlier != vote:
            self.problems.add(
                line,
                "vote",
                f"{iso3} votes {vote} on roll call {roll_call.rcid} here but {earlier} on line {self.vote_lines[key]}",
            )


def _require(path: Path, header: list[str], needed: list[str]) -> None:
    missing = [c for c in needed if c not in header]
    if missing:
        raise DataError(
            [Problem(str(path), 1, "header", f"missing column(s) {', '.join(missing)} (header is {','.join(header)})")]
        )


def read(
    path: Path,
    names: CountryNames,
    *,
    roll_calls: Path | None = None,
    resolution: str | None = None,
    date: str | None = None,
) -> RollCallData:
    """Read one upstream file (an unvotes votes file together with `roll_calls`), keeping only the roll calls
    of symbol `resolution` when given. Raises DataError listing the problems of the file."""
    header, rows, problems = _read_rows(path)
    data = RollCallData((path,) if roll_calls is None else (path, roll_calls))
    if "undl_id" in header or "m49_code" in header:
        # UN Digital Library: many roll calls keyed by record id, or one roll call with members' M49 codes
        rcid_column, code_column = ("undl_id", "") if "undl_id" in header else ("resolution", "m49_code")
        _require(path, header, [c for c in (rcid_column, "resolution", "date", code_column, "country", "vote") if c])
        collect = _Collector(data, names, problems)
        for line, row in rows:
            symbol = row["resolution"].strip()
            if resolution and symbol != resolution:
                continue
            rc = collect.roll_call(line, row[rcid_column].strip(), row["date"], symbol)
            if rc:
                collect.vote(
                    line, rc, row["country"], row["vote"], code=row[code_column].strip() if code_column else ""
                )
    elif "NAME_EN" in header:
        _require(path, header, ["NAME_EN", "vote"])
        if not (resolution and date):
            raise DataError(
                [
                    Problem(
                        str(path), 1, "header", "a NAME_EN,vote table names no roll call: give --resolution and --date"
                    )
                ]
            )
        collect = _Collector(data, names, problems)
        for line, row in rows:
            rc = collect.roll_call(line, resolution, date, resolution)
            if rc:
                collect.vote(line, rc, row["NAME_EN"], row["vote"], column="NAME_EN")
    elif "country_code" in header:
        _require(path, header, ["rcid", "country", "country_code", "vote"])
        if roll_calls is None:
            raise DataError(
                [
                    Problem(
                        str(path), 1, "header", f"an unvotes votes file needs its roll-call file ({UNVOTES_ROLL_CALLS})"
                    )
                ]
            )
        _read_unvotes_roll_calls(roll_calls, data, names, resolution)
        collect = _Collector(data, names, problems)
        for line, row in rows:
            rc = data.roll_calls.get(row["rcid"].strip())
            if rc is None:
                if not resolution:
                    problems.add(line, "rcid", f"roll call {row['rcid']!r} is not in {roll_calls.name}")
                continue
            collect.vote(line, rc, row["country"], row["vote"], code=row["country_code"].strip())
    else:
        raise DataError(
            [
                Problem(
                    str(path),
                    1,
                    "header",
                    "not a known UN votes form: expected undl_id,resolution,"
                    "date,country,vote or resolution,date,m49_code,country,vote "
                    "or NAME_EN,vote or rcid,country,country_code,vote,year",
                )
            ]
        )
    problems.raise_if_any()
    return data


def _read_unvotes_roll_calls(path: Path, data: RollCallData, names: CountryNames, resolution: str | None) -> None:
    header, rows, problems = _read_rows(path)
    _require(path, header, ["rcid", "date", "unres"])
    collect = _Collector(data, names, problems)
    for line, row in rows:
        symbol = row["unres"].strip()
        if not resolution or symbol == resolution:
            collect.roll_call(line, row["rcid"].strip(), row["date"], symbol)
    problems.raise_if_any()


# ---------------------------------------------------------------- DuckDB


def load(*parts: RollCallData) -> duckdb.DuckDBPyConnection:
    """An in-memory database with the roll calls and votes of `parts` (their roll-call ids must not clash)."""
    con = duckdb.connect()
    queries.run(con, "un_agreement_tables")
    calls = [rc for part in parts for rc in part.roll_calls.values()]
    votes = [(rcid, iso3, vote) for part in parts for (rcid, iso3), vote in part.votes.items()]
    if calls:
        frame = pd.DataFrame(
            [(c.rcid, c.year, c.date, c.symbol) for c in calls], columns=["rcid", "year", "date", "symbol"]
        ).astype(object)
        con.from_df(frame).insert_into("roll_calls")
    if votes:
        con.from_df(pd.DataFrame(votes, columns=["rcid", "iso3", "vote"])).insert_into("votes")
    return con


def agreement(
    con: duckdb.DuckDBPyConnection,
    countries: Iterable[str],
    partners: Iterable[str],
    eu: Iterable[str],
    first_year: int = 1946,
    last_year: int = 2100,
) -> pd.DataFrame:
    """Yearly agreement of each country with each partner (queries/un_agreement_yearly.sql)."""
    return queries.run(
        con,
        "un_agreement_yearly",
        countries=list(countries),
        partners=list(partners),
        eu_members=list(eu),
        first_year=first_year,
        last_year=last_year,
    )


# ---------------------------------------------------------------- writing the curated CSVs


def write_table(path: Path, columns: list[str], rows: list[dict]) -> None:
    """Write a whole table file (only for tables this importer owns)."""
    write_atomic(path, ",".join(columns) + "\n" + format_rows(columns, rows))


def upsert_sources(data_dir: Path, sources: list[dict]) -> None:
    ids = {s["source_id"] for s in sources}
    today = dt.date.today().isoformat()
    rows = [{"accessed_on": today, **s} for s in sources]
    replace_records(data_dir / "sources.csv", lambda r: r["source_id"] in ids, rows)


def agreement_rows(frame: pd.DataFrame) -> list[dict]:
    return [
        {
            "agreement_id": f"{r.year}-{r.country_iso3}-{r.partner}",
            "year": int(r.year),
            "country_iso3": r.country_iso3,
            "partner": r.partner,
            "agreement": round(float(r.agreement), 4),
            "agreement_abstain_aware": round(float(r.agreement_abstain_aware), 4),
            "n_votes": int(r.n_votes),
        }
        for r in frame.itertuples()
    ]


def _agreement_evidence(row: dict, file: str) -> str:
    return (
        f"Computed from {file}: {row['n_votes']} roll calls in {row['year']} on which {row['country_iso3']} "
        f"and {row['partner']} both voted yes, no or abstain"
    )


def write_agreement(
    frame: pd.DataFrame,
    data_dir: Path,
    source: dict,
    file: str,
    alternative: pd.DataFrame | None = None,
    alternative_source: dict | None = None,
    alternative_file: str = "",
) -> list[dict]:
    """Write un_agreement.csv and its fact_sources lines; where a second source gives a different figure for a
    row, keep it in alternatives.csv."""
    rows = agreement_rows(frame)
    write_table(data_dir / "un_agreement.csv", BY_NAME["un_agreement"].columns, rows)
    sources = [source] + ([alternative_source] if alternative_source else [])
    upsert_sources(data_dir, sources)
    cites = [
        {
            "fact_table": "un_agreement",
            "fact_id": r["agreement_id"],
            "source_id": source["source_id"],
            "evidence": _agreement_evidence(r, file),
        }
        for r in rows
    ]
    replace_records(data_dir / "fact_sources.csv", lambda r: r["fact_table"] == "un_agreement", cites)
    others = []
    if alternative is not None and alternative_source:
        ours = {r["agreement_id"]: r for r in rows}
        for alt in agreement_rows(alternative):
            main = ours.get(alt["agreement_id"])
            if main and alt["agreement"] != main["agreement"]:
                others.append(
                    {
                        "fact_table": "un_agreement",
                        "fact_id": alt["agreement_id"],
                        "field": "agreement",
                        "value": f"{alt['agreement']}",
                        "source_id": alternative_source["source_id"],
                        "note": f"From {alternative_file}: {alt['n_votes']} roll calls (amendment and "
                        f"paragraph votes included; EU = all 27 members), abstention-aware "
                        f"{alt['agreement_abstain_aware']}",
                    }
                )
    replace_records(data_dir / "alternatives.csv", lambda r: r["fact_table"] == "un_agreement", others)
    return rows


def write_roll_call(data: RollCallData, resolution: str, data_dir: Path, source_id: str | None = None) -> list[dict]:
    """Replace the un_votes rows of `resolution` with the votes read; optionally cite the file for it."""
    rcids = {rc.rcid for rc in data.roll_calls.values() if rc.symbol == resolution}
    if len(rcids) != 1:
        raise DataError(
            [
                Problem(
                    str(data.files[0]), 0, "resolution", f"expected one roll call on {resolution}, found {len(rcids)}"
                )
            ]
        )
    rcid = rcids.pop()
    votes = sorted((iso3, vote) for (r, iso3), vote in data.votes.items() if r == rcid)
    rows = [{"resolution_id": resolution, "country_iso3": iso3, "vote": vote} for iso3, vote in votes]
    path = data_dir / "un_votes.csv"
    columns = BY_NAME["un_votes"].columns
    kept = [r.values for r in read_csv(path, columns).records if r.values["resolution_id"] != resolution]
    write_table(path, columns, kept + rows)
    if source_id:
        tally = {v: sum(1 for _, x in votes if x == v) for v in ("yes", "no", "abstain", "absent")}
        evidence = (
            f"Votes of {len(votes)} members in {data.files[0].name} (roll call {rcid}): {tally['yes']} yes, "
            f"{tally['no']} no, {tally['abstain']} abstain, {tally['absent']} not voting"
        )
        replace_records(
            data_dir / "fact_sources.csv",
            lambda r: (r["fact_table"], r["fact_id"], r["source_id"]) == ("un_resolutions", resolution, source_id),
            [{"fact_table": "un_resolutions", "fact_id": resolution, "source_id": source_id, "evidence": evidence}],
        )
    return rows


# ---------------------------------------------------------------- command line


def _read_unvotes_dir(folder: Path, names: CountryNames) -> RollCallData:
    return read(folder / UNVOTES_VOTES, names, roll_calls=folder / UNVOTES_ROLL_CALLS)


def _print_table(frame: pd.DataFrame) -> None:
    print(frame.to_string(index=False, float_format=lambda x: f"{x:.3f}"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.importers.unvotes", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of curated CSVs (default: data/)")
    commands = parser.add_subparsers(dest="command", required=True)

    agree = commands.add_parser("agreement", help="write data/un_agreement.csv from the UN Digital Library votes")
    agree.add_argument("--undl", type=Path, default=UNDL_VOTES, help="UN Digital Library long votes file")
    agree.add_argument(
        "--unvotes",
        type=Path,
        default=UNVOTES_DIR,
        help="unvotes folder, for alternative figures (skipped when missing)",
    )
    agree.add_argument("--first", type=int, default=2006)
    agree.add_argument("--last", type=int, default=2021)

    one = commands.add_parser("roll-call", help="replace one resolution's rows in data/un_votes.csv")
    one.add_argument("file", type=Path)
    one.add_argument("--resolution", help="UN symbol (needed for long files and map tables)")
    one.add_argument("--date", help="YYYY-MM-DD (needed for map tables)")
    one.add_argument("--source-id", help="also cite this sources.csv id for the resolution")

    show = commands.add_parser("show", help="print yearly agreement from any supported file; writes nothing")
    show.add_argument("file", type=Path)
    show.add_argument("--roll-calls", type=Path, help="the unvotes roll-call file, for an unvotes votes file")
    show.add_argument("--countries", nargs="+", default=["SRB"])
    show.add_argument("--partners", nargs="+", default=PARTNERS)
    show.add_argument("--first", type=int, default=1946)
    show.add_argument("--last", type=int, default=2100)

    args = parser.parse_args(argv)
    try:
        names = country_names(args.data)
        eu = eu_members(args.data)
        if args.command == "agreement":
            undl = read(args.undl, names)
            main_frame = agreement(load(undl), COUNTRIES, PARTNERS, eu, args.first, args.last)
            alt_frame = None
            if (args.unvotes / UNVOTES_VOTES).exists():
                alt_frame = agreement(
                    load(_read_unvotes_dir(args.unvotes, names)),
                    COUNTRIES,
                    PARTNERS,
                    eu,
                    args.first,
                    min(args.last, UNVOTES_LAST_FULL_YEAR),
                )
            rows = write_agreement(
                main_frame,
                args.data,
                UNDL_SOURCE,
                args.undl.name,
                alt_frame,
                UNVOTES_SOURCE if alt_frame is not None else None,
                UNVOTES_VOTES,
            )
            print(f"wrote {len(rows)} rows to {args.data / 'un_agreement.csv'} ({args.first}-{args.last})")
        elif args.command == "roll-call":
            data = read(args.file, names, resolution=args.resolution, date=args.date)
            symbols = {rc.symbol for rc in data.roll_calls.values()}
            resolution = args.resolution or (symbols.pop() if len(symbols) == 1 else None)
            if resolution is None:
                parser.error(f"{args.file} holds several roll calls: give --resolution")
            rows = write_roll_call(data, resolution, args.data, args.source_id)
            counts = pd.Series([r["vote"] for r in rows]).value_counts().to_dict()
            print(f"{resolution}: wrote {len(rows)} votes to {args.data / 'un_votes.csv'} {counts}")
        else:
            data = read(args.file, names, roll_calls=args.roll_calls)
            _print_table(agreement(load(data), args.countries, args.partners, eu, args.first, args.last))
    except DataError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{args.command} failed: {len(err.problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
