-- Every column of the database's tables, in column order, for the data dictionary.
SELECT table_name, column_name, ordinal_position, data_type, is_nullable = 'YES' AS nullable
FROM information_schema.columns
WHERE table_schema = 'main'
ORDER BY table_name, ordinal_position;
