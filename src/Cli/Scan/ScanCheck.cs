using System.Globalization;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// What a scan directory holds against what its spec.json asks for: the complete shard files, and every problem
/// (missing or incomplete shards, shards in progress, files of another scan, truncated or foreign Parquet files).
/// </summary>
internal sealed record ScanCheck(ScanPlan Plan, int? ShardCount, IReadOnlyList<string> Complete, IReadOnlyList<string> Problems)
{
    public bool IsComplete => Problems.Count == 0;

    public static ScanCheck Inspect(string dir, int? shardsFlag)
    {
        var plan = ScanDirectory.PlanOf(dir);
        var problems = new List<string>();
        var good = new Dictionary<(int, int), string>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.parquet").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (ScanDirectory.ParseShardName(file) is not { } shard)
            {
                problems.Add($"{name}: not a shard file of this scan (readers of DIR/*.parquet would take it in): move it out");
                continue;
            }
            try
            {
                var (rows, metadata) = ScanParquet.ReadFooter(file);
                var (start, end) = shard.Index < shard.Count ? plan.ShardRows(shard.Index, shard.Count) : (0, -1);
                if (metadata[ScanParquet.HashKey] != plan.Hash)
                    problems.Add($"{name}: belongs to another scan (spec hash {metadata[ScanParquet.HashKey]}, this one {plan.Hash})");
                else if (rows != end - start)
                    problems.Add($"{name}: incomplete, {rows} of {end - start} rows");
                else
                    good[shard] = file;
            }
            catch (InvalidDataException e)
            {
                problems.Add(e.Message);
            }
        }
        var counts = good.Keys.Select(k => k.Item2).Concat(PartCounts(dir)).Distinct().Order().ToList();
        int? n = shardsFlag;
        if (n is null && counts.Count == 1)
            n = counts[0];
        if (n is null && counts.Count > 1)
            problems.Add($"shard files for different shard counts ({string.Join(", ", counts)}): pass --shards N to check one");
        if (n is null && counts.Count == 0)
            problems.Add("no shard files yet (scan-IIII-of-NNNN.parquet)");
        var complete = new List<string>();
        if (n is { } count)
        {
            for (int i = 0; i < count; i++)
            {
                if (good.TryGetValue((i, count), out var file))
                {
                    complete.Add(file);
                    continue;
                }
                string parts = ScanDirectory.PartsFolder(dir, i, count);
                var (first, end) = plan.ShardChunks(i, count);
                int done = Directory.Exists(parts) ? Directory.EnumerateFiles(parts).Count(f => ScanDirectory.ParseChunkName(f) is not null) : 0;
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"shard {i}/{count}: missing")
                    + (done > 0 ? $" (interrupted or running: {done} of {end - first} chunks done; rerun it with --resume)" : ""));
            }
        }
        return new ScanCheck(plan, n, complete, problems);
    }

    private static IEnumerable<int> PartCounts(string dir)
    {
        string parts = Path.Combine(dir, ".parts");
        if (!Directory.Exists(parts))
            yield break;
        foreach (var folder in Directory.EnumerateDirectories(parts))
        {
            var name = Path.GetFileName(folder);
            int of = name.IndexOf("-of-", StringComparison.Ordinal);
            if (of > 0 && int.TryParse(name[(of + 4)..], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                yield return n;
        }
    }
}
