"""Read step: every CSV of a table, curated and imported, parsed against the table's row model.

A table's rows come from `curated/<table>.csv` and from `imported/<dataset>/<table>.csv` for each importer
that writes it. Every problem is reported as `file:line: column: what is wrong`, the file named relative to
the data folder.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from dashboard.pipeline.problems import Problem
from dashboard.schema.columns import Table
from dashboard.schema.row_models import row_model

CURATED = "curated"
IMPORTED = "imported"
# the csv module refuses fields over its limit with a bare error: raise the limit, and let the declared
# length limits (dashboard/schema/columns.py) report a long cell at its line
csv.field_size_limit(1 << 30)
# C0 control characters other than tab and newline, and DEL: never part of a fact, often a sign of a damaged
# file or of something meant to fool a reader
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SHOWN = 60  # characters of a bad value quoted in a problem


@dataclass
class Located:
    """One validated row and where it was read."""

    file: str  # relative to the data folder, e.g. imported/sipri/arms_transfers.csv
    line: int
    row: dict
    imported: bool


@dataclass
class Loaded:
    """The validated rows of one table, from all its files."""

    table: Table
    rows: list[Located] = field(default_factory=list)
    data_dir: Path | None = None  # the data folder the files were read from (read_table sets it)


def table_files(data_dir: Path, table: Table) -> list[Path]:
    """The files that feed `table`: the curated one first, then each importer's, by dataset name."""
    curated = data_dir / CURATED / table.filename
    imported = sorted((data_dir / IMPORTED).glob(f"*/{table.filename}"))
    return ([curated] if curated.exists() else []) + imported


def _decode(label: str, raw: bytes, problems: list[Problem]) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(
            Problem(
                label,
                line,
                "(file)",
                f"not UTF-8 text (byte 0x{raw[err.start]:02x} at offset {err.start}); save the file as UTF-8",
            )
        )
        return None


def _header_problem(label: str, header: list[str], expected: list[str], line: int = 1) -> Problem:
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    detail = []
    if missing:
        detail.append("missing " + ", ".join(missing))
    if extra:
        detail.append("unexpected " + ", ".join(extra))
    if not detail:
        detail.append("columns out of order")
    return Problem(label, line, "header", f"wrong header ({'; '.join(detail)}); expected " + ",".join(expected))


def _cell_problem(value: str) -> str | None:
    found = _CONTROL.search(value)
    if found:
        name = "a NUL byte" if found.group() == "\x00" else f"control character U+{ord(found.group()):04X}"
        return f"contains {name} at character {found.start() + 1}"
    return None


def read_file(path: Path, label: str, table: Table, problems: list[Problem], into: Loaded) -> None:
    """Parse one CSV of `table`; append its valid rows to `into` and every problem to `problems`."""
    expected = table.column_names
    text = _decode(label, path.read_bytes(), problems)
    if text is None:
        return
    text, skipped = _strip_comments(text)
    if not text.strip():
        problems.append(Problem(label, 1, "(file)", "empty file: expected a header row " + ",".join(expected)))
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader)]
    if header != expected:
        problems.append(_header_problem(label, header, expected, 1 + skipped))
        return
    model = row_model(table)
    imported = label.startswith(IMPORTED + "/")
    for line, cells in _records(reader, label, problems, skipped):
        if not any(c.strip() for c in cells):
            continue  # blank line
        if len(cells) != len(header):
            problems.append(Problem(label, line, "(row)", f"{len(cells)} fields, expected {len(header)}"))
            continue
        bad = [(col, why) for col, val in zip(header, cells) if (why := _cell_problem(val))]
        if bad:
            problems += [Problem(label, line, col, why) for col, why in bad]
            continue
        raw = {col: (val if val.strip() != "" else None) for col, val in zip(header, cells)}
        try:
            row = model.model_validate(raw)
        except ValidationError as err:
            problems += validation_problems(err, raw, label, line)
            continue
        into.rows.append(Located(label, line, row.model_dump(), imported))


def _strip_comments(text: str) -> tuple[str, int]:
    """The text without its leading `#` lines (a downloaded table names its dataset version in one; no column
    name starts with `#`), and how many lines were removed, so problems still name the file's own lines."""
    skipped = 0
    while text.startswith("#"):
        newline = text.find("\n")
        text = "" if newline < 0 else text[newline + 1 :]
        skipped += 1
    return text, skipped


def _records(reader, label: str, problems: list[Problem], offset: int = 0):
    """(line, cells) for each record; a record the csv module cannot parse ends the file with a problem."""
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            problems.append(Problem(label, reader.line_num + offset, "(row)", f"unreadable CSV: {err}"))
            return
        yield reader.line_num + offset, cells


def validation_problems(err: ValidationError, raw: dict, label: str, line: int) -> list[Problem]:
    found = []
    for e in err.errors():
        column = ".".join(str(p) for p in e["loc"]) or "(row)"
        value = raw.get(column)
        if value is not None and len(value) > SHOWN:
            value = value[:SHOWN] + f"… ({len(value):,} characters)"
        shown = f" (got {value!r})" if value is not None else ""
        found.append(Problem(label, line, column, e["msg"] + shown))
    return found


def read_table(data_dir: Path, table: Table, problems: list[Problem]) -> Loaded:
    """Every row of `table` from its files; a table with no file at all is a problem."""
    loaded = Loaded(table, data_dir=data_dir)
    files = table_files(data_dir, table)
    if not files:
        problems.append(Problem(f"{CURATED}/{table.filename}", 0, "(file)", "file is missing"))
    for path in files:
        read_file(path, path.relative_to(data_dir).as_posix(), table, problems, loaded)
    return loaded
