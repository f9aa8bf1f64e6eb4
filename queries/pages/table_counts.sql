-- Row counts of the fact tables (from the registry of facts) and of the sources, for headline figures.
SELECT fact_table, count(*) AS n FROM facts GROUP BY fact_table
UNION ALL SELECT 'sources', count(*) FROM sources;
