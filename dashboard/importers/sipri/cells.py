"""Reading a SIPRI export's text and its typed cells; every bad cell is recorded with its file and line."""

from __future__ import annotations

from pathlib import Path

from dashboard.importers.file_problems import FileProblems
from dashboard.pipeline.problems import DataError, Problem


class Cells:
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


def read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataError([Problem(str(path), 0, "(file)", f"cannot read: {err.strerror}")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # SIPRI's Windows exports


def missing_columns(path: Path, line: int, header: list[str], needed: list[str], hint: str) -> DataError:
    missing = [c for c in needed if c not in header]
    return DataError([Problem(str(path), line, "header", f"missing column(s) {', '.join(missing)}; {hint}")])
