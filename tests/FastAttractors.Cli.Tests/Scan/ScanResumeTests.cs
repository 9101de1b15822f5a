using System.Diagnostics;
using FastAttractors.Cli.Scan;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>
/// A scan killed mid-run (SIGKILL of the CLI process: no cleanup of any kind runs) and resumed with --resume ends with
/// exactly the rows of an uninterrupted run: none lost, none twice, all bit-identical.
/// </summary>
public class ScanResumeTests
{
    // 120 rows in 120 chunks of 1 row (1,000 RK4 steps each, one Parquet file each): long enough to be killed after a
    // few chunks, short enough for a fast test. The child runs under nice 19, so on a busy machine it still
    // cannot race to the end before this (polling) process notices the third chunk.
    private const string Spec = """
        {
          "family": "rotation-flow",
          "axes": { "alpha": { "linspace": [0.5, 2.5, 6] }, "theta": { "linspace": [0, 3, 10] } },
          "members": 2, "seed": 3, "transient": 10, "duration": 40, "chunk": 1
        }
        """;

    [Fact]
    public void Resume_after_a_kill_loses_and_duplicates_no_row()
    {
        using var dir = new TempDirectory();
        string spec = ScanRun.SpecFile(dir.Path, Spec), outDir = dir.File("killed");
        string parts = ScanDirectory.PartsFolder(outDir, 0, 1);
        int completedAtKill;
        using (var process = CliProcess.Start(lowPriority: true, "scan", "--spec", spec, "--out", outDir))
        {
            var clock = Stopwatch.StartNew();
            while (Completed(parts) < 3 && !process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
                Thread.Sleep(2);
            if (process.HasExited) // (the message reads the child's output, which blocks until it exits: only here)
                Assert.Fail($"the scan ended before it could be killed (exit {process.ExitCode}): {process.StandardError.ReadToEnd()}");
            CliProcess.KillHard(process);
            Assert.Equal(128 + 9, process.ExitCode); // killed by the signal, not finished
            Assert.False(File.Exists(ScanDirectory.ShardFile(outDir, 0, 1)));
            completedAtKill = Completed(parts);
        }
        Assert.InRange(completedAtKill, 3, 119);

        var plain = ScanRun.Scan(outDir, "--spec", spec);
        Assert.Equal(2, plain.ExitCode); // without --resume the leftover chunks are an error, not silently redone
        Assert.Contains("--resume", plain.Stderr);
        var resumed = ScanRun.Scan(outDir, "--spec", spec, "--resume");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"{completedAtKill} chunks ({completedAtKill} rows) already done", resumed.Stdout);
        Assert.False(Directory.Exists(parts));

        var table = ScanRun.ReadAll(outDir);
        Assert.Equal(Enumerable.Range(0, 120).Select(r => (long)r), table.RowIndex);
        Assert.Equal(0, ScanRun.Scan(dir.File("whole"), "--spec", spec).ExitCode);
        ScanRun.AssertSameRows(ScanRun.ReadAll(dir.File("whole")), table);
    }

    private static int Completed(string parts) =>
        Directory.Exists(parts) ? Directory.GetFiles(parts).Count(f => ScanDirectory.ParseChunkName(f) is not null) : 0;
}
