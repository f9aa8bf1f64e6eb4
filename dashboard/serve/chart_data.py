"""A chart's data from the page's URL parameters, built by the same view functions the page calls.

`chart(name, raw)` reads the same query parameters as the page (`years`, `partners`, `blocs`, `compare`
and the page's own choices), refuses any value the page would drop (`BadParameters`, with the same notes
the page shows), and returns the `Chart` the page draws, so a chart and its data cannot differ.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from dashboard.components.chart_panel import Chart
from dashboard.components.filters import Choices, Filters, choices, url_notes
from dashboard.index import settings as index_settings
from dashboard.serve import chart_names
from dashboard.serve.chart_names import CHARTS
from dashboard.style.theme import BLOC_ORDER
from dashboard.views import arms, cfsp_rates, eu_statements, exercises, index, index_data, overview, un_agreement

SHARED = ("years", "partners", "blocs", "compare")
# how the page looks, not what it shows; and the language, which api.py applies
IGNORED = (*chart_names.LOOK_ONLY, "lang")


class BadParameters(ValueError):
    """Query parameters the page could not use; `notes` name each one."""

    def __init__(self, notes: list[str]):
        super().__init__("; ".join(notes))
        self.notes = notes


@dataclass(frozen=True)
class Spec:
    compare: bool  # the page has the "Compare with" list
    choices: Callable[[], dict[str, list[str]]]  # page parameter -> its valid values (first = default)
    build: Callable[[Filters, dict[str, list[str]]], Chart]


def _labels(options: Mapping[str, str]) -> list[str]:
    return list(options.values())


def _by_label(options: Mapping[str, str], raw: dict[str, list[str]], key: str) -> str:
    """The key of `options` whose label the URL holds (page_choice's reading); the first when absent."""
    values = raw.get(key) or []
    by_label = {v: k for k, v in options.items()}
    return by_label[values[-1]] if values else next(iter(options))


def _arms_choices() -> dict[str, list[str]]:
    return {"measure": _labels(arms.MEASURES), "basis": _labels(arms.BASES)}


def _un_choices() -> dict[str, list[str]]:
    return {"measure": list(un_agreement.MEASURES)}


def _un_measure(raw: dict[str, list[str]]) -> str:
    values = raw.get("measure") or []
    return values[-1] if values else next(iter(un_agreement.MEASURES))


def _weight_choices() -> dict[str, list[str]]:
    # the sliders' range: whole per cents 0–50 (the page reads any of them, as its sliders' URL values)
    top = int(index_settings.MAX_WEIGHT * 100)
    return {index_data.weight_key(n): [str(v) for v in range(top + 1)] for n in index_settings.NAMES}


def _weights(raw: dict[str, list[str]]) -> tuple[int, ...]:
    """The weight sliders' values from the URL (the default where absent); BadParameters when fewer than two
    components keep a weight, as the page then draws no index."""
    pcts = tuple(int((raw.get(index_data.weight_key(n)) or [index_data.DEFAULT_PCT])[-1]) for n in index_settings.NAMES)
    if index_data.normalised(pcts) is None:
        raise BadParameters(["give at least two components a weight: one component alone is not an index"])
    return pcts


SPECS: dict[str, Spec] = {
    "overview": Spec(False, dict, lambda f, raw: overview.overview_chart(f)),
    "index": Spec(True, _weight_choices, lambda f, raw: index.index_chart(f, _weights(raw))),
    "index_components": Spec(True, _weight_choices, lambda f, raw: index.components_chart(f, _weights(raw))),
    "index_sensitivity": Spec(True, _weight_choices, lambda f, raw: index.sensitivity_chart(f, _weights(raw))),
    "arms_by_year": Spec(
        False,
        _arms_choices,
        lambda f, raw: arms.by_year_chart(
            f, _by_label(arms.MEASURES, raw, "measure"), _by_label(arms.BASES, raw, "basis")
        ),
    ),
    "arms_by_category": Spec(
        False, _arms_choices, lambda f, raw: arms.by_category_chart(f, _by_label(arms.MEASURES, raw, "measure"))
    ),
    "arms_deal_type": Spec(
        False, _arms_choices, lambda f, raw: arms.deal_type_chart(f, _by_label(arms.MEASURES, raw, "measure"))
    ),
    "exercise_timeline": Spec(False, dict, lambda f, raw: exercises.timeline_chart(f)),
    "exercises_per_year": Spec(False, dict, lambda f, raw: exercises.per_year_chart(f)),
    "exercise_map": Spec(False, dict, lambda f, raw: exercises.map_chart(f)),
    "cfsp_rate": Spec(True, lambda: {"topics": eu_statements.topics()}, lambda f, raw: cfsp_rates.cfsp_chart(f)),
    "eu_statements": Spec(
        True,
        lambda: {"topics": eu_statements.topics()},
        lambda f, raw: eu_statements.statements_chart(f, tuple(raw.get("topics") or ())),
    ),
    "un_agreement": Spec(True, _un_choices, lambda f, raw: un_agreement.agreement_chart(f, _un_measure(raw))),
}
assert set(SPECS) == set(CHARTS), "every public chart name has a builder"


def filters_from(raw: Mapping[str, list[str]], c: Choices, compare: bool) -> Filters:
    """The `Filters` the sidebar widgets produce from these URL values (which `url_notes` found usable)."""
    years = [int(float(v)) for v in raw.get("years") or []]
    year_from, year_to = (min(years), max(years)) if len(years) == 2 else (c.default_from, c.last_year)
    iso3 = {name: code for code, name in c.partners.items()}
    partners = tuple(dict.fromkeys(iso3[v] for v in raw.get("partners") or [] if v))
    blocs = raw.get("blocs", BLOC_ORDER)
    compared: tuple[str, ...] = ()
    if compare:
        candidates = {name: code for code, name in c.candidates.items()}
        chosen = raw["compare"] if "compare" in raw else list(c.candidates.values())
        compared = tuple(candidates[v] for v in chosen if v)
    return Filters(
        year_from=year_from,
        year_to=year_to,
        partners=partners,
        blocs=tuple(b for b in BLOC_ORDER if b in blocs),
        compared=compared,
    )


def _swapped_years(raw: dict[str, list[str]]) -> dict[str, list[str]]:
    """A backwards range is read forwards, as the page does (not an error)."""
    years = raw.get("years") or []
    try:
        if len(years) == 2 and float(years[0]) > float(years[1]):
            return {**raw, "years": [years[1], years[0]]}
    except ValueError:
        pass
    return raw


def chart(name: str, raw: Mapping[str, list[str]]) -> tuple[Chart, Filters]:
    """The chart `name` as its page draws it for these URL parameters, with the filters it was drawn for;
    KeyError for an unknown name, BadParameters for values or names the page would not use."""
    spec = SPECS[name]
    raw = _swapped_years({k: list(v) for k, v in raw.items() if k not in IGNORED})
    own = spec.choices()
    known = {*SHARED[:3], *(("compare",) if spec.compare else ()), *own}
    notes = [f"unknown parameter {k!r}" for k in raw if k not in known]
    c = choices()
    notes += url_notes(raw, c, spec.compare)
    for key, valid in own.items():
        bad = [v for v in raw.get(key) or [] if v and v not in valid]
        if bad:
            notes.append(f"unknown {key} {', '.join(repr(v) for v in bad)}")
    if notes:
        raise BadParameters(notes)
    f = filters_from(raw, c, spec.compare)
    return spec.build(f, raw), f
