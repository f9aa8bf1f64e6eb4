-- Exercises $country took part in or hosted within the year range (counted_role: observed ones are not
-- counted), counted once per partner bloc present.
SELECT c.bloc, count(DISTINCT e.exercise_id) AS exercises,
       'exercises' AS fact_table, list(DISTINCT e.exercise_id ORDER BY e.exercise_id) AS fact_ids
FROM exercises e
JOIN exercise_participants own ON own.exercise_id = e.exercise_id AND own.iso3 = $country
JOIN exercise_participants p ON p.exercise_id = e.exercise_id AND p.iso3 <> $country
JOIN countries c ON c.iso3 = p.iso3
WHERE year(e.start_date) BETWEEN $year_from AND $year_to
  AND counted_role(e.serbia_role)
  AND partner_selected(p.iso3, c.bloc, $partners, $blocs)
GROUP BY c.bloc
ORDER BY c.bloc;
