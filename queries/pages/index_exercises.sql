-- Inputs of the index's exercise component: the exercises Serbia took part in or hosted (observed, left and
-- cancelled ones left out), whether an East and a West partner took part, and their length in days where
-- both ends are known to the day, with the lengths that the other recorded start or end dates give
-- (`alternatives`; contested values the Monte Carlo draws from). Exercises are Serbia's own table, so the
-- country is subject_country().
WITH alt_dates AS (
    SELECT fact_id, field, TRY_CAST(value AS DATE) AS d
    FROM alternatives
    WHERE fact_table = 'exercises' AND field IN ('start_date', 'end_date') AND TRY_CAST(value AS DATE) IS NOT NULL
),
blocs AS (
    SELECT e.exercise_id, bool_or(c.bloc = 'West') AS west, bool_or(c.bloc = 'East') AS east
    FROM exercises e
    JOIN exercise_participants p ON p.exercise_id = e.exercise_id AND p.iso3 <> subject_country()
    JOIN countries c ON c.iso3 = p.iso3
    GROUP BY ALL
)
SELECT e.exercise_id AS fact_id, subject_country() AS country_iso3, year(e.start_date) AS year,
       CASE WHEN e.date_precision = 'day' AND e.end_date IS NOT NULL
            THEN datediff('day', e.start_date, e.end_date) + 1 END AS days,
       coalesce((
           SELECT list(DISTINCT datediff('day', CASE WHEN a.field = 'start_date' THEN a.d ELSE e.start_date END,
                                                CASE WHEN a.field = 'end_date' THEN a.d ELSE e.end_date END) + 1)
           FROM alt_dates a
           WHERE a.fact_id = e.exercise_id AND e.date_precision = 'day' AND e.end_date IS NOT NULL
       ), []) AS alt_days,
       b.west, b.east
FROM exercises e
JOIN blocs b ON b.exercise_id = e.exercise_id
WHERE e.start_date IS NOT NULL AND counted_role(e.serbia_role) AND (b.west OR b.east)
ORDER BY year, e.exercise_id;
