-- Inputs of the index's UN component: each candidate's yearly agreement with the EU members' majority (West)
-- and with the East bloc's members (Russia, China), raw and chance-corrected (Cohen's kappa), with the other
-- raw figures recorded in `alternatives` (contested values the Monte Carlo draws from).
SELECT a.country_iso3, a.year, a.partner,
       CASE WHEN a.partner = 'EU' THEN 'West' ELSE 'East' END AS side,
       a.agreement, a.agreement_kappa, a.n_votes, a.agreement_id AS fact_id,
       coalesce(list(TRY_CAST(alt.value AS DOUBLE) ORDER BY alt.source_id, alt.value)
                FILTER (WHERE TRY_CAST(alt.value AS DOUBLE) IS NOT NULL), []) AS alt_agreement
FROM un_agreement a
JOIN countries k ON k.iso3 = a.country_iso3 AND (k.eu_candidate_wb OR k.iso3 = subject_country())
LEFT JOIN alternatives alt
       ON alt.fact_table = 'un_agreement' AND alt.fact_id = a.agreement_id AND alt.field = 'agreement'
WHERE a.partner = 'EU' OR a.partner IN (SELECT iso3 FROM countries WHERE bloc = 'East')
GROUP BY ALL
ORDER BY a.country_iso3, a.year, a.partner;
