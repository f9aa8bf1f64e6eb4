-- Inputs of the index's CFSP component: every published rate of a candidate, by issuer, placed in the year
-- holding the middle of its reference period; `full_year` marks a period that is exactly that calendar year.
-- Other recorded rates (`alternatives`, field rate_pct) are contested values the Monte Carlo draws from.
SELECT a.country_iso3,
       year(a.period_start + CAST((a.period_end - a.period_start) // 2 AS INTEGER)) AS year,
       a.issuer, a.rate_pct, a.alignment_id AS fact_id, a.period_label,
       (a.period_start = make_date(year(a.period_start), 1, 1)
        AND a.period_end = make_date(year(a.period_start), 12, 31)) AS full_year,
       coalesce(list(TRY_CAST(alt.value AS DOUBLE) ORDER BY alt.source_id, alt.value)
                FILTER (WHERE TRY_CAST(alt.value AS DOUBLE) IS NOT NULL), []) AS alt_rate
FROM cfsp_alignment a
JOIN countries k ON k.iso3 = a.country_iso3 AND (k.eu_candidate_wb OR k.iso3 = subject_country())
LEFT JOIN alternatives alt
       ON alt.fact_table = 'cfsp_alignment' AND alt.fact_id = a.alignment_id AND alt.field = 'rate_pct'
GROUP BY ALL
ORDER BY a.country_iso3, year, a.issuer, fact_id;
