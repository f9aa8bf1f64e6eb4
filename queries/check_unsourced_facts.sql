-- Integrity rule: every fact row cites at least one source.
-- Returns one row per violation: fact_table, fact_id, column_name, problem.
WITH facts AS (
    SELECT 'arms_transfers' AS fact_table, transfer_id AS fact_id FROM arms_transfers
    UNION ALL SELECT 'exercises', exercise_id FROM exercises
    UNION ALL SELECT 'eu_statements', statement_id FROM eu_statements
    UNION ALL SELECT 'cfsp_alignment', alignment_id FROM cfsp_alignment
    UNION ALL SELECT 'un_resolutions', resolution_id FROM un_resolutions
    UNION ALL SELECT 'un_agreement', agreement_id FROM un_agreement
    UNION ALL SELECT 'events', event_id FROM events
)
SELECT f.fact_table, f.fact_id, 'fact_id' AS column_name, 'cites no source' AS problem
FROM facts f
ANTI JOIN fact_sources s ON s.fact_table = f.fact_table AND s.fact_id = f.fact_id;
