"""The look of every chart: bloc colours (Okabe-Ito, colour-blind safe), fonts and the base layout."""
from __future__ import annotations

import plotly.graph_objects as go

BLOC_COLOURS = {"East": "#D55E00", "West": "#0072B2", "Other": "#999999"}
BLOC_ORDER = ["West", "East", "Other"]
FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"


def base_layout(fig: go.Figure, title: str) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font={"family": FONT, "size": 13},
        margin={"l": 50, "r": 20, "t": 60, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        hovermode="x unified",
    )
    return fig
