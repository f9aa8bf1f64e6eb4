"""The East–West index: per country and year, sourced components on one scale (−1 fully East … +1 fully
West), their weighted mean and a Monte Carlo band over the choices that could reasonably differ.

Steps, one module each: `settings` (components, choices, default weights) → `inputs` (the component inputs
from queries/pages/index_*.sql, as arrays of every variant and contested value) with one module per component
(`un_votes`, `cfsp`, `arms`, `exercises`) → `aggregate` (weighted mean of the components present, coverage)
→ `montecarlo` (vectorised draws, median, 5–95 % band, ranks) → `tables` (the build step writing
`east_west_index` and `east_west_components`). docs/method.md explains every formula.
"""
