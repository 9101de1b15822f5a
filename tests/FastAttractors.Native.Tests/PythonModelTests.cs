using System.Text.Json;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// native/tests/models_check.py runs every built-in model through the Python package (fastattractors.models with
/// integrate, lyapunov and gradient, float64 and float32, on Simd) and prints the model's arrays in the fa_model
/// layout with the results as JSON; each result must equal the managed API's on the same inputs bit for bit (JSON
/// round-trips doubles exactly; the inputs are binary fractions, exact in float32).
/// </summary>
public sealed class PythonModelTests
{
    private static readonly Lazy<JsonElement> Output = new(RunScript);

    private static JsonElement RunScript()
    {
        _ = NativeBuild.BuildDirectory;
        var run = ChildProcess.Run(PythonExampleTests.Python, ["native/tests/models_check.py"], NativeBuild.RepositoryRoot);
        Assert.True(run.ExitCode == 0, "models_check.py failed (needs python3-numpy): " + run.Describe());
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in new[] { "TanhRnn", "ReluRnn", "TanhOfLinear", "TanhOfLinearMap", "Linear", "LinearMap", "Lorenz", "Henon", "Rossler" })
        {
            data.Add(name, "f64");
            data.Add(name, "f32");
        }
        return data;
    }

    private static JsonElement Case(string name) =>
        Output.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>Numbers, and the strings the script writes for non-finite values ("NaN", "Infinity", "-Infinity").</summary>
    private static double[] Doubles(JsonElement e) => e.EnumerateArray()
        .Select(x => x.ValueKind == JsonValueKind.String ? double.Parse(x.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : x.GetDouble())
        .ToArray();

    private static double[]? Optional(JsonElement c, string name) =>
        c.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Array ? Doubles(e) : null;

    private static int[] Ints(JsonElement e) => Doubles(e).Select(v => checked((int)v)).ToArray();

    private static double[] As(string suffix, double[] values) => suffix == "f32" ? values.Select(v => (double)(float)v).ToArray() : values;

    private static Precision PrecisionOf(string suffix) => suffix == "f32" ? Precision.Float32 : Precision.Float64;

    /// <summary>The managed model the fa_model arrays describe (shared when a block has its per-member length).</summary>
    private static EnsembleProblem Problem(JsonElement c)
    {
        int members = Output.Value.GetProperty("members").GetInt32(), n = c.GetProperty("n").GetInt32();
        ParameterBlock? Block(string name, string key, int length) => Optional(c, key) is { } v
            ? v.Length == length ? ParameterBlock.Shared(name, v) : ParameterBlock.PerMemberSoa(name, length, members, v)
            : null;
        IEnsembleModel model = c.GetProperty("kind").GetInt32() switch
        {
            1 => new TanhRnn(Block("W", "w", n * n)!, Block("b", "b", n), Block("tau", "tau", 1)),
            2 => new ReluRnn(Block("W", "w", n * n)!, Block("b", "b", n)),
            3 => new TanhOfLinear(Block("W", "w", n * n)!, DynamicsKind.Flow),
            4 => new TanhOfLinear(Block("W", "w", n * n)!, DynamicsKind.Map),
            5 => new Linear(Block("A", "w", n * n)!, Block("b", "b", n), DynamicsKind.Flow),
            6 => new Linear(Block("A", "w", n * n)!, Block("b", "b", n), DynamicsKind.Map),
            7 => new Lorenz(Block("sigma_rho_beta", "coefficients", 3)!),
            8 => new Henon(Block("a_b", "coefficients", 2)!),
            9 => Rossler.Create(),
            var kind => throw new ArgumentOutOfRangeException(nameof(c), kind, "unknown kind"),
        };
        return new EnsembleProblem(model, Doubles(c.GetProperty("x0")), members);
    }

    private static ISolver Solver(JsonElement c) => c.GetProperty("map").GetBoolean() ? MapIteration.Instance : new Rk4(1.0 / 64);

    [Theory]
    [MemberData(nameof(Cases))]
    public void IntegrateEqualsTheManagedApi(string name, string suffix)
    {
        var c = Case(name);
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Integrate(Problem(c), Solver(c), 40, SaveAt.EveryNthStep(10), new IntegrateOptions { Precision = PrecisionOf(suffix) });
        var got = c.GetProperty("integrate_" + suffix);
        Assert.Equal(As(suffix, expected.FinalStates), Doubles(got.GetProperty("final")));
        Assert.Equal(As(suffix, expected.Trajectory!), Doubles(got.GetProperty("trajectory")));
        Assert.Equal(expected.Status.Select(s => (int)s), Ints(got.GetProperty("status")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LyapunovAndItsDiagnosticsEqualTheManagedApi(string name, string suffix)
    {
        var c = Case(name);
        var got = c.GetProperty("lyapunov_" + suffix);
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Lyapunov(Problem(c), Solver(c), new LyapunovOptions
        {
            Transient = got.GetProperty("transient").GetDouble(),
            Duration = got.GetProperty("duration").GetDouble(),
            Every = 4,
            Precision = PrecisionOf(suffix),
        });
        Assert.Equal(expected.Exponents, Doubles(got.GetProperty("exponents")));
        Assert.Equal(expected.StandardErrors, Doubles(got.GetProperty("errors")));
        Assert.Equal(expected.Status.Select(s => (int)s), Ints(got.GetProperty("status")));
        Assert.Equal(expected.KaplanYorkeDimension, Doubles(got.GetProperty("kaplan_yorke")));
        Assert.Equal(expected.Contraction, Doubles(got.GetProperty("contraction")));
        Assert.Equal(expected.SumRuleResidual, Doubles(got.GetProperty("sum_rule_residual")));
        Assert.Equal(expected.PositiveSum, Doubles(got.GetProperty("positive_sum")));
        Assert.Equal(expected.AccumulationTime, got.GetProperty("accumulation_time").GetDouble());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientsEqualTheManagedApi(string name, string suffix)
    {
        var c = Case(name);
        var got = c.GetProperty("gradient_" + suffix);
        int n = c.GetProperty("n").GetInt32(), members = Output.Value.GetProperty("members").GetInt32();
        using var engine = Engine.Create(Backend.Simd);
        var target = As(suffix, Doubles(c.GetProperty("target")));
        var expected = engine.Gradient(Problem(c), Solver(c), 16, Loss.Terminal(target, n), new GradientOptions { Precision = PrecisionOf(suffix) });
        Assert.Equal(As(suffix, expected.Loss), Doubles(got.GetProperty("loss")));
        Assert.Equal(As(suffix, expected.InitialStates), Doubles(got.GetProperty("grad_x0")));
        Assert.Equal(expected.Status.Select(s => (int)s), Ints(got.GetProperty("status")));
        // Python's keys: grad_w / grad_a / grad_b / grad_tau, or one grad_<coefficient> row per coefficient.
        var keys = new List<string>();
        foreach (var p in expected.Parameters)
        {
            string[] rows = p.Name switch { "sigma_rho_beta" => ["sigma", "rho", "beta"], "a_b" => ["a", "b"], _ => [] };
            if (rows.Length == 0)
            {
                keys.Add("grad_" + p.Name.ToLowerInvariant());
                Assert.Equal(As(suffix, p.Values), Doubles(got.GetProperty(keys[^1])));
                continue;
            }
            for (int r = 0; r < rows.Length; r++)
            {
                keys.Add("grad_" + rows[r]);
                Assert.Equal(As(suffix, p.Values.AsSpan(r * members, members).ToArray()), Doubles(got.GetProperty(keys[^1])));
            }
        }
        var returned = got.EnumerateObject().Select(p => p.Name).Where(k => k.StartsWith("grad_", StringComparison.Ordinal) && k != "grad_x0");
        Assert.Equal(keys.Order(), returned.Order());
    }
}
