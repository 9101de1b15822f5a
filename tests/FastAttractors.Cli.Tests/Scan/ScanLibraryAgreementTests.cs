using FastAttractors.Cli.Scan;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>
/// The CLI's scan is the library's <see cref="Engine.Scan(ScanProblem, ScanOptions?, IProgress{ScanProgress}?, CancellationToken)"/>
/// plus files: the rows of its Parquet shards equal, bit for bit and column by column, the rows Engine.Scan returns for
/// the same problem built by hand, sharded or not (one engine computes every row as a pure function of plan and index).
/// </summary>
public class ScanLibraryAgreementTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Engine_scan_rows_equal_the_cli_parquet_rows_bit_for_bit(int shards)
    {
        using var dir = new TempDirectory();
        string spec = ScanRun.SpecFile(dir.Path, ScanRun.SmallMap);
        for (int s = 0; s < shards; s++)
        {
            var result = ScanRun.Scan(dir.File("out"), "--spec", spec, "--shard", $"{s}/{shards}", "--backend", "Simd");
            Assert.True(result.ExitCode == 0, result.Stderr);
        }
        var fromFiles = ScanRun.ReadAll(dir.File("out"));

        // SmallMap written out as a library problem: nothing read from the spec file.
        var problem = new ScanProblem
        {
            Family = ScanFamily.RotationMap,
            Axes = [ScanAxis.Linspace("alpha", 0.3, 1.8, 3), ScanAxis.Linspace("theta", 0.2, 3.0, 4)],
            Members = 2,
            Seed = 11,
        };
        var reports = new List<ScanProgress>();
        using var engine = Engine.Create(Backend.Simd);
        var scan = engine.Scan(problem, new ScanOptions { Transient = 50, Duration = 200, ChunkRows = 3 }, new SynchronousProgress(reports.Add));

        Assert.Equal(24, scan.Count);
        Assert.Equal(8, reports.Count); // one report per chunk of 3 rows
        Assert.Equal(new ScanProgress(24, 24), reports[^1]);
        ScanRun.AssertSameRows(fromFiles, ScanTables.Of(scan));
    }

    [Fact]
    public void Engine_scan_stops_between_chunks_when_cancelled()
    {
        using var engine = Engine.Create(Backend.Reference);
        using var cancel = new CancellationTokenSource();
        var problem = new ScanProblem { Family = ScanFamily.RotationMap, Axes = [ScanAxis.List("alpha", 0.5, 0.7), ScanAxis.List("theta", 1.0)] };
        var options = new ScanOptions { Transient = 10, Duration = 100, ChunkRows = 1 };
        int reports = 0;
        Assert.Throws<OperationCanceledException>(() => engine.Scan(problem, options, new SynchronousProgress(_ =>
        {
            reports++;
            cancel.Cancel();
        }), cancel.Token));
        Assert.Equal(1, reports);
    }

    [Fact]
    public void Library_errors_name_the_property()
    {
        var problem = new ScanProblem { Family = ScanFamily.RotationFlow, Axes = [ScanAxis.List("alpha", 1), ScanAxis.List("theta", 1)] };
        var e = Assert.Throws<ArgumentException>(() => ScanPlan.Create(problem, new ScanOptions { Exponents = 3 }));
        Assert.Equal("Exponents", e.ParamName);
        Assert.StartsWith("Exponents: at most n = 2, got 3.", e.Message);
        e = Assert.Throws<ArgumentException>(() => ScanPlan.Create(problem with { Axes = [ScanAxis.List("alpha", 1)] }));
        Assert.Equal("Axes", e.ParamName);
        Assert.Contains("needs the axis theta", e.Message);
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> posts to the thread pool, so a test could miss the last one).</summary>
    private sealed class SynchronousProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
