# A scan's Parquet shards with polars (run from the folder that holds results/scan). polars has no Debian package, so
# the tests only compile this file; the query it runs is the SQL of read_scan.sql, which the tests do run.
import polars as pl

df = pl.read_parquet("results/scan/*.parquet")
ok = df.filter(pl.col("status") == "ok")
print(ok.group_by("alpha").agg(pl.col("lambda_1").max()).sort("alpha"))
