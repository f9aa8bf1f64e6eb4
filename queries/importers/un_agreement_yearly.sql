-- Yearly UN General Assembly voting agreement of each country in $countries with each partner in $partners,
-- over the roll calls of importers/un_roll_call_tables.sql between $first_year and $last_year.
-- A roll call counts for a pair when both voted yes, no or abstain (absences are left out).
--   agreement               = share of those roll calls on which both cast the same vote
--   agreement_abstain_aware = Voeten's scoring: 1 for the same vote, 0.5 when one abstains and the other
--                             votes yes or no, 0 for yes against no; averaged over the same roll calls
--   agreement_kappa         = Cohen's kappa over the same roll calls, yes/no/abstain as three categories:
--                             (agreement - expected) / (1 - expected), where expected is the agreement two
--                             independent voters with these vote shares would reach by chance (Häge 2011);
--                             NULL when both cast one and the same vote throughout (expected = 1)
-- Partner 'EU' is the position most of $eu_members took among those who voted; absent members do not count,
-- and a roll call where two positions tie for most votes has no EU position and is left out for 'EU'.
WITH cast_votes AS (
    SELECT v.rcid, r.year, v.iso3, v.vote
    FROM votes v
    JOIN roll_calls r ON r.rcid = v.rcid
    WHERE v.vote IN ('yes', 'no', 'abstain')
      AND r.year BETWEEN $first_year AND $last_year
),
eu_tally AS (
    SELECT rcid, year, histogram(vote) AS tally
    FROM cast_votes
    WHERE iso3 IN (SELECT unnest($eu_members))
    GROUP BY rcid, year
),
eu_position AS (
    -- macro majority_vote (queries/staging/eu_majority.sql): most of the members' votes, no position on a tie;
    -- applied to the finished tally (DuckDB cannot bind the macro's lambdas inside the aggregate)
    SELECT rcid, year, 'EU' AS partner, majority_vote(tally) AS vote
    FROM eu_tally
    WHERE majority_vote(tally) IS NOT NULL
),
partner_votes AS (
    SELECT rcid, year, iso3 AS partner, vote
    FROM cast_votes
    WHERE iso3 IN (SELECT unnest($partners))
    UNION ALL
    SELECT rcid, year, partner, vote
    FROM eu_position
    WHERE 'EU' IN (SELECT unnest($partners))
),
pairs AS (
    SELECT c.year, c.iso3 AS country_iso3, p.partner, c.vote AS own, p.vote AS other
    FROM cast_votes c
    JOIN partner_votes p ON p.rcid = c.rcid AND p.partner <> c.iso3
    WHERE c.iso3 IN (SELECT unnest($countries))
),
shares AS (
    -- each side's share of yes, no and abstain over the pair's roll calls: the chance agreement of kappa
    SELECT year, country_iso3, partner,
           avg(CASE WHEN own = other THEN 1.0 ELSE 0.0 END) AS agreement,
           avg(CASE WHEN own = other THEN 1.0
                    WHEN own = 'abstain' OR other = 'abstain' THEN 0.5
                    ELSE 0.0 END) AS agreement_abstain_aware,
           count(*) AS n_votes,
           avg((own = 'yes')::DOUBLE) * avg((other = 'yes')::DOUBLE)
             + avg((own = 'no')::DOUBLE) * avg((other = 'no')::DOUBLE)
             + avg((own = 'abstain')::DOUBLE) * avg((other = 'abstain')::DOUBLE) AS expected
    FROM pairs
    GROUP BY year, country_iso3, partner
)
SELECT year, country_iso3, partner, agreement, agreement_abstain_aware, n_votes,
       CASE WHEN expected < 1 THEN (agreement - expected) / (1 - expected) END AS agreement_kappa
FROM shares
ORDER BY year, country_iso3, partner;
