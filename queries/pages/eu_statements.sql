-- EU statements on Serbia's foreign-policy alignment within the filters, oldest first.
-- A statement speaks for the EU, so (like cfsp_series) it follows the EU (EUU) through the partner and bloc
-- filters. excerpt_en and excerpt_sr are the project's own translations of the excerpt. $year_from, $year_to: inclusive, on the statement's date; $topics: topics to keep (empty: all).
SELECT s.statement_id, s.date, s.institution, s.speaker, s.kind, s.topic, s.stance, s.excerpt, s.confidence,
       s.excerpt_language, s.excerpt_en, s.excerpt_sr,
       'eu_statements' AS fact_table, [s.statement_id] AS fact_ids
FROM eu_statements s
JOIN countries eu ON eu.iso3 = 'EUU'
WHERE $country = subject_country()  -- statements about the subject country
  AND year(s.date) BETWEEN $year_from AND $year_to
  AND partner_selected('EUU', eu.bloc, $partners, $blocs)
  AND (len($topics) = 0 OR s.topic IN (SELECT unnest($topics)))
ORDER BY s.date, s.statement_id;
