using FastAttractors.Cli.Output;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// sequence train|recall|capacity|noise: each writes Parquet (read back with Parquet.Net) whose rows equal what
/// Engine.TrainSequences/Recall return for the same inputs, and PNGs; bad flags exit 2 naming the flag.
/// </summary>
public class SequenceTests
{
    private const int N = 24, M = 40, T = 6, B = 3, Trials = 4;
    private const ulong Seed = 9;

    private static readonly string[] Small =
    [
        "--visible", $"{N}", "--hidden", $"{M}", "--length", $"{T}", "--networks", $"{B}", "--trials", $"{Trials}",
        "--seed", $"{Seed}", "--backend", "Reference",
    ];

    private static (CliHarness.Result Result, ParquetTable Table) Run(TempDirectory dir, string command, params string[] extra)
    {
        var result = CliHarness.Run(["sequence", command, .. Small, .. extra, "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp")); // atomic writes leave no temporaries
        var table = ParquetTable.Read(dir.File($"{command}.parquet"));
        Assert.Equal(SequenceParquet.Columns, table.Names);
        Assert.Equal($"sequence {command}", table.Metadata["fastattractors.command"]);
        Assert.Equal($"{Seed}", table.Metadata["seed"]);
        return (result, table);
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path}: {bytes.Length} bytes");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    private static (TrainingResult Trained, RecallResult Recalled) Engine_(NetworkVariant variant, int length, int hidden, int flipped,
        SequenceBoundary boundary = SequenceBoundary.Periodic, Func<TrainingOptions, TrainingOptions>? adjust = null)
    {
        var sequences = RandomSequences.Batch(length, N, B, Seed);
        var batch = new SequenceBatch([.. sequences.SelectMany(s => s.Patterns)], B, length, N, boundary);
        using var engine = Engine.Create(Backend.Reference);
        var options = new TrainingOptions { Variant = variant, Hidden = hidden, Seed = Seed };
        var trained = engine.TrainSequences(batch, adjust?.Invoke(options) ?? options);
        var recalled = engine.Recall(trained, new RecallOptions { FlippedBits = flipped, Trials = Trials, Seed = Seed + 1 });
        return (trained, recalled);
    }

    /// <summary>Rows <paramref name="from"/>… of the table equal the engine's networks, in network order.</summary>
    private static void AssertRowsMatch(ParquetTable table, int from, TrainingResult trained, RecallResult recalled)
    {
        for (int b = 0; b < B; b++)
        {
            int row = from + b;
            Assert.Equal(b, table.Column<int>("network")[row]);
            Assert.Equal(trained.Epochs[b], table.Column<int>("epochs")[row]);
            Assert.Equal(trained.Converged[b], table.Column<bool>("converged")[row]);
            Assert.Equal(trained.MinHiddenMargin[b], table.Column<double>("min_hidden_margin")[row]);
            Assert.Equal(trained.MinVisibleMargin[b], table.Column<double>("min_visible_margin")[row]);
            int hits = Enumerable.Range(0, Trials).Count(r => recalled.Success[b * Trials + r]);
            Assert.Equal(hits, table.Column<int>("successes")[row]);
            Assert.Equal(recalled.SuccessRate(b), table.Column<double>("success_rate")[row]);
            Assert.Equal(hits == Trials, table.Column<bool>("success")[row]);
        }
    }

    [Fact]
    public void Train_writes_one_row_per_network_equal_to_the_engine_and_a_frames_png()
    {
        using var dir = new TempDirectory();
        var (_, table) = Run(dir, "train");
        Assert.Equal(B, table.Rows);
        Assert.All(table.Column<int>("flipped"), k => Assert.Equal(0, k));
        Assert.All(table.Column<string>("variant"), v => Assert.Equal("uv", v));
        var (trained, recalled) = Engine_(NetworkVariant.HiddenUV, T, M, 0);
        AssertRowsMatch(table, 0, trained, recalled);
        Assert.All(table.Column<int>("successes"), s => Assert.Equal(Trials, s)); // converged ⇒ clean recall is exact (a guarantee of the margin rule)
        AssertPng(dir.File("frames.png"));
    }

    [Fact]
    public void Recall_rows_per_variant_equal_the_engine_with_flipped_bits()
    {
        using var dir = new TempDirectory();
        var (_, table) = Run(dir, "recall", "--variant", "v-only,perceptron", "--flipped", "3");
        Assert.Equal(2 * B, table.Rows);
        Assert.Equal(["v-only", "v-only", "v-only", "perceptron", "perceptron", "perceptron"], table.Column<string>("variant"));
        Assert.Equal([M, M, M, 0, 0, 0], table.Column<int>("hidden_used"));
        var (vt, vr) = Engine_(NetworkVariant.HiddenVOnly, T, M, 3);
        AssertRowsMatch(table, 0, vt, vr);
        var (pt, pr) = Engine_(NetworkVariant.VisiblePerceptron, T, M, 3);
        AssertRowsMatch(table, B, pt, pr);
        AssertPng(dir.File("frames.png"));
    }

    [Fact]
    public void Capacity_sweeps_T_then_M_with_one_row_per_network_point_and_variant()
    {
        using var dir = new TempDirectory();
        var (result, table) = Run(dir, "capacity", "--variant", "uv,perceptron", "--lengths", "4:8:4", "--hidden-sizes", "20:40:20");
        Assert.Equal((2 + 2) * 2 * B, table.Rows);
        var sweep = table.Column<string>("sweep");
        Assert.Equal(2 * 2 * B, sweep.Count(s => s == "length"));
        Assert.Equal(2 * 2 * B, sweep.Count(s => s == "hidden"));
        var lengths = table.Column<int>("length");
        var hidden = table.Column<int>("hidden");
        for (int i = 0; i < table.Rows; i++)
            Assert.True(sweep[i] == "length" ? hidden[i] == M && lengths[i] is 4 or 8 : lengths[i] == T && hidden[i] is 20 or 40);
        // The T = 8 point, U+V, rows 2B… (points first, then variants): the engine on the same inputs agrees.
        var (trained, recalled) = Engine_(NetworkVariant.HiddenUV, 8, M, 10);
        AssertRowsMatch(table, 2 * B, trained, recalled);
        AssertPng(dir.File("capacity-length.png"));
        AssertPng(dir.File("capacity-hidden.png"));
        Assert.Contains("capacity.parquet", result.Stdout);
    }

    [Fact]
    public void Noise_recalls_one_training_at_each_flip_count()
    {
        using var dir = new TempDirectory();
        var (_, table) = Run(dir, "noise", "--flips", "0:12:6");
        Assert.Equal(3 * B, table.Rows);
        Assert.Equal([0, 0, 0, 6, 6, 6, 12, 12, 12], table.Column<int>("flipped"));
        var (trained, recalled) = Engine_(NetworkVariant.HiddenUV, T, M, 6);
        AssertRowsMatch(table, B, trained, recalled);
        AssertPng(dir.File("noise.png"));
    }

    [Fact]
    public void Open_boundary_stores_T_minus_1_transitions_as_the_engine_does()
    {
        using var dir = new TempDirectory();
        var (_, table) = Run(dir, "recall", "--boundary", "open", "--flipped", "2");
        Assert.Equal("open", table.Metadata["boundary"]);
        var (trained, recalled) = Engine_(NetworkVariant.HiddenUV, T, M, 2, SequenceBoundary.Open);
        AssertRowsMatch(table, 0, trained, recalled);
        // The same run periodic differs somewhere (one more transition to store): the flag is not ignored.
        var periodic = Engine_(NetworkVariant.HiddenUV, T, M, 2).Trained;
        Assert.NotEqual(periodic.U, trained.U);
    }

    [Fact]
    public void Sparse_targets_and_activity_reach_the_engine()
    {
        using var dir = new TempDirectory();
        var (_, table) = Run(dir, "recall", "--targets", "sparse", "--activity", "0.25", "--hidden-code", "01", "--flipped", "2");
        Assert.Equal("sparse", table.Metadata["targets"]);
        Assert.Equal("0.25", table.Metadata["activity"]);
        var (trained, recalled) = Engine_(NetworkVariant.HiddenUV, T, M, 2,
            adjust: o => o with { Targets = HiddenTargets.SparseProjection, Activity = 0.25, HiddenCode = HiddenCode.ZeroOne });
        AssertRowsMatch(table, 0, trained, recalled);
        Assert.NotEqual(Engine_(NetworkVariant.HiddenUV, T, M, 2).Trained.U, trained.U);
    }

    [Fact]
    public void Moving_mnist_train_and_recall_write_rows_and_the_stored_vs_recalled_frames()
    {
        // The smallest frame the digits allow (28 px + top speed 4 < 36): N = 1296, T = 4, M = 60, one network.
        string[] tiny = ["--data", "moving-mnist", "--visible", "1296", "--length", "4", "--hidden", "60", "--networks", "1",
            "--trials", "2", "--flipped", "20", "--seed", "3", "--backend", "Simd"];
        foreach (var command in new[] { "train", "recall" })
        {
            using var dir = new TempDirectory();
            var result = CliHarness.Run(["sequence", command, .. tiny, "--out", dir.Path]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            var table = ParquetTable.Read(dir.File($"{command}.parquet"));
            Assert.Equal("moving-mnist", Assert.Single(table.Column<string>("data")));
            Assert.Equal(1296, Assert.Single(table.Column<int>("visible")));
            Assert.Equal(4, Assert.Single(table.Column<int>("length")));
            Assert.True(Assert.Single(table.Column<bool>("converged")), $"{command}: four frames at M = 60 must be learned");
            Assert.Equal(20, Assert.Single(table.Column<int>("flipped")));
            AssertPng(dir.File("frames.png"));
        }
    }

    [Fact]
    public void Walker_frames_are_plotted_from_image_data()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("sequence", "recall", "--data", "walker", "--visible", "256", "--length", "8", "--hidden", "100",
            "--networks", "1", "--trials", "1", "--flipped", "5", "--backend", "Reference", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = ParquetTable.Read(dir.File("recall.parquet"));
        Assert.Equal("walker", Assert.Single(table.Column<string>("data")));
        Assert.Equal(256, Assert.Single(table.Column<int>("visible")));
        AssertPng(dir.File("frames.png"));
    }

    [Theory]
    [InlineData("train", "--hidden", "0", "--hidden", "0")]
    [InlineData("train", "--length", "1", "--length", "1")]
    [InlineData("recall", "--flipped", "25", "--flipped", "25")]
    [InlineData("recall", "--kappa", "-1", "--kappa", "-1")]
    [InlineData("recall", "--eta", "0", "--eta", "0")]
    [InlineData("train", "--variant", "uv,bogus", "--variant", "bogus")]
    [InlineData("train", "--schedule", "sometimes", "--schedule", "sometimes")]
    [InlineData("train", "--hidden-code", "pm2", "--hidden-code", "pm2")]
    [InlineData("recall", "--criterion", "close", "--criterion", "close")]
    [InlineData("train", "--boundary", "circular", "--boundary", "circular")]
    [InlineData("train", "--targets", "dense", "--targets", "dense")]
    [InlineData("train", "--activity", "1.5", "--activity", "1.5")]
    [InlineData("train", "--data", "cifar", "--data", "cifar")]
    [InlineData("train", "--backend", "Abacus", "--backend", "Abacus")]
    [InlineData("train", "--seed", "-3", "--seed", "-3")]
    [InlineData("capacity", "--lengths", "10:5:1", "--lengths", "10:5:1")]
    [InlineData("capacity", "--hidden-sizes", "a:b:c", "--hidden-sizes", "a")]
    [InlineData("noise", "--flips", "0:30:10", "--flips", "30")]
    [InlineData("train", "--networks", "x", "--networks", "x")]
    public void Bad_flags_exit_2_naming_the_flag_and_value(string command, string flag, string value, string mention1, string mention2)
    {
        using var dir = new TempDirectory();
        var args = Small.ToList();
        int at = args.IndexOf(flag);
        if (at >= 0)
            args[at + 1] = value;
        else
            args.AddRange([flag, value]);
        var result = CliHarness.Run(["sequence", command, .. args, "--out", dir.Path]);
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Contains(mention1, result.Stderr);
        Assert.Contains(mention2, result.Stderr);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Image_data_needs_a_square_visible_count()
    {
        var result = CliHarness.Run("sequence", "train", "--data", "walker", "--visible", "200", "--backend", "Reference");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--visible", result.Stderr);
        Assert.Contains("200", result.Stderr);
    }
}
