"""The EU's statements on Serbia's alignment: a timeline coloured by stance (docs/stance-codebook.md), the
statements with their excerpts, translations and sources, and the codebook."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.components import comparison
from dashboard.components.chart_panel import Chart, make_chart, per_database
from dashboard.components.filters import Filters
from dashboard.i18n import _, data_text, docs, vocabulary
from dashboard.paths import ROOT
from dashboard.store import app_data
from dashboard.style.text import md_escape, plotly_escape, plotly_wrapped, source_markdown
from dashboard.style.theme import STANCE_COLOURS, STANCE_LABELS, base_layout

CODEBOOK = ROOT / "docs" / "stance-codebook.md"


def topic_label(topic: str) -> str:
    """A statement topic in the reader's language: the topic filter's labels, hence its URL values."""
    return vocabulary.label("eu_statements", "topic", topic)


def _said(r) -> tuple[str, str, str]:
    """Institution, kind and topic of a statement in the reader's language (not yet escaped)."""
    return (
        vocabulary.label("eu_statements", "institution", r.institution),
        vocabulary.label("eu_statements", "kind", r.kind),
        topic_label(r.topic),
    )


def stance_label(stance) -> str:
    return _(STANCE_LABELS[stance]) if stance in STANCE_LABELS else str(stance)


def topics() -> list[str]:
    return app_data.query("pages/eu_statement_topics")["topic"].tolist()


def statements(f: Filters, chosen: tuple[str, ...]) -> pd.DataFrame:
    return app_data.query("pages/eu_statements", topics=list(chosen), **f.params())


@per_database
def statements_chart(f: Filters, chosen: tuple[str, ...]) -> Chart:
    """Each statement at its date and stance (−2…+2), coloured on the diverging stance scale."""
    title = _("EU statements on Serbia's alignment, by stance")
    data = statements(f, chosen)
    if data.empty:
        return make_chart("eu_statements", title, go.Figure(), data, alt="")
    fig = go.Figure()
    for stance, part in data.groupby("stance", sort=True):
        fig.add_scatter(
            x=pd.to_datetime(part["date"]),
            y=part["stance"],
            mode="markers",
            name=stance_label(stance),
            marker={
                "color": STANCE_COLOURS.get(stance, "#999999"),
                "size": 12,
                "opacity": 0.85,
                "line": {"width": 1, "color": "white"},
            },
            customdata=part.index.to_list(),
            hovertext=[_statement_hover(r) for r in part.itertuples()],
            hoverinfo="text",
        )
    fig.update_xaxes(type="date", tickformat="%Y")
    fig.update_yaxes(
        range=[-2.6, 2.6],
        tickvals=list(STANCE_LABELS),
        ticktext=[stance_label(s) for s in STANCE_LABELS],
        zeroline=True,
        title_text=None,
        fixedrange=True,
    )
    base_layout(fig, title)
    comparison.fit_legend(fig)
    counts = data["stance"].value_counts()
    spread = ", ".join(f"{counts[s]} {stance_label(s)}" for s in STANCE_LABELS if s in counts)
    alt = _("Timeline. {title}. {n} statements from {start} to {end}: {spread}.").format(
        title=title,
        n=len(data),
        start=f"{pd.Timestamp(data['date'].min()):%Y}",
        end=f"{pd.Timestamp(data['date'].max()):%Y}",
        spread=spread,
    )
    return make_chart("eu_statements", title, fig, data, alt=alt)


def _translation(r) -> tuple[str, str] | None:
    """The project's translation of the excerpt into the reader's language, if it is not in it already."""
    return data_text.translation(r.excerpt_language, r.excerpt_en, r.excerpt_sr)


def _statement_hover(r) -> str:
    institution, kind, topic = _said(r)
    translated = _translation(r)
    who = plotly_escape(institution) + (
        f" — {plotly_escape(r.speaker)}" if isinstance(r.speaker, str) and r.speaker else ""
    )
    return (
        f"<b>{pd.Timestamp(r.date):%Y-%m-%d}</b> · {who}<br>{plotly_escape(kind)} · {plotly_escape(topic)} · "
        + _("stance {stance}").format(stance=stance_label(r.stance))
        + f"<br>“{plotly_wrapped(r.excerpt)}”"
        + (
            "<br>" + _("<i>Our translation:</i> {text}").format(text=plotly_wrapped(translated[0]))
            if translated
            else ""
        )
    )


def statement_list(f: Filters, chosen: tuple[str, ...], height: int = 560) -> None:
    """Every statement in the filters, newest first, in a scrolling box."""
    text = statement_markdown(f, chosen)
    if text:
        with st.container(height=height):
            st.markdown(text)  # one element: dozens of separate ones would cost a rerun far more


@per_database
def statement_markdown(f: Filters, chosen: tuple[str, ...]) -> str:
    """Who said it, kind, topic, stance, the excerpt as a quote and each source, as escaped Markdown."""
    data = statements(f, chosen)
    if data.empty:
        return ""
    cited = app_data.query("pages/fact_sources", fact_table="eu_statements", fact_ids=data["statement_id"].tolist())
    sources = {fact_id: group for fact_id, group in cited.groupby("fact_id")}
    blocks = []
    for r in data.iloc[::-1].itertuples():
        institution, kind, topic = _said(r)
        who = md_escape(institution) + (
            f" — {md_escape(r.speaker)}" if isinstance(r.speaker, str) and r.speaker else ""
        )
        lines = [
            f"**{pd.Timestamp(r.date):%Y-%m-%d}** · {who} · {md_escape(kind)} · *{md_escape(topic)}* · "
            + _("stance {stance}").format(stance=f"**{md_escape(stance_label(r.stance))}**"),
            "",
            f"> {md_escape(r.excerpt)}",
            "",
        ]
        translated = _translation(r)
        if translated:
            lines += [
                _("*Our translation ({source} → {target}):* {text}").format(
                    source=md_escape(str(r.excerpt_language)), target=translated[1], text=md_escape(translated[0])
                ),
                "",
            ]
        for c in sources.get(r.statement_id, cited.iloc[0:0]).itertuples():
            evidence = f" · “{md_escape(c.evidence)}”" if isinstance(c.evidence, str) and c.evidence else ""
            lines.append(
                _("Source: {source}").format(source=source_markdown(c.title, c.url, c.publisher, c.published_on))
                + evidence
                + "  "
            )
        blocks.append("\n".join(lines))
    return "\n\n---\n\n".join(blocks)


def codebook() -> None:
    """The stance scale in one line per value, and the full codebook (a project document) on demand."""
    st.caption(
        _(
            "Stance: how the statement judges Serbia's alignment with EU foreign policy and its ties with "
            "Russia and China — {scale}."
        ).format(scale=" · ".join(stance_label(s) for s in STANCE_LABELS))
    )
    with st.expander(_("Stance codebook: how each value is coded")):
        if CODEBOOK.exists():
            st.markdown(docs.document(CODEBOOK))
        else:
            st.caption(_("The codebook (docs/stance-codebook.md) is not in this copy of the project."))
