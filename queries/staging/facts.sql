-- The registry of every fact table: one row per fact with its table and id, the country it is about, its
-- date, a readable line and the partner it involves. Checks (every fact sourced), counts and the list behind
-- a chart selection read this view, so a new fact table is added here once. title_sr: the curated Serbian
-- title or name where the table has one (NULL elsewhere), shown beside the original line to Serbian readers.
CREATE VIEW facts AS
SELECT 'arms_transfers' AS fact_table, transfer_id AS fact_id, recipient_iso3 AS country_iso3,
       make_date(coalesce(order_year, delivery_first_year), 1, 1) AS date,
       designation || ' — ' || category || ', ' || deal_type || ', ' || status AS title,
       supplier_iso3 AS partner_iso3, CAST(NULL AS VARCHAR) AS title_sr
FROM arms_transfers
UNION ALL
SELECT 'exercises', exercise_id, subject_country(), start_date,
       name || coalesce(' — ' || location, '') || ' (Serbia: ' || serbia_role || ')', host_iso3, name_sr
FROM exercises
UNION ALL
SELECT 'eu_statements', statement_id, subject_country(), date, institution || ' (' || kind || '): ' || excerpt, 'EUU', NULL
FROM eu_statements
UNION ALL
SELECT 'cfsp_alignment', alignment_id, country_iso3, period_end,
       'CFSP alignment ' || period_label || ' per ' || issuer || ': ' || rate_pct || '%', 'EUU', NULL
FROM cfsp_alignment
UNION ALL
SELECT 'cfsp_declarations', declaration_id, NULL, date, 'EU declaration: ' || title, 'EUU', NULL
FROM cfsp_declarations
UNION ALL
SELECT 'un_resolutions', resolution_id, NULL, date, resolution_id || ': ' || title, NULL,
       resolution_id || ': ' || title_sr
FROM un_resolutions
UNION ALL
SELECT 'un_agreement', agreement_id, country_iso3, make_date(year, 1, 1),
       'UN General Assembly agreement with ' || partner || ' in ' || year || ': '
           || round(agreement * 100, 1) || '% of ' || n_votes || ' votes',
       CASE WHEN partner = 'EU' THEN 'EUU' ELSE partner END, NULL
FROM un_agreement
UNION ALL
SELECT 'events', event_id, subject_country(), date, title || coalesce(' — ' || description, ''), partner_iso3,
       title_sr || coalesce(' — ' || description_sr, '')
FROM events;
