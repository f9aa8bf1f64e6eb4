
import plotly.graph_objects as go
import streamlit as st
st.title("Bare")
first, last = st.slider("Years", 2006, 2026, (2006, 2026), key="years")
years = list(range(first, last + 1))
st.plotly_chart(go.Figure(go.Bar(x=years, y=[y % 7 for y in years])), key="bare")
