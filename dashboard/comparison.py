"""Serbia and the Western Balkan candidates compared with it: which countries a chart shows and how each
is drawn, the same on every page that compares (a country keeps its colour whatever else is selected)."""
from __future__ import annotations

from dashboard.filters import SUBJECT, Filters, choices
from dashboard.theme import series_colour

SUBJECT_WIDTH, COMPARED_WIDTH = 3.5, 1.8  # Serbia's lines stand out; the comparisons stay readable


def countries(f: Filters) -> list[str]:
    """Serbia first, then the compared countries in the order the filter lists them."""
    return [SUBJECT, *(c for c in f.compared if c != SUBJECT)]


def colour(iso3: str) -> str:
    """Serbia takes the first series colour; each candidate the next ones, by its place in the candidate list."""
    if iso3 == SUBJECT:
        return series_colour(0)
    listed = list(choices().candidates)
    return series_colour(1 + (listed.index(iso3) if iso3 in listed else len(listed)))


def width(iso3: str) -> float:
    return SUBJECT_WIDTH if iso3 == SUBJECT else COMPARED_WIDTH
