"""Readers for the two forms in which SIPRI's Arms Transfers Database trade register is exported.

- The delivery-year register ("Trade Register" CSV): note lines first, then a header starting with
  `SIPRI AT Database ID`, then one `;`-terminated row per deal and delivery year. Only deliveries inside the
  selected year range are listed.
- The order-level register: one row per order, with SIPRI's free-text comments and orders not yet delivered.
  Accepted with SIPRI's own header (`Recipient,Supplier,Year of order, ,Number ordered, ,...`, where each
  blank column holds the '?' of the column before it) or with cleaned snake_case names.

Every problem is reported as DataError with the file and line, before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from dashboard.importers.file_problems import FileProblems
from dashboard.pipeline.problems import DataError, Problem

REGISTER_COLUMNS = {
    "SIPRI AT Database ID": "sipri_id",
    "Supplier": "supplier",
    "Recipient": "recipient",
    "Designation": "designation",
    "Description": "description",
    "Armament category": "category",
    "Order date": "order_year",
    "Order date is estimate": "order_year_est",
    "Numbers delivered": "delivered",
    "Numbers delivered is estimate": "delivered_est",
    "Delivery year": "delivery_year",
    "Delivery year is estimate": "delivery_year_est",
    "Status": "status",
    "TIV deal unit": "tiv_unit",
    "TIV delivery values": "tiv_delivered",
    "Local production": "local_production",
}

# SIPRI's order-level header → cleaned names; a blank header holds the '?' flag of the column before it
ORDER_ALIASES = {
    "Recipient": "recipient",
    "Supplier": "supplier",
    "Year of order": "order_year",
    "Number ordered": "number_ordered",
    "Weapon designation": "designation",
    "Weapon description": "description",
    "Number delivered": "number_delivered",
    "Year(s) of delivery": "delivery_years",
    "status": "status",
    "Comments": "comments",
    "SIPRI TIV per unit": "tiv_per_unit",
    "SIPRI TIV for total order": "tiv_total_order",
    "SIPRI TIV of delivered weapons": "tiv_delivered",
}
ORDER_COLUMNS = [
    "recipient",
    "supplier",
    "order_year",
    "order_year_uncertain",
    "number_ordered",
    "number_ordered_uncertain",
    "designation",
    "description",
    "number_delivered",
    "number_delivered_uncertain",
    "delivery_years",
    "status",
    "comments",
    "tiv_per_unit",
    "tiv_total_order",
    "tiv_delivered",
]
ORDER_TIV = ["tiv_per_unit", "tiv_total_order", "tiv_delivered"]

_YEAR_RANGE = re.compile(r"year range '(\d{4})' to '(\d{4})'")
_GENERATED = re.compile(r"Data generated:\s*(\d{1,2} \w{3} \d{4})")


@dataclass(frozen=True)
class DeliveryRow:
    """One row of the delivery-year register: what a deal delivered in one year."""

    line: int
    sipri_id: str
    supplier: str
    recipient: str
    designation: str
    description: str
    category: str
    order_year: int | None
    order_year_est: bool
    delivered: int | None
    delivered_est: bool
    delivery_year: int
    delivery_year_est: bool
    status: str
    tiv_unit: float | None
    tiv_delivered: float | None
    local_production: bool


@dataclass(frozen=True)
class Register:
    path: Path
    rows: list[DeliveryRow]
    generated_on: dt.date | None
    first_year: int  # the delivery years the export covers
    last_year: int


@dataclass(frozen=True)
class OrderRow:
    """One row of the order-level register."""

    line: int
    recipient: str
    supplier: str
    order_year: int | None
    order_year_est: bool
    ordered: int | None
    ordered_est: bool
    designation: str
    description: str
    delivered: int | None
    delivered_est: bool
    delivery_years: tuple[int, ...]
    status: str
    comments: str
    tiv_unit: float | None
    tiv_total: float | None
    tiv_delivered: float | None


@dataclass(frozen=True)
class Orders:
    path: Path
    rows: list[OrderRow]


class _Cells:
    """Typed access to one row's cells; a bad cell is recorded as a problem and read as None."""

    def __init__(self, cells: dict[str, str], line: int, problems: FileProblems, labels: dict[str, str]):
        self.cells, self.line, self.problems, self.labels = cells, line, problems, labels

    def text(self, key: str) -> str:
        return self.cells[key].strip()

    def bad(self, key: str, what: str) -> None:
        self.problems.add(self.line, self.labels.get(key, key), f"{what} (got {self.cells[key]!r})")

    def integer(self, key: str) -> int | None:
        raw = self.text(key)
        if not raw:
            return None
        if not raw.isdigit():
            self.bad(key, "not a whole number")
            return None
        return int(raw)

    def number(self, key: str) -> float | None:
        raw = self.text(key)
        if not raw:
            return None
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not value >= 0:  # also rejects nan
            self.bad(key, "not a non-negative number")
            return None
        return value

    def year(self, key: str) -> int | None:
        value = self.integer(key)
        if value is not None and not 1900 <= value <= 2100:
            self.bad(key, "not a year")
            return None
        return value

    def flag(self, key: str, yes: str, no: str) -> bool:
        raw = self.text(key)
        if raw not in (yes, no, ""):
            self.bad(key, f"expected {yes!r}, {no!r} or empty")
        return raw == yes


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataError([Problem(str(path), 0, "(file)", f"cannot read: {err.strerror}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # SIPRI's Windows exports


def _missing_columns(path: Path, line: int, header: list[str], needed: list[str], hint: str) -> DataError:
    missing = [c for c in needed if c not in header]
    return DataError([Problem(str(path), line, "header", f"missing column(s) {', '.join(missing)}; {hint}")])


def read_register(path: Path) -> Register:
    """Parse a SIPRI delivery-year trade-register export."""
    lines = _read_text(path).splitlines()
    problems = FileProblems(path)
    header_at = next((i for i, text in enumerate(lines[:40]) if text.startswith("SIPRI AT Database ID")), None)
    if header_at is None:
        first = lines[0] if lines else ""
        hint = (
            " This looks like the order-level register: pass it with --orders."
            if first.lower().startswith("recipient,")
            else ""
        )
        raise DataError(
            [
                Problem(
                    str(path),
                    1,
                    "header",
                    "no header line starting 'SIPRI AT Database ID' in the first 40 lines: "
                    "not a SIPRI trade-register export." + hint,
                )
            ]
        )
    notes = "\n".join(lines[:header_at])
    header = next(csv.reader([lines[header_at].rstrip().removesuffix(";")]))
    header = [h.strip() for h in header]
    if not set(REGISTER_COLUMNS) <= set(header):
        raise _missing_columns(
            path, header_at + 1, header, list(REGISTER_COLUMNS), "expected SIPRI's trade-register columns"
        )
    labels = {key: name for name, key in REGISTER_COLUMNS.items()}
    rows: list[DeliveryRow] = []
    for index in range(header_at + 1, len(lines)):
        text, line = lines[index].rstrip(), index + 1
        if not text.strip(" ;"):
            continue
        cells = next(csv.reader([text.removesuffix(";")]))
        if len(cells) != len(header):
            problems.add(line, "(row)", f"{len(cells)} fields, expected {len(header)} as in the header")
            continue
        c = _Cells({REGISTER_COLUMNS.get(h, h): v for h, v in zip(header, cells)}, line, problems, labels)
        if not c.text("sipri_id").isdigit():
            c.bad("sipri_id", "not a SIPRI deal id")
        delivery_year = c.year("delivery_year")
        if delivery_year is None and not c.text("delivery_year"):
            problems.add(line, labels["delivery_year"], "empty: every register row is one delivery year")
        for key in ("supplier", "recipient", "designation"):
            if not c.text(key):
                problems.add(line, labels[key], "empty")
        rows.append(
            DeliveryRow(
                line=line,
                sipri_id=c.text("sipri_id"),
                supplier=c.text("supplier"),
                recipient=c.text("recipient"),
                designation=c.text("designation"),
                description=c.text("description"),
                category=c.text("category"),
                order_year=c.year("order_year"),
                order_year_est=c.flag("order_year_est", "Yes", "No"),
                delivered=c.integer("delivered"),
                delivered_est=c.flag("delivered_est", "Yes", "No"),
                delivery_year=delivery_year or 0,
                delivery_year_est=c.flag("delivery_year_est", "Yes", "No"),
                status=c.text("status"),
                tiv_unit=c.number("tiv_unit"),
                tiv_delivered=c.number("tiv_delivered"),
                local_production=c.flag("local_production", "Yes", "No"),
            )
        )
    problems.raise_if_any()
    if not rows:
        raise DataError([Problem(str(path), header_at + 1, "(file)", "no data rows after the header")])
    years = [r.delivery_year for r in rows]
    span = _YEAR_RANGE.search(notes)
    # the export's note gives the requested range; its last year may lie beyond the data actually present
    first_year = int(span.group(1)) if span else min(years)
    generated = _GENERATED.search(notes)
    generated_on = dt.datetime.strptime(generated.group(1), "%d %b %Y").date() if generated else None
    return Register(path, rows, generated_on, first_year, max(years))


def _order_header(header: list[str]) -> list[str]:
    """Map SIPRI's order-level header to the cleaned names; cleaned headers pass through."""
    if "recipient" in header:
        return header
    named: list[str] = []
    for h in header:
        if h == "" and named:
            named.append(named[-1] + "_uncertain")
        else:
            named.append(ORDER_ALIASES.get(h, h))
    return named


def _delivery_years(c: _Cells) -> tuple[int, ...]:
    raw = c.text("delivery_years")
    if not raw:
        return ()
    parts = [p.strip() for p in raw.split(";")]
    if not all(p.isdigit() and len(p) == 4 for p in parts):
        c.bad("delivery_years", "expected years separated by ';'")
        return ()
    return tuple(int(p) for p in parts)


def read_orders(path: Path) -> Orders:
    """Parse a SIPRI order-level trade-register export."""
    text = _read_text(path)
    problems = FileProblems(path)
    reader = csv.reader(text.splitlines())
    try:
        raw_header = next(reader)
    except StopIteration:
        raise DataError([Problem(str(path), 1, "(file)", "empty file")]) from None
    if raw_header and raw_header[0].startswith("Transfers of major conventional arms"):
        raise DataError(
            [Problem(str(path), 1, "header", "this is the delivery-year register: pass it with --register")]
        )
    header = _order_header([h.strip() for h in raw_header])
    if not set(ORDER_COLUMNS) <= set(header):
        raise _missing_columns(path, 1, header, ORDER_COLUMNS, "expected SIPRI's order-level trade-register columns")
    labels = {k: k for k in header}
    rows: list[OrderRow] = []
    for cells in reader:
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.add(line, "(row)", f"{len(cells)} fields, expected {len(header)} as in the header")
            continue
        record = dict(zip(header, cells))
        if not record["recipient"].strip() and rows and _is_tiv_continuation(record, header, rows[-1]):
            # SIPRI's export sometimes puts a row's three TIV values on the next line, shifted to the start
            values = [cells[i] for i in range(1, 4)]
            c = _Cells(dict(zip(ORDER_TIV, values)), line, problems, labels)
            rows[-1] = replace(
                rows[-1],
                tiv_unit=c.number("tiv_per_unit"),
                tiv_total=c.number("tiv_total_order"),
                tiv_delivered=c.number("tiv_delivered"),
            )
            continue
        # a repaired designation (e.g. Excel's '5.7E+07' for 57E6) wins where the file carries one
        designation = (record.get("designation_fixed") or record["designation"]).strip()
        c = _Cells(record, line, problems, labels)
        for key in ("recipient", "supplier"):
            if not c.text(key):
                problems.add(line, key, "empty")
        if not designation:
            problems.add(line, "designation", "empty")
        rows.append(
            OrderRow(
                line=line,
                recipient=c.text("recipient"),
                supplier=c.text("supplier"),
                order_year=c.year("order_year"),
                order_year_est=c.flag("order_year_uncertain", "?", ""),
                ordered=c.integer("number_ordered"),
                ordered_est=c.flag("number_ordered_uncertain", "?", ""),
                designation=designation,
                description=c.text("description"),
                delivered=c.integer("number_delivered"),
                delivered_est=c.flag("number_delivered_uncertain", "?", ""),
                delivery_years=_delivery_years(c),
                status=c.text("status"),
                comments=c.text("comments"),
                tiv_unit=c.number("tiv_per_unit"),
                tiv_total=c.number("tiv_total_order"),
                tiv_delivered=c.number("tiv_delivered"),
            )
        )
    problems.raise_if_any()
    return Orders(path, rows)


def _is_tiv_continuation(record: dict[str, str], header: list[str], previous: OrderRow) -> bool:
    cells = [record[h].strip() for h in header]
    shifted = cells[1:4]
    rest = cells[4:] + [cells[0]]
    return (
        all(shifted)
        and not any(rest)
        and previous.tiv_unit is None
        and previous.tiv_total is None
        and previous.tiv_delivered is None
    )
