"""Read step: UN General Assembly roll calls from the upstream files, normalised to roll calls and votes.

Upstream forms, told apart by their header:
- unvotes (Voeten et al., R package `unvotes`): a votes file `rcid,country,country_code,vote,year`, read with
  its roll-call file `rcid,...,date,unres,...`; votes are yes/no/abstain and absences are not listed.
- UN Digital Library, long: `undl_id,resolution,date,country,vote` with Y/N/A and X (did not vote); the 3DL
  extract of 2025 has the same form with `country_code` (ISO3) and `country_name` instead of `country`.
- One roll call per file: UN Digital Library `resolution,date,m49_code,country,vote` (Y/N/A/Non-Voting), or
  a map table `NAME_EN,vote` (IN FAVOR/AGAINST/ABSTENTION), which needs a resolution and a date.

Every problem in an input file is reported as `file:line: column: message` before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from dashboard.importers.country_names import NAMES_FILE, CountryNames, year_date
from dashboard.importers.file_problems import FileProblems
from dashboard.pipeline.problems import DataError, Problem

UNVOTES_VOTES = "un_votes_selected_countries_1992_2019.csv"
UNVOTES_ROLL_CALLS = "un_roll_calls.csv"

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
        self,
        line: int,
        roll_call: RollCall,
        name: str,
        raw_vote: str,
        code: str = "",
        column: str = "country",
        expected_iso3: str = "",
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
        if expected_iso3 and iso3 != expected_iso3:
            self.problems.add(
                line, column, f"{name!r} reads as {iso3} but the file codes it {expected_iso3}: check {NAMES_FILE}"
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
        # UN Digital Library: many roll calls keyed by record id, or one roll call with members' M49 codes;
        # the 3DL extract names members by country_name and gives their ISO3 code, which must agree
        rcid_column, code_column = ("undl_id", "") if "undl_id" in header else ("resolution", "m49_code")
        name_column = "country_name" if "country" not in header and "country_name" in header else "country"
        iso3_column = "country_code" if name_column == "country_name" else ""
        needed = (rcid_column, "resolution", "date", code_column, name_column, iso3_column, "vote")
        _require(path, header, [c for c in needed if c])
        collect = _Collector(data, names, problems)
        for line, row in rows:
            symbol = row["resolution"].strip()
            if resolution and symbol != resolution:
                continue
            rc = collect.roll_call(line, row[rcid_column].strip(), row["date"], symbol)
            if rc:
                collect.vote(
                    line,
                    rc,
                    row[name_column],
                    row["vote"],
                    code=row[code_column].strip() if code_column else "",
                    column=name_column,
                    expected_iso3=row[iso3_column].strip() if iso3_column else "",
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


def read_unvotes_dir(folder: Path, names: CountryNames) -> RollCallData:
    """The unvotes votes file of `folder` with its roll-call file."""
    return read(folder / UNVOTES_VOTES, names, roll_calls=folder / UNVOTES_ROLL_CALLS)
