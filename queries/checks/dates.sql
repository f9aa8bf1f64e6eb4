-- Integrity rules on dates that a single column or an ordered pair of columns cannot state (those are in the
-- table declarations, dashboard/schema/): precision, the future, deliveries against the order.
-- Returns one row per violation: fact_table, fact_id, column_name, problem.
SELECT 'exercises' AS fact_table, exercise_id AS fact_id, 'start_date' AS column_name,
       'date precision "year" but start_date is not 1 January' AS problem
FROM exercises WHERE date_precision = 'year' AND strftime(start_date, '%m-%d') <> '01-01'
UNION ALL
SELECT 'exercises', exercise_id, 'start_date', 'date in the future'
FROM exercises WHERE start_date > current_date
UNION ALL
SELECT 'eu_statements', statement_id, 'date', 'date in the future'
FROM eu_statements WHERE date > current_date
UNION ALL
SELECT 'events', event_id, 'date', 'date in the future'
FROM events WHERE date > current_date
UNION ALL
SELECT 'un_resolutions', resolution_id, 'date', 'date in the future'
FROM un_resolutions WHERE date > current_date
UNION ALL
SELECT 'arms_transfers', transfer_id, 'delivery_first_year', 'deliveries start before the order'
FROM arms_transfers WHERE delivery_first_year < order_year
UNION ALL
SELECT 'arms_transfers', transfer_id, 'status', 'status "delivered" but nothing delivered'
FROM arms_transfers WHERE status = 'delivered' AND quantity_delivered = 0;
