-- Sources whose id, title, publisher, URL or notes contain $q (case-insensitive; '' lists them all), with
-- how many facts cite each and from which tables. $q is matched as plain text: contains() reads no
-- wildcards, so '%', '_' and quotes in a search term mean themselves.
SELECT s.source_id, s.title, s.publisher, s.published_on, s.accessed_on, s.kind, s.url, s.notes,
       count(f.fact_id) AS facts_citing,
       coalesce(list(DISTINCT f.fact_table ORDER BY f.fact_table) FILTER (WHERE f.fact_table IS NOT NULL), [])
           AS cited_by_tables
FROM sources s
LEFT JOIN fact_sources f USING (source_id)
WHERE $q = ''
   OR contains(lower(concat_ws(' ', s.source_id, s.title, s.publisher, s.url, s.notes)), lower($q))
GROUP BY ALL
ORDER BY s.published_on DESC NULLS LAST, s.source_id;
