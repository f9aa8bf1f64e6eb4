-- Serbia's dated engagements per year, bloc and kind, within a year range.
-- $year_from, $year_to: inclusive bounds.
SELECT year, bloc, kind, count(*) AS n
FROM engagement
WHERE country_iso3 = 'SRB'
  AND year BETWEEN $year_from AND $year_to
GROUP BY ALL
ORDER BY year, bloc, kind;
