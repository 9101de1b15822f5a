using System.Text.Json;
using FastAttractors.Cli.Bench;
using FastAttractors.Cli.Commands;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Bench;

public class BenchCommandTests
{
    [Theory]
    [InlineData("--workloads", "W1,W9", "--workloads: unknown workload 'W9'")]
    [InlineData("--workloads", "", "--workloads: no workload named")]
    [InlineData("--backends", "Simd,Gpu", "--backends: unknown backend 'Gpu'")]
    [InlineData("--size", "huge", "--size: unknown size 'huge'")]
    public void Bad_flags_exit_2_naming_the_flag_and_value(string flag, string value, string message)
    {
        using var dir = new TempDirectory();

        var result = CliHarness.Run("bench", flag, value, "--out", dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {message}", result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(dir.File("bench.json")));
    }

    [Fact]
    public void Flags_select_size_workloads_and_backends_in_the_order_given()
    {
        var settings = BenchCommand.Settings("Small", "w5, W1", "reference,Simd");

        Assert.Equal(BenchSize.Small, settings.Size);
        Assert.Equal(["W5", "W1"], settings.Cases.Select(c => c.Id));
        Assert.Equal([Backend.Reference, Backend.Simd], settings.Backends);
        Assert.Equal(3, settings.Runs);
        Assert.Equal(5, BenchCommand.Settings("full", null, null).Runs);
        Assert.Equal(BenchCases.All, BenchCommand.Settings("small", null, null).Cases);
        Assert.Contains(Backend.Simd, BenchCommand.Settings("small", null, null).Backends);
    }

    [Fact]
    public void A_run_prints_the_table_and_writes_markdown_and_json()
    {
        // The same path as `bench --workloads W1 --backends Simd,Reference`, on a tiny W1 (the installed-tool test in
        // PackagingTests runs the real small size end to end).
        using var dir = new TempDirectory();
        var stdout = new StringWriter();
        var settings = BenchCommand.Settings("small", "W1", "Simd,Reference") with { Cases = [TestCases.TinyW1()] };

        int code = BenchCommand.Execute(settings, dir.Path, stdout);

        Assert.Equal(0, code);
        Assert.Contains("| W1 ", stdout.ToString());
        string md = File.ReadAllText(dir.File("bench.md"));
        Assert.Equal(md, stdout.ToString()[(stdout.ToString().IndexOf("# fastattractors bench", StringComparison.Ordinal))..].Split("wrote ")[0]);
        Assert.Contains("× 2 (FMA) ×", md);
        Assert.Contains("Machine load: load average", md);
        Assert.Contains("warm-up", md);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("bench.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("W1", r.GetProperty("workload").GetString()));
        Assert.False(rows[0].GetProperty("extrapolated").GetBoolean());
        Assert.True(rows[1].GetProperty("extrapolated").GetBoolean());
        Assert.InRange(rows[0].GetProperty("maxDeviationFromReference").GetDouble(), 0, 1e-3);
        Assert.True(rows[0].GetProperty("warmupSeconds").GetDouble() > 0);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp"));
    }
}
