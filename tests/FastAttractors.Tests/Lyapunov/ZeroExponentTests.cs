using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>
/// The zero-exponent oracle: every bounded flow that is not at a fixed point has one exponent within 3 standard errors of 0 (the
/// direction along the flow neither grows nor shrinks on average): a chaotic flow, a limit cycle found by seed search,
/// and a rotation block beyond its Hopf threshold.
/// </summary>
public class ZeroExponentTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    /// <summary>
    /// The tangent along a periodic or chaotic orbit is f(x(t)), so its block sums telescope to log ‖f(end)‖ / ‖f(start)‖:
    /// the mean is off 0 by ~ one block's spread / B while the standard error is that spread / √B. The floor 1e-5 only
    /// matters if block edges fall on the same phase of a cycle, and covers float32's averaged 6e-8 per-step rounding.
    /// </summary>
    private static void AssertOneNearZero(LyapunovSpectra les, int member, string what)
    {
        var spectrum = les.Spectrum(member);
        var errors = les.Errors(member);
        int nearest = Enumerable.Range(0, spectrum.Length).MinBy(i => Math.Abs(spectrum[i]) / (errors[i] + 1e-12));
        Assert.True(Math.Abs(spectrum[nearest]) <= 3 * errors[nearest] + 1e-5,
            $"{what}: no exponent within 3 standard errors of 0: ({string.Join(", ", spectrum.Zip(errors, (v, e) => $"{v:F5} ± {e:F5}"))})");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Lorenz(Backend backend, Precision precision)
    {
        var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(new Lorenz(), InitialStates.Normal(3, 2, 5, 1, mean: 1), 2), new Rk4(0.01),
            new LyapunovOptions { Transient = 20, Duration = 500, Every = 10, Blocks = 20, Precision = precision });
        for (int m = 0; m < 2; m++)
        {
            Assert.InRange(les.Spectrum(m)[0], 0.8, 1.0); // chaotic, so the zero is not λ1
            AssertOneNearZero(les, m, $"Lorenz member {m}");
        }
    }

    /// <summary>
    /// Dx/dt = −x + tanh(α R(θ) x) with α cos θ &gt; 1: the origin is an unstable focus (Re eig = −1 + α cos θ &gt; 0), tanh
    /// bounds the orbit, and it settles on a cycle around the origin. The test checks the orbit is not at rest first.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Rotation_block_limit_cycle(Backend backend, Precision precision)
    {
        (double Alpha, double Theta)[] points = [(3.0, Math.PI / 3), (2.0, 0.9), (6.0, 1.3)];
        var problem = FixedPointSpectraTests.RotationProblem(points, DynamicsKind.Flow);
        var les = EngineCache.Get(backend).Lyapunov(problem, new Rk4(0.02),
            new LyapunovOptions { Transient = 50, Duration = 400, Every = 10, Precision = precision });
        var speed = Speeds(problem, new Rk4(0.02), 2500);
        for (int m = 0; m < points.Length; m++)
        {
            Assert.True(points[m].Alpha * Math.Cos(points[m].Theta) > 1);
            Assert.True(speed[m] > 0.05, $"α = {points[m].Alpha}, θ = {points[m].Theta}: ‖f(x)‖ = {speed[m]}, at rest");
            Assert.True(les.Spectrum(m)[1] < -0.05, $"α = {points[m].Alpha}: λ2 = {les.Spectrum(m)[1]} (a cycle attracts)");
            AssertOneNearZero(les, m, $"rotation block α = {points[m].Alpha}, θ = {points[m].Theta}");
        }
    }

    /// <summary>
    /// A TanhRnn limit cycle (docs/results/five-systems.md: draw until the orbit is periodic): among random n = 6, g = 2.2 networks, a member
    /// that is not at rest (‖f‖ &gt; 0.05 after 200 time units) and whose second exponent is clearly negative is on an
    /// attracting periodic orbit (chaos and tori have λ2 ≥ 0), found once on Reference and checked on every backend.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Tanh_rnn_limit_cycle(Backend backend, Precision precision)
    {
        var (problem, member) = LimitCycle.Value;
        var les = EngineCache.Get(backend).Lyapunov(problem, new Rk4(0.05),
            new LyapunovOptions { Transient = 100, Duration = 1000, Every = 10, Exponents = 3, Precision = precision });
        Assert.True(les.Spectrum(0)[1] < -0.02, $"λ2 = {les.Spectrum(0)[1]}: not the attracting cycle found on Reference");
        AssertOneNearZero(les, 0, $"TanhRnn cycle (member {member} of the search)");
    }

    private static readonly Lazy<(EnsembleProblem Problem, int Member)> LimitCycle = new(() =>
    {
        const int n = 6, members = 64;
        var nets = TanhRnn.Random(n, 2.2, 1.0, members, seed: 17);
        var search = new EnsembleProblem(nets, InitialStates.Normal(n, members, 1, 18), members);
        var speed = Speeds(search, new Rk4(0.05), 4000);
        var les = EngineCache.Get(Backend.Reference).Lyapunov(search, new Rk4(0.05),
            new LyapunovOptions { Transient = 100, Duration = 200, Every = 10, Exponents = 2 });
        for (int m = 0; m < members; m++)
        {
            if (speed[m] > 0.05 && les.Spectrum(m)[1] < -0.05 - 5 * les.Errors(m)[1])
            {
                var w = Enumerable.Range(0, n * n).Select(p => nets.W.Get(p, m)).ToArray();
                var x0 = Enumerable.Range(0, n).Select(i => search.InitialStates[i * members + m]).ToArray();
                return (new EnsembleProblem(new TanhRnn(ParameterBlock.Shared("W", w)), x0, 1), m);
            }
        }
        throw new InvalidOperationException("no limit cycle among 64 random TanhRnn members (seed 17): widen the search");
    });

    /// <summary>‖f(x)‖ after <paramref name="steps"/> float64 steps, per member: 0 at a fixed point.</summary>
    private static double[] Speeds(EnsembleProblem problem, Rk4 solver, int steps)
    {
        var engine = EngineCache.Get(Backend.Reference);
        var a = engine.Integrate(problem, solver, steps);
        var b = engine.Integrate(problem, solver, steps + 1);
        return Enumerable.Range(0, problem.Members)
            .Select(m => Math.Sqrt(a.FinalState(m).Zip(b.FinalState(m), (p, q) => (q - p) * (q - p)).Sum()) / solver.Dt).ToArray();
    }
}
