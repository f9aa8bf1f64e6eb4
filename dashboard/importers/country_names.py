"""Country names as upstream datasets write them → ISO3 codes, for every importer.

The explicit table (data/country_names.csv: name,iso3,valid_from,valid_to,note) comes first, for historical
states and spellings pycountry does not know. An empty iso3 means "not a country: skip its rows". Dates bound
the rows of labels that meant different states over time (unvotes' Yugoslavia/YU); empty dates mean always.
Names match whatever their case, spacing or '&'. Then pycountry: a code the file gives (alpha-2 or UN M49),
then the name (name, official name, common name). SIPRI marks non-state actors with a trailing '*' and
international organisations with '**'; those are not countries unless the table lists them.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from dashboard.importers.file_problems import FileProblems
from dashboard.pipeline.problems import DataError, Problem

NAMES_FILE = "country_names.csv"  # in the data folder
COLUMNS = ["name", "iso3", "valid_from", "valid_to", "note"]


def year_date(year: int) -> dt.date:
    """The day that stands for a year given without a date: its middle, for dated name rows."""
    return dt.date(year, 7, 1)


def _key(name: str) -> str:
    return " ".join(name.replace("&", "and").split()).casefold()


@dataclass(frozen=True)
class _Row:
    iso3: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None

    def holds(self, on: dt.date | None) -> bool:
        """True on dates within the bounds; a lookup without a date is held only by a row without bounds."""
        if on is None:
            return self.valid_from is None and self.valid_to is None
        return (self.valid_from is None or on >= self.valid_from) and (self.valid_to is None or on <= self.valid_to)

    def overlaps(self, other: _Row) -> bool:
        lo = max(self.valid_from or dt.date.min, other.valid_from or dt.date.min)
        return lo <= min(self.valid_to or dt.date.max, other.valid_to or dt.date.max)


@dataclass
class CountryNames:
    rows: dict[str, list[_Row]]
    countries: frozenset[str] | None = None  # when given, codes outside it resolve to None
    _cache: dict[tuple[str, str, dt.date | None], str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, countries: Iterable[str] | None = None) -> CountryNames:
        problems = FileProblems(path)
        rows: dict[str, list[_Row]] = {}
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not set(COLUMNS[:4]) <= set(reader.fieldnames):
                raise DataError([Problem(str(path), 1, "header", f"expected columns {','.join(COLUMNS)}")])
            for row in reader:
                name, iso3 = (row["name"] or "").strip(), (row["iso3"] or "").strip()
                line = reader.line_num
                if iso3 and not (len(iso3) == 3 and iso3.isalpha() and iso3.isupper()):
                    problems.add(line, "iso3", f"{iso3!r} is not a three-letter code")
                    continue
                try:
                    raw = [(row[c] or "").strip() for c in ("valid_from", "valid_to")]
                    bounds = [dt.date.fromisoformat(v) if v else None for v in raw]
                except ValueError:
                    problems.add(line, "valid_from", "dates must be YYYY-MM-DD")
                    continue
                new = _Row(iso3 or None, *bounds)
                if new.valid_from and new.valid_to and new.valid_from > new.valid_to:
                    problems.add(line, "valid_to", "ends before valid_from")
                elif any(new.overlaps(old) for old in rows.get(_key(name), [])):
                    problems.add(line, "name", f"{name!r} is listed twice for the same dates")
                else:
                    rows.setdefault(_key(name), []).append(new)
        problems.raise_if_any()
        return cls(rows, None if countries is None else frozenset(countries))

    def known(self, name: str) -> bool:
        """True when the name resolves to a code or is explicitly listed (possibly as having none)."""
        return _key(name) in self.rows or self.iso3(name) is not None

    def dated(self, name: str) -> bool:
        """True when the table's rows for the name carry dates: a lookup then needs one."""
        return any(r.valid_from or r.valid_to for r in self.rows.get(_key(name), []))

    def iso3(self, name: str, on: dt.date | None = None, code: str = "") -> str | None:
        """The ISO3 code of a country written as `name` (and optionally `code`) on date `on`, or None when it is
        not a country we can code. Without a date only rows without dates apply."""
        cache_key = (name, code, on)
        if cache_key not in self._cache:
            found = self._resolve(name.strip(), code.strip(), on)
            self._cache[cache_key] = found if self.countries is None or found in self.countries else None
        return self._cache[cache_key]

    def _resolve(self, name: str, code: str, on: dt.date | None) -> str | None:
        for label in (code, name):
            for row in self.rows.get(_key(label), []) if label else []:
                if row.holds(on):
                    return row.iso3
        found = None
        if code:  # UN M49 number or alpha-2
            by_code = {"numeric": code.zfill(3)} if code.isdigit() else {"alpha_2": code}
            found = pycountry.countries.get(**by_code)
        if found is None and name and not name.endswith("*"):
            try:
                found = pycountry.countries.lookup(name)
            except LookupError:
                found = None
        return found.alpha_3 if found is not None else None
