-- The sources of a set of facts. $fact_table: table name; $fact_ids: list of ids.
SELECT f.fact_id, s.source_id, s.title, s.url, s.publisher, s.published_on, f.evidence
FROM fact_sources f
JOIN sources s USING (source_id)
WHERE f.fact_table = $fact_table
  AND f.fact_id IN (SELECT unnest($fact_ids))
ORDER BY f.fact_id, s.published_on NULLS LAST, s.source_id;
