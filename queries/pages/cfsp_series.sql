-- CFSP alignment rates of Serbia and the compared countries, one row per issuer and period.
-- The rate measures alignment with the EU, so it follows the EU (EUU) through the partner and bloc filters.
-- $year_from, $year_to: on the year the period ends; $partners, $blocs: as elsewhere; $countries: ISO3 list.
SELECT year(a.period_end) AS year, a.country_iso3, k.name AS country, a.issuer, a.period_label,
       a.period_start, a.period_end, a.rate_pct, a.declarations_aligned, a.declarations_total, a.confidence,
       'cfsp_alignment' AS fact_table, [a.alignment_id] AS fact_ids
FROM cfsp_alignment a
JOIN countries k ON k.iso3 = a.country_iso3
JOIN countries eu ON eu.iso3 = 'EUU'
WHERE a.country_iso3 IN (SELECT unnest($countries))
  AND year(a.period_end) BETWEEN $year_from AND $year_to
  AND partner_selected('EUU', eu.bloc, $partners, $blocs)
ORDER BY a.country_iso3, a.issuer, a.period_end;
