-- The latest dated facts about $country (Serbia) within the filters, newest first. $limit: how many rows.
SELECT e.date, e.kind, e.title, c.name AS partner, e.bloc, e.fact_table, e.fact_id
FROM engagement e
JOIN countries c ON c.iso3 = e.partner_iso3
WHERE e.country_iso3 = $country
  AND e.year BETWEEN $year_from AND $year_to
  AND partner_selected(e.partner_iso3, e.bloc, $partners, $blocs)
ORDER BY e.date DESC, e.fact_id
LIMIT $limit;
