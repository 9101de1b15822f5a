using System.Globalization;
using System.Text.RegularExpressions;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>native/examples/lyapunov.c compiled as the README says, run, and its exponents compared with Engine.Lyapunov on the same inputs.</summary>
public sealed partial class CExampleTests
{
    private const int N = 10, Members = 4, K = 3;

    [Fact]
    public void LyapunovExampleMatchesTheManagedApi()
    {
        string root = NativeBuild.RepositoryRoot, build = NativeBuild.BuildDirectory;
        using var temp = new TempDirectory();
        string program = temp.File("lyapunov");
        var compile = ChildProcess.Run("cc", ["-I", "native", "-o", program, "native/examples/lyapunov.c",
            "-L", "native/build", "-lfastattractors", "-lm", "-Wl,-rpath," + build], root);
        Assert.True(compile.ExitCode == 0, "compiling the example failed: " + compile.Describe());
        var run = ChildProcess.Run(program, [], root);
        Assert.True(run.ExitCode == 0, run.Describe());

        var lines = run.Stdout.Split('\n').Where(l => l.StartsWith("g = ", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == Members, run.Describe());
        var expected = ManagedSpectra();
        for (int m = 0; m < Members; m++)
        {
            var match = MemberLine().Match(lines[m]);
            Assert.True(match.Success, lines[m]);
            Assert.Equal((int)expected.Status[m], int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture));
            var pairs = Exponent().Matches(match.Groups["rest"].Value);
            Assert.Equal(K, pairs.Count);
            for (int i = 0; i < K; i++)
            {
                // The same Simd code on bit-identical inputs: only printing (16 significant digits) may differ.
                Close.Equal(expected.Exponents[m * K + i], Parse(pairs[i].Groups["value"].Value), 1e-13, 1e-15, $"member {m} exponent {i}");
                // The errors are printed with 2 digits.
                Close.Equal(expected.StandardErrors[m * K + i], Parse(pairs[i].Groups["error"].Value), 0.06, 1e-16, $"member {m} error {i}");
            }
        }
    }

    [Fact]
    public void LorenzExampleOfTheGenericModelFunctionsMatchesTheManagedApi()
    {
        // native/examples/lorenz.c: fa_model with per-member coefficients, fa_lyapunov_f64 and its diagnostics.
        var run = ChildProcess.Run(Path.Combine(NativeBuild.BuildDirectory, "lorenz"), [], NativeBuild.RepositoryRoot,
            new Dictionary<string, string> { ["FASTATTRACTORS_BACKEND"] = "Simd" });
        Assert.True(run.ExitCode == 0, run.Describe());
        double[] rho = [10, 20, 28, 35];
        var rows = rho.Select(r => new[] { 10.0, r, 8.0 / 3.0 }).ToArray();
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Lyapunov(new EnsembleProblem(new Lorenz(ParameterBlock.PerMemberRows("sigma_rho_beta", rows)),
            Enumerable.Repeat(1.0, 3 * rho.Length).ToArray(), rho.Length), new Rk4(0.01),
            new LyapunovOptions { Transient = 20, Duration = 200, Every = 10 });
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rho.Length, lines.Length);
        for (int m = 0; m < rho.Length; m++)
        {
            var numbers = Number().Matches(lines[m].Split("D_KY")[1]).Select(x => Parse(x.Value)).ToArray();
            Assert.Equal(4, numbers.Length);
            Close.Equal(expected.KaplanYorkeDimension[m], numbers[0], 1e-13, 1e-15, $"member {m} D_KY");
            for (int i = 0; i < 3; i++)
                Close.Equal(expected.Exponents[m * 3 + i], numbers[1 + i], 1e-13, 1e-15, $"member {m} exponent {i}");
        }
        // rho = 28: the textbook chaotic Lorenz attractor, lambda1 near 0.906 (a short run: loosely).
        Assert.InRange(expected.Exponents[2 * 3], 0.7, 1.1);
    }

    [GeneratedRegex(@"[+-]?\d\.\d+e[+-]\d+")]
    private static partial Regex Number();

    [Fact]
    public void AMissingManagedAssemblyIsARuntimeErrorWithItsPath()
    {
        // The shim cannot start: every call returns FA_ERR_RUNTIME with the reason; the example reports it and exits 1.
        var run = ChildProcess.Run(Path.Combine(NativeBuild.BuildDirectory, "lyapunov"), [], NativeBuild.RepositoryRoot,
            new Dictionary<string, string> { ["FASTATTRACTORS_MANAGED_DIR"] = "/nonexistent/fa-managed" });
        Assert.True(run.ExitCode == 1, run.Describe());
        Assert.Contains("error: managed assembly not found: /nonexistent/fa-managed/FastAttractors.Native.dll", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The example's inputs rebuilt with its LCG, through the managed API.</summary>
    private static LyapunovSpectra ManagedSpectra()
    {
        var lcg = new Lcg(42);
        double scale = Math.Sqrt(3.0 / N);
        var basis = new double[N * N];
        for (int ij = 0; ij < N * N; ij++)
            basis[ij] = lcg.Uniform() * scale;
        var w = new double[N * N * Members];
        for (int m = 0; m < Members; m++)
        {
            double g = 0.5 + 2.5 * m / (Members - 1);
            for (int ij = 0; ij < N * N; ij++)
                w[ij * Members + m] = g * basis[ij];
        }
        var x0 = new double[N * Members];
        for (int i = 0; i < x0.Length; i++)
            x0[i] = lcg.Uniform();
        using var engine = Engine.Create(Backend.Simd);
        var model = new TanhRnn(ParameterBlock.PerMemberSoa("W", N * N, Members, w));
        return engine.Lyapunov(new EnsembleProblem(model, x0, Members), new Rk4(0.05),
            new LyapunovOptions { Transient = 50, Duration = 500, Every = 10, Exponents = K });
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^g = \S+\s+status (?<status>\d+)\s+(?<rest>.*)$")]
    private static partial Regex MemberLine();

    [GeneratedRegex(@"(?<value>[+-]\d\.\d+e[+-]\d+) \(\+- (?<error>[^)]+)\)")]
    private static partial Regex Exponent();
}
