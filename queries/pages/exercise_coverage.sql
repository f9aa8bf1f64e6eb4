-- Completeness of the exercise rows: for each year in the range and each partner side (West, East), the
-- exercises $country took part in or hosted (counted_role) that this dataset holds, against every total an
-- authoritative source publishes for that year (reported_totals, measure 'exercises'). A year without a
-- published total still appears, with published and ratio NULL, so a gap is shown rather than hidden; a
-- published total of zero that we match counts as complete (ratio 1); a
-- published total for all partners together (partner_group 'All') appears where one exists.
WITH years AS (
    SELECT unnest(range($year_from, $year_to + 1)) AS year
),
sides AS (
    SELECT unnest(['West', 'East', 'All']) AS partner_group
),
ours AS (
    SELECT year(e.start_date) AS year, s.partner_group, e.exercise_id
    FROM exercises e
    JOIN exercise_participants own ON own.exercise_id = e.exercise_id AND own.iso3 = $country
    JOIN exercise_participants p ON p.exercise_id = e.exercise_id AND p.iso3 <> $country
    JOIN countries c ON c.iso3 = p.iso3
    JOIN sides s ON s.partner_group IN (c.bloc, 'All')
    WHERE counted_role(e.serbia_role)
),
counted AS (
    SELECT year, partner_group, count(DISTINCT exercise_id) AS our_rows,
           list(DISTINCT exercise_id ORDER BY exercise_id) AS fact_ids
    FROM ours
    GROUP BY year, partner_group
),
published AS (
    SELECT year, partner_group, n AS published, source_id, notes
    FROM reported_totals
    WHERE measure = 'exercises' AND country_iso3 = $country
),
final AS (
    SELECT y.year, s.partner_group, coalesce(c.our_rows, 0) AS our_rows, p.published,
           CASE WHEN p.published > 0 THEN round(coalesce(c.our_rows, 0) / p.published, 3)
                WHEN p.published = 0 AND coalesce(c.our_rows, 0) = 0 THEN 1.0 END AS ratio,
           p.source_id, src.publisher, src.title AS source_title, p.notes,
           'exercises' AS fact_table, coalesce(c.fact_ids, []::VARCHAR[]) AS fact_ids
    FROM years y
    CROSS JOIN sides s
    LEFT JOIN counted c ON c.year = y.year AND c.partner_group = s.partner_group
    LEFT JOIN published p ON p.year = y.year AND p.partner_group = s.partner_group
    LEFT JOIN sources src ON src.source_id = p.source_id
    WHERE s.partner_group <> 'All' OR p.published IS NOT NULL
)
SELECT * FROM final
ORDER BY year, CASE partner_group WHEN 'West' THEN 1 WHEN 'East' THEN 2 ELSE 3 END, published DESC NULLS LAST;
