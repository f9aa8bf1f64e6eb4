-- Integrity rule: every exercise lists the subject country (Serbia) and at least one foreign participant.
-- Returns one row per violation: fact_table, fact_id, column_name, problem.
SELECT 'exercises' AS fact_table, e.exercise_id AS fact_id, 'exercise_id' AS column_name,
       CASE WHEN NOT list_contains(list(p.iso3), subject_country()) THEN 'Serbia is not among the participants'
            ELSE 'no foreign participant' END AS problem
FROM exercises e
LEFT JOIN exercise_participants p USING (exercise_id)
GROUP BY e.exercise_id
HAVING NOT list_contains(list(p.iso3), subject_country())
    OR count(p.iso3) FILTER (WHERE p.iso3 <> subject_country()) = 0;
