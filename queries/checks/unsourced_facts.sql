-- Integrity rule: every fact row cites at least one source.
-- Returns one row per violation: fact_table, fact_id, column_name, problem.
SELECT f.fact_table, f.fact_id, 'fact_id' AS column_name, 'cites no source (add a line to curated/fact_sources.csv)' AS problem
FROM facts f
ANTI JOIN fact_sources s ON s.fact_table = f.fact_table AND s.fact_id = f.fact_id;
