-- The EU members' majority on one roll call, from histogram(vote) over the members that voted yes, no or
-- abstain (absences do not count): the position most of them took, or NULL when two positions tie for most
-- votes or none voted. Used for the key votes (un_votes) and by the UN importer on whole roll-call files.
CREATE MACRO majority_vote(tally) AS
    CASE WHEN len(list_filter(map_values(tally), lambda n: n = list_max(map_values(tally)))) = 1
         THEN list_filter(map_entries(tally), lambda e: e.value = list_max(map_values(tally)))[1].key
    END;
