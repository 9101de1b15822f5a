using System.Globalization;
using FastAttractors.Cli.Specs;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>adjoint writes what Engine.Gradient returns for the same settings; bad input exits 2 naming the argument.</summary>
public class AdjointTests
{
    private const int N = 4, Members = 3;
    private const double G = 1.8, Dt = 0.05;
    private const long Steps = 40, Seed = 5;
    private const int Checkpoint = 7, NormEvery = 4;
    private static readonly double[] Target = [0.5, 0, -0.5, 1];
    private static readonly long[] LossSteps = [10, 20];

    private static readonly string[] Good =
    [
        "adjoint", "--model", "tanh-rnn", "--n", $"{N}", "--members", $"{Members}", "--g", Inv(G), "--dt", Inv(Dt),
        "--steps", $"{Steps}", "--checkpoint", $"{Checkpoint}", "--norm-every", $"{NormEvery}", "--target", "0.5,0,-0.5,1",
        "--loss-steps", "10,20", "--seed", $"{Seed}", "--backend", "Reference",
    ];

    private static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Npz_holds_the_engine_gradients_with_member_major_shapes()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run([.. Good, "--out", dir.Path]);
        Assert.True(result.ExitCode == 0, result.Stderr);

        var arrays = NpyArray.ReadNpz(dir.File("adjoint.npz"));
        Assert.Equal(
            ["adjoint_norms", "failed_step", "grad_W", "grad_b", "grad_tau", "grad_x0", "loss", "norm_times", "status"],
            NpyArray.ResultArrays(arrays).Order(StringComparer.Ordinal));
        const long frames = Steps / NormEvery + 1;
        Assert.Equal([Members], arrays["loss"].Shape);
        Assert.Equal([Members, N], arrays["grad_x0"].Shape);
        Assert.Equal([Members, N * N], arrays["grad_W"].Shape);
        Assert.Equal([Members, N], arrays["grad_b"].Shape);
        Assert.Equal([Members, 1], arrays["grad_tau"].Shape);
        Assert.Equal([frames, Members], arrays["adjoint_norms"].Shape);
        Assert.Equal([frames], arrays["norm_times"].Shape);
        Assert.Equal([Members], arrays["status"].Shape);
        Assert.Equal([Members], arrays["failed_step"].Shape);

        // The same request through the API: terminal ½|x(T) − y|² plus running terms at steps 10 and 20.
        using var engine = Engine.Create(Backend.Reference);
        var nets = TanhRnn.Random(N, G, 1.0, Members, Seed);
        var x0 = InitialStates.Normal(N, Members, 1.0, Seed);
        var loss = new Loss([new LossTerm(null, new SquaredError(Target, N)), .. LossSteps.Select(s => new LossTerm(s, new SquaredError(Target, N)))]);
        var expected = engine.Gradient(new EnsembleProblem(nets, x0, Members), new Rk4(Dt), Steps, loss,
            new GradientOptions { CheckpointInterval = Checkpoint, AdjointNormEvery = NormEvery });

        // Bit for bit: the same Reference computation, one member at a time, whatever the thread schedule.
        Assert.Equal(expected.Loss, arrays["loss"].Doubles());
        Assert.Equal(MemberMajor(expected.InitialStates, N), arrays["grad_x0"].Doubles());
        foreach (var block in expected.Parameters)
            Assert.Equal(MemberMajor(block.Values, block.Length), arrays["grad_" + block.Name].Doubles());
        Assert.Equal(expected.AdjointNorms, arrays["adjoint_norms"].Doubles());
        Assert.Equal(expected.NormTimes, arrays["norm_times"].Doubles());
        Assert.Equal(expected.Status.Select(s => (int)s), arrays["status"].Int32s());
        Assert.Equal(expected.FailedStep, arrays["failed_step"].Int64s());
        // grad_x0[m] is a(0): its norm is the first adjoint-norm frame (to the rounding of the two sums of squares).
        var g0 = arrays["grad_x0"].Doubles();
        for (int m = 0; m < Members; m++)
            Assert.Equal(Math.Sqrt(g0.Skip(m * N).Take(N).Sum(v => v * v)), expected.AdjointNorms![m], 12);

        Assert.True(new FileInfo(dir.File("adjoint.png")).Length > 1000);
        Assert.Contains("members: 3 ok, 0 forward diverged, 0 gradient non-finite", result.Stdout);
        Assert.Contains("|a(2)|", result.Stdout); // T = 40 · 0.05
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Written_spec_reproduces_the_run()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        Assert.Equal(0, CliHarness.Run([.. Good, "--out", first.Path]).ExitCode);
        var spec = File.ReadAllText(first.File("spec.json"));
        Assert.Contains("\"loss_steps\": [", spec);
        Assert.Contains("\"checkpoint\": 7", spec);
        var again = CliHarness.Run("adjoint", "--spec", first.File("spec.json"), "--out", second.Path);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(NpyArray.ReadNpz(first.File("adjoint.npz"))["grad_W"].Doubles(),
            NpyArray.ReadNpz(second.File("adjoint.npz"))["grad_W"].Doubles());
    }

    [Fact]
    public void Embedded_default_is_a_gain_sweep_with_a_scalar_target()
    {
        var spec = SpecResolver.ResolveAdjoint(SpecReader.ReadDefaultAdjoint());
        Assert.Equal("tanh-rnn", spec.Model);
        Assert.NotNull(spec.GEnd);
        Assert.Equal([1.0], spec.Target!);
        Assert.Equal(5, spec.NormEvery);
        var run = RunFactory.CreateAdjoint(spec);
        Assert.Single(run.Loss.Terms); // terminal only
    }

    [Theory]
    [InlineData("--target", "1,2", "--target", "1,2")]
    [InlineData("--target", "abc", "--target", "abc")]
    [InlineData("--target", "NaN", "--target", "NaN")]
    [InlineData("--checkpoint", "0", "--checkpoint", "0")]
    [InlineData("--norm-every", "0", "--norm-every", "0")]
    [InlineData("--loss-steps", "41", "--loss-steps", "41")]
    [InlineData("--loss-steps", "-1", "--loss-steps", "-1")]
    [InlineData("--loss-steps", "5,x", "--loss-steps", "x")]
    [InlineData("--steps", "0", "--steps", "0")]
    [InlineData("--dt", "-1", "--dt", "-1")]
    [InlineData("--members", "0", "--members", "0")]
    [InlineData("--precision", "half", "--precision", "half")]
    [InlineData("--norm-every", "two", "--norm-every", "two")]
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
    public void Fields_of_other_commands_exit_2()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("every.json"), "{ \"model\": \"lorenz\", \"members\": 1, \"dt\": 0.01, \"steps\": 10, \"record_every\": 2 }");
        AssertUsageError(["adjoint", "--spec", dir.File("every.json")], "record_every", "2");
        File.WriteAllText(dir.File("target.json"), "{ \"model\": \"lorenz\", \"members\": 1, \"dt\": 0.01, \"steps\": 10, \"target\": [1, 2, 3] }");
        AssertUsageError(["integrate", "--spec", dir.File("target.json")], "target", "1,2,3");
        File.WriteAllText(dir.File("bad.json"), "{ \"model\": \"lorenz\", \"members\": 1, \"dt\": 0.01, \"steps\": 10, \"target\": [\"a\"] }");
        AssertUsageError(["adjoint", "--spec", dir.File("bad.json")], "target", "[\"a\"]");
    }

    private static double[] MemberMajor(double[] soa, int length)
    {
        var result = new double[soa.Length];
        for (int p = 0; p < length; p++)
        {
            for (int m = 0; m < Members; m++)
                result[m * length + p] = soa[p * Members + m];
        }
        return result;
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
        Assert.False(File.Exists(Path.Combine(dir.Path, "adjoint.npz")));
    }
}
