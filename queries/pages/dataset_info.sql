-- The version of the data the database was built from (one row, written by the build).
SELECT version, content_sha256, built_at FROM dataset_info;
