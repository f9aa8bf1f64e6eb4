-- Exercises Serbia took part in within the year range, counted once per partner bloc present.
SELECT c.bloc, count(DISTINCT e.exercise_id) AS exercises,
       'exercises' AS fact_table, list(DISTINCT e.exercise_id ORDER BY e.exercise_id) AS fact_ids
FROM exercises e
JOIN exercise_participants p ON p.exercise_id = e.exercise_id AND p.iso3 <> 'SRB'
JOIN countries c ON c.iso3 = p.iso3
WHERE year(e.start_date) BETWEEN $year_from AND $year_to
  AND e.serbia_role IN ('participant', 'host', 'observer')
  AND (len($partners) = 0 OR p.iso3 IN (SELECT unnest($partners)))
  AND c.bloc IN (SELECT unnest($blocs))
GROUP BY c.bloc
ORDER BY c.bloc;
