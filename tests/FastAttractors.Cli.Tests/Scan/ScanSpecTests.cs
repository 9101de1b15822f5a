using FastAttractors.Cli.Scan;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests.Scan;

/// <summary>Malformed scan specs exit 2 with one error line naming the file, the line and the field or axis; flags are checked alike.</summary>
public class ScanSpecTests
{
    private const string Good = """
        {
          "family": "rotation-flow",
          "axes": {
            "alpha": { "linspace": [0, 10, 4] },
            "theta": { "list": [0.5, 1.5] }
          },
          "members": 2,
          "duration": 100
        }
        """;

    [Theory]
    [InlineData("\"members\": 2,", "\"members\": 2, \"colour\": \"red\",", "scan.json line 7: unknown field 'colour'")]
    [InlineData("\"members\": 2,", "\"members\": 0,", "scan.json line 7: field 'members' must be at least 1, got 0")]
    [InlineData("\"members\": 2,", "\"members\": 2.5,", "scan.json line 7: field 'members' must be a whole number, got 2.5")]
    [InlineData("[0, 10, 4]", "[0, 10]", "scan.json line 4: axis 'alpha': linspace needs [start, stop, count], got [0, 10]")]
    [InlineData("[0, 10, 4]", "[0, 10, 0]", "scan.json line 4: axis 'alpha': linspace count must be a whole number in [1, 16777216], got 0")]
    [InlineData("\"list\": [0.5, 1.5]", "\"range\": [0.5, 1.5]", "scan.json line 5: axis 'theta': unknown kind 'range'")]
    [InlineData("\"theta\": {", "\"g\": {", "scan.json line 5: axis 'g': family 'rotation-flow' takes the axes alpha and theta, not 'g'")]
    [InlineData("\"duration\": 100", "\"duration\": 100,", "scan.json line 9: malformed JSON")]
    [InlineData("\"rotation-flow\"", "\"rotation\"", "scan.json line 2: field 'family' unknown value 'rotation'")]
    public void Malformed_specs_name_the_line(string find, string replace, string expected)
    {
        using var dir = new TempDirectory();
        Assert.Contains(find, Good);
        string spec = ScanRun.SpecFile(dir.Path, Good.Replace(find, replace));
        var result = ScanRun.Scan(dir.File("out"), "--spec", spec);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {expected}", result.Stderr);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData(new[] { "--axis", "alpha=linspace:0:1" }, "error: --axis: axis 'alpha': linspace needs [start, stop, count]")]
    [InlineData(new[] { "--axis", "alpha" }, "error: --axis: expected NAME=linspace")]
    [InlineData(new[] { "--members", "0" }, "error: --members: must be at least 1, got 0")]
    [InlineData(new[] { "--family", "rotation-map", "--axis", "alpha=list:0.5" }, "error: axes (--axis): family 'rotation-map' needs the axis theta")]
    [InlineData(new[] { "--exponents", "3" }, "error: exponents (--exponents): at most n = 2, got 3")]
    [InlineData(new[] { "--backend", "Quantum" }, "error: --backend: unknown backend 'Quantum'")]
    public void Bad_flags_exit_2_naming_the_flag(string[] flags, string expected)
    {
        using var dir = new TempDirectory();
        var result = ScanRun.Scan(dir.File("out"), flags);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(expected, result.Stderr);
    }

    [Fact]
    public void Flags_override_the_file_and_the_written_spec_reproduces_the_hash()
    {
        var spec = ScanSpecReader.Parse(Good, "scan.json").Overlay(new ScanSpec { Members = 3, Axes = [ScanAxisText.ParseFlag("theta=linspace:0:1:5")] });
        var plan = ScanJob.Create(spec);
        Assert.Equal(3, plan.Grid.Members);
        Assert.Equal(4 * 5, plan.Grid.Points);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1.0], plan.Grid.AxisValues(1));
        Assert.Equal(2, plan.Spec.Every); // QR every 0.1 time units at dt 0.05 (the rotation-block scan's QR interval)
        var again = ScanJob.Create(ScanSpecReader.Parse(plan.CanonicalJson, "spec.json"));
        Assert.Equal(plan.Hash, again.Hash);
        Assert.NotEqual(plan.Hash, ScanJob.Create(spec with { Seed = 2 }).Hash);
        Assert.Equal([1, 10, 100], ScanAxis.Logspace("g", 1, 100, 3).Values().Select(v => Math.Round(v, 12)));
        // Row order: points in C order over the axes (last fastest), members innermost.
        Assert.Equal([plan.Grid.AxisValues(0)[1], plan.Grid.AxisValues(1)[2]], plan.Grid.Coordinates(1 * 5 + 2));
    }

    [Fact]
    public void The_embedded_default_is_the_w4_cpu_size_flow_scan()
    {
        var plan = ScanJob.Create(ScanSpecReader.ReadDefault());
        Assert.Equal("rotation-flow", plan.Family);
        Assert.Equal(128 * 128, plan.Grid.Rows);
        Assert.Equal((0.0, 10.0), (plan.Grid.AxisValues(0)[0], plan.Grid.AxisValues(0)[^1]));
        Assert.Equal((0.0, Math.PI), (plan.Grid.AxisValues(1)[0], plan.Grid.AxisValues(1)[^1]));
        Assert.Equal((500.0, 1000.0, 0.05, 2), (plan.Spec.Transient!.Value, plan.Spec.Duration!.Value, plan.Spec.Dt!.Value, plan.Spec.Every!.Value));
    }

    [Fact]
    public void Shard_index_sources_follow_design_6()
    {
        static string? None(string _) => null;
        Assert.Equal((2, 5), Of(ShardSelector.Resolve("2/5", null, None)));
        Assert.Equal((0, 1), Of(ShardSelector.Resolve(null, null, None)));
        Assert.Equal((3, 4), Of(ShardSelector.Resolve(null, 4, v => v == "SLURM_ARRAY_TASK_ID" ? "3" : v == "SLURM_ARRAY_TASK_COUNT" ? "1" : null)));
        Assert.Equal((1, 3), Of(ShardSelector.Resolve(null, null, v => v switch { "SLURM_PROCID" => "1", "SLURM_NTASKS" => "3", _ => null })));
        Assert.Equal((0, 1), Of(ShardSelector.Resolve(null, null, v => v switch { "SLURM_PROCID" => "0", "SLURM_NTASKS" => "1", _ => null })));
        Assert.Equal((5, 8), Of(ShardSelector.Resolve(null, null, v => v switch { "OMPI_COMM_WORLD_RANK" => "5", "OMPI_COMM_WORLD_SIZE" => "8", _ => null })));
        Assert.Equal((6, 7), Of(ShardSelector.Resolve(null, 7, v => v == "JOB_COMPLETION_INDEX" ? "6" : null)));
        Assert.Contains("--shards", Assert.Throws<UsageException>(() => ShardSelector.Resolve(null, null, v => v == "SLURM_ARRAY_TASK_ID" ? "0" : null)).Message);
        Assert.Contains("not below", Assert.Throws<UsageException>(() => ShardSelector.Resolve(null, 2, v => v == "SLURM_ARRAY_TASK_ID" ? "2" : null)).Message);

        static (int, int) Of(ShardSelector.Shard s) => (s.Index, s.Count);
    }
}
