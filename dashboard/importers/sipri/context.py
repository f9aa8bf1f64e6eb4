"""Country codes for SIPRI rows: which rows belong to the chosen recipients, and what to report about the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from dashboard.importers.country_names import NAMES_FILE, CountryNames, year_date
from dashboard.importers.sipri.read_orders import Orders
from dashboard.importers.sipri.read_register import Register
from dashboard.pipeline.problems import Problem


@dataclass
class Context:
    register: Register
    orders: Orders | None
    names: CountryNames
    countries: set[str]
    recipients: set[str]
    orders_last_year: int | None = None  # the last delivery year in the order-level file
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # human-readable notes on rows left out

    def codes(self, path: Path, line: int, supplier: str, recipient: str, year: int | None) -> tuple[str, str] | None:
        """(recipient_iso3, supplier_iso3) for a row of a chosen recipient, else None.

        Names are read as of the row's order year, else its first delivery year (`year`): the names table dates
        labels whose meaning changed, e.g. "Yugoslavia", which SIPRI uses only on orders up to 1991 (the SFRY).
        """
        on = year_date(year) if year is not None else None
        recipient_iso3 = self.names.iso3(recipient, on)
        if recipient_iso3 not in self.recipients:
            return None
        supplier_iso3 = self.names.iso3(supplier, on)
        if supplier_iso3 is None:
            if on is None and self.names.dated(supplier):
                self.problems.append(
                    Problem(
                        str(path),
                        line,
                        "supplier",
                        f"{supplier!r} names different countries over time and this row has no order or delivery year",
                    )
                )
            elif self.names.known(supplier) or supplier.endswith("*"):
                self.skipped.append(f"{path}:{line}: supplier {supplier!r} has no country code; row left out")
            else:
                self.problems.append(
                    Problem(str(path), line, "supplier", f"unknown country name {supplier!r}: add it to {NAMES_FILE}")
                )
            return None
        if supplier_iso3 not in self.countries:
            self.problems.append(
                Problem(
                    str(path), line, "supplier", f"{supplier!r} maps to {supplier_iso3}, which is not in countries.csv"
                )
            )
            return None
        return recipient_iso3, supplier_iso3
