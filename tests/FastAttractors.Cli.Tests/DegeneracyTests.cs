using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// degeneracy: writes one network row per network (with its DSA self-distance and, when asked for, its driven Lyapunov
/// exponents) and one pair row per pair within a condition, then across conditions with --pairs all (read back), the
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
        // The Markdown table: header, a separator with one cell per column, one row per condition.
        var summaryLines = File.ReadAllLines(dir.File("summary.md"));
        int header = Array.IndexOf(summaryLines, "| condition | converged / usable / diverged | test loss | OOD loss mean | behaviour: OOD loss sd | "
            + "dynamics: mean DSA | DSA self (noise floor) | pairs with DSA > self | weights: mean relative distance | weights: mean distance / n² | "
            + "representations: mean 1 − CKA | fixed points (stable) |");
        Assert.True(header >= 0, "the conditions table header is missing");
        Assert.Equal("|" + string.Concat(Enumerable.Repeat("---|", 12)), summaryLines[header + 1]);
        Assert.StartsWith("| n=6 none | ", summaryLines[header + 2]);
        Assert.Equal(13, summaryLines[header + 2].Count(c => c == '|'));
        Assert.StartsWith("| n=10 none | ", summaryLines[header + 3]);
        Assert.Equal("", summaryLines[header + 4]);
        foreach (var png in new[] { "loss-curves.png", "mds.png", "fixed-points.png" })
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(dir.File(png))[..4]);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir.Path, "checkpoints"), "*.ckpt"));
    }

    /// <summary>
    /// Exponents asked for over fewer iterations than the estimator's ten QR intervals of ten: refused before any
    /// network is trained (the study used to train everything, then fail in the analysis), as the C ABI refuses it.
    /// </summary>
    [Fact]
    public void A_lyapunov_duration_too_short_for_the_exponents_is_refused_before_training()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("spec.json"), """{ "widths": [4], "networks": 2, "epochs": 1, "exponents": 2, "lyapunovIterations": 50 }""");
        var result = CliHarness.Run("degeneracy", "--spec", dir.File("spec.json"), "--no-checkpoints", "--backend", "Simd", "--out", dir.File("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("lyapunovIterations: the exponents' estimator needs at least 10 QR intervals of 10 iterations", result.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.File("out"), "networks.parquet")));
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

    [Fact]
    public void Pairs_all_adds_the_cross_condition_rows_and_driven_exponents_and_self_distances_are_written()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(["degeneracy", .. Tiny, "--pairs", "all", "--driven-exponents", "7", "--lyapunov-iterations", "100", "--no-checkpoints", "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var networks = ParquetTable.Read(dir.File("networks.parquet"));
        Assert.All(networks.Column<double>("dsa_self"), d => Assert.True(d >= 0 && double.IsFinite(d)));
        // n = 6 has 6 exponents (the 7th NaN), n = 10 all 7; every one a finite contraction rate or NaN past n.
        var widths = networks.Column<int>("width");
        for (int i = 1; i <= 7; i++)
        {
            var column = networks.Column<double>($"lyapunov_driven_{i}");
            for (int r = 0; r < networks.Rows; r++)
                Assert.Equal(i <= widths[r], double.IsFinite(column[r]));
        }
        Assert.DoesNotContain("lyapunov_1", networks.Names);
        var pairs = ParquetTable.Read(dir.File("pairs.parquet"));
        Assert.Equal(2 * 3 + 3 * 3, pairs.Rows); // C(3, 2) per condition, then 3 · 3 across the two widths
        var condition = pairs.Column<string>("condition");
        var second = pairs.Column<string>("second_condition");
        var weight = pairs.Column<double>("weight_frobenius");
        for (int r = 0; r < pairs.Rows; r++)
        {
            Assert.Equal(r >= 6, condition[r] != second[r]);
            Assert.Equal(r < 6, double.IsFinite(weight[r])); // no weight distance between n = 6 and n = 10
        }
        Assert.All(pairs.Column<double>("dsa_self_max"), d => Assert.True(d >= 0));
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File("summary.json")));
        var cross = summary.RootElement.GetProperty("cross_conditions");
        Assert.Equal(1, cross.GetArrayLength());
        Assert.Equal(9, cross[0].GetProperty("pairs").GetInt32());
        Assert.Equal("n=6 none", cross[0].GetProperty("first_condition").GetString());
        Assert.True(summary.RootElement.GetProperty("conditions")[0].TryGetProperty("dsa_above_self_fraction", out _));
        var summaryLines = File.ReadAllLines(dir.File("summary.md"));
        int header = Array.IndexOf(summaryLines, "| conditions | pairs | mean \\|Δ OOD loss\\| | mean DSA | pairs with DSA > self | "
            + "mean relative weight distance | mean 1 − CKA |");
        Assert.True(header >= 0, "the cross-condition table header is missing");
        Assert.Equal("|---|---|---|---|---|---|---|", summaryLines[header + 1]);
        Assert.StartsWith("| n=6 none vs n=10 none | 9 | ", summaryLines[header + 2]);
        Assert.Equal("", summaryLines[header + 3]);
    }

    [Fact]
    public void Within_pairs_are_the_default_and_write_no_cross_section()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(["degeneracy", .. Tiny, "--no-checkpoints", "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var pairs = ParquetTable.Read(dir.File("pairs.parquet"));
        Assert.Equal(pairs.Column<string>("condition"), pairs.Column<string>("second_condition"));
        var networks = ParquetTable.Read(dir.File("networks.parquet"));
        Assert.DoesNotContain("lyapunov_driven_1", networks.Names);
        Assert.Contains("dsa_self", networks.Names);
        Assert.All(networks.Column<string>("dynamics"), d => Assert.Equal("discrete", d));
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File("summary.json")));
        Assert.False(summary.RootElement.TryGetProperty("cross_conditions", out _));
    }

    [Fact]
    public void Continuous_networks_are_trained_and_analysed_as_such_and_their_rows_say_so()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(["degeneracy", .. Tiny, "--dynamics", "continuous", "--dt-over-tau", "0.5", "--exponents", "2", "--driven-exponents", "2",
            "--lyapunov-iterations", "100", "--no-checkpoints", "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("(continuous:0.5)", result.Stdout);
        var networks = ParquetTable.Read(dir.File("networks.parquet"));
        Assert.All(networks.Column<string>("dynamics"), d => Assert.Equal("continuous:0.5", d));
        // The autonomous exponents come from the library's Euler map (no engine): finite, one per requested index.
        foreach (var name in new[] { "lyapunov_1", "lyapunov_2", "lyapunov_driven_1", "lyapunov_driven_2" })
            Assert.All(networks.Column<double>(name), l => Assert.True(double.IsFinite(l), $"{name} = {l}"));
        Assert.All(networks.Column<double>("ood_loss"), l => Assert.True(double.IsFinite(l) && l > 0));
    }

    [Theory]
    [InlineData("--dynamics", "chaotic", "--dynamics")]
    [InlineData("--dt-over-tau", "1.5", "--dt-over-tau")]
    [InlineData("--dt-over-tau", "NaN", "--dt-over-tau")]
    [InlineData("--method", "rk4", "--method")]
    [InlineData("--pairs", "between", "--pairs")]
    [InlineData("--driven-exponents", "-2", "--driven-exponents")]
    [InlineData("--lyapunov-iterations", "0", "--lyapunov-iterations")]
    [InlineData("--threshold", "0", "--threshold")]
    [InlineData("--threshold", "-1", "--threshold")]
    [InlineData("--train-size", "0", "--train-size")]
    [InlineData("--networks", "0", "--networks")]
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
