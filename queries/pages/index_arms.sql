-- Inputs of the index's arms components: every deal of a candidate with a supplier of the East or the West
-- (cancelled deals left out), its order and delivery years and SIPRI TIV, with the other recorded values of
-- those fields (`alternatives`), which the Monte Carlo draws from.
WITH alts AS (
    SELECT fact_id, field,
           list(TRY_CAST(value AS DOUBLE) ORDER BY source_id, value)
               FILTER (WHERE TRY_CAST(value AS DOUBLE) IS NOT NULL) AS vals
    FROM alternatives
    WHERE fact_table = 'arms_transfers'
      AND field IN ('order_year', 'delivery_first_year', 'delivery_last_year', 'sipri_tiv_m')
    GROUP BY ALL
)
SELECT a.transfer_id AS fact_id, a.recipient_iso3 AS country_iso3, c.bloc AS side,
       a.order_year, a.delivery_first_year, a.delivery_last_year, a.sipri_tiv_m,
       coalesce((SELECT vals FROM alts WHERE fact_id = a.transfer_id AND field = 'order_year'), []) AS alt_order_year,
       coalesce((SELECT vals FROM alts WHERE fact_id = a.transfer_id AND field = 'delivery_first_year'), [])
           AS alt_delivery_first_year,
       coalesce((SELECT vals FROM alts WHERE fact_id = a.transfer_id AND field = 'delivery_last_year'), [])
           AS alt_delivery_last_year,
       coalesce((SELECT vals FROM alts WHERE fact_id = a.transfer_id AND field = 'sipri_tiv_m'), []) AS alt_sipri_tiv_m
FROM arms_transfers a
JOIN countries c ON c.iso3 = a.supplier_iso3 AND c.bloc IN ('East', 'West')
JOIN countries k ON k.iso3 = a.recipient_iso3 AND (k.eu_candidate_wb OR k.iso3 = subject_country())
WHERE a.status <> 'cancelled'
ORDER BY a.recipient_iso3, a.transfer_id;
