using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Runs one shard of a scan into its output directory: claims the directory for the spec (hash check), computes the
/// shard's chunks that are not yet persisted, persisting each one atomically as it completes, then writes the shard
/// file atomically from the chunks and removes them. A killed run resumed with <c>--resume</c> therefore redoes at
/// most the chunks that were in flight, and no row is lost or written twice. Every chunk and shard file records the
/// rows it holds and their checksum (<see cref="ScanFileProof"/>), checked before a file is reused.
/// </summary>
internal sealed class ScanRunner(ScanJob plan, string dir, ShardSelector.Shard shard, TextWriter stdout, TextWriter stderr, bool interactive)
{
    public static string Version =>
        typeof(ScanRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public string ShardPath => ScanDirectory.ShardFile(dir, shard.Index, shard.Count);

    /// <summary>Called with each chunk's index once its file is persisted; tests throw from it to stop a run as a kill would.</summary>
    internal Action<int>? ChunkPersisted { get; init; }

    /// <summary>Runs the shard; returns the shard's table (read back from the shard file when it was already complete).</summary>
    public ScanTable Run(Backend? backend, bool resume, bool npz)
    {
        ScanDirectory.ClaimFor(dir, plan);
        string parts = ScanDirectory.PartsFolder(dir, shard.Index, shard.Count);
        RemoveOwnTempFiles(parts);
        var (startRow, endRow) = plan.Grid.ShardRows(shard.Index, shard.Count);
        if (File.Exists(ShardPath) && Complete(startRow, endRow, resume) is { } done)
        {
            DeleteFolder(parts);
            return done;
        }

        var (first, end) = plan.Grid.ShardChunks(shard.Index, shard.Count);
        var completed = new ChunkResume(plan, shard, stderr).Reusable(parts, resume);
        using var engine = Commands.EngineFactory.Create(backend);
        long doneRows = completed.Sum(c => plan.Grid.ChunkRange(c).End - plan.Grid.ChunkRange(c).Start);
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"scan {plan.Hash}: {plan.Family}, {plan.Grid.Points} points × {plan.Grid.Members} members = {plan.Grid.Rows} rows in {plan.Grid.Chunks} chunks of {plan.Grid.ChunkRows}; ")
            + string.Create(inv, $"shard {shard} ({shard.Source}): chunks {first}…{end - 1}, rows {startRow}…{endRow - 1}")
            + (completed.Count > 0 ? string.Create(inv, $", {completed.Count} chunks ({doneRows} rows) already done") : "")
            + $"; backend {engine.Backend}");

        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(parts);
        ScanProgressDisplay.Run(interactive, stdout, $"shard {shard}", endRow - startRow, doneRows, advance =>
        {
            for (int c = first; c < end; c++)
            {
                if (completed.Contains(c))
                    continue;
                var (start, stop) = plan.Grid.ChunkRange(c);
                var table = ScanTables.Of(engine.ScanRows(plan.Grid, start, stop));
                ScanParquet.Write(ScanDirectory.ChunkFile(parts, c), table, Metadata(engine.Backend,
                    [("chunk", c.ToString(CultureInfo.InvariantCulture)), .. ScanFileProof.Record(table, plan.Grid.ChunkRange(c).Start)]));
                advance(table.Rows);
                ChunkPersisted?.Invoke(c);
            }
        });

        var chunks = Enumerable.Range(first, end - first).Select(c => ScanParquet.Read(ScanDirectory.ChunkFile(parts, c))).ToList();
        var shardTable = ScanTable.Concat([.. chunks.Select(c => c.Table)], ScanTable.ColumnNames(plan));
        if (shardTable.RowIndex.Where((row, i) => row != startRow + i).Any() || shardTable.Rows != endRow - startRow)
            throw new RuntimeFailure(string.Create(inv, $"shard {shard}: the chunks in '{parts}' do not hold exactly rows {startRow}…{endRow - 1}: delete that folder and rerun."));
        string backends = string.Join(",", chunks.Select(c => c.Metadata["backend"]).Append(engine.Backend.ToString()).Distinct().Order());
        double seconds = clock.Elapsed.TotalSeconds;
        ScanParquet.Write(ShardPath, shardTable, Metadata(engine.Backend, [("rows", shardTable.Rows.ToString(CultureInfo.InvariantCulture)),
            ("first_row", startRow.ToString(CultureInfo.InvariantCulture)), ("backend", backends),
            ("seconds", seconds.ToString("0.###", CultureInfo.InvariantCulture)), .. ScanFileProof.Record(shardTable, startRow)]));
        DeleteFolder(parts);
        var written = new List<string> { ShardPath };
        if (npz)
            written.Add(ScanNpz.Write(Path.ChangeExtension(ShardPath, ".npz"), plan, shardTable, ScanResultMetadata.Of(plan, backends)));
        long computed = endRow - startRow - doneRows;
        stdout.WriteLine(string.Create(inv, $"shard {shard}: {computed} rows computed in {seconds:0.00} s on {engine.Backend} ({computed / Math.Max(seconds, 1e-9):0.#} rows/s)"));
        stdout.WriteLine($"wrote {string.Join(", ", written)}");
        return shardTable;
    }

    /// <summary>Provenance of a shard or chunk file.</summary>
    private Dictionary<string, string> Metadata(Backend backend, params (string Key, string Value)[] extra)
    {
        var metadata = new Dictionary<string, string>
        {
            ["fastattractors.version"] = Version,
            ["fastattractors.command"] = "scan",
            [ScanParquet.HashKey] = plan.Hash,
            ["fastattractors.scan.spec"] = plan.CanonicalJson,
            ["seed"] = plan.Spec.Seed!.Value.ToString(CultureInfo.InvariantCulture),
            ["backend"] = backend.ToString(),
            ["precision"] = plan.Spec.Precision!,
            ["shard"] = shard.ToString(),
            ["shard_index"] = shard.Index.ToString(CultureInfo.InvariantCulture),
            ["shard_count"] = shard.Count.ToString(CultureInfo.InvariantCulture),
            ["total_rows"] = plan.Grid.Rows.ToString(CultureInfo.InvariantCulture),
            ["created_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
            metadata[key] = value;
        return ScanResultMetadata.Of(plan, metadata["backend"]).AddTo(metadata);
    }

    /// <summary>
    /// The table of the existing shard file when it is verified (<see cref="ScanFileProof"/>), so there is nothing to
    /// compute, with or without --resume; null when it is to be recomputed: written by an older version, which cannot
    /// be verified, and --resume given (the file is replaced once the new one is complete). A file that fails
    /// verification is refused, naming it: a complete shard is too costly to delete unasked.
    /// </summary>
    private ScanTable? Complete(long startRow, long endRow, bool resume)
    {
        var verdict = ScanFileProof.Verify(ShardPath, plan, startRow, endRow);
        if (verdict.IsVerified)
        {
            stdout.WriteLine($"shard {shard}: already complete ({verdict.Table!.Rows} rows in {ShardPath}, verified); delete it or use another --out to recompute");
            return verdict.Table;
        }
        if (verdict.Outcome != ScanFileProof.Outcome.OlderVersion)
            throw new RuntimeFailure($"'{ShardPath}' {verdict.Problem}: delete that file and rerun with --resume to recompute shard {shard}.");
        if (resume)
        {
            stderr.WriteLine($"resume: '{ShardPath}' was {verdict.Problem}: recomputing shard {shard} (the file is replaced once the new one is complete)");
            return null;
        }
        var table = ScanParquet.Read(ShardPath).Table;
        stdout.WriteLine($"shard {shard}: already complete ({table.Rows} rows in {ShardPath}, written by an older version and not verified: rerun with --resume to recompute it)");
        return table;
    }

    /// <summary>
    /// Deletes the temporary files of this shard's own killed writes: in its chunk folder, of its shard file (and .npz),
    /// and of the heatmap for an unsharded run. Other shards' may be in flight in the same directory.
    /// </summary>
    private void RemoveOwnTempFiles(string parts)
    {
        string shardName = Path.GetFileName(ShardPath);
        string npzName = Path.ChangeExtension(shardName, ".npz");
        ScanTempFiles.Remove(dir, t => t == shardName || t == npzName || (shard.Count == 1 && t == "heatmap.png"), stderr);
        ScanTempFiles.Remove(parts, _ => true, stderr);
    }

    /// <summary>Removes a shard's chunk folder, and .parts itself once no shard has one (other shards may be running).</summary>
    private static void DeleteFolder(string path)
    {
        if (Directory.Exists(path))
            Directory.Delete(path, recursive: true);
        string parent = Path.GetDirectoryName(path)!;
        try
        {
            if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any())
                Directory.Delete(parent);
        }
        catch (IOException)
        {
            // another shard created its folder meanwhile: leave .parts to it
        }
    }
}
