using System.Text.Json;
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
    public void Small_run_prints_the_table_and_writes_markdown_and_json()
    {
        using var dir = new TempDirectory();

        var result = CliHarness.Run("bench", "--size", "small", "--workloads", "w5", "--backends", "Simd,Reference", "--out", dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("| W5 ", result.Stdout);
        string md = File.ReadAllText(dir.File("bench.md"));
        Assert.Contains("× 2 (FMA) ×", md);
        Assert.Contains("Machine load: load average", md);
        Assert.Contains("warm-up", md);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("bench.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("W5", r.GetProperty("workload").GetString()));
        Assert.True(rows[1].GetProperty("extrapolated").GetBoolean());
        Assert.InRange(rows[0].GetProperty("maxDeviationFromReference").GetDouble(), 0, 1e-3);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }
}
