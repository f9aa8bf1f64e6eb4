"""Read step (1 of 2): SIPRI's delivery-year trade register ("Trade Register" CSV export).

Note lines first, then a header starting with `SIPRI AT Database ID`, then one `;`-terminated row per deal
and delivery year. Only deliveries inside the selected year range are listed. Every problem is reported as
DataError with the file and line, before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from dashboard.importers.file_problems import FileProblems
from dashboard.importers.sipri.cells import Cells, missing_columns, read_text
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


def read_register(path: Path) -> Register:
    """Parse a SIPRI delivery-year trade-register export."""
    lines = read_text(path).splitlines()
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
        raise missing_columns(
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
        c = Cells({REGISTER_COLUMNS.get(h, h): v for h, v in zip(header, cells)}, line, problems, labels)
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
