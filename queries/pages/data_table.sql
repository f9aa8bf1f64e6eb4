-- Every row of one table. $table: a table name, which the caller checks against dashboard/catalog.py
-- (it is bound as a value and read by query_table, never spliced into the SQL text).
SELECT * FROM query_table($table);
