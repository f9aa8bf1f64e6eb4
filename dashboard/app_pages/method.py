"""Method: how the East–West index is made, for a journalist and precise enough for a researcher."""

from __future__ import annotations

import streamlit as st

from dashboard.views import method

st.title("Method of the East–West index")
st.caption(f"Dataset version: {method.dataset_version()}. The same text is docs/method.md in the repository.")

year, rows, value = method.worked_year()
st.markdown(method.method_text())

st.subheader("One year worked through, from the current data")
if year is None:
    st.info("The database holds no year with an index value for Serbia.")
else:
    st.markdown(
        f"Serbia, **{year}**, default settings (equal weights, Cohen's kappa for UN votes, a 5-year arms window "
        f"weighted by SIPRI TIV, exercises counted). Each rescaled weight is the default weight divided by the sum "
        f"of the default weights of the components present; the index is the sum of the contributions: "
        f"**{value:.3f}**."
    )
    st.dataframe(rows, hide_index=True)
