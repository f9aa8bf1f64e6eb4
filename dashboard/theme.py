"""The look of every chart: bloc colours (Okabe-Ito, colour-blind safe), fonts, layout and export styling.

Figures shown on a page keep Plotly's default template so that Streamlit's theme (light or dark, from
.streamlit/config.toml) restyles their background, grid and text; exported images use `export_layout`,
which draws on white with the title, the active filters and the sources inside the picture.
"""
from __future__ import annotations

import plotly.graph_objects as go

BLOC_COLOURS = {"East": "#D55E00", "West": "#0072B2", "Other": "#999999"}
BLOC_ORDER = ["West", "East", "Other"]
FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"

# Kinds of engagement share their bloc's colour and differ by fill pattern, so the bloc stays readable
# without relying on a second hue (and survives greyscale printing).
KIND_LABELS = {"arms": "Arms", "exercise": "Exercises", "eu-statement": "EU statements", "event": "Events"}
KIND_PATTERNS = {"arms": "", "exercise": "/", "eu-statement": ".", "event": "x"}

# Series drawn as lines (rates and agreement shares), Okabe-Ito hues not used by the blocs.
SERIES_COLOURS = ["#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
MILESTONE_COLOUR = "#666666"
SUSPENSION_FILL = "rgba(153, 153, 153, 0.18)"

CHART_HEIGHT = 420
EXPORT_WIDTH, EXPORT_HEIGHT, EXPORT_SCALE = 1200, 700, 2

# Plotly's own toolbar stays; its camera button saves an SVG named after the chart.
def plot_config(filename: str) -> dict:
    return {
        "displaylogo": False,
        "responsive": True,
        "toImageButtonOptions": {"format": "svg", "filename": filename},
    }


def colour_of(bloc: str) -> str:
    return BLOC_COLOURS.get(bloc, BLOC_COLOURS["Other"])


def series_colour(i: int) -> str:
    return SERIES_COLOURS[i % len(SERIES_COLOURS)]


def base_layout(fig: go.Figure, title: str, height: int = CHART_HEIGHT) -> go.Figure:
    """Title, font, compact margins and a top legend that wraps on narrow (mobile) windows."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font={"family": FONT, "size": 13},
        margin={"l": 50, "r": 20, "t": 80, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": None},
        hovermode="closest",
        height=height,
        clickmode="event+select",
    )
    return fig


def export_layout(fig: go.Figure, title: str, filters_text: str, source_text: str) -> go.Figure:
    """A copy of `fig` styled for a stand-alone image: white background, title, filters line and
    source line drawn into the picture so the file still says what it shows once it is shared."""
    out = go.Figure(fig)
    out.update_layout(
        template="plotly_white",
        title={"text": f"{title}<br><sup>{filters_text}</sup>", "x": 0.01, "xanchor": "left"},
        margin={"l": 70, "r": 30, "t": 110, "b": 110},
        width=EXPORT_WIDTH,
        height=EXPORT_HEIGHT,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
    )
    out.add_annotation(
        text=source_text, xref="paper", yref="paper", x=0, y=-0.13, xanchor="left", yanchor="top",
        showarrow=False, align="left", font={"size": 11, "color": "#444444"},
    )
    return out
