using System.Diagnostics;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>
/// Inputs that once gave a wrong answer or grew without bound: each is now refused at once, naming the flag or field,
/// quoting at most an excerpt of the input.
/// </summary>
public class InputLimitTests
{
    private static CliHarness.Result Run(params string[] args)
    {
        using var dir = new TempDirectory();
        return CliHarness.Run([.. args, "--out", dir.Path]);
    }

    private static void Refused(CliHarness.Result result, params string[] mentions)
    {
        Assert.True(result.ExitCode == ExitCodes.Usage, $"exit {result.ExitCode}: {result.Stderr}{result.Stdout}");
        foreach (var mention in mentions)
            Assert.Contains(mention, result.Stderr);
    }

    [Theory]
    [InlineData("--duration", "1e19")]
    [InlineData("--transient", "1e19")]
    public void A_huge_lyapunov_time_is_refused_not_reported_as_zero(string flag, string value)
    {
        var args = new List<string> { "lyapunov", "--model", "lorenz", "--members", "1", "--dt", "0.01", "--transient", "50", "--duration", "1000" };
        args[args.IndexOf(flag) + 1] = value;
        var result = Run([.. args]);
        Refused(result, flag, "2⁵³");
        Assert.DoesNotContain(" ok", result.Stdout);
    }

    [Fact]
    public void A_huge_scan_duration_is_refused()
    {
        Refused(Run("scan", "--duration", "1e300"), "--duration", "2⁵³");
    }

    [Fact]
    public void A_non_finite_scan_flag_is_refused_by_name() =>
        Refused(Run("scan", "--tolerance", "1e999"), "--tolerance", "finite");

    [Fact]
    public void A_spec_that_never_ends_is_refused_after_one_mebibyte()
    {
        if (!File.Exists("/dev/zero"))
            return;
        var clock = Stopwatch.StartNew();
        Refused(Run("scan", "--spec", "/dev/zero"), "--spec", "larger than");
        Refused(Run("lyapunov", "--spec", "/dev/zero"), "--spec", "larger than");
        Assert.True(clock.Elapsed.TotalSeconds < 10);
    }

    [Fact]
    public void A_huge_value_in_a_spec_is_quoted_as_an_excerpt()
    {
        using var dir = new TempDirectory();
        string huge = new('x', 500_000);
        File.WriteAllText(dir.File("family.json"), $"{{\"family\": \"{huge}\"}}");
        File.WriteAllText(dir.File("field.json"), $"{{\"family\": \"rotation-flow\", \"{huge}\": 1}}");
        File.WriteAllText(dir.File("number.json"), $"{{\"family\": \"rotation-flow\", \"seed\": 1{new string('0', 100_000)}}}");
        foreach (var file in new[] { "family.json", "field.json", "number.json" })
        {
            var result = Run("scan", "--spec", dir.File(file));
            Assert.Equal(ExitCodes.Usage, result.ExitCode);
            Assert.True(result.Stderr.Length < 1_000, $"{file}: {result.Stderr.Length} characters of error");
        }
    }

    [Fact]
    public void A_chunk_that_cannot_be_held_is_refused_before_allocating()
    {
        var clock = Stopwatch.StartNew();
        var result = Run("scan", "--family", "rotation-flow", "--axis", "alpha=linspace:0:1:16000000", "--axis", "theta=linspace:0:1:64",
            "--chunk", "2000000000");
        Refused(result, "--chunk", "GB");
        Assert.True(clock.Elapsed.TotalSeconds < 10, $"{clock.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void A_network_too_large_for_its_spectrum_is_refused_before_drawing_weights()
    {
        var clock = Stopwatch.StartNew();
        Refused(Run("lyapunov", "--model", "tanh-rnn", "--n", "20000", "--members", "1", "--dt", "0.1", "--duration", "10", "--transient", "1"),
            "n = 20000", "GB");
        Refused(Run("scan", "--family", "tanh-gain", "--n", "20000", "--axis", "g=list:1"), "--n", "GB");
        Assert.True(clock.Elapsed.TotalSeconds < 10, $"{clock.Elapsed.TotalSeconds:F1} s (weights were drawn before the refusal)");
    }

    [Theory]
    [InlineData("--visible")]
    [InlineData("--length")]
    [InlineData("--networks")]
    [InlineData("--trials")]
    public void Sequence_sizes_whose_arrays_cannot_exist_are_refused_by_name(string flag) =>
        // These once surfaced as a bare OverflowException or OutOfMemoryException.
        Refused(Run("sequence", "train", flag, "2147483647"), flag, "exceed one array");

    [Theory]
    [InlineData("--dt", "0.05", "--time continuous")]
    [InlineData("--frequency", "2", "--time continuous")]
    [InlineData("--length", "50", "--task flipflop, sine or path-integration")]
    public void A_train_flag_the_task_would_ignore_is_refused(string flag, string value, string where) =>
        Refused(Run("train", "--task", "copy", flag, value), flag, where);
}
