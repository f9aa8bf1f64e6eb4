"""The dataset version that ETags and the Data Package's `version` carry: the build's `dataset_info` row
(pipeline/dataset_info.py, read by store/dataset_version.py), so every replica serving the same data answers
with the same tag, and a rebuild from the same inputs keeps it."""

from __future__ import annotations

from dashboard.store import dataset_version as versions
from dashboard.store.database import SharedConnection


def dataset_version(shared: SharedConnection) -> str:
    """The readable version, e.g. '2026-12-02+81d41cf1' (date of the data changelog + content hash)."""
    return versions.read(shared.cursor())["version"]


def built_at(shared: SharedConnection) -> str:
    """When the database was built (ISO 8601, UTC)."""
    return versions.read(shared.cursor())["built_at"]
