-- Events inside the year range, as milestones for timelines. Events without a partner (Serbia's own
-- decisions) always pass the partner and bloc filters; the others follow them.
-- Events are the subject country's own record, so another $country has none. $kinds: kinds (empty: all).
SELECT v.event_id, v.date, v.end_date, v.title, v.title_sr, v.kind, v.partner_iso3, c.name AS partner, c.bloc,
       'events' AS fact_table, [v.event_id] AS fact_ids
FROM events v
LEFT JOIN countries c ON c.iso3 = v.partner_iso3
WHERE year(v.date) <= $year_to
  AND year(coalesce(v.end_date, v.date)) >= $year_from
  AND (len($kinds) = 0 OR v.kind IN (SELECT unnest($kinds)))
  AND $country = subject_country()
  AND (v.partner_iso3 IS NULL OR partner_selected(v.partner_iso3, c.bloc, $partners, $blocs))
ORDER BY v.date, v.event_id;
