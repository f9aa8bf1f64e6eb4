-- One readable line per fact, for any fact table, so a chart selection can list what lies behind it.
-- $refs: list of 'fact_table:fact_id' strings.
WITH facts AS (
    SELECT 'arms_transfers' AS fact_table, transfer_id AS fact_id,
           make_date(coalesce(order_year, delivery_first_year), 1, 1) AS date,
           designation || ' — ' || category || ', ' || deal_type || ', ' || status AS title,
           supplier_iso3 AS partner_iso3
    FROM arms_transfers
    UNION ALL
    SELECT 'exercises', exercise_id, start_date,
           name || coalesce(' — ' || location, '') || ' (Serbia: ' || serbia_role || ')', host_iso3
    FROM exercises
    UNION ALL
    SELECT 'eu_statements', statement_id, date, institution || ' (' || kind || '): ' || excerpt, 'EUU'
    FROM eu_statements
    UNION ALL
    SELECT 'cfsp_alignment', alignment_id, period_end,
           'CFSP alignment ' || period_label || ' per ' || issuer || ': ' || rate_pct || '%', 'EUU'
    FROM cfsp_alignment
    UNION ALL
    SELECT 'un_resolutions', resolution_id, date, resolution_id || ': ' || title, NULL
    FROM un_resolutions
    UNION ALL
    SELECT 'un_agreement', agreement_id, make_date(year, 1, 1),
           'UN General Assembly agreement with ' || partner || ' in ' || year || ': '
               || round(agreement * 100, 1) || '% of ' || n_votes || ' votes',
           CASE WHEN partner = 'EU' THEN 'EUU' ELSE partner END
    FROM un_agreement
    UNION ALL
    SELECT 'events', event_id, date, title || coalesce(' — ' || description, ''), partner_iso3
    FROM events
)
SELECT f.fact_table, f.fact_id, f.date, f.title, c.name AS partner, c.bloc
FROM facts f
LEFT JOIN countries c ON c.iso3 = f.partner_iso3
WHERE f.fact_table || ':' || f.fact_id IN (SELECT unnest($refs))
ORDER BY f.date NULLS LAST, f.fact_table, f.fact_id;
