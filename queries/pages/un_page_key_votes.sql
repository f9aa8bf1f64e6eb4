-- Key UN General Assembly votes in the year range, newest first, with their tallies and the position of
-- the EU members' majority (macro majority_vote, as in the UN importer: absences do not count, a tie gives
-- no majority, eu_vote NULL). eu_cast: EU members with a recorded yes/no/abstain; eu_with_majority: how many
-- of them cast the most common vote.
WITH eu_tally AS (
    SELECT v.resolution_id, histogram(v.vote) AS tally
    FROM un_votes v
    JOIN countries c ON c.iso3 = v.country_iso3 AND c.eu_member
    WHERE v.vote IN ('yes', 'no', 'abstain')
    GROUP BY v.resolution_id
)
SELECT r.resolution_id, r.date, r.title, r.title_sr, r.topic, r.yes, r.no, r.abstain, r.east_west_split,
       majority_vote(t.tally) AS eu_vote,
       CAST(coalesce(list_sum(map_values(t.tally)), 0) AS INTEGER) AS eu_cast,
       CAST(coalesce(list_max(map_values(t.tally)), 0) AS INTEGER) AS eu_with_majority,
       'un_resolutions' AS fact_table, [r.resolution_id] AS fact_ids
FROM un_resolutions r
LEFT JOIN eu_tally t USING (resolution_id)
WHERE year(r.date) BETWEEN $year_from AND $year_to
ORDER BY r.date DESC, r.resolution_id;
