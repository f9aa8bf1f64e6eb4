-- Deals delivered (or delivering) to Serbia with deliveries inside the year range, per supplier bloc:
-- number of deals and SIPRI TIV (millions) where known. A deal counts whole if any delivery year is in range.
SELECT c.bloc, count(*) AS deals, sum(a.sipri_tiv_m) AS tiv_m, count(a.sipri_tiv_m) AS deals_with_tiv,
       'arms_transfers' AS fact_table, list(a.transfer_id ORDER BY a.transfer_id) AS fact_ids
FROM arms_transfers a
JOIN countries c ON c.iso3 = a.supplier_iso3
WHERE a.recipient_iso3 = $country
  AND a.status IN ('delivered', 'delivering')
  AND coalesce(a.delivery_first_year, a.order_year) <= $year_to
  AND coalesce(a.delivery_last_year, a.delivery_first_year, a.order_year) >= $year_from
  AND partner_selected(a.supplier_iso3, c.bloc, $partners, $blocs)
GROUP BY c.bloc
ORDER BY c.bloc;
