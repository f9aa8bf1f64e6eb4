-- Events inside the year range, as milestones for timelines. Events without a partner (Serbia's own
-- decisions) always pass the partner and bloc filters; the others follow them.
-- $kinds: event kinds to include (empty: all).
SELECT v.event_id, v.date, v.end_date, v.title, v.kind, v.partner_iso3, c.name AS partner, c.bloc,
       'events' AS fact_table, [v.event_id] AS fact_ids
FROM events v
LEFT JOIN countries c ON c.iso3 = v.partner_iso3
WHERE year(v.date) <= $year_to
  AND year(coalesce(v.end_date, v.date)) >= $year_from
  AND (len($kinds) = 0 OR v.kind IN (SELECT unnest($kinds)))
  AND (v.partner_iso3 IS NULL
       OR ((len($partners) = 0 OR v.partner_iso3 IN (SELECT unnest($partners)))
           AND c.bloc IN (SELECT unnest($blocs))))
ORDER BY v.date, v.event_id;
