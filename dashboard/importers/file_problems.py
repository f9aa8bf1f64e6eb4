"""Problems found while reading one upstream file, reported together as `file:line: column: message`."""

from __future__ import annotations

from pathlib import Path

from dashboard.pipeline.problems import DataError, Problem

MAX_REPORTED = 25


class FileProblems:
    """Collects the problems of one file; raise_if_any() raises the first MAX_REPORTED as one DataError."""

    def __init__(self, path: Path):
        self.path = path
        self.items: list[Problem] = []

    def add(self, line: int, column: str, message: str) -> None:
        self.items.append(Problem(str(self.path), line, column, message))

    def raise_if_any(self) -> None:
        if self.items:
            shown = self.items[:MAX_REPORTED]
            if len(self.items) > MAX_REPORTED:
                shown.append(
                    Problem(
                        str(self.path),
                        self.items[MAX_REPORTED].line,
                        "(file)",
                        f"... and {len(self.items) - MAX_REPORTED} more problems",
                    )
                )
            raise DataError(shown)
