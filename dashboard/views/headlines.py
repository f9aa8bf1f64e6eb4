"""The overview's three headline figures: the latest CFSP rate (a published one, with a later low-confidence
figure named under it), the East / West share of arms deals delivered, and exercises by partner bloc."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.components.chart_panel import per_database
from dashboard.components.filters import SUBJECT, Filters
from dashboard.i18n import _, ngettext
from dashboard.i18n import formats as fmt
from dashboard.store import app_data
from dashboard.style.text import md_escape
from dashboard.views.cfsp_rates import issuer_label


@dataclass(frozen=True)
class Headlines:
    cfsp: pd.Series | None  # the latest rate not of low confidence (the latest of any, if all are low)
    cfsp_later: pd.Series | None  # a low-confidence rate for a period ending after it, the latest such
    arms: pd.DataFrame  # bloc, deals, tiv_m, deals_with_tiv
    exercises: pd.DataFrame  # bloc, exercises


@per_database
def headlines(f: Filters) -> Headlines:
    cfsp = app_data.query("pages/cfsp_series", countries=[SUBJECT], **f.params()).sort_values(["period_end", "issuer"])
    # an oral or unattributed figure (low confidence) does not displace a published one in the headline
    sure = cfsp[cfsp["confidence"] != "low"]
    latest = (sure if len(sure) else cfsp).iloc[-1] if len(cfsp) else None
    later = cfsp[cfsp["period_end"] > latest["period_end"]] if latest is not None else cfsp.iloc[0:0]
    return Headlines(
        cfsp=latest,
        cfsp_later=later.iloc[-1] if len(later) else None,
        arms=app_data.query("pages/arms_delivery_share", **f.params()),
        exercises=app_data.query("pages/exercises_by_bloc", **f.params()),
    )


def _share(frame: pd.DataFrame, column: str, bloc: str) -> float | None:
    total = frame[column].sum()
    if not len(frame) or not total or pd.isna(total):
        return None
    return 100 * frame.loc[frame["bloc"] == bloc, column].sum() / total


def _pair(east: float | None, west: float | None, unit: str = "") -> str:
    """'52% / 45%' (East first): short enough for a metric on a narrow window."""
    if east is None and west is None:
        return "—"
    return f"{fmt.number(east or 0)}{unit} / {fmt.number(west or 0)}{unit}"


@dataclass(frozen=True)
class HeadlineTexts:
    """The three metrics' values and the captions under them (empty: no caption), in the reader's language."""

    cfsp: str
    cfsp_note: str
    arms: str
    arms_note: str
    exercises: str
    exercises_note: str


@per_database
def headline_texts(f: Filters) -> HeadlineTexts:
    """Built once per filter state: the shares are pandas work that every rerun would otherwise repeat."""
    h = headlines(f)
    arms_note = ""
    if len(h.arms):
        by_tiv = (
            _("; by SIPRI TIV (known for {n}): ").format(n=int(h.arms["deals_with_tiv"].sum()))
            + _pair(_share(h.arms, "tiv_m", "East"), _share(h.arms, "tiv_m", "West"), "%")
            if h.arms["deals_with_tiv"].sum()
            else ""
        )
        n = int(h.arms["deals"].sum())
        arms_note = ngettext("Share of {n} deal", "Share of {n} deals", n).format(n=n) + by_tiv
    ex = dict(zip(h.exercises["bloc"], h.exercises["exercises"].astype(int)))
    return HeadlineTexts(
        cfsp="—" if h.cfsp is None else f"{fmt.number(h.cfsp['rate_pct'])}%",
        cfsp_note=_cfsp_note(h),
        arms=_pair(_share(h.arms, "deals", "East"), _share(h.arms, "deals", "West"), "%"),
        arms_note=arms_note,
        exercises=_pair(ex.get("East"), ex.get("West")) if ex else "—",
        exercises_note=_("and {n} with partners outside both blocs").format(n=ex["Other"]) if ex.get("Other") else "",
    )


def _cfsp_note(h: Headlines) -> str:
    """Who gave the headline rate and for which period, and a later low-confidence figure if there is one."""
    if h.cfsp is None:
        return ""
    note = _("{issuer}, period {period}").format(
        issuer=md_escape(issuer_label(h.cfsp["issuer"])), period=md_escape(h.cfsp["period_label"])
    )
    if h.cfsp_later is not None:
        note += "; " + _("a later figure of low confidence: {rate}% ({issuer}, {period})").format(
            rate=fmt.number(h.cfsp_later["rate_pct"]),
            issuer=md_escape(issuer_label(h.cfsp_later["issuer"])),
            period=md_escape(h.cfsp_later["period_label"]),
        )
    return note


def headline_metrics(f: Filters) -> None:
    """Three headline figures, each with its caption; columns stack on narrow windows."""
    h = headline_texts(f)
    cfsp, arms, drills = st.columns(3)
    _metric(
        cfsp,
        _("Latest CFSP alignment"),
        h.cfsp,
        _(
            "Share of EU foreign-policy declarations Serbia aligned with: the latest period in the selected years "
            "from a published figure (an oral or unattributed figure of low confidence is shown under it)."
        ),
        h.cfsp_note,
    )
    _metric(
        arms,
        _("Arms deliveries, East / West"),
        h.arms,
        _("Share of deals with deliveries in the selected years, by the supplier's bloc."),
        h.arms_note,
    )
    _metric(
        drills,
        _("Exercises with East / West"),
        h.exercises,
        _("Exercises Serbia took part in within the selected years, counted once for each partner bloc present."),
        h.exercises_note,
    )


def _metric(column, label: str, value: str, help_text: str, note: str) -> None:
    column.metric(label, value, help=help_text, border=True)
    if note:
        column.caption(note)
