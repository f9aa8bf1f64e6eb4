"""Opening the database: build it when missing, tell when it is stale, reopen when it is replaced."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from dashboard.paths import DATA_DIR


def inputs_mtime(data_dir: Path = DATA_DIR) -> float:
    """Newest modification time among the data folder's CSVs (curated and imported); 0 when there are none."""
    return max((f.stat().st_mtime for f in data_dir.rglob("*.csv")), default=0.0)


def is_stale(db: Path, data_dir: Path = DATA_DIR) -> bool:
    return db.stat().st_mtime < inputs_mtime(data_dir)


def ensure_built(db: Path) -> bool:
    """Build the database from data/ if the file is missing; True if it was built now."""
    if db.exists():
        return False
    from dashboard.pipeline.build import build  # imported late: the app rarely needs it

    db.parent.mkdir(parents=True, exist_ok=True)
    build(DATA_DIR, db)
    return True


@dataclass
class SharedConnection:
    """One read-only connection per database file, reopened when the file is replaced.

    DuckDB caches databases per process by path, so the old connection must be closed before a rebuilt
    file can be seen; the file's identity (inode, mtime) tells when that happened.
    """

    path: Path
    _con: duckdb.DuckDBPyConnection | None = None
    _identity: tuple | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def identity(self) -> tuple:
        st = self.path.stat()
        return (st.st_ino, st.st_mtime_ns)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            current = self.identity()
            if self._con is None or current != self._identity:
                if self._con is not None:
                    self._con.close()
                self._con = duckdb.connect(str(self.path), read_only=True)
                self._identity = current
            return self._con.cursor()
