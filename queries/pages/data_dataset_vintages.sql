-- The upstream datasets (sources of kind 'dataset'): which version (published_on) and when it was read
-- (accessed_on), with how many facts cite each and from which tables.
SELECT s.source_id, s.title, s.publisher, s.published_on, s.accessed_on, s.url, s.notes,
       count(f.fact_id) AS facts_citing,
       coalesce(list(DISTINCT f.fact_table ORDER BY f.fact_table) FILTER (WHERE f.fact_table IS NOT NULL), [])
           AS cited_by_tables
FROM sources s
LEFT JOIN fact_sources f USING (source_id)
WHERE s.kind = 'dataset'
GROUP BY ALL
ORDER BY s.publisher, s.title, s.published_on DESC NULLS LAST;
