-- Every dated fact with a partner, one row per (fact, partner), with the partner's bloc: the feed for
-- timelines and counts of engagement. Public interface: extend its columns, never rename them.
-- `counted`: whether the fact counts as engagement (an exercise Serbia only observed, left or that was
-- cancelled is listed but not counted: counted_role); every other fact counts.
CREATE VIEW engagement AS
SELECT make_date(coalesce(a.order_year, a.delivery_first_year), 1, 1) AS date,
       coalesce(a.order_year, a.delivery_first_year) AS year,
       a.recipient_iso3 AS country_iso3, a.supplier_iso3 AS partner_iso3, c.bloc,
       'arms' AS kind, a.designation AS title, 'arms_transfers' AS fact_table, a.transfer_id AS fact_id,
       TRUE AS counted
FROM arms_transfers a JOIN countries c ON c.iso3 = a.supplier_iso3
WHERE coalesce(a.order_year, a.delivery_first_year) IS NOT NULL
UNION ALL
SELECT e.start_date, year(e.start_date), subject_country(), p.iso3, c.bloc,
       'exercise', e.name, 'exercises', e.exercise_id, counted_role(e.serbia_role)
FROM exercises e
JOIN exercise_participants p ON p.exercise_id = e.exercise_id AND p.iso3 <> subject_country()
JOIN countries c ON c.iso3 = p.iso3
WHERE e.start_date IS NOT NULL
UNION ALL
SELECT s.date, year(s.date), subject_country(), 'EUU', c.bloc,
       'eu-statement', s.topic || ': ' || coalesce(s.speaker, s.institution), 'eu_statements', s.statement_id, TRUE
FROM eu_statements s JOIN countries c ON c.iso3 = 'EUU'
UNION ALL
SELECT v.date, year(v.date), subject_country(), v.partner_iso3, c.bloc,
       'event', v.title, 'events', v.event_id, TRUE
FROM events v JOIN countries c ON c.iso3 = v.partner_iso3;
