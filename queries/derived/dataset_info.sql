-- The one row of dataset_info (dashboard/pipeline/dataset_info.py computes the values; the table's DDL comes
-- from its declaration in dashboard/schema/reference_tables.py).
INSERT INTO dataset_info (version, content_sha256, built_at) VALUES ($version, $content_sha256, $built_at);
