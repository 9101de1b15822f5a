using FastAttractors.Cli.Tests.Support;
using FastAttractors.Cli.Training;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// train: writes train.parquet (one row per evaluation, read back), loss.png, spectrum.csv and checkpoint.npz; a
/// non-finite loss exits 1 naming the step and keeps the last good checkpoint; bad flags exit 2 naming the flag.
/// </summary>
public class TrainTests
{
    private static readonly string[] Small =
    [
        "--task", "copy", "--delay", "4", "--hidden", "8", "--steps", "12", "--batch", "8", "--train-size", "64", "--test-size", "16",
        "--eval-every", "4", "--exponents", "3", "--lyapunov-iterations", "200", "--backend", "Reference",
    ];

    // Each flag once: System.CommandLine rejects a repeated single-valued option.
    private static string[] With(string[] args, string flag, string value)
    {
        int i = Array.IndexOf(args, flag);
        return i < 0 ? [.. args, flag, value] : [.. args[..(i + 1)], value, .. args[(i + 2)..]];
    }

    /// <summary>The path-integration task trains through the same command: a finite, decreasing-or-not test loss is logged.</summary>
    [Fact]
    public void Train_runs_the_path_integration_task()
    {
        using var dir = new TempDirectory();
        string[] args = ["train", "--task", "path-integration", "--length", "20", "--hidden", "8", "--steps", "8", "--batch", "8", "--train-size", "32",
            "--test-size", "8", "--eval-every", "4", "--exponents", "0", "--backend", "Reference", "--out", dir.Path];
        var result = CliHarness.Run(args);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = ParquetTable.Read(dir.File("train.parquet"));
        Assert.All(table.Column<double>("test_loss"), l => Assert.True(double.IsFinite(l) && l > 0));
    }

    [Fact]
    public void Train_writes_log_plot_spectra_and_checkpoint()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(["train", .. Small, "--init", "pta", "--seed", "5", "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*.tmp"));
        var table = ParquetTable.Read(dir.File("train.parquet"));
        Assert.Equal(TrainOutputs.Columns, table.Names);
        Assert.Equal([0L, 4, 8, 12], table.Column<long>("step"));
        Assert.All(table.Column<double>("test_loss"), l => Assert.True(double.IsFinite(l) && l > 0));
        Assert.Equal("train", table.Metadata["fastattractors.command"]);
        Assert.Equal("pta", table.Metadata["init"]);
        Assert.Equal("completed", table.Metadata["status"]);
        var png = File.ReadAllBytes(dir.File("loss.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var spectrum = File.ReadAllLines(dir.File("spectrum.csv"));
        Assert.Equal("index,before,after", spectrum[0]);
        Assert.Equal(4, spectrum.Length);
        var checkpoint = NpyArray.ReadNpz(dir.File("checkpoint.npz"));
        Assert.Equal(["C", "U", "W", "b", "d", "step"], NpyArray.ResultArrays(checkpoint).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Non_finite_loss_exits_1_naming_the_step_and_keeps_the_checkpoint()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(["train", .. Small, "--lr", "1e308", "--clip", "Infinity", "--out", dir.Path]);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: training stopped at step", result.Stderr.Trim());
        Assert.True(File.Exists(dir.File("checkpoint.npz")));
        Assert.StartsWith("training stopped", ParquetTable.Read(dir.File("train.parquet")).Metadata["status"]);
    }

    [Fact]
    public void Continuous_time_sine_trains_through_the_rk4_adjoint()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(["train", "--time", "continuous", "--task", "sine", "--hidden", "6", "--length", "40", "--steps", "10",
            "--eval-every", "5", "--lr", "0.03", "--exponents", "2", "--backend", "Reference", "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var table = ParquetTable.Read(dir.File("train.parquet"));
        Assert.Equal([0L, 5, 10], table.Column<long>("step"));
        Assert.Equal("continuous", table.Metadata["time"]);
        var loss = table.Column<double>("test_loss");
        Assert.True(loss[^1] < loss[0], $"loss {loss[0]} → {loss[^1]}");
        Assert.Equal(3, File.ReadAllLines(dir.File("spectrum.csv")).Length);
    }

    [Fact]
    public void Summary_tabulates_runs_by_initialisation()
    {
        using var dir = new TempDirectory();
        foreach (var init in new[] { "default", "pta" })
        {
            var run = CliHarness.Run(["train", .. With(Small, "--exponents", "0"), "--init", init, "--out", Path.Combine(dir.Path, "runs", init)]);
            Assert.True(run.ExitCode == 0, run.Stderr);
        }
        var result = CliHarness.Run(["train", "summary", "--runs", Path.Combine(dir.Path, "runs"), "--out", dir.File("summary")]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = File.ReadAllLines(Path.Combine(dir.File("summary"), "summary.md"));
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("| default | 1 |", lines[2]);
        Assert.StartsWith("| pta | 1 |", lines[3]);
        Assert.True(File.Exists(Path.Combine(dir.File("summary"), "loss-curves.png")));
        Assert.Equal(2, CliHarness.Run(["train", "summary", "--runs", dir.File("nothing")]).ExitCode);
    }

    [Theory]
    [InlineData("--time", "continuous")]
    [InlineData("--time", "later")]
    [InlineData("--delay", "0")]
    [InlineData("--max-delay", "3")]
    [InlineData("--task", "mnist")]
    [InlineData("--init", "xavier")]
    [InlineData("--hidden", "0")]
    [InlineData("--batch", "0")]
    [InlineData("--lr", "-1")]
    [InlineData("--exponents", "9")]
    [InlineData("--path", "gpu")]
    [InlineData("--pta-scan", "/nonexistent/scan.csv")]
    public void Bad_flag_exits_2_naming_it(string flag, string value)
    {
        using var dir = new TempDirectory();
        var args = With(Small, flag, value);
        if (flag == "--max-delay")
            args = With(args, "--task", "copy-random");
        var result = CliHarness.Run(["train", .. args, "--out", dir.Path]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {flag}", result.Stderr.Trim());
    }
}
