using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// degeneracy: writes one network row per network and one pair row per pair within a condition (read back), the
/// summary and figures; a JSON spec is read and flags override it; networks that diverge get their status and the run
/// still succeeds; bad input exits 2 naming the flag or field and the value.
/// </summary>
public class DegeneracyTests
{
    private static readonly string[] Tiny =
    [
        "--length", "12", "--widths", "6,10", "--networks", "3", "--batch", "8", "--train-size", "32", "--test-size", "8", "--epochs", "2",
        "--analysis-trials", "2", "--ood-trials", "4", "--fixed-point-starts", "4", "--dsa-rank", "3", "--dsa-delays", "2",
    ];

    [Fact]
    public void Degeneracy_writes_network_and_pair_tables_summary_and_figures()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(["degeneracy", .. Tiny, "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var networks = ParquetTable.Read(dir.File("networks.parquet"));
        Assert.Equal(6, networks.Rows);
        Assert.Equal([6, 6, 6, 10, 10, 10], networks.Column<int>("width"));
        Assert.Equal([1L, 2, 3, 1, 2, 3], networks.Column<long>("seed"));
        Assert.All(networks.Column<double>("ood_loss"), l => Assert.True(double.IsFinite(l) && l > 0));
        var pairs = ParquetTable.Read(dir.File("pairs.parquet"));
        Assert.Equal(2 * 3, pairs.Rows); // C(3, 2) per condition
        Assert.All(pairs.Column<double>("cka"), c => Assert.InRange(c, 0, 1 + 1e-12));
        Assert.Equal([1, 1, 1, 0, 0, 0], pairs.Column<int>("weight_exact")); // n = 6 enumerated, n = 10 matched
        Assert.Contains("behaviour: OOD loss sd", File.ReadAllText(dir.File("summary.md")));
        foreach (var png in new[] { "loss-curves.png", "mds.png", "fixed-points.png" })
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(dir.File(png))[..4]);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir.Path, "checkpoints"), "*.ckpt"));
    }

    [Fact]
    public void A_json_spec_is_read_and_flags_override_it()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("spec.json"), """{ "task": "flipflop", "widths": [5], "networks": 4, "length": 10, "trainSize": 16, "batch": 8, "epochs": 1, "dsaRank": 3, "dsaDelays": 2 }""");
        var result = CliHarness.Run("degeneracy", "--spec", dir.File("spec.json"), "--networks", "2", "--no-checkpoints", "--out", dir.File("out"));
        Assert.True(result.ExitCode == 0, result.Stderr);
        var networks = ParquetTable.Read(Path.Combine(dir.File("out"), "networks.parquet"));
        Assert.Equal([5, 5], networks.Column<int>("width"));
        Assert.False(Directory.Exists(Path.Combine(dir.File("out"), "checkpoints")));
        File.WriteAllText(dir.File("bad.json"), """{ "widths": [5], "netwroks": 4 }""");
        var bad = CliHarness.Run("degeneracy", "--spec", dir.File("bad.json"), "--out", dir.File("out2"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("netwroks", bad.Stderr);
    }

    [Fact]
    public void Networks_that_diverge_are_reported_per_network_and_the_others_are_kept()
    {
        using var dir = new TempDirectory();
        // λ = 1e300 makes the L2 penalty +∞ at the first update: every network of that condition diverges.
        string[] oneWidth = [.. Tiny];
        oneWidth[Array.IndexOf(oneWidth, "--widths") + 1] = "6";
        var result = CliHarness.Run(["degeneracy", .. oneWidth, "--regularisers", "none,l2:1e300", "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var networks = ParquetTable.Read(dir.File("networks.parquet"));
        Assert.Equal(["completed", "completed", "completed", "diverged", "diverged", "diverged"], networks.Column<string>("status"));
        Assert.Equal([1, 1, 1, 0, 0, 0], networks.Column<int>("usable"));
        Assert.Equal(3, ParquetTable.Read(dir.File("pairs.parquet")).Rows);
        Assert.Contains("diverged at step 1", result.Stdout);
    }

    [Theory]
    [InlineData("--threshold", "0", "--threshold")]
    [InlineData("--threshold", "-1", "--threshold")]
    [InlineData("--train-size", "0", "TrainSize")]
    [InlineData("--networks", "0", "Networks")]
    [InlineData("--widths", "8,0", "--widths")]
    [InlineData("--regularisers", "l1:-2", "--regularisers")]
    [InlineData("--task", "juggling", "juggling")]
    public void Bad_input_exits_2_naming_the_flag_and_value(string flag, string value, string named)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("degeneracy", flag, value, "--out", dir.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Stderr);
        Assert.Contains(value.Split(',')[^1].Split(':')[^1], result.Stderr);
        Assert.False(File.Exists(dir.File("networks.parquet")));
    }
}
