"""`st.dataframe` for a cached frame: converted to Arrow once per frame object, not on every run.

Streamlit turns a pandas frame into Arrow on every call (about a tenth of an Index page run for its two
tables); a `pyarrow.Table` it only serialises. The frames passed here come from `per_database` builders, which
hand every session the same object, so the frame's identity is the cache key.
"""

from __future__ import annotations

import threading

import pandas as pd
import pyarrow as pa
import streamlit as st

MAX_FRAMES = 256

_converted: dict[int, tuple[pd.DataFrame, pa.Table]] = {}  # id(frame) -> (frame, its Arrow table)
_lock = threading.Lock()


def arrow(frame: pd.DataFrame) -> pa.Table:
    """`frame` as an Arrow table without its index, built once per frame object (bounded, oldest dropped)."""
    key = id(frame)
    hit = _converted.get(key)
    if hit is not None and hit[0] is frame:  # the frame is held in the entry, so its id is not reused
        return hit[1]
    table = pa.Table.from_pandas(frame, preserve_index=False)
    with _lock:
        if len(_converted) >= MAX_FRAMES:
            _converted.pop(next(iter(_converted)))
        _converted[key] = (frame, table)
    return table


def show(frame: pd.DataFrame, **kwargs) -> None:
    """`st.dataframe(frame, hide_index=True, **kwargs)` for a frame that is not mutated after it is cached."""
    st.dataframe(arrow(frame), hide_index=True, **kwargs)
