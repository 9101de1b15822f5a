using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using FastAttractors.Cli.Output;

namespace FastAttractors.Cli.Scan;

/// <summary>
/// Runs one shard of a scan into its output directory: claims the directory for the spec (hash check), computes the
/// shard's chunks that are not yet persisted, persisting each one atomically as it completes, then writes the shard
/// file atomically from the chunks and removes them. A killed run resumed with <c>--resume</c> therefore redoes at
/// most the chunks that were in flight, and no row is lost or written twice.
/// </summary>
internal sealed class ScanRunner(ScanPlan plan, string dir, ShardSelector.Shard shard, TextWriter stdout, bool interactive)
{
    public static string Version =>
        typeof(ScanRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public string ShardPath => ScanDirectory.ShardFile(dir, shard.Index, shard.Count);

    /// <summary>Runs the shard; returns the shard's table (read back from the shard file when it was already complete).</summary>
    public ScanTable Run(Backend? backend, bool resume, bool npz)
    {
        ScanDirectory.ClaimFor(dir, plan);
        string parts = ScanDirectory.PartsFolder(dir, shard.Index, shard.Count);
        if (File.Exists(ShardPath))
        {
            // Same spec (the directory's claim checked it), complete: nothing to compute, with or without --resume.
            var (done, metadata) = ScanParquet.Read(ShardPath);
            if (metadata[ScanParquet.HashKey] != plan.Hash)
                throw new UsageException($"--resume: '{ShardPath}' belongs to spec hash {metadata[ScanParquet.HashKey]}, not {plan.Hash}.");
            DeleteFolder(parts);
            stdout.WriteLine($"shard {shard}: already complete ({done.Rows} rows in {ShardPath}); delete it or use another --out to recompute");
            return done;
        }

        var (first, end) = plan.ShardChunks(shard.Index, shard.Count);
        var completed = CompletedChunks(parts, first, end, resume);
        using var engine = Commands.EngineFactory.Create(backend);
        var (startRow, endRow) = plan.ShardRows(shard.Index, shard.Count);
        long doneRows = completed.Sum(c => plan.ChunkRange(c).End - plan.ChunkRange(c).Start);
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine(string.Create(inv, $"scan {plan.Hash}: {plan.Family}, {plan.Points} points × {plan.Members} members = {plan.Rows} rows in {plan.Chunks} chunks of {plan.ChunkRows}; ")
            + string.Create(inv, $"shard {shard} ({shard.Source}): chunks {first}…{end - 1}, rows {startRow}…{endRow - 1}")
            + (completed.Count > 0 ? string.Create(inv, $", {completed.Count} chunks ({doneRows} rows) already done") : "")
            + $"; backend {engine.Backend}");

        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(parts);
        var runner = new ChunkRunner(plan, engine);
        ScanProgress.Run(interactive, stdout, $"shard {shard}", endRow - startRow, doneRows, advance =>
        {
            for (int c = first; c < end; c++)
            {
                if (completed.Contains(c))
                    continue;
                var table = runner.Run(c);
                ScanParquet.Write(ScanDirectory.ChunkFile(parts, c), table, Metadata(engine.Backend, ("chunk", c.ToString(CultureInfo.InvariantCulture))));
                advance(table.Rows);
            }
        });

        var chunks = Enumerable.Range(first, end - first).Select(c => ScanParquet.Read(ScanDirectory.ChunkFile(parts, c))).ToList();
        var shardTable = ScanTable.Concat([.. chunks.Select(c => c.Table)], ScanTable.ColumnNames(plan));
        string backends = string.Join(",", chunks.Select(c => c.Metadata["backend"]).Append(engine.Backend.ToString()).Distinct().Order());
        double seconds = clock.Elapsed.TotalSeconds;
        ScanParquet.Write(ShardPath, shardTable, Metadata(engine.Backend, ("rows", shardTable.Rows.ToString(CultureInfo.InvariantCulture)),
            ("first_row", startRow.ToString(CultureInfo.InvariantCulture)), ("backend", backends),
            ("seconds", seconds.ToString("0.###", CultureInfo.InvariantCulture))));
        DeleteFolder(parts);
        var written = new List<string> { ShardPath };
        if (npz)
            written.Add(ScanNpz.Write(Path.ChangeExtension(ShardPath, ".npz"), plan, shardTable));
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
            ["total_rows"] = plan.Rows.ToString(CultureInfo.InvariantCulture),
            ["created_utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in extra)
            metadata[key] = value;
        return metadata;
    }

    /// <summary>
    /// The chunks of this shard already persisted (with --resume; without it, finding any is an error rather than a
    /// silent restart). A chunk file of another spec or the wrong length is recomputed.
    /// </summary>
    private HashSet<int> CompletedChunks(string parts, int first, int end, bool resume)
    {
        var done = new HashSet<int>();
        if (!Directory.Exists(parts))
            return done;
        foreach (var file in Directory.EnumerateFiles(parts))
        {
            if (ScanDirectory.ParseChunkName(file) is not { } chunk)
            {
                File.Delete(file); // a temporary file of a write that was killed
                continue;
            }
            if (!resume)
                throw new UsageException($"--out: '{parts}' holds completed chunks of an interrupted run of shard {shard}: pass --resume to continue it, or delete that folder.");
            var (start, stop) = chunk >= first && chunk < end ? plan.ChunkRange(chunk) : (0, -1);
            bool valid;
            try
            {
                var (rows, metadata) = ScanParquet.ReadFooter(file);
                valid = metadata[ScanParquet.HashKey] == plan.Hash && rows == stop - start;
            }
            catch (InvalidDataException)
            {
                valid = false;
            }
            if (valid)
                done.Add(chunk);
            else
                File.Delete(file);
        }
        return done;
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
