using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using FastAttractors.Native.Tests.Support;
using Xunit;

namespace FastAttractors.Native.Tests;

/// <summary>
/// The generic exports (fa_integrate_*, fa_lyapunov_*, fa_gradient_*) called in process, as the C shim calls them,
/// for every built-in model in float64 and float32, against the managed API on the same inputs: bit for bit, since
/// both run the same engine on the same backend (Simd) and the exports only move arrays. The inputs are binary
/// fractions, so float32 sees the same values.
/// </summary>
public sealed unsafe partial class ModelExportTests
{
    private const int Members = 4;

    /// <summary>One built-in: its fa_model arrays (null: NULL) and the same model built through the managed API.</summary>
    public sealed record Case(string Name, int Kind, int N, bool Map, double[]? W, double[]? B, double[]? Tau, double[]? Coefficients,
        Func<IEnsembleModel> Managed, double[] X0)
    {
        public override string ToString() => Name;
    }

    /// <summary>k-th of a fixed sequence of sixteenths in [−0.5, 0.5].</summary>
    private static double Sixteenth(int k) => ((k * 37 + 11) % 17 - 8) / 16.0;

    private static double[] Values(int count, int seed, double scale = 1, double shift = 0) =>
        Enumerable.Range(0, count).Select(k => shift + scale * Sixteenth(k + seed)).ToArray();

    private static readonly double[] W3 = Values(9, 0), W3PerMember = Values(9 * Members, 5), B3 = Values(3, 2, 0.5);

    public static TheoryData<Case, int> Cases()
    {
        var tau = Values(Members, 3, 0.5, 1.0);
        var bPerMember = Values(3 * Members, 7, 0.5);
        var lorenz = new double[3 * Members];
        for (int m = 0; m < Members; m++)
        {
            lorenz[m] = 10;
            lorenz[Members + m] = 14 + 2 * m;
            lorenz[2 * Members + m] = 2.5;
        }
        double[] henon = [1.25, 0.25];
        var x3 = Values(3 * Members, 1, 0.5);
        var x2 = Values(2 * Members, 4, 0.25);
        Case[] cases =
        [
            new("TanhRnn", 1, 3, false, W3PerMember, B3, tau, null,
                () => new TanhRnn(ParameterBlock.PerMemberSoa("W", 9, Members, W3PerMember), ParameterBlock.Shared("b", B3),
                    ParameterBlock.PerMemberSoa("tau", 1, Members, tau)), x3),
            new("ReluRnn", 2, 3, false, W3, bPerMember, null, null,
                () => new ReluRnn(ParameterBlock.Shared("W", W3), ParameterBlock.PerMemberSoa("b", 3, Members, bPerMember)), x3),
            new("TanhOfLinear", 3, 3, false, W3PerMember, null, null, null,
                () => new TanhOfLinear(ParameterBlock.PerMemberSoa("W", 9, Members, W3PerMember), DynamicsKind.Flow), x3),
            new("TanhOfLinearMap", 4, 3, true, W3, null, null, null,
                () => new TanhOfLinear(ParameterBlock.Shared("W", W3), DynamicsKind.Map), x3),
            new("Linear", 5, 3, false, W3, B3, null, null,
                () => new Linear(ParameterBlock.Shared("A", W3), ParameterBlock.Shared("b", B3), DynamicsKind.Flow), x3),
            new("LinearMap", 6, 3, true, W3PerMember, B3, null, null,
                () => new Linear(ParameterBlock.PerMemberSoa("A", 9, Members, W3PerMember), ParameterBlock.Shared("b", B3), DynamicsKind.Map), x3),
            new("Lorenz", 7, 3, false, null, null, null, lorenz,
                () => new Lorenz(ParameterBlock.PerMemberSoa("sigma_rho_beta", 3, Members, lorenz)), Values(3 * Members, 1, 1, 1)),
            new("Henon", 8, 2, true, null, null, null, henon, () => new Henon(1.25, 0.25), x2),
            new("Rossler", 9, 3, false, null, null, null, null, () => Rossler.Create(), Values(3 * Members, 1, 1, 1)),
        ];
        var data = new TheoryData<Case, int>();
        foreach (var c in cases)
        {
            data.Add(c, 0);
            data.Add(c, 1);
        }
        return data;
    }

    private static Precision PrecisionOf(int dtype) => dtype == 1 ? Precision.Float32 : Precision.Float64;

    private static ISolver Solver(Case c) => c.Map ? MapIteration.Instance : new Rk4(1.0 / 64);

    private static double Dt(Case c) => c.Map ? 1 : 1.0 / 64;

    /// <summary>What an _f32 export hands back: the engine's float32 results, reported as doubles, stored as float.</summary>
    private static double[] As(int dtype, double[] values) => dtype == 1 ? values.Select(v => (double)(float)v).ToArray() : values;

    private static EnsembleProblem Problem(Case c) => new(c.Managed(), c.X0, Members);

    /// <summary>Calls <paramref name="body"/> with the case's fa_model and x0 pinned, as T (double or float).</summary>
    private static void WithModel<T>(Case c, Action<nint, nint> body) where T : unmanaged
    {
        T[]? Convert(double[]? values) => values?.Select(v => typeof(T) == typeof(float) ? (T)(object)(float)v : (T)(object)v).ToArray();
        var w = Convert(c.W);
        var b = Convert(c.B);
        var tau = Convert(c.Tau);
        var coefficients = Convert(c.Coefficients);
        var x0 = Convert(c.X0)!;
        fixed (T* pw = w, pb = b, ptau = tau, pc = coefficients, px0 = x0)
        {
            var model = new FaModel
            {
                Kind = c.Kind, N = c.N, Members = Members,
                W = pw, WLength = w?.Length ?? 0, B = pb, BLength = b?.Length ?? 0,
                Tau = ptau, TauLength = tau?.Length ?? 0, Coefficients = pc, CoefficientsLength = coefficients?.Length ?? 0,
            };
            body((nint)(&model), (nint)px0);
        }
    }

    private static double[] Read<T>(T[] values) where T : unmanaged =>
        values.Select(v => v is float f ? (double)f : (double)(object)v).ToArray();

    private static void Ok(int code, byte* error) => Assert.True(code == 0, $"status {code}: {ManagedExports.Text(error)}");

    [Theory]
    [MemberData(nameof(Cases))]
    public void IntegrateEqualsTheManagedApi(Case c, int dtype)
    {
        if (dtype == 1)
            Integrate<float>(c, dtype);
        else
            Integrate<double>(c, dtype);
    }

    private static void Integrate<T>(Case c, int dtype) where T : unmanaged
    {
        const long steps = 40;
        const int every = 10;
        var final = new T[c.N * Members];
        var trajectory = new T[(steps / every + 1) * c.N * Members];
        var status = new int[Members];
        var error = new byte[ManagedExports.ErrorCapacity];
        WithModel<T>(c, (model, x0) =>
        {
            fixed (T* pfinal = final, ptrajectory = trajectory)
            fixed (int* pstatus = status)
            fixed (byte* perror = error)
            {
                Ok(ManagedExports.ModelIntegrate(ManagedExports.Context, dtype, (void*)model, (void*)x0, c.X0.Length, 0, Dt(c), steps, every,
                    ptrajectory, trajectory.Length, pfinal, final.Length, pstatus, Members, perror, error.Length), perror);
            }
        });
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Integrate(Problem(c), Solver(c), steps, SaveAt.EveryNthStep(every), new IntegrateOptions { Precision = PrecisionOf(dtype) });
        Assert.Equal(As(dtype, expected.FinalStates), Read(final));
        Assert.Equal(As(dtype, expected.Trajectory!), Read(trajectory));
        Assert.Equal(expected.Status.Select(s => (int)s), status);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LyapunovAndItsDiagnosticsEqualTheManagedApi(Case c, int dtype)
    {
        if (dtype == 1)
            Lyapunov<float>(c, dtype);
        else
            Lyapunov<double>(c, dtype);
    }

    private static void Lyapunov<T>(Case c, int dtype) where T : unmanaged
    {
        double transient = c.Map ? 20 : 1, duration = c.Map ? 200 : 8;
        const int every = 4;
        int k = c.N;
        var exponents = new double[Members * k];
        var errors = new double[Members * k];
        var status = new int[Members];
        var residual = new double[Members];
        var contraction = new double[Members];
        var kaplanYorke = new double[Members];
        var positive = new double[Members];
        var failed = new long[Members];
        var error = new byte[ManagedExports.ErrorCapacity];
        var diagnostics = new FaLyapunovDiagnostics();
        WithModel<T>(c, (model, x0) =>
        {
            fixed (double* pexponents = exponents, perrors = errors, presidual = residual, pcontraction = contraction, pky = kaplanYorke, ppositive = positive)
            fixed (long* pfailed = failed)
            fixed (int* pstatus = status)
            fixed (byte* perror = error)
            {
                diagnostics = new FaLyapunovDiagnostics
                {
                    SumRuleResidual = presidual, SumRuleResidualLength = Members, Contraction = pcontraction, ContractionLength = Members,
                    KaplanYorke = pky, KaplanYorkeLength = Members, PositiveSum = ppositive, PositiveSumLength = Members,
                    FailedStep = pfailed, FailedStepLength = Members,
                };
                var d = diagnostics;
                Ok(ManagedExports.ModelLyapunov(ManagedExports.Context, dtype, (void*)model, (void*)x0, c.X0.Length, 0, Dt(c), transient, duration,
                    every, k, pexponents, exponents.Length, perrors, errors.Length, pstatus, Members, &d, perror, error.Length), perror);
                diagnostics = d;
            }
        });
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Lyapunov(Problem(c), Solver(c), new LyapunovOptions
        {
            Transient = transient, Duration = duration, Every = every, Exponents = k, Precision = PrecisionOf(dtype),
        });
        Assert.Equal(expected.Exponents, exponents);
        Assert.Equal(expected.StandardErrors, errors);
        Assert.Equal(expected.Status.Select(s => (int)s), status);
        Assert.Equal(expected.SumRuleResidual, residual);
        Assert.Equal(expected.Contraction, contraction);
        Assert.Equal(expected.KaplanYorkeDimension, kaplanYorke);
        Assert.Equal(expected.PositiveSum, positive);
        Assert.Equal(expected.FailedStep, failed);
        Assert.Equal((expected.TransientTime, expected.AccumulationTime, expected.Blocks),
            (diagnostics.TransientTime, diagnostics.AccumulationTime, diagnostics.Blocks));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientsEqualTheManagedApi(Case c, int dtype)
    {
        if (dtype == 1)
            Gradient<float>(c, dtype);
        else
            Gradient<double>(c, dtype);
    }

    private static void Gradient<T>(Case c, int dtype) where T : unmanaged
    {
        const long steps = 16;
        int n = c.N;
        var target = Values(n, 9, 0.5);
        T[] targetT = target.Select(v => typeof(T) == typeof(float) ? (T)(object)(float)v : (T)(object)v).ToArray();
        var loss = new T[Members];
        var gradX0 = new T[n * Members];
        // Every slot the model has, per member; the others stay NULL.
        var gradW = c.W is null ? null : new T[n * n * Members];
        var gradB = c.Kind is 1 or 2 or 5 or 6 ? new T[n * Members] : null;
        var gradTau = c.Kind == 1 ? new T[Members] : null;
        var gradCoefficients = c.Kind is 7 or 8 ? new T[(c.Kind == 7 ? 3 : 2) * Members] : null;
        var status = new int[Members];
        var error = new byte[ManagedExports.ErrorCapacity];
        WithModel<T>(c, (model, x0) =>
        {
            fixed (T* ptarget = targetT, ploss = loss, pgx0 = gradX0, pgw = gradW, pgb = gradB, pgtau = gradTau, pgc = gradCoefficients)
            fixed (int* pstatus = status)
            fixed (byte* perror = error)
            {
                var grads = new FaParameterGradients
                {
                    W = pgw, WLength = gradW?.Length ?? 0, B = pgb, BLength = gradB?.Length ?? 0,
                    Tau = pgtau, TauLength = gradTau?.Length ?? 0, Coefficients = pgc, CoefficientsLength = gradCoefficients?.Length ?? 0,
                };
                Ok(ManagedExports.ModelGradient(ManagedExports.Context, dtype, (void*)model, (void*)x0, c.X0.Length, 0, Dt(c), steps,
                    ptarget, n, ploss, Members, pgx0, gradX0.Length, &grads, pstatus, Members, perror, error.Length), perror);
            }
        });
        using var engine = Engine.Create(Backend.Simd);
        var expected = engine.Gradient(Problem(c), Solver(c), steps, Loss.Terminal(As(dtype, target), n), new GradientOptions { Precision = PrecisionOf(dtype) });
        Assert.Equal(As(dtype, expected.Loss), Read(loss));
        Assert.Equal(As(dtype, expected.InitialStates), Read(gradX0));
        var parameters = expected.Parameters.ToDictionary(p => p.Name, p => As(dtype, p.Values));
        if (gradW is not null)
            Assert.Equal(parameters[c.Kind is 5 or 6 ? "A" : "W"], Read(gradW));
        if (gradB is not null)
            Assert.Equal(parameters["b"], Read(gradB));
        if (gradTau is not null)
            Assert.Equal(parameters["tau"], Read(gradTau));
        if (gradCoefficients is not null)
            Assert.Equal(parameters[c.Kind == 7 ? "sigma_rho_beta" : "a_b"], Read(gradCoefficients));
        Assert.Equal(expected.Status.Select(s => (int)s), status);
    }

    [Fact]
    public void TheHeaderDeclaresTheModelKindsMethodsAndStructLayoutsTheExportsRead()
    {
        string header = File.ReadAllText(Path.Combine(NativeBuild.NativeDirectory, "fastattractors.h"));
        var kinds = Enumerator().Matches(header).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["value"].Value));
        var expected = new Dictionary<string, int>
        {
            ["FA_MODEL_TANH_RNN"] = 1, ["FA_MODEL_RELU_RNN"] = 2, ["FA_MODEL_TANH_OF_LINEAR"] = 3, ["FA_MODEL_TANH_OF_LINEAR_MAP"] = 4,
            ["FA_MODEL_LINEAR"] = 5, ["FA_MODEL_LINEAR_MAP"] = 6, ["FA_MODEL_LORENZ"] = 7, ["FA_MODEL_HENON"] = 8, ["FA_MODEL_ROSSLER"] = 9,
            ["FA_METHOD_DEFAULT"] = 0, ["FA_METHOD_RK4"] = 1, ["FA_METHOD_EULER"] = 2, ["FA_METHOD_HEUN"] = 3, ["FA_METHOD_TSIT5"] = 4,
            ["FA_METHOD_ITERATE"] = 5,
        };
        Assert.Equal(expected, kinds);
        // The sizes native/shim/api.c asserts for the C compiler's layout.
        Assert.Equal((80, 64, 104), (Unsafe.SizeOf<FaModel>(), Unsafe.SizeOf<FaParameterGradients>(), Unsafe.SizeOf<FaLyapunovDiagnostics>()));
    }

    [GeneratedRegex(@"(?<name>FA_(?:MODEL|METHOD)_[A-Z0-9_]+) = (?<value>\d+)")]
    private static partial Regex Enumerator();
}
