-- Row counts of the main fact tables, for headline figures.
SELECT 'arms_transfers' AS fact_table, count(*) AS n FROM arms_transfers
UNION ALL SELECT 'exercises', count(*) FROM exercises
UNION ALL SELECT 'eu_statements', count(*) FROM eu_statements
UNION ALL SELECT 'cfsp_alignment', count(*) FROM cfsp_alignment
UNION ALL SELECT 'un_resolutions', count(*) FROM un_resolutions
UNION ALL SELECT 'events', count(*) FROM events
UNION ALL SELECT 'sources', count(*) FROM sources;
