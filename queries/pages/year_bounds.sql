-- The first and last year any dated fact falls in (NULLs when the database holds no facts yet).
SELECT min(year) AS first_year, max(year) AS last_year
FROM (
    SELECT year FROM engagement
    UNION ALL SELECT delivery_last_year FROM arms_transfers
    UNION ALL SELECT year(period_end) FROM cfsp_alignment
    UNION ALL SELECT year FROM un_agreement
    UNION ALL SELECT year(coalesce(end_date, date)) FROM events
);
