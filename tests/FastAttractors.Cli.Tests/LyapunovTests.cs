using System.Globalization;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>lyapunov writes what Engine.Lyapunov returns for the same settings; bad input exits 2 naming the argument.</summary>
public class LyapunovTests
{
    private const int N = 4, Members = 3, K = 2;
    private const double G = 1.8, Dt = 0.05, Transient = 5, Duration = 20;
    private const long Seed = 5;

    private static readonly string[] Good =
    [
        "lyapunov", "--model", "tanh-rnn", "--n", $"{N}", "--members", $"{Members}", "--g", Inv(G), "--dt", Inv(Dt),
        "--transient", Inv(Transient), "--duration", Inv(Duration), "--exponents", $"{K}", "--seed", $"{Seed}", "--backend", "Reference",
    ];

    private static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Npz_holds_the_engine_spectra_with_member_major_shapes()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run([.. Good, "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);

        var arrays = NpyArray.ReadNpz(dir.File("lyapunov.npz"));
        Assert.Equal(
            ["contraction", "exponents", "failed_step", "kaplan_yorke", "positive_sum", "standard_errors", "status", "sum_rule_residual"],
            NpyArray.ResultArrays(arrays).Order());
        Assert.Equal([Members, K], arrays["exponents"].Shape);
        Assert.Equal([Members, K], arrays["standard_errors"].Shape);
        foreach (var name in new[] { "sum_rule_residual", "contraction", "kaplan_yorke", "positive_sum", "status", "failed_step" })
            Assert.Equal([Members], arrays[name].Shape);

        using var engine = Engine.Create(Backend.Reference);
        var nets = TanhRnn.Random(N, G, 1.0, Members, Seed);
        var x0 = InitialStates.Normal(N, Members, 1.0, Seed);
        var expected = engine.Lyapunov(new EnsembleProblem(nets, x0, Members), new Rk4(Dt),
            new LyapunovOptions { Transient = Transient, Duration = Duration, Exponents = K });
        Assert.Equal(expected.Exponents, arrays["exponents"].Doubles());
        Assert.Equal(expected.StandardErrors, arrays["standard_errors"].Doubles());
        Assert.Equal(expected.KaplanYorkeDimension, arrays["kaplan_yorke"].Doubles());
        Assert.Equal(expected.Status.Select(s => (int)s), arrays["status"].Int32s());
        Assert.Equal(expected.FailedStep, arrays["failed_step"].Int64s());
        Assert.True(File.Exists(dir.File("lyapunov.png")) && new FileInfo(dir.File("lyapunov.png")).Length > 1000);
        Assert.Contains("λ1 ± SE", result.Stdout);
        Assert.Contains("k = 2 of n = 4", result.Stdout);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp")); // atomic writes leave no temporaries
    }

    [Fact]
    public void Rossler_is_a_built_in_model_of_the_cli()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("lyapunov", "--model", "rossler", "--members", "3", "--dt", "0.01", "--transient", "20",
            "--duration", "200", "--seed", "4", "--backend", "Reference", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var engine = Engine.Create(Backend.Reference);
        var expected = engine.Lyapunov(new EnsembleProblem(Rossler.Create(), InitialStates.Normal(3, 3, 1.0, 4), 3), new Rk4(0.01),
            new LyapunovOptions { Transient = 20, Duration = 200 });
        Assert.Equal(expected.Exponents, NpyArray.ReadNpz(dir.File("lyapunov.npz"))["exponents"].Doubles());
        Assert.Equal(ExitCodes.Usage, CliHarness.Run("lyapunov", "--model", "rossler", "--n", "4", "--members", "1", "--dt", "0.01",
            "--out", dir.Path).ExitCode);
    }

    [Fact]
    public void Written_spec_reproduces_the_run()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        Assert.Equal(0, CliHarness.Run([.. Good, "--out", first.Path]).ExitCode);
        var again = CliHarness.Run("lyapunov", "--spec", first.File("spec.json"), "--out", second.Path);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(NpyArray.ReadNpz(first.File("lyapunov.npz"))["exponents"].Doubles(),
            NpyArray.ReadNpz(second.File("lyapunov.npz"))["exponents"].Doubles());
        Assert.Contains("\"exponents\": 2", File.ReadAllText(first.File("spec.json")));
    }

    [Theory]
    [InlineData("--exponents", "5", "--exponents", "5")]
    [InlineData("--exponents", "0", "--exponents", "0")]
    [InlineData("--every", "0", "--every", "0")]
    [InlineData("--transient", "-1", "--transient", "-1")]
    [InlineData("--transient", "NaN", "--transient", "NaN")]
    [InlineData("--duration", "Infinity", "--duration", "Infinity")]
    [InlineData("--duration", "0.1", "--duration", "0.1")]
    [InlineData("--blocks", "5", "--blocks", "5")]
    [InlineData("--tolerance", "0", "--tolerance", "0")]
    [InlineData("--dt", "-1", "--dt", "-1")]
    [InlineData("--precision", "half", "--precision", "half")]
    [InlineData("--every", "two", "--every", "two")]
    public void Bad_flags_exit_2_naming_the_argument_and_value(string flag, string value, string mention, string shows)
    {
        var args = Good.ToList();
        int at = args.IndexOf(flag);
        if (at >= 0)
            args[at + 1] = value;
        else
            args.AddRange([flag, value]);
        AssertUsageError([.. args], mention, shows);
    }

    [Fact]
    public void Malformed_spec_and_integrate_only_fields_exit_2()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("bad.json"), "{ \"model\": \"linear\", \"n\": 3, ");
        AssertUsageError(["lyapunov", "--spec", dir.File("bad.json")], "malformed JSON");
        File.WriteAllText(dir.File("steps.json"), "{ \"model\": \"lorenz\", \"members\": 1, \"dt\": 0.01, \"steps\": 10 }");
        AssertUsageError(["lyapunov", "--spec", dir.File("steps.json")], "steps", "10");
        AssertUsageError(["integrate", "--model", "lorenz", "--members", "1", "--dt", "0.01", "--steps", "5", "--spec", WriteExponents(dir)], "exponents", "2");
    }

    private static string WriteExponents(TempDirectory dir)
    {
        File.WriteAllText(dir.File("k.json"), "{ \"exponents\": 2 }");
        return dir.File("k.json");
    }

    private static void AssertUsageError(string[] args, params string[] mentions)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run([.. args, "--out", dir.Path]);
        Assert.True(result.ExitCode == ExitCodes.Usage, $"exit {result.ExitCode}, stderr: {result.Stderr}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
        foreach (var mention in mentions)
            Assert.Contains(mention, lines[0]);
        Assert.False(File.Exists(Path.Combine(dir.Path, "lyapunov.npz")));
    }
}
