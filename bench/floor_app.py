"""A page's floor: a one-file app that draws the same Streamlit elements as the page (the same kinds, as many, in
the sidebar and the main column) with the bare app's content — one three-bar chart for each chart, a word for
each text, two options for each choice — and nothing computed. Its warm rerun is what the page's element list
costs in Streamlit itself, whatever our code does; as a ratio to the bare app it is the least ratio the page
could reach with these elements.

The floor leaves out the app's navigation (`st.navigation` and its pages), so it errs low.
"""

from __future__ import annotations

HEADER = """import pandas as pd
import plotly.graph_objects as go
import streamlit as st
FIGURE = go.Figure(go.Bar(x=[2020, 2021, 2022], y=[3, 1, 2]))
FRAME = pd.DataFrame({"year": [2020, 2021, 2022], "n": [3, 1, 2]})
"""

# element type (AppTest's `type`) -> one call drawing it with trivial content; {i} makes labels and keys unique
CALLS = {
    "title": 'st.title("Floor")',
    "header": 'st.header("Floor")',
    "subheader": 'st.subheader("Floor")',
    "caption": 'st.caption("Floor")',
    "markdown": 'st.markdown("Floor")',
    "info": 'st.info("Floor")',
    "warning": 'st.warning("Floor")',
    "metric": 'st.metric("Floor {i}", 1)',
    "slider": 'st.slider("Floor {i}", 0, 50, 25, key="k{i}")',
    "select_slider": 'st.select_slider("Floor {i}", ["a", "b"], key="k{i}")',
    "selectbox": 'st.selectbox("Floor {i}", ["a", "b"], key="k{i}")',
    "multiselect": 'st.multiselect("Floor {i}", ["a", "b"], key="k{i}")',
    "button_group": 'st.pills("Floor {i}", ["a", "b"], key="k{i}")',
    "radio": 'st.radio("Floor {i}", ["a", "b"], key="k{i}")',
    "checkbox": 'st.checkbox("Floor {i}", key="k{i}")',
    "toggle": 'st.toggle("Floor {i}", key="k{i}")',
    "text_input": 'st.text_input("Floor {i}", key="k{i}")',
    "button": 'st.button("Floor {i}", key="k{i}")',
    "download_button": 'st.download_button("Floor {i}", b"x", key="k{i}")',
    "link_button": 'st.link_button("Floor {i}", "https://example.org")',
    "plotly_chart": 'st.plotly_chart(FIGURE, key="k{i}")',
    "dataframe": "st.dataframe(FRAME)",
    "table": "st.table(FRAME)",
    "flex_container": "st.container()",
    "expandable": 'st.expander("Floor {i}")',
}


def element_types(at) -> dict[str, list[str]]:
    """The element types of an AppTest run, in order, per root ('sidebar', 'main'), nested blocks flattened."""

    def walk(node, out: list[str]) -> list[str]:
        for child in getattr(node, "children", {}).values():
            out.append(str(getattr(child, "type", "")))
            walk(child, out)
        return out

    return {"sidebar": walk(at.sidebar, []), "main": walk(at.main, [])}


def floor_script(types: dict[str, list[str]]) -> tuple[str, list[str]]:
    """(the floor app's source, the element types it has no call for and leaves out)."""
    lines, unknown, i = [HEADER], [], 0
    for root, names in types.items():
        for name in names:
            call = CALLS.get(name)
            if call is None:
                unknown.append(name)
                continue
            i += 1
            line = call.format(i=i)
            lines.append("st.sidebar." + line.removeprefix("st.") if root == "sidebar" else line)
    return "\n".join(lines) + "\n", unknown
