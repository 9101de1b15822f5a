using System.Globalization;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Which persisted chunks of a shard a run may reuse. Without --resume, finding any is an error rather than a silent
/// restart. With it, each chunk file is verified (<see cref="ScanFileProof"/>: spec, row range of its name, row ids,
/// checksum); one that fails (truncated, corrupt, a copy of another chunk, of another scan or of an older version) is
/// deleted, with a line on stderr, and recomputed. A file that cannot be deleted is refused, naming it.
/// </summary>
internal sealed class ChunkResume(ScanJob plan, ShardSelector.Shard shard, TextWriter stderr)
{
    public HashSet<int> Reusable(string parts, bool resume)
    {
        var done = new HashSet<int>();
        if (!Directory.Exists(parts))
            return done;
        var files = Directory.EnumerateFiles(parts).Order(StringComparer.Ordinal).ToList();
        if (!resume && files.Any(f => ScanDirectory.ParseChunkName(f) is not null))
            throw new UsageException($"--out: '{parts}' holds completed chunks of an interrupted run of shard {shard}: pass --resume to continue it, or delete that folder.");
        var (first, end) = plan.Grid.ShardChunks(shard.Index, shard.Count);
        foreach (var file in files)
        {
            if (ScanDirectory.ParseChunkName(file) is not { } chunk)
            {
                Discard(file, "is not a chunk file of this scan (expected chunk-CCCCCCC.parquet)");
                continue;
            }
            if (chunk < first || chunk >= end)
            {
                Discard(file, string.Create(CultureInfo.InvariantCulture, $"is not one of shard {shard}'s chunks ({first}…{end - 1})"));
                continue;
            }
            var (start, stop) = plan.Grid.ChunkRange(chunk);
            var verdict = ScanFileProof.Verify(file, plan, start, stop);
            if (verdict.IsVerified)
                done.Add(chunk);
            else
                Discard(file, verdict.Problem);
        }
        return done;
    }

    private void Discard(string file, string why)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeFailure($"--resume: '{file}': {why}, and it cannot be deleted ({e.Message}): delete it by hand and rerun with --resume.");
        }
        stderr.WriteLine($"resume: '{file}': {why}: deleted, recomputing it");
    }
}
