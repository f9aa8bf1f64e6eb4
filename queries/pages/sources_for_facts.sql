-- The distinct sources cited by a set of facts, most cited first, for chart source lines and CSV headers.
-- $refs: list of 'fact_table:fact_id' strings.
SELECT s.source_id, s.title, s.url, s.publisher, s.published_on, count(*) AS n_facts
FROM fact_sources f
JOIN sources s USING (source_id)
WHERE f.fact_table || ':' || f.fact_id IN (SELECT unnest($refs))
GROUP BY ALL
ORDER BY n_facts DESC, s.publisher, s.title;
