-- Yearly share of UN General Assembly votes in which a country voted like each partner ('EU': the EU
-- members' majority, filtered as the EU, EUU). $countries: ISO3 list; other parameters as elsewhere.
-- source_series and year_basis say which computation a row comes from and what its year means (calendar
-- year, or the UNGA session opening that September): pages draw each basis as a line of its own.
SELECT u.year, u.country_iso3, u.partner, coalesce(p.name, u.partner) AS partner_name, p.iso3 AS partner_iso3, p.bloc,
       round(u.agreement * 100, 1) AS agreement_pct, round(u.agreement_abstain_aware * 100, 1) AS agreement_abstain_aware_pct,
       u.n_votes, 'un_agreement' AS fact_table, [u.agreement_id] AS fact_ids, u.source_series, u.year_basis
FROM un_agreement u
JOIN countries p ON p.iso3 = CASE WHEN u.partner = 'EU' THEN 'EUU' ELSE u.partner END
WHERE u.country_iso3 IN (SELECT unnest($countries))
  AND u.year BETWEEN $year_from AND $year_to
  AND partner_selected(p.iso3, p.bloc, $partners, $blocs)
ORDER BY u.country_iso3, u.partner, u.year_basis, u.year;
