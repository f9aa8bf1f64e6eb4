-- Our own CFSP alignment rate per country and calendar year, from the declarations recorded in
-- cfsp_declaration_alignment (a sample of the stored Council pages and news reports, not every declaration),
-- with its coverage: the declarations recorded against a published count for the year (reported_totals,
-- measure cfsp_declarations; where several sources count the same year, the largest count is used).
-- The table's DDL comes from its declaration (dashboard/schema/diplomacy_tables.py, CFSP_RECOMPUTED).
INSERT INTO cfsp_recomputed
WITH recorded AS (
    SELECT a.country_iso3, year(d.date) AS year, a.aligned
    FROM cfsp_declaration_alignment a
    JOIN cfsp_declarations d USING (declaration_id)
),
per_year AS (
    SELECT country_iso3, year, count(*) AS declarations_covered, count(*) FILTER (WHERE aligned) AS declarations_aligned
    FROM recorded
    GROUP BY country_iso3, year
),
published AS (
    SELECT year, arg_max(n, n) AS published_total, arg_max(source_id, n) AS published_source_id
    FROM reported_totals
    WHERE measure = 'cfsp_declarations'
    GROUP BY year
),
final AS (
    SELECT p.country_iso3, p.year, p.declarations_covered, p.declarations_aligned,
           round(100.0 * p.declarations_aligned / p.declarations_covered, 1) AS rate_pct,
           t.published_total, t.published_source_id,
           CASE WHEN t.published_total > 0
                THEN round(100.0 * p.declarations_covered / t.published_total, 1) END AS coverage_pct
    FROM per_year p
    LEFT JOIN published t USING (year)
)
SELECT country_iso3, year, declarations_covered, declarations_aligned, rate_pct, published_total,
       published_source_id, coverage_pct
FROM final
ORDER BY country_iso3, year;
