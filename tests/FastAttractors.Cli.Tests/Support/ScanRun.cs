using FastAttractors.Cli.Commands;
using FastAttractors.Cli.Output;
using FastAttractors.Cli.Scan;

namespace FastAttractors.Cli.Tests.Support;

/// <summary>Small scans run in-process, and the shard files of a directory read back as one table sorted by row.</summary>
public static class ScanRun
{
    /// <summary>A 3 × 4 rotation-map grid × 2 members (24 rows in 8 chunks of 3): a fraction of a second.</summary>
    public const string SmallMap = """
        {
          "family": "rotation-map",
          "axes": { "alpha": { "linspace": [0.3, 1.8, 3] }, "theta": { "linspace": [0.2, 3.0, 4] } },
          "members": 2, "seed": 11, "transient": 50, "duration": 200, "chunk": 3
        }
        """;

    /// <summary>Writes <paramref name="json"/> as DIR/name and returns the path.</summary>
    public static string SpecFile(string dir, string json, string name = "scan.json")
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    public static CliHarness.Result Scan(string outDir, params string[] args) => CliHarness.Run(["scan", .. args, "--out", outDir]);

    /// <summary>Runs <c>scan</c> with the shard index taken from <paramref name="environment"/>, as a scheduler sets it.</summary>
    public static int ScanWithEnvironment(string outDir, string json, IReadOnlyDictionary<string, string> environment, int? shards) =>
        ScanCommand.Execute(ScanSpecReader.Parse(json, "test spec"), outDir, null, shards, resume: false, npz: false,
            name => environment.TryGetValue(name, out var v) ? v : null, TextWriter.Null, TextWriter.Null, interactive: false);

    /// <summary>
    /// Runs shard index/count of <paramref name="json"/> into <paramref name="outDir"/> in-process and stops it once
    /// <paramref name="chunks"/> chunks are persisted, as a kill between two chunks leaves the directory (no cleanup
    /// runs). False when the shard has no more than that many chunks and so completed.
    /// </summary>
    internal static bool RunAndKill(string outDir, string json, int index, int count, int chunks)
    {
        var plan = ScanJob.Create(ScanSpecReader.Parse(json, "test spec"));
        int persisted = 0;
        var runner = new ScanRunner(plan, OutputDirectory.Prepare(outDir), new ShardSelector.Shard(index, count, "test"), TextWriter.Null, TextWriter.Null, interactive: false)
        {
            ChunkPersisted = _ =>
            {
                if (++persisted == chunks)
                    throw new SimulatedKill();
            },
        };
        try
        {
            runner.Run(backend: null, resume: true, npz: false);
            return false;
        }
        catch (SimulatedKill)
        {
            return true;
        }
    }

    private sealed class SimulatedKill : Exception;

    /// <summary>Every shard file of <paramref name="dir"/> as one table, rows sorted by the row index.</summary>
    internal static ScanTable ReadAll(string dir)
    {
        var tables = Directory.GetFiles(dir, "scan-*.parquet").Order(StringComparer.Ordinal).Select(f => ScanParquet.Read(f).Table).ToList();
        return ScanTable.Concat(tables, [.. tables[0].Columns.Select(c => c.Name)]);
    }

    /// <summary>Asserts two tables equal column by column, value by value (bit-identical doubles; NaN equals NaN).</summary>
    internal static void AssertSameRows(ScanTable expected, ScanTable actual)
    {
        Xunit.Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        Xunit.Assert.Equal(expected.Rows, actual.Rows);
        for (int c = 0; c < expected.Columns.Count; c++)
        {
            var (name, e) = expected.Columns[c];
            var a = actual.Columns[c].Values;
            for (int r = 0; r < e.Length; r++)
            {
                object? x = e.GetValue(r), y = a.GetValue(r);
                bool same = x is double dx && y is double dy ? BitConverter.DoubleToInt64Bits(dx) == BitConverter.DoubleToInt64Bits(dy) || (double.IsNaN(dx) && double.IsNaN(dy)) : Equals(x, y);
                Xunit.Assert.True(same, $"column {name}, row {r}: expected {x}, got {y}");
            }
        }
    }
}
