-- The "EU assessment" line beside the index (never inside it): the mean coded stance of the EU's statements
-- about $country per year, -2..+2 halved onto the index's -1..+1 scale. The statements are about the subject
-- country only, so another $country gets no rows.
SELECT year(s.date) AS year, avg(s.stance) / 2 AS value, count(*) AS n,
       'eu_statements' AS fact_table, list(s.statement_id ORDER BY s.date, s.statement_id) AS fact_ids
FROM eu_statements s
WHERE $country = subject_country()
GROUP BY ALL
ORDER BY year;
