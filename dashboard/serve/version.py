"""The dataset version that ETags and the Data Package's `version` carry: the build's `dataset_info` row
(pipeline/dataset_info.py), so every replica serving the same data answers with the same tag, and a rebuild
from the same inputs keeps it."""

from __future__ import annotations

from dashboard.store.database import SharedConnection


def _info(shared: SharedConnection) -> tuple[str, str, str]:
    return shared.cursor().execute("SELECT version, content_sha256, built_at FROM dataset_info").fetchone()


def dataset_version(shared: SharedConnection) -> str:
    """The readable version, e.g. '2026-12-02+81d41cf1' (date of the data changelog + content hash)."""
    return _info(shared)[0]


def built_at(shared: SharedConnection) -> str:
    """When the database was built (ISO 8601, UTC)."""
    return str(_info(shared)[2])
