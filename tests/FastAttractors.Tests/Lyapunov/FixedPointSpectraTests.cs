using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>
/// The oracle "fixed points: exponents = Re eig(J(x*))" and the closed forms of the rotation blocks, with the
/// eigenvalues computed in the test, not by the engine.
/// </summary>
public class FixedPointSpectraTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    /// <summary>
    /// A TanhRnn with symmetric W, ‖W‖ &lt; 1 and a bias has one stable fixed point x* = W tanh(x*) + b away from 0.
    /// J(x*) = (−I + W D)/τ with D = diag(1 − tanh² x*) is similar to (−I + D^½ W D^½)/τ, symmetric: real
    /// eigenvalues by Jacobi. Tolerance 1e-3: J is non-normal through D^½ only (κ(D^½) ≤ 1.3 here), so after the
    /// transient aligns the frame with J's Schur vectors the finite-time bias is ≲ log κ / T ≈ 5e-4 at T = 500; RK4
    /// adds (dt |λ|)⁴/120 ≈ 1e-8 relative and float32 rounding 6e-8 per step, averaged.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Stable_tanh_rnn_fixed_point_has_the_eigenvalues_of_its_jacobian(Backend backend, Precision precision)
    {
        const int n = 6;
        foreach (var (seed, tau) in new[] { (1, 1.0), (2, 2.0) })
        {
            var rng = new System.Random(seed);
            var w = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j <= i; j++)
                    w[i * n + j] = w[j * n + i] = 0.35 / Math.Sqrt(n) * Normal(rng);
            }
            var b = Enumerable.Range(0, n).Select(_ => 0.3 * Normal(rng)).ToArray();
            var xStar = FixedPoint(w, b, n);
            var d = xStar.Select(x => 1 - Math.Tanh(x) * Math.Tanh(x)).ToArray();
            var s = new double[n * n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    s[i * n + j] = Math.Sqrt(d[i]) * w[i * n + j] * Math.Sqrt(d[j]);
            var expected = SymmetricEigen.Values(s, n).Select(mu => (-1 + mu) / tau).ToArray();
            Assert.True(expected[0] < -0.1, $"seed {seed}: the fixed point must be clearly stable, top eigenvalue {expected[0]}");
            Assert.True(d.Max() / d.Min() < 1.7, $"seed {seed}: κ(D) = {d.Max() / d.Min()} larger than the bias bound assumes");

            var model = new TanhRnn(ParameterBlock.Shared("W", w), ParameterBlock.Shared("b", b), ParameterBlock.Shared("tau", [tau]));
            var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(model, InitialStates.Normal(n, 2, 1, seed), 2), new Rk4(0.05),
                new LyapunovOptions { Transient = 100, Duration = 500, Every = 10, Precision = precision });
            for (int m = 0; m < 2; m++)
            {
                Compare.Close(les.Spectrum(m), expected, 1e-3, $"seed {seed}, member {m}");
                Assert.Equal(LyapunovStatus.Ok, les.Status[m]);
                Assert.Equal(0, les.KaplanYorkeDimension[m]);
                Assert.Equal(0, les.PositiveSum[m]);
            }
        }
    }

    /// <summary>
    /// docs/results/five-systems.md: ReLU networks at fixed points, J = −I + diag(H(Wx + b)) W. Two fixed points: one unit of the ±1 pair on,
    /// J's block [[−0.65, −1], [0, −1]] gives −0.65 and −1, the other four units −1 + w_ii. Line attractor: both units
    /// on along x1 + x2 = 1, block −I + [[0, −1], [−1, 0]] with eigenvalues 0 and −2, the rest −1 − 2 = −3 — exactly 0
    /// in the RK4 map too (J v = 0 for v = (1, −1)/√2). Tolerance 1e-3 as above (the first block is non-normal) except
    /// inside the cluster of near-equal rates (below).
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Relu_fixed_points_and_line_attractor_of_spec_section_6(Backend backend, Precision precision)
    {
        var two = Block(0.35, -1, -1, 0.35, [-0.01, -0.02, -0.03, -0.01]);
        var line = Block(0, -1, -1, 0, [-2, -2, -2, -2]);
        var b = Enumerable.Repeat(1.0, 6).ToArray();
        var options = new LyapunovOptions { Transient = 100, Duration = 500, Every = 10, Precision = precision };
        var engine = EngineCache.Get(backend);
        var lesTwo = engine.Lyapunov(new EnsembleProblem(ReluRnn.Shared(two, b), InitialStates.Normal(6, 3, 0.5, 9, mean: 0.5), 3),
            new Rk4(0.05), options);
        // Near (0.5, 0.5) both units of the pair stay on and x1 − x2 is conserved: the orbit lands inside the segment,
        // not at an end where a unit's input is exactly 0 (H(0) = 0 would change J).
        var lesLine = engine.Lyapunov(new EnsembleProblem(ReluRnn.Shared(line, b), InitialStates.Normal(6, 3, 0.1, 9, mean: 0.5), 3),
            new Rk4(0.05), options);
        for (int m = 0; m < 3; m++)
        {
            var spectrum = lesTwo.Spectrum(m);
            string what = $"two fixed points, member {m}: ({string.Join(", ", spectrum.Select(v => v.ToString("F5")))})";
            Assert.True(Math.Abs(spectrum[0] + 0.65) <= 1e-3, what);
            // −1, −1.01, −1.01, −1.02, −1.03 are 0.01 apart: the frame needs ~1/0.01 = 100 time units to sort them, as
            // long as the run, so each converges like 1/(gap T); their sum does not depend on that ordering.
            Assert.True(Math.Abs(spectrum[1..].Sum() + 5.07) <= 1e-3, what);
            Assert.All(spectrum[1..], v => Assert.InRange(v, -1.03 - 5e-3, -1 + 5e-3));
            Compare.Close(lesLine.Spectrum(m), [0, -2, -3, -3, -3, -3], 1e-3, $"line attractor, member {m}");
        }
    }

    /// <summary>
    /// Flow dx/dt = −x + tanh(α R(θ) x) with α cos θ &lt; 1: x → 0 where J = −I + α R(θ) is normal with eigenvalues
    /// −1 + α cos θ ± i α sin θ, so λ1 = λ2 = −1 + α cos θ exactly. Tolerance 1e-5: once x is at the origin
    /// (e^(−0.3 · 100) after the transient) only RK4's |R(dt μ)| vs e^(dt Re μ) remains, (dt |μ|)⁴ |μ| / 120 ≈ 7e-7
    /// per unit time at dt = 0.01, |μ| ≤ 6, and float32's 6e-8 per-step rounding of the frame, averaged.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Rotation_block_flow_below_the_cycle_threshold(Backend backend, Precision precision)
    {
        (double Alpha, double Theta)[] points = [(0.5, 0.3), (1.2, 1.2), (2.0, 2.0), (5.0, 1.9), (1.4, 1.1)];
        var les = EngineCache.Get(backend).Lyapunov(RotationProblem(points, DynamicsKind.Flow), new Rk4(0.01),
            new LyapunovOptions { Transient = 100, Duration = 200, Every = 10, Precision = precision });
        for (int m = 0; m < points.Length; m++)
        {
            var (alpha, theta) = points[m];
            Assert.True(alpha * Math.Cos(theta) < 0.71);
            double expected = -1 + alpha * Math.Cos(theta);
            Compare.Close(les.Spectrum(m), [expected, expected], 1e-5, $"flow α = {alpha}, θ = {theta}");
        }
    }

    /// <summary>
    /// Map x ← tanh(α R(θ) x) with α &lt; 1: x → 0 and J = α R(θ), so λ1 = λ2 = log α per iteration exactly. Tolerance
    /// 1e-6: no discretisation error; float32 stores α cos θ, α sin θ to 6e-8 relative and rounds the frame by 6e-8
    /// per iteration.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Rotation_block_map_below_one(Backend backend, Precision precision)
    {
        (double Alpha, double Theta)[] points = [(0.3, 0.4), (0.6, 2.5), (0.9, 1.0), (0.75, 3.0)];
        var les = EngineCache.Get(backend).Lyapunov(RotationProblem(points, DynamicsKind.Map), MapIteration.Instance,
            new LyapunovOptions { Transient = 500, Duration = 2000, Every = 5, Precision = precision });
        for (int m = 0; m < points.Length; m++)
        {
            double expected = Math.Log(points[m].Alpha);
            Compare.Close(les.Spectrum(m), [expected, expected], 1e-6, $"map α = {points[m].Alpha}, θ = {points[m].Theta}");
        }
    }

    internal static EnsembleProblem RotationProblem((double Alpha, double Theta)[] points, DynamicsKind kind)
    {
        var rows = points.Select(p => new[]
        {
            p.Alpha * Math.Cos(p.Theta), -p.Alpha * Math.Sin(p.Theta),
            p.Alpha * Math.Sin(p.Theta), p.Alpha * Math.Cos(p.Theta),
        }).ToArray();
        var model = new TanhOfLinear(ParameterBlock.PerMemberRows("W", rows), kind);
        return new EnsembleProblem(model, InitialStates.Normal(2, points.Length, 0.8, 3), points.Length);
    }

    private static double[,] Block(double a, double b, double c, double d, double[] diagonal)
    {
        int n = 2 + diagonal.Length;
        var w = new double[n, n];
        (w[0, 0], w[0, 1], w[1, 0], w[1, 1]) = (a, b, c, d);
        for (int i = 0; i < diagonal.Length; i++)
            w[2 + i, 2 + i] = diagonal[i];
        return w;
    }

    /// <summary>x* by the iteration x ← W tanh(x) + b, a contraction here (‖W‖ ≤ 0.35 · 2 · max tanh' &lt; 1).</summary>
    private static double[] FixedPoint(double[] w, double[] b, int n)
    {
        var x = new double[n];
        var next = new double[n];
        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            for (int i = 0; i < n; i++)
            {
                double sum = b[i];
                for (int j = 0; j < n; j++)
                    sum += w[i * n + j] * Math.Tanh(x[j]);
                next[i] = sum;
            }
            (x, next) = (next, x);
        }
        for (int i = 0; i < n; i++)
        {
            double residual = b[i] - x[i];
            for (int j = 0; j < n; j++)
                residual += w[i * n + j] * Math.Tanh(x[j]);
            Assert.True(Math.Abs(residual) < 1e-13, $"fixed point residual {residual}");
        }
        return x;
    }

    private static double Normal(System.Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
