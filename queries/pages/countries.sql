-- Every country and organisation, for filter choices and labels.
SELECT iso3, name, bloc, kind, eu_candidate_wb
FROM countries
ORDER BY name;
