"""Country names as upstream datasets write them → ISO3 codes.

The explicit table (data/country_names.csv: name,iso3,note) comes first, for historical states and
spellings pycountry does not know; an empty iso3 there means "not a country: skip its rows". Then pycountry's
exact lookup (name, official name, common name). SIPRI marks non-state actors with a trailing '*' and
international organisations with '**'; those are not countries unless the table lists them.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from dashboard.validate import DataError, Problem


@dataclass
class CountryNames:
    table: dict[str, str | None]
    _cache: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "CountryNames":
        problems: list[Problem] = []
        table: dict[str, str | None] = {}
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or not {"name", "iso3"} <= set(reader.fieldnames):
                raise DataError([Problem(str(path), 1, "header", "expected columns name,iso3,note")])
            for row in reader:
                name, iso3 = row["name"].strip(), (row["iso3"] or "").strip()
                if name in table:
                    problems.append(Problem(str(path), reader.line_num, "name", f"{name!r} is listed twice"))
                elif iso3 and not (len(iso3) == 3 and iso3.isalpha() and iso3.isupper()):
                    problems.append(Problem(str(path), reader.line_num, "iso3", f"{iso3!r} is not a three-letter code"))
                table[name] = iso3 or None
        if problems:
            raise DataError(problems)
        return cls(table)

    def known(self, name: str) -> bool:
        """True when the name resolves to a code or is explicitly listed as having none."""
        return name in self.table or self.iso3(name) is not None

    def iso3(self, name: str) -> str | None:
        """The ISO3 code for an upstream name, or None when it is not a country we can code."""
        name = name.strip()
        if name in self.table:
            return self.table[name]
        if name not in self._cache:
            self._cache[name] = None if name.endswith("*") or not name else _pycountry_iso3(name)
        return self._cache[name]


def _pycountry_iso3(name: str) -> str | None:
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return None
