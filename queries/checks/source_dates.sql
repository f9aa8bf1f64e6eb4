-- Integrity rule: a source cannot be read before it was published, nor in the future.
-- Returns one row per violation: fact_table, fact_id, column_name, problem.
SELECT 'sources' AS fact_table, source_id AS fact_id, 'published_on' AS column_name,
       'published after it was accessed' AS problem
FROM sources WHERE published_on > accessed_on
UNION ALL
SELECT 'sources', source_id, 'accessed_on', 'accessed in the future'
FROM sources WHERE accessed_on > current_date;
