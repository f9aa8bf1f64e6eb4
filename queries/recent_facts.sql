-- The latest dated facts about Serbia, newest first, with their partner's name and bloc.
-- $limit: how many rows.
SELECT e.date, e.year, e.kind, e.title, c.name AS partner, e.bloc, e.fact_table, e.fact_id
FROM engagement e
JOIN countries c ON c.iso3 = e.partner_iso3
WHERE e.country_iso3 = 'SRB'
ORDER BY e.date DESC, e.fact_id
LIMIT $limit;
