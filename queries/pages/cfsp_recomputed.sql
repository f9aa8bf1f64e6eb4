-- Our own CFSP alignment rate per country and year (the derived table cfsp_recomputed), with its coverage and
-- the declarations behind it, for the EU & CFSP page. Follows the EU (EUU) through the partner and bloc
-- filters, as the published series does. $countries: ISO3 list; $year_from, $year_to: calendar years.
SELECT r.country_iso3, k.name AS country, r.year, r.declarations_covered, r.declarations_aligned, r.rate_pct,
       r.published_total, r.coverage_pct, r.published_source_id,
       'cfsp_declarations' AS fact_table,
       (SELECT list(d.declaration_id ORDER BY d.date, d.declaration_id)
        FROM cfsp_declaration_alignment a JOIN cfsp_declarations d USING (declaration_id)
        WHERE a.country_iso3 = r.country_iso3 AND year(d.date) = r.year) AS fact_ids
FROM cfsp_recomputed r
JOIN countries k ON k.iso3 = r.country_iso3
JOIN countries eu ON eu.iso3 = 'EUU'
WHERE r.country_iso3 IN (SELECT unnest($countries))
  AND r.year BETWEEN $year_from AND $year_to
  AND partner_selected('EUU', eu.bloc, $partners, $blocs)
ORDER BY r.country_iso3, r.year;
