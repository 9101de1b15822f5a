using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>Every bad input gives exit code 2 (usage) or 1 (runtime) and one stderr line naming the argument and value.</summary>
public class BadInputTests
{
    private static readonly string[] Good =
        ["integrate", "--model", "tanh-rnn", "--n", "4", "--members", "3", "--dt", "0.1", "--steps", "5", "--backend", "Reference"];

    /// <summary>The good flags with <paramref name="flag"/> set to <paramref name="value"/> (replaced or appended).</summary>
    private static string[] With(string flag, string value)
    {
        var args = Good.ToList();
        int at = args.IndexOf(flag);
        if (at >= 0)
            args[at + 1] = value;
        else
            args.AddRange([flag, value]);
        return [.. args];
    }

    private static void AssertFails(int code, string[] args, params string[] mentions)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(args.Contains("--out") ? args : [.. args, "--out", dir.Path]);
        Assert.True(code == result.ExitCode, $"exit {result.ExitCode}, stderr: {result.Stderr}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        Assert.DoesNotContain("   at ", result.Stderr); // never a stack trace
        foreach (var mention in mentions)
            Assert.Contains(mention, lines[0]);
    }

    [Theory]
    [InlineData("--model", "gru", "model", "'gru'")]
    [InlineData("--n", "0", "--n", "0")]
    [InlineData("--n", "-3", "--n", "-3")]
    [InlineData("--n", "abc", "--n", "abc")]
    [InlineData("--members", "0", "--members", "0")]
    [InlineData("--members", "-1", "--members", "-1")]
    [InlineData("--dt", "0", "--dt", "0")]
    [InlineData("--dt", "-0.1", "--dt", "-0.1")]
    [InlineData("--dt", "NaN", "--dt", "NaN")]
    [InlineData("--steps", "-1", "--steps", "-1")]
    [InlineData("--record-every", "0", "--record-every", "0")]
    [InlineData("--record-every", "-2", "--record-every", "-2")]
    [InlineData("--backend", "Tpu", "--backend", "Tpu")]
    [InlineData("--precision", "float16", "--precision", "float16")]
    [InlineData("--g", "-1", "--g", "-1")]
    [InlineData("--connectivity", "1.5", "--connectivity", "1.5")]
    [InlineData("--weights", "orthogonal", "--weights", "orthogonal")]
    [InlineData("--chunk-members", "0", "--chunk-members", "0")]
    [InlineData("--x0-std", "-1", "--x0-std", "-1")]
    [InlineData("--kind", "map", "--kind", "map")]
    [InlineData("--members", "2000000000", "members", "GB")]
    public void Bad_flag_values_are_usage_errors(string flag, string value, string mention, string shows)
    {
        AssertFails(ExitCodes.Usage, With(flag, value), mention, shows);
    }

    [Fact]
    public void Missing_required_flag_is_a_usage_error()
    {
        AssertFails(ExitCodes.Usage, ["integrate", "--model", "tanh-rnn", "--members", "3", "--dt", "0.1", "--steps", "5"], "--n", "required");
    }

    [Fact]
    public void Unknown_option_and_missing_command_are_usage_errors()
    {
        AssertFails(ExitCodes.Usage, With("--gain", "2"), "--gain");
        Assert.Equal(ExitCodes.Usage, CliHarness.Run().ExitCode);
        Assert.Equal(ExitCodes.Usage, CliHarness.Run("simulate").ExitCode);
    }

    [Fact]
    public void Absent_gpu_backend_is_a_runtime_error()
    {
        if (DeviceCatalog.IsAvailable(Backend.Cuda))
            return; // a machine with a GPU cannot show this failure
        AssertFails(ExitCodes.Runtime, With("--backend", "Cuda"), "--backend", "Cuda");
    }

    [Fact]
    public void Unwritable_out_directory_is_a_runtime_error()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a-file"), "");
        // A directory below a regular file cannot be created, even by root (permission bits would not stop root).
        string outDir = Path.Combine(dir.File("a-file"), "results");
        AssertFails(ExitCodes.Runtime, [.. Good, "--out", outDir], "--out", outDir);
    }

    [Fact]
    public void Weight_flags_that_do_not_apply_are_rejected()
    {
        AssertFails(ExitCodes.Usage, [.. Good, "--alpha", "1.2"], "--alpha", "block-rotation");
        AssertFails(ExitCodes.Usage, ["integrate", "--model", "lorenz", "--members", "2", "--dt", "0.01", "--steps", "3", "--g", "2"], "--g", "lorenz");
        AssertFails(ExitCodes.Usage, ["integrate", "--model", "lorenz", "--n", "4", "--members", "2", "--dt", "0.01", "--steps", "3"], "--n", "4");
    }
}
