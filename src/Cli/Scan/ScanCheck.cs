using System.Globalization;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// What a scan directory holds against what its spec.json asks for: the complete shard files, every problem (missing
/// shards, shards in progress, files of another scan or an older version, truncated, corrupt or foreign Parquet files,
/// a shard holding other rows than its name says), each naming the file and what to do, and the temporary files
/// that killed writes left behind. Every shard file is read whole and verified (<see cref="ScanFileProof"/>).
/// </summary>
internal sealed record ScanCheck(ScanJob Plan, int? ShardCount, IReadOnlyList<string> Complete, IReadOnlyList<string> Problems, IReadOnlyList<string> TempFiles)
{
    /// <summary>All shards present and verified; leftover temporary files do not count (readers of DIR/*.parquet skip them).</summary>
    public bool IsComplete => Problems.Count == 0;

    public static ScanCheck Inspect(string dir, int? shardsFlag)
    {
        var plan = ScanDirectory.PlanOf(dir);
        var problems = new List<string>();
        var good = new Dictionary<(int, int), string>();
        var named = new HashSet<int>(); // shard counts in file names, bad files included
        foreach (var file in Directory.EnumerateFiles(dir, "*.parquet").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (ScanDirectory.ParseShardName(file) is not { } shard || shard.Count < 1 || shard.Index >= shard.Count)
            {
                problems.Add($"{name}: not a shard file of this scan (readers of DIR/*.parquet would take it in): move it out");
                continue;
            }
            named.Add(shard.Count);
            var (start, end) = plan.Grid.ShardRows(shard.Index, shard.Count);
            var verdict = ScanFileProof.Verify(file, plan, start, end);
            string rerun = string.Create(CultureInfo.InvariantCulture, $"rerun shard {shard.Index}/{shard.Count} with --resume");
            switch (verdict.Outcome)
            {
                case ScanFileProof.Outcome.Verified: good[shard] = file; break;
                case ScanFileProof.Outcome.OlderVersion: problems.Add($"{name}: {verdict.Problem}: {rerun} to recompute it"); break;
                case ScanFileProof.Outcome.OtherScan: problems.Add($"{name}: {verdict.Problem}: move it out and {rerun}"); break;
                default: problems.Add($"{name}: {verdict.Problem}: delete it and {rerun}"); break;
            }
        }
        var counts = named.Concat(PartCounts(dir)).Distinct().Order().ToList();
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
                var (first, end) = plan.Grid.ShardChunks(i, count);
                int done = Directory.Exists(parts) ? Directory.EnumerateFiles(parts).Count(f => ScanDirectory.ParseChunkName(f) is not null) : 0;
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"shard {i}/{count}: missing")
                    + (done > 0 ? $" (interrupted or running: {done} of {end - first} chunks done; rerun it with --resume)" : ""));
            }
        }
        var temps = ScanTempFiles.Find(dir).Select(f => $"{Path.GetRelativePath(dir, f)}: a temporary file left by an interrupted write: "
            + "delete it when no scan or merge is running (a rerun of its shard with --resume removes its own)").ToList();
        return new ScanCheck(plan, n, complete, problems, temps);
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
