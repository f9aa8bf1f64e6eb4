-- The topics EU statements are filed under, with how many statements each has (for the topic filter).
SELECT topic, count(*) AS n
FROM eu_statements
GROUP BY topic
ORDER BY topic;
