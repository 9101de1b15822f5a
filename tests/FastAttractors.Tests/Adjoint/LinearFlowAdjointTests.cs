using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>
/// Linear flows dx/dt = A x have a(t) = exp(Aᵀ (T − t)) a(T) exactly; the discrete RK4 adjoint reproduces it
/// to the integrator's accuracy. a(T) = x(T) − y from the terminal loss ½ |x(T) − y|².
/// </summary>
public class LinearFlowAdjointTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    private static double[] Column(double[] soa, int n, int members, int m) => Enumerable.Range(0, n).Select(i => soa[i * members + m]).ToArray();

    /// <summary>
    /// A = G − 1.2 I with G Gaussian (σ 0.4): ‖hA‖ ≲ 0.03 at h = 0.01, so RK4's per-step error (h‖A‖)^5/120 ≈ 2e-10
    /// sums to ≲ 5e-8 of ‖a(0)‖ over 200 steps; tolerance 1e-7 in float64. Float32: 200 steps of a few roundings of
    /// 6e-8 each on a and on x(T): 1e-4.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Adjoint_is_the_transposed_matrix_exponential(Backend backend, Precision precision)
    {
        const int n = 4, members = 3, steps = 200;
        const double dt = 0.01, time = steps * dt;
        var rng = new Random(21);
        var a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                a[i, j] = 0.4 * Normal(rng) - (i == j ? 1.2 : 0);
        var x0 = InitialStates.Normal(n, members, 1.0, 22);
        var target = new[] { -1.0, 0.5, 2.0, -0.3 };
        var problem = new EnsembleProblem(Linear.Shared(a), x0, members);
        var grads = EngineCache.Get(backend).Gradient(problem, new Rk4(dt), steps, Loss.Terminal(target, n),
            new GradientOptions { Precision = precision });

        var forward = MatrixExponential.Exp(MatrixExponential.Scale(a, time));
        var transposed = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                transposed[i, j] = forward[j, i];
        double tolerance = precision == Precision.Float64 ? 1e-7 : 1e-4;
        for (int m = 0; m < members; m++)
        {
            Assert.Equal(GradientStatus.Ok, grads.Status[m]);
            var xT = MatrixExponential.Apply(forward, Column(x0, n, members, m));
            var expected = MatrixExponential.Apply(transposed, xT.Select((x, i) => x - target[i]).ToArray());
            var actual = Column(grads.InitialStates, n, members, m);
            double error = Math.Sqrt(expected.Select((e, i) => (e - actual[i]) * (e - actual[i])).Sum());
            double norm = Math.Sqrt(expected.Sum(e => e * e));
            Assert.True(error <= tolerance * norm, $"member {m}: |a(0) − exp(AᵀT) a(T)| = {error:E2}, |a(0)| = {norm:E2} on {backend}/{precision}");
        }
    }

    /// <summary>
    /// A = −λ I: |a(t)| = e^(−λ (T − t)) |a(T)|, shrinking as the adjoint runs back from T. RK4's factor per step differs
    /// from e^(−λh) by (λh)^5/120 ≈ 8e-13 at λh = 0.01, ≤ 1e-10 over 100 steps: tolerance 1e-9 in float64; float32 norms
    /// of a vector rescaled 100 times with a few roundings of 6e-8 each: 1e-4 (each frame moves 10 % from the next, so
    /// the check still pins the rate). A = 0: RK4 of the zero field is the identity, so |a| is constant exactly up to
    /// the norm's own rounding.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Adjoint_norms_decay_backward_at_the_contraction_rate(Backend backend, Precision precision)
    {
        const int n = 3, members = 2, steps = 100, every = 10;
        const double dt = 0.01, time = steps * dt;
        double tolerance = precision == Precision.Float64 ? 1e-9 : 1e-4;
        foreach (double lambda in new[] { 1.0, 0.0 })
        {
            var a = new double[n, n];
            for (int i = 0; i < n; i++)
                a[i, i] = -lambda;
            var problem = new EnsembleProblem(Linear.Shared(a), InitialStates.Normal(n, members, 1.0, 31), members);
            var grads = EngineCache.Get(backend).Gradient(problem, new Rk4(dt), steps, Loss.Terminal([0.5, -2.0, 1.0], n),
                new GradientOptions { Precision = precision, AdjointNormEvery = every, CheckpointInterval = 7 });
            var norms = grads.AdjointNorms!;
            var times = grads.NormTimes!;
            Assert.Equal(steps / every + 1, times.Length);
            for (int m = 0; m < members; m++)
            {
                double atT = norms[(steps / every) * members + m];
                Assert.True(atT > 0.1, $"member {m}: |a(T)| = {atT}");
                for (int f = 0; f < times.Length; f++)
                {
                    Assert.Equal(f * every * dt, times[f], 12);
                    double expected = Math.Exp(-lambda * (time - times[f])) * atT;
                    double actual = norms[f * members + m];
                    Assert.True(Math.Abs(actual - expected) <= tolerance * expected,
                        $"λ = {lambda}, member {m}, t = {times[f]}: |a| = {actual:R}, expected {expected:R} on {backend}/{precision}");
                }
            }
        }
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
