"""Method: how the East–West index is made, for a journalist and precise enough for a researcher."""

from __future__ import annotations

import streamlit as st

from dashboard.components import cached_table
from dashboard.i18n import _
from dashboard.i18n import formats as fmt
from dashboard.views import method

st.title(_("Method of the East–West index"))
st.caption(
    _("Dataset version: {version}. The same text is {file} in the repository.").format(
        version=method.dataset_version(), file=f"`{method.method_file()}`"
    )
)

year, rows, value = method.worked_year()
st.markdown(method.method_text())

st.subheader(_("One year worked through, from the current data"))
if year is None:
    st.info(_("The database holds no year with an index value for Serbia."))
else:
    st.markdown(
        _(
            "Serbia, **{year}**, default settings (equal weights, Cohen's kappa for UN votes, a 5-year arms window "
            "weighted by SIPRI TIV, exercises counted). Each rescaled weight is the default weight divided by the sum "
            "of the default weights of the components present; the index is the sum of the contributions: "
            "**{value}**."
        ).format(year=year, value=f"{value:.3f}".replace(".", fmt.plotly_separators()[0]))
    )
    cached_table.show(rows)
