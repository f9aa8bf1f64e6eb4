-- How each country in $countries voted on the resolutions in $resolutions (one row per recorded vote).
SELECT v.resolution_id, v.country_iso3, c.name AS country, c.bloc, v.vote
FROM un_votes v
JOIN countries c ON c.iso3 = v.country_iso3
WHERE v.resolution_id IN (SELECT unnest($resolutions))
  AND v.country_iso3 IN (SELECT unnest($countries))
ORDER BY v.resolution_id, v.country_iso3;
