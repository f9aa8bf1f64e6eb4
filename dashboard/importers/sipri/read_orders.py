"""Read step (2 of 2): SIPRI's order-level trade register, one row per order, with SIPRI's free-text comments
and orders not yet delivered.

Accepted with SIPRI's own header (`Recipient,Supplier,Year of order, ,Number ordered, ,...`, where each blank
column holds the '?' of the column before it) or with cleaned snake_case names. Every problem is reported as
DataError with the file and line, before anything is written.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from pathlib import Path

from dashboard.importers.file_problems import FileProblems
from dashboard.importers.sipri.cells import Cells, missing_columns, read_text
from dashboard.pipeline.problems import DataError, Problem

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


def _delivery_years(c: Cells) -> tuple[int, ...]:
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
    text = read_text(path)
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
        raise missing_columns(path, 1, header, ORDER_COLUMNS, "expected SIPRI's order-level trade-register columns")
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
            c = Cells(dict(zip(ORDER_TIV, values)), line, problems, labels)
            rows[-1] = replace(
                rows[-1],
                tiv_unit=c.number("tiv_per_unit"),
                tiv_total=c.number("tiv_total_order"),
                tiv_delivered=c.number("tiv_delivered"),
            )
            continue
        # a repaired designation (e.g. Excel's '5.7E+07' for 57E6) wins where the file carries one
        designation = (record.get("designation_fixed") or record["designation"]).strip()
        c = Cells(record, line, problems, labels)
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
