-- A scan's Parquet shards as one table, with DuckDB (run from the folder that holds results/scan).
-- The docs test runs both queries on a real scan through DuckDB's own engine.
SELECT alpha, theta, lambda_1, se_1
FROM 'results/scan/*.parquet'
WHERE status = 'ok' AND abs(lambda_1) < 1e-3
ORDER BY alpha, theta;

-- the key-value metadata of each file: engine version and commit, backend, precision, units, parameters
SELECT file_name, decode(key) AS key, decode(value) AS value
FROM parquet_kv_metadata('results/scan/*.parquet')
WHERE decode(key) LIKE 'fastattractors.%';
