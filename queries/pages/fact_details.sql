-- One readable line per fact, for any fact table (the registry view `facts`), so a chart selection can list
-- what lies behind it. $refs: list of 'fact_table:fact_id' strings.
SELECT f.fact_table, f.fact_id, f.date, f.title, f.title_sr, c.name AS partner, c.bloc
FROM facts f
LEFT JOIN countries c ON c.iso3 = f.partner_iso3
WHERE f.fact_table || ':' || f.fact_id IN (SELECT unnest($refs))
ORDER BY f.date NULLS LAST, f.fact_table, f.fact_id;
