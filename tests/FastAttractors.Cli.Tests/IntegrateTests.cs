using System.Globalization;
using FastAttractors.Cli.Tests.Support;
using Xunit;

namespace FastAttractors.Cli.Tests;

/// <summary>The files integrate writes hold exactly what Engine.Integrate returns for the same settings.</summary>
public class IntegrateTests
{
    private const int N = 5, Members = 7, Steps = 40;
    private const double G = 1.7, Connectivity = 0.6, Dt = 0.05, X0Std = 0.8;
    private const long Seed = 11;

    private static string[] Flags(string backend, string outDir, params string[] extra) =>
    [
        "integrate", "--model", "tanh-rnn", "--n", $"{N}", "--members", $"{Members}", "--g", Inv(G), "--connectivity", Inv(Connectivity),
        "--dt", Inv(Dt), "--steps", $"{Steps}", "--seed", $"{Seed}", "--x0-std", Inv(X0Std), "--backend", backend, "--out", outDir, .. extra,
    ];

    private static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static EnsembleSolution Direct(Backend backend, int? recordEvery = null)
    {
        using var engine = Engine.Create(backend);
        var nets = TanhRnn.Random(N, G, Connectivity, Members, Seed);
        var x0 = InitialStates.Normal(N, Members, X0Std, Seed);
        var save = recordEvery is { } k ? SaveAt.EveryNthStep(k) : SaveAt.Final;
        return engine.Integrate(new EnsembleProblem(nets, x0, Members), new Rk4(Dt), Steps, save);
    }

    [Theory]
    [InlineData("Reference")]
    [InlineData("Simd")]
    public void Npz_arrays_are_the_engine_results_transposed_to_member_major(string backend)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(Flags(backend, dir.Path));
        Assert.True(result.ExitCode == 0, result.Stderr);

        var arrays = NpyArray.ReadNpz(dir.File("integrate.npz"));
        var expected = Direct(Enum.Parse<Backend>(backend));
        Assert.Equal(["failed_step", "final_states", "status"], NpyArray.ResultArrays(arrays).Order());
        Assert.Equal([Members, N], arrays["final_states"].Shape);
        Assert.Equal([Members], arrays["status"].Shape);
        Assert.Equal([Members], arrays["failed_step"].Shape);
        var final = arrays["final_states"].Doubles();
        for (int m = 0; m < Members; m++)
        {
            for (int i = 0; i < N; i++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Final(m, i)), BitConverter.DoubleToInt64Bits(final[m * N + i]));
        }
        Assert.Equal(expected.Status.Select(s => (int)s), arrays["status"].Int32s());
        Assert.Equal(expected.FailedStep, arrays["failed_step"].Int64s());
        Assert.Contains($"{Members} ok, 0 flagged", result.Stdout);
        Assert.Contains($"on {backend}", result.Stdout);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(10)]
    public void Record_every_k_gives_steps_over_k_plus_one_frames(int k)
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run(Flags("Simd", dir.Path, "--record-every", $"{k}"));
        Assert.True(result.ExitCode == 0, result.Stderr);

        var arrays = NpyArray.ReadNpz(dir.File("integrate.npz"));
        int frames = Steps / k + 1;
        Assert.Equal([frames, Members, N], arrays["trajectory"].Shape);
        Assert.Equal([frames], arrays["times"].Shape);
        var expected = Direct(Backend.Simd, k);
        var trajectory = arrays["trajectory"].Doubles();
        var times = arrays["times"].Doubles();
        for (int f = 0; f < frames; f++)
        {
            Assert.Equal(expected.Times![f], times[f]);
            for (int m = 0; m < Members; m++)
            {
                for (int i = 0; i < N; i++)
                    Assert.Equal(expected.At(f, m, i), trajectory[((long)f * Members + m) * N + i]);
            }
        }
    }

    [Fact]
    public void Spec_file_gives_the_same_results_as_the_same_flags()
    {
        using var dir = new TempDirectory();
        var fromFlags = CliHarness.Run(Flags("Simd", dir.File("flags"), "--record-every", "5"));
        Assert.True(fromFlags.ExitCode == 0, fromFlags.Stderr);
        File.WriteAllText(dir.File("spec.json"), $$"""
            {
              "model": "tanh-rnn", "n": {{N}}, "members": {{Members}}, "g": {{Inv(G)}}, "connectivity": {{Inv(Connectivity)}},
              "dt": {{Inv(Dt)}}, "steps": {{Steps}}, "seed": {{Seed}}, "x0_std": {{Inv(X0Std)}}, "backend": "Simd", "record_every": 5
            }
            """);
        var fromSpec = CliHarness.Run("integrate", "--spec", dir.File("spec.json"), "--out", dir.File("spec"));
        Assert.True(fromSpec.ExitCode == 0, fromSpec.Stderr);

        var a = NpyArray.ReadNpz(dir.File("flags/integrate.npz"));
        var b = NpyArray.ReadNpz(dir.File("spec/integrate.npz"));
        foreach (var name in a.Keys)
            Assert.Equal(a[name].Data, b[name].Data);
        Assert.Equal(File.ReadAllText(dir.File("flags/spec.json")), File.ReadAllText(dir.File("spec/spec.json")));
    }

    [Fact]
    public void Written_spec_json_reruns_to_the_same_results()
    {
        using var dir = new TempDirectory();
        var first = CliHarness.Run("integrate", "--model", "lorenz", "--members", "6", "--dt", "0.01", "--steps", "50", "--precision", "float32",
            "--backend", "Simd", "--out", dir.File("a"));
        Assert.True(first.ExitCode == 0, first.Stderr);
        string written = File.ReadAllText(dir.File("a/spec.json"));
        Assert.Contains("\"backend\": \"Simd\"", written);
        Assert.Contains("\"precision\": \"float32\"", written);

        var again = CliHarness.Run("integrate", "--spec", dir.File("a/spec.json"), "--out", dir.File("b"));
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(NpyArray.ReadNpz(dir.File("a/integrate.npz"))["final_states"].Data, NpyArray.ReadNpz(dir.File("b/integrate.npz"))["final_states"].Data);
    }

    [Fact]
    public void Png_is_written_and_no_temporary_files_are_left()
    {
        using var dir = new TempDirectory();
        // Twice: the second run replaces the first run's files in place.
        for (int run = 0; run < 2; run++)
        {
            var result = CliHarness.Run(Flags("Simd", dir.Path, run == 0 ? ["--record-every", "4"] : []));
            Assert.True(result.ExitCode == 0, result.Stderr);
        }
        var png = File.ReadAllBytes(dir.File("integrate.png"));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(["integrate.npz", "integrate.png", "spec.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order());
        Assert.DoesNotContain("trajectory", NpyArray.ReadNpz(dir.File("integrate.npz")).Keys);
    }

    [Theory]
    [InlineData("henon")]
    [InlineData("tanh-of-linear")]
    [InlineData("relu-rnn")]
    [InlineData("linear")]
    public void Every_model_runs_from_flags(string model)
    {
        using var dir = new TempDirectory();
        string[] extra = model switch
        {
            "henon" => ["--x0-std", "0.1"],
            "tanh-of-linear" => ["--kind", "map", "--n", "6", "--weights", "block-rotation", "--alpha", "1.1", "--theta", "0.4"],
            _ => ["--n", "6", "--dt", "0.02", "--g", "0.5"],
        };
        var result = CliHarness.Run(["integrate", "--model", model, "--members", "9", "--steps", "30", "--backend", "Reference", "--record-every", "3",
            "--out", dir.Path, .. extra]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var arrays = NpyArray.ReadNpz(dir.File("integrate.npz"));
        Assert.Equal(9, arrays["final_states"].Shape[0]);
        Assert.Equal([11, 9, arrays["final_states"].Shape[1]], arrays["trajectory"].Shape);
    }

    [Fact]
    public void No_model_runs_the_embedded_default_spec_with_flag_overrides()
    {
        using var dir = new TempDirectory();
        // The default is a 512-member sweep; shrink it so the test stays fast while still taking the default path.
        var result = CliHarness.Run("integrate", "--members", "16", "--steps", "20", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);

        Assert.Contains("\"model\": \"tanh-rnn\"", result.Stdout);
        Assert.Contains("\"g_end\": 3", result.Stdout);
        var arrays = NpyArray.ReadNpz(dir.File("integrate.npz"));
        Assert.Equal([16, 32], arrays["final_states"].Shape);
        Assert.Equal([3, 16, 32], arrays["trajectory"].Shape); // record_every 10 from the default spec
    }

    [Fact]
    public void Diverging_members_are_flagged_with_their_status_code_and_failed_step()
    {
        using var dir = new TempDirectory();
        var result = CliHarness.Run("integrate", "--model", "henon", "--members", "64", "--steps", "60", "--x0-std", "1.5", "--seed", "3",
            "--backend", "Reference", "--out", dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);

        using var engine = Engine.Create(Backend.Reference);
        var expected = engine.Integrate(new EnsembleProblem(new Henon(), InitialStates.Normal(2, 64, 1.5, 3), 64), MapIteration.Instance, 60);
        var arrays = NpyArray.ReadNpz(dir.File("integrate.npz"));
        int flagged = expected.Status.Count(s => s != MemberStatus.Ok);
        Assert.InRange(flagged, 1, 63); // the seed gives both kinds of member
        Assert.Equal(expected.Status.Select(s => (int)s), arrays["status"].Int32s());
        Assert.Equal(expected.FailedStep, arrays["failed_step"].Int64s());
        Assert.Contains($"{64 - flagged} ok, {flagged} flagged", result.Stdout);
    }
}
