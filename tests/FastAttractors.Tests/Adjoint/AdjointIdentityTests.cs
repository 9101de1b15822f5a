using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>
/// Spec Eq. 7: for the discrete RK4 map, a(s)ᵀ v(s) is the same at every step s when a is the adjoint of one loss and
/// v follows the forward tangent map v(s) = Φ(s, 0) v(0). With ℓ(x) = cᵀ x at T, a(s) = Φ(T, s)ᵀ c is the gradient of
/// the engine restarted from x(s) for the remaining T − s steps, and a(T)ᵀ v(T) = cᵀ v(T).
/// </summary>
public class AdjointIdentityTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    /// <summary>ℓ(x) = cᵀ x: a constant gradient, so the adjoint it seeds is exactly Φᵀ c.</summary>
    private sealed class LinearLoss(double[] c) : ILossFunction
    {
        public double Evaluate(int member, ReadOnlySpan<double> x, Span<double> gradient)
        {
            double value = 0;
            for (int i = 0; i < c.Length; i++)
            {
                value += c[i] * x[i];
                gradient[i] = c[i];
            }
            return value;
        }
    }

    /// <summary>
    /// Tolerance on |a(s)ᵀ v(s) − cᵀ v(T)| relative to Σ_i |a_i v_i| (the scale of the dot product's rounding).
    /// v(s) is a float64 central difference of Engine.Integrate along v(0) with ε = 1e-5: curvature ε² |x'''|/6 ≈ 1e-10
    /// on this weakly chaotic network over T = 3 (λ1 ≲ 0.3), rounding u |x| / ε ≈ 1e-11; so 1e-8 in float64. A
    /// float32 adjoint carries ≈ 60 steps × a few roundings of 6e-8 (≈ 1e-5 worst case): 5e-5.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Adjoint_dot_tangent_is_constant_along_the_trajectory(Backend backend, Precision precision)
    {
        const int n = 6, members = 3, steps = 60, every = 10;
        const double eps = 1e-5;
        var solver = new Rk4(0.05);
        var model = TanhRnn.Random(n, 1.5, 1.0, members, seed: 11, tau: 1.0);
        var x0 = InitialStates.Normal(n, members, 1.0, 12);
        var problem = new EnsembleProblem(model, x0, members);
        var rng = new Random(13);
        var c = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var v0 = Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
        var reference = EngineCache.Get(Backend.Reference);
        var loss = new Loss([new LossTerm(null, new LinearLoss(c))]);
        double tolerance = precision == Precision.Float64 ? 1e-8 : 5e-5;

        double[] State(double[] start, long s) =>
            s == 0 ? start : reference.Integrate(new EnsembleProblem(model, start, members), solver, s).FinalStates;
        double[] Nudged(double delta)
        {
            var x = (double[])x0.Clone();
            for (int i = 0; i < n; i++)
                for (int m = 0; m < members; m++)
                    x[i * members + m] += delta * v0[i];
            return x;
        }
        var plus = Nudged(eps);
        var minus = Nudged(-eps);

        var products = new double[steps / every + 1, members];
        for (int s = steps; s >= 0; s -= every)
        {
            var xs = State(x0, s);
            var (vPlus, vMinus) = (State(plus, s), State(minus, s));
            var a = s == steps
                ? null
                : EngineCache.Get(backend).Gradient(new EnsembleProblem(model, xs, members), solver, steps - s, loss,
                    new GradientOptions { Precision = precision, CheckpointInterval = 4 });
            for (int m = 0; m < members; m++)
            {
                double dot = 0, scale = 0;
                for (int i = 0; i < n; i++)
                {
                    double v = (vPlus[i * members + m] - vMinus[i * members + m]) / (2 * eps);
                    double ai = a is null ? c[i] : a.InitialStates[i * members + m];
                    dot += ai * v;
                    scale += Math.Abs(ai * v);
                }
                products[s / every, m] = dot;
                double atT = products[steps / every, m];
                Assert.True(Math.Abs(dot - atT) <= tolerance * scale,
                    $"member {m}: a(s)ᵀv(s) = {dot:R} at step {s}, cᵀv(T) = {atT:R} (scale {scale:E2}) on {backend}/{precision}");
            }
        }
        // Not trivially constant: a(0) = Φ(T, 0)ᵀ c is far from c, so a and v each change while their product does not.
        var atZero = EngineCache.Get(Backend.Reference).Gradient(problem, solver, steps, loss).InitialStates;
        double change = Enumerable.Range(0, n).Sum(i => Math.Abs(atZero[i * members] - c[i]));
        Assert.True(change > 0.1 * c.Sum(Math.Abs), $"a(0) moved only {change} from c");
    }
}
