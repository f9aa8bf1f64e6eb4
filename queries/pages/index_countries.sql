-- The countries the East–West index is computed for: Serbia first, then the other Western Balkan candidates.
SELECT iso3, name
FROM countries
WHERE iso3 = subject_country() OR eu_candidate_wb
ORDER BY iso3 <> subject_country(), name;
