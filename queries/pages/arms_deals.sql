-- Arms deals for $country (Serbia) whose order year or delivery years fall in the year range, with supplier and sources.
-- $year_from, $year_to: inclusive; $partners: supplier ISO3 list (empty: all); $blocs: supplier blocs.
SELECT a.transfer_id, a.order_year, a.delivery_first_year, a.delivery_last_year,
       a.supplier_iso3, c.name AS supplier, c.bloc, a.designation, a.description, a.category,
       a.quantity_ordered, a.quantity_delivered, a.deal_type, a.status, a.sipri_tiv_m,
       a.value_amount, a.value_currency, a.confidence, a.sipri_id,
       coalesce(a.end_user, 'armed_forces') AS end_user,
       (SELECT count(*) FROM fact_sources f WHERE f.fact_table = 'arms_transfers' AND f.fact_id = a.transfer_id) AS n_sources,
       (SELECT min(s.url) FROM fact_sources f JOIN sources s USING (source_id)
         WHERE f.fact_table = 'arms_transfers' AND f.fact_id = a.transfer_id) AS source_url,
       (SELECT string_agg(s.publisher || ': ' || s.title, ' | ' ORDER BY s.publisher, s.title)
          FROM fact_sources f JOIN sources s USING (source_id)
         WHERE f.fact_table = 'arms_transfers' AND f.fact_id = a.transfer_id) AS sources
FROM arms_transfers a
JOIN countries c ON c.iso3 = a.supplier_iso3
WHERE a.recipient_iso3 = $country
  AND coalesce(a.order_year, a.delivery_first_year) <= $year_to
  AND coalesce(a.delivery_last_year, a.delivery_first_year, a.order_year) >= $year_from
  AND partner_selected(a.supplier_iso3, c.bloc, $partners, $blocs)
ORDER BY coalesce(a.order_year, a.delivery_first_year), c.name, a.transfer_id;
