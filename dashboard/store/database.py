"""Opening the database: build it once when missing, tell when it is stale, swap to a replaced file safely.

Failures a reader can meet (file missing, damaged, unreadable) raise DatabaseUnavailable, whose message is
meant for the page; the details go to the server log.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import logging
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from dashboard.paths import DATA_DIR

LOG = logging.getLogger(__name__)
BUILD_WAIT = 180.0  # seconds a reader waits for another process's first build before giving up
_aliases = itertools.count(1)
_build_lock = threading.Lock()  # one first build per process; the file lock covers other processes


READ_FAILED = "The data could not be read just now. Please reload the page; if it keeps happening, try later."


class DatabaseUnavailable(RuntimeError):
    """The database cannot be read right now; str(err) is a plain message for the reader."""


def inputs_mtime(data_dir: Path = DATA_DIR) -> float:
    """Newest modification time among the data folder's CSVs (curated and imported); 0 when there are none."""
    return max((f.stat().st_mtime for f in data_dir.rglob("*.csv")), default=0.0)


STALE_CHECK_EVERY = 10.0  # seconds between two looks at the data folder (every page run asks)
_stale_seen: dict[tuple[Path, Path], tuple[float, bool]] = {}


def is_stale(db: Path, data_dir: Path = DATA_DIR, every: float = STALE_CHECK_EVERY) -> bool:
    """Whether a curated or imported CSV is newer than the database file. Walking the data folder costs a few
    per cent of a page run, and every run of every session asks: the answer is reused for `every` seconds."""
    now = time.monotonic()
    seen = _stale_seen.get((db, data_dir))
    if seen is not None and now - seen[0] < every:
        return seen[1]
    try:
        stale = db.stat().st_mtime < inputs_mtime(data_dir)
    except OSError:
        stale = False  # a missing file is reported by the connection, not as stale
    _stale_seen[(db, data_dir)] = (now, stale)
    return stale


@contextlib.contextmanager
def _file_lock(path: Path, timeout: float):
    """An exclusive lock on `path` (created if needed), waited for at most `timeout` seconds."""
    with open(path, "a") as handle:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise DatabaseUnavailable(
                        "The data is being prepared. Please reload the page in a minute."
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_built(db: Path, data_dir: Path = DATA_DIR) -> bool:
    """Build the database from `data_dir` if the file is missing; True if it was built now.

    Readers that arrive together trigger one build: a thread lock within the process and a file lock across
    processes (replicas); the others wait for it (bounded) and then find the file.
    """
    if db.exists():
        return False
    from dashboard.pipeline.build import build  # imported late: the app rarely needs it
    from dashboard.pipeline.problems import DataError

    db.parent.mkdir(parents=True, exist_ok=True)
    if not _build_lock.acquire(timeout=BUILD_WAIT):
        raise DatabaseUnavailable("The data is being prepared. Please reload the page in a minute.")
    try:
        with _file_lock(db.with_name(db.name + ".build.lock"), BUILD_WAIT):
            if db.exists():
                return False  # another reader built it while this one waited
            LOG.warning("database %s is missing: building it from %s", db, data_dir)
            try:
                build(data_dir, db)
            except DataError as err:
                LOG.error("the database could not be built:\n%s", err)
                raise DatabaseUnavailable(
                    "The data could not be prepared. The site's maintainers have been told; please try later."
                ) from err
            return True
    finally:
        _build_lock.release()


@dataclass
class SharedConnection:
    """One read-only view of the database file for every session, swapped when the file is replaced.

    Each version of the file is attached under a name of its own in a fresh in-memory DuckDB: DuckDB caches
    databases per path, so reconnecting to the path would return the old data, and closing the old connection
    would break queries other sessions are running on it. The old version is simply dropped and freed once the
    last cursor on it is gone.
    """

    path: Path
    _con: duckdb.DuckDBPyConnection | None = None
    _alias: str = ""
    _identity: tuple | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def identity(self) -> tuple:
        try:
            st = self.path.stat()
        except OSError as err:
            LOG.error("database %s cannot be read: %s", self.path, err)
            raise DatabaseUnavailable(
                "The data is not available right now (the database file is missing). Please try again in a minute."
            ) from err
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    def _open(self) -> tuple[duckdb.DuckDBPyConnection, str]:
        alias = f"alignment_v{next(_aliases)}"
        con = duckdb.connect()
        try:
            quoted = str(self.path).replace("'", "''")  # a server setting, not reader input
            con.execute(f"ATTACH '{quoted}' AS {alias} (READ_ONLY)")
            con.execute(f"USE {alias}")
            con.execute("SELECT count(*) FROM countries").fetchone()  # a damaged file fails here, not on a page
        except duckdb.Error as err:
            con.close()
            LOG.exception("database %s cannot be opened", self.path)
            raise DatabaseUnavailable(
                "The data cannot be read right now (the database file is damaged or incomplete). "
                "Please try again in a minute."
            ) from err
        return con, alias

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            current = self.identity()
            if self._con is None or current != self._identity:
                self._con, self._alias = self._open()
                self._identity = current
            cursor = self._con.cursor()
            cursor.execute(f"USE {self._alias}")
            return cursor
