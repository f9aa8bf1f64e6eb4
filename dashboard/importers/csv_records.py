"""Reading and rewriting the curated CSVs without disturbing lines an importer does not own.

Each record keeps its exact text, so rows written by hand (or by other people) go back byte for byte;
files are replaced atomically, in one write, so a concurrent reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from dashboard.pipeline.problems import DataError, Problem


@dataclass(frozen=True)
class Record:
    line: int  # first line of the record in its file
    raw: str  # the record's exact text, line ending included
    values: dict[str, str]


@dataclass(frozen=True)
class CsvFile:
    path: Path
    header: list[str]
    header_raw: str
    records: list[Record]


def read_csv(path: Path, columns: list[str] | None = None) -> CsvFile:
    """Read a CSV keeping every record's text; check the header when `columns` is given."""
    text = path.read_text(encoding="utf-8-sig")
    pieces = text.split("\n")
    lines = [p + "\n" for p in pieces[:-1]] + ([pieces[-1] + "\n"] if pieces[-1] else [])
    reader = csv.reader(iter(lines))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DataError([Problem(str(path), 1, "(file)", "empty file: expected a header row")]) from None
    if columns is not None and header != columns:
        raise DataError([Problem(str(path), 1, "header", "expected " + ",".join(columns))])
    records: list[Record] = []
    start = reader.line_num
    for cells in reader:
        raw = "".join(lines[start : reader.line_num])
        if any(c.strip() for c in cells):
            if len(cells) != len(header):
                raise DataError(
                    [Problem(str(path), start + 1, "(row)", f"{len(cells)} fields, expected {len(header)}")]
                )
            records.append(Record(start + 1, raw, dict(zip(header, cells))))
        start = reader.line_num
    return CsvFile(path, header, "".join(lines[:1]), records)


def cell_text(value: object) -> str:
    """A value as this project writes it in CSV: '' for None, 165 not 165.0."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(round(value, 6))
    return str(value)


def format_rows(columns: list[str], rows: Iterable[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([cell_text(row.get(c)) for c in columns])
    return out.getvalue()


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def replace_records(path: Path, mine: Callable[[dict], bool], new_rows: list[dict]) -> tuple[int, int]:
    """Read-modify-write: drop the records `mine` selects, put `new_rows` where the first of them stood.

    Other records keep their text and order. Returns (records removed, records written).
    """
    current = read_csv(path)
    kept: list[str] = []
    insert_at: int | None = None
    removed = 0
    for record in current.records:
        if mine(record.values):
            removed += 1
            if insert_at is None:
                insert_at = len(kept)
            continue
        kept.append(record.raw if record.raw.endswith("\n") else record.raw + "\n")
    block = format_rows(current.header, new_rows)
    if insert_at is None:
        insert_at = len(kept)
    header = current.header_raw if current.header_raw.endswith("\n") else current.header_raw + "\n"
    write_atomic(path, header + "".join(kept[:insert_at]) + block + "".join(kept[insert_at:]))
    return removed, len(new_rows)
