-- The dated engagements of $country (Serbia) per year, partner bloc and kind, with the facts behind each count.
-- A fact with several partners of one bloc (an exercise with Russia and Belarus) counts once for it.
-- $year_from, $year_to: inclusive; $partners: ISO3 list (empty: all); $blocs: blocs to include.
SELECT year, bloc, kind, fact_table, count(DISTINCT fact_id) AS n, list(DISTINCT fact_id ORDER BY fact_id) AS fact_ids
FROM engagement
WHERE country_iso3 = $country
  AND counted  -- observed, left or cancelled exercises are not engagement
  AND year BETWEEN $year_from AND $year_to
  AND partner_selected(partner_iso3, bloc, $partners, $blocs)
GROUP BY ALL
ORDER BY year, bloc, kind;
