-- Exercises of $country (Serbia) with at least one foreign partner, one row per (exercise, partner), overlapping
-- the year range. Open or imprecise ends are closed by the date's precision (a month, a year), or by the
-- reported length from a day-exact start. `bar_start` is where a timeline bar begins: the start, except when
-- only the end is known to the day — then the reported length back from the end (one day if no length is
-- given), so a month- or year-precise start is not drawn as weeks or months of exercise. `approximate` is true
-- when neither end is known to the day: the bar then spans the month or year in which it took place, not its
-- length, and is drawn apart.
-- $year_from, $year_to: inclusive; $partners: ISO3 list (empty: all); $blocs: partner blocs.
SELECT e.exercise_id, e.name, e.name_sr, e.start_date,
       coalesce(e.end_date,
                CASE WHEN e.date_precision = 'day' AND e.duration_days IS NOT NULL
                     THEN e.start_date + CAST(e.duration_days - 1 AS INTEGER) END,
                CASE e.date_precision WHEN 'day' THEN e.start_date
                                      WHEN 'month' THEN last_day(e.start_date)
                                      ELSE make_date(year(e.start_date), 12, 31) END) AS end_date,
       CASE WHEN e.date_precision <> 'day' AND e.end_date IS NOT NULL AND e.end_precision = 'day'
            THEN greatest(e.start_date, e.end_date - CAST(coalesce(e.duration_days, 1) - 1 AS INTEGER))
            ELSE e.start_date END AS bar_start,
       e.date_precision <> 'day' AND coalesce(e.end_precision, '') <> 'day' AS approximate,
       e.date_precision, e.end_precision, e.duration_days, e.host_iso3, h.name AS host, e.location, e.latitude, e.longitude, e.domain,
       e.serbia_role, e.serbian_troops, e.total_troops, e.confidence,
       p.iso3 AS partner_iso3, c.name AS partner, c.bloc
FROM exercises e
JOIN exercise_participants own ON own.exercise_id = e.exercise_id AND own.iso3 = $country
JOIN exercise_participants p ON p.exercise_id = e.exercise_id AND p.iso3 <> $country
JOIN countries c ON c.iso3 = p.iso3
LEFT JOIN countries h ON h.iso3 = e.host_iso3
WHERE e.start_date IS NOT NULL
  AND year(e.start_date) <= $year_to
  AND year(coalesce(e.end_date, e.start_date)) >= $year_from
  AND partner_selected(p.iso3, c.bloc, $partners, $blocs)
ORDER BY e.start_date, e.exercise_id, c.name;
