using System.Text.Json;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// native/tests/module_check.py drives every function of the Python module (integrate in float64 and float32,
/// gradient, train, recall, and its error paths) and prints inputs and results as JSON; each result must equal the
/// managed API's on the same inputs bit for bit: the module and the C ABI only move arrays (JSON round-trips doubles
/// exactly, and the inputs are binary fractions, so float32 sees the same values).
/// </summary>
public sealed class PythonModuleTests
{
    private static readonly Lazy<JsonElement> Output = new(RunScript);

    private static JsonElement RunScript()
    {
        _ = NativeBuild.BuildDirectory;
        var run = ChildProcess.Run(PythonExampleTests.Python, ["native/tests/module_check.py"], NativeBuild.RepositoryRoot);
        Assert.True(run.ExitCode == 0, "module_check.py failed (needs python3-numpy): " + run.Describe());
        return JsonDocument.Parse(run.Stdout).RootElement;
    }

    private static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.ValueKind switch
    {
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => x.GetInt32(),
    }).ToArray();

    /// <summary>What an _f32 function hands back: the engine's float32 results, which it reports as doubles, stored as float.</summary>
    private static double[] As(Precision precision, double[] values) =>
        precision == Precision.Float32 ? values.Select(v => (double)(float)v).ToArray() : values;

    private static EnsembleProblem Problem(JsonElement o)
    {
        int n = o.GetProperty("n").GetInt32(), members = o.GetProperty("members").GetInt32();
        var model = new TanhRnn(ParameterBlock.Shared("W", Doubles(o.GetProperty("W"))), ParameterBlock.Shared("b", Doubles(o.GetProperty("b"))),
            ParameterBlock.Shared("tau", [o.GetProperty("tau").GetDouble()]));
        return new EnsembleProblem(model, Doubles(o.GetProperty("x0")), members);
    }

    [Theory]
    [InlineData("f64", Precision.Float64)]
    [InlineData("f32", Precision.Float32)]
    public void IntegrateEqualsTheManagedApi(string suffix, Precision precision)
    {
        var o = Output.Value;
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Integrate(Problem(o), new Rk4(0.05), 20, SaveAt.EveryNthStep(5), new IntegrateOptions { Precision = precision });
        var got = o.GetProperty("integrate_" + suffix);
        Assert.Equal(suffix == "f32" ? "float32" : "float64", got.GetProperty("dtype").GetString());
        Assert.Equal(As(precision, expected.FinalStates), Doubles(got.GetProperty("final")));
        Assert.Equal(As(precision, expected.Trajectory!), Doubles(got.GetProperty("trajectory")));
        Assert.Equal(expected.Status.Select(s => (int)s), Ints(got.GetProperty("status")));
    }

    [Theory]
    [InlineData("f64", Precision.Float64)]
    [InlineData("f32", Precision.Float32)]
    public void LyapunovEqualsTheManagedApi(string suffix, Precision precision)
    {
        var o = Output.Value;
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Lyapunov(Problem(o), new Rk4(0.05),
            new LyapunovOptions { Transient = 1, Duration = 20, Every = 5, Precision = precision });
        var got = o.GetProperty("lyapunov_" + suffix);
        Assert.Equal(expected.Exponents, Doubles(got.GetProperty("exponents")));
        Assert.Equal(expected.StandardErrors, Doubles(got.GetProperty("errors")));
        Assert.Equal(expected.Status.Select(s => (int)s), Ints(got.GetProperty("status")));
    }

    [Theory]
    [InlineData("f64", Precision.Float64)]
    [InlineData("f32", Precision.Float32)]
    public void GradientEqualsTheManagedApi(string suffix, Precision precision)
    {
        var o = Output.Value;
        int n = o.GetProperty("n").GetInt32();
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Gradient(Problem(o), new Rk4(0.05), 20, Loss.Terminal(Enumerable.Repeat(1.0, n).ToArray(), n),
            new GradientOptions { Precision = precision });
        var got = o.GetProperty("gradient_" + suffix);
        Assert.Equal(As(precision, expected.Loss), Doubles(got.GetProperty("loss")));
        Assert.Equal(As(precision, expected.InitialStates), Doubles(got.GetProperty("grad_x0")));
        Assert.Equal(As(precision, expected.Parameter("W").Values), Doubles(got.GetProperty("grad_w")));
        Assert.All(Ints(got.GetProperty("status")), s => Assert.Equal(0, s));
    }

    [Fact]
    public void TrainingAndRecallEqualTheManagedApi()
    {
        var o = Output.Value;
        var patterns = o.GetProperty("patterns").EnumerateArray().Select(x => (sbyte)x.GetInt32()).ToArray();
        using var engine = Engine.Create(Backend.Simd);
        var batch = new SequenceBatch(patterns, networks: 2, length: 5, visible: 8);
        var trained = engine.TrainSequences(batch, new TrainingOptions { Hidden = 24, Kappa = 1, Eta = 1.0 / 16, MaxEpochs = 500, Seed = 3 });
        var got = o.GetProperty("train");
        Assert.Equal(trained.U, Doubles(got.GetProperty("u")));
        Assert.Equal(trained.V, Doubles(got.GetProperty("v")));
        Assert.Equal(trained.Epochs, Ints(got.GetProperty("epochs")));
        Assert.Equal(trained.Converged.Select(c => c ? 1 : 0), Ints(got.GetProperty("converged")));
        Assert.All(trained.Converged, Assert.True); // so the recall below tests stored sequences

        var recall = engine.Recall(trained, new RecallOptions { FlippedBits = 1, Trials = 4, Seed = 5 });
        Assert.Equal(recall.Success.Select(s => s ? 1 : 0), Ints(o.GetProperty("recall")));
    }

    [Fact]
    public void IlgpuKernelsRunInsideTheEmbeddedRuntime()
    {
        var o = Output.Value;
        using var engine = Engine.Create(Backend.IlgpuCpu);
        var expected = engine.Integrate(Problem(o), new Rk4(0.05), 20);
        var got = o.GetProperty("integrate_ilgpu");
        Assert.Equal("ilgpu-cpu", got.GetProperty("backend").GetString());
        Assert.Equal(expected.FinalStates, Doubles(got.GetProperty("final")));
        Assert.Equal(expected.Status.Select(s => (int)s), Ints(got.GetProperty("status")));
    }

    [Theory]
    [InlineData("shape", "ValueError", null, "W: expected shape (3, 3) or (3, 3, 4), got (4, 4)")]
    [InlineData("dtype", "ValueError", null, "x0: expected a real array, got dtype <U")]
    [InlineData("library", "FastAttractorsError", 1, "FA_ERR_INVALID_ARGUMENT: dt must be positive and finite, got -1")]
    [InlineData("k", "FastAttractorsError", 1, "k: must be between 1 and n = 3, got 4")]
    [InlineData("closed", "FastAttractorsError", 2, "FA_ERR_INVALID_CONTEXT: ctx: NULL context")]
    [InlineData("backend", "ValueError", null, "backend: expected one of auto, cuda")]
    [InlineData("patterns_fraction", "ValueError", null, "patterns: values must be -1 or +1, got 1.7 at index")]
    [InlineData("patterns_255", "ValueError", null, "patterns: values must be -1 or +1, got 255 at index")]
    [InlineData("hidden_wraps", "ValueError", null, "hidden: must be between -2147483648 and 2147483647, got 4294967300")]
    [InlineData("hidden_huge", "ValueError", null, "hidden: U and V need networks*hidden*visible = 2*2147483647*8")]
    [InlineData("steps_int64_max", "FastAttractorsError", 1, "FA_ERR_INVALID_ARGUMENT: steps: must be between 1 and 2^53")]
    [InlineData("trajectory_huge", "ValueError", null, "record_every: the trajectory of (steps//record_every + 1)*n*members = 1099511627777*3*4")]
    public void ErrorsRaiseWithTheLibraryMessage(string name, string type, int? code, string message)
    {
        var error = Output.Value.GetProperty("errors").GetProperty(name);
        Assert.Equal(JsonValueKind.Object, error.ValueKind);
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.Equal(code, error.GetProperty("code").ValueKind == JsonValueKind.Null ? null : error.GetProperty("code").GetInt32());
        Assert.Contains(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheContextRunsOnTheBackendAskedFor() => Assert.Equal("simd", Output.Value.GetProperty("backend").GetString());
}
