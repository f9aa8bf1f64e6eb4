"""The dataset version: what ETags and the Data Package's `version` derive from.

The one function to switch when the build records a version (a `dataset_info(version, content_sha256,
built_at)` table): until then the version is derived from the database file's identity, which changes
whenever the file is rebuilt (the build replaces it atomically).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from dashboard.store.database import SharedConnection


def dataset_version(shared: SharedConnection) -> str:
    """A short stable id of the data the connection serves: same file, same id, in every replica."""
    stat = shared.path.stat()
    identity = f"{shared.path.resolve()}:{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_size}"
    return hashlib.sha256(identity.encode()).hexdigest()[:16]


def built_at(shared: SharedConnection) -> str:
    """When the database was built (ISO 8601, UTC)."""
    return dt.datetime.fromtimestamp(shared.path.stat().st_mtime, dt.UTC).isoformat(timespec="seconds")
