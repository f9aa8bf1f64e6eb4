"""Reading the figures an AppTest run rendered (plotly 7 stores arrays base64-encoded in the JSON)."""

from __future__ import annotations

import base64
import json

import numpy as np
from streamlit.testing.v1 import AppTest


def _decode(node):
    if isinstance(node, dict):
        if "bdata" in node and "dtype" in node:
            array = np.frombuffer(base64.b64decode(node["bdata"]), dtype=np.dtype(node["dtype"]))
            if "shape" in node:
                shape = [int(n) for n in str(node["shape"]).split(",")]
                array = array.reshape(shape)
            return array.tolist()
        return {k: _decode(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_decode(v) for v in node]
    return node


def figures(at: AppTest) -> list[dict]:
    """Every plotly figure on the page as plain JSON (arrays decoded to lists)."""
    return [_decode(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def totals_by_trace(fig: dict, axis: str = "y") -> dict[str, float]:
    """Sum of each trace's values, keyed by trace name."""
    return {trace.get("name"): float(sum(trace.get(axis) or [])) for trace in fig["data"]}


def figures_by_key(at: AppTest) -> dict[str, dict]:
    """Every figure keyed by its chart's key (chart_panel gives each `st.plotly_chart` the key
    `<chart key>_chart`, and Streamlit ends the element id with it), independent of the display title."""
    found = {}
    for chart in at.get("plotly_chart"):
        element_id = chart.proto.id
        assert element_id.endswith("_chart"), f"chart without a chart-panel key: {element_id!r}"
        key = element_id.rsplit("-", 1)[1].removesuffix("_chart")
        found[key] = _decode(json.loads(chart.proto.spec))
    return found
