-- Key UN General Assembly votes in the year range, newest first, with their tallies and the position of
-- the EU members' majority: the vote most of the EU members with a recorded yes/no/abstain cast (absences
-- do not count; a tie between two positions gives no majority, eu_vote NULL), as in un_agreement_yearly.
-- eu_cast: EU members with a recorded yes/no/abstain; eu_with_majority: how many of them cast eu_vote.
WITH eu_tally AS (
    SELECT v.resolution_id, v.vote, count(*) AS n
    FROM un_votes v
    JOIN countries c ON c.iso3 = v.country_iso3 AND c.eu_member
    WHERE v.vote IN ('yes', 'no', 'abstain')
    GROUP BY v.resolution_id, v.vote
),
eu_ranked AS (
    SELECT resolution_id, vote, n, max(n) OVER (PARTITION BY resolution_id) AS top,
           CAST(sum(n) OVER (PARTITION BY resolution_id) AS INTEGER) AS cast_total
    FROM eu_tally
),
eu_position AS (
    SELECT resolution_id,
           CASE WHEN count(*) = 1 THEN any_value(vote) END AS eu_vote,
           any_value(top) AS eu_with_majority, any_value(cast_total) AS eu_cast
    FROM eu_ranked
    WHERE n = top
    GROUP BY resolution_id
)
SELECT r.resolution_id, r.date, r.title, r.topic, r.yes, r.no, r.abstain, r.east_west_split,
       p.eu_vote, coalesce(p.eu_cast, 0) AS eu_cast, coalesce(p.eu_with_majority, 0) AS eu_with_majority,
       'un_resolutions' AS fact_table, [r.resolution_id] AS fact_ids
FROM un_resolutions r
LEFT JOIN eu_position p USING (resolution_id)
WHERE year(r.date) BETWEEN $year_from AND $year_to
ORDER BY r.date DESC, r.resolution_id;
