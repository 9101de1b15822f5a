using FastAttractors.Lyapunov;
using FastAttractors.Lyapunov.Estimators;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>The GEMM-based estimator for large shared networks against the scalar float64 oracle.</summary>
public class LargeNetworkLyapunovTests
{
    private static LyapunovPlan Plan(int n, int? k, int members, double duration, Precision precision, double g = 3, bool zeroDiagonal = true, long seed = 5)
    {
        var model = TanhRnn.Random(n, g, 1.0, null, seed, tau: 1.5, zeroDiagonal: zeroDiagonal);
        var problem = new EnsembleProblem(model, InitialStates.Normal(n, members, 1.0, seed + 1), members);
        return LyapunovPlan.Create(problem, new Rk4(0.1),
            new LyapunovOptions { Transient = 2, Duration = duration, Every = 5, Exponents = k, Precision = precision });
    }

    [Theory]
    [InlineData(40, 1, 1)]
    [InlineData(40, 40, 2)]
    [InlineData(67, 9, 1)]
    [InlineData(130, 33, 1)]
    public void Float64_matches_the_reference(int n, int k, int members)
    {
        var plan = Plan(n, k, members, duration: 10, Precision.Float64);
        var reference = new ReferenceLyapunov().Estimate(plan);
        using var large = new LargeNetworkLyapunov();
        var les = large.Estimate(plan);
        // Both integrate the same RK4 map in float64 and differ only in summation order (GEMM blocking vs scalar
        // loops, CGS2 vs Householder): ~1e-16 per step, grown by at most e^{λ₁ t} over 12 time units (λ₁ < 1 at
        // g = 3, τ = 1.5). Measured ≤ 6.4e-16; 1e-12 allows the growth while a wrong stage or scale misses by > 1e-3.
        Compare.Close(les.Exponents, reference.Exponents, 1e-12, $"n = {n}, k = {k}");
        Compare.Close(les.StandardErrors, reference.StandardErrors, 1e-12, $"standard errors, n = {n}, k = {k}");
        Assert.Equal(Precision.Float64, les.Precision);
    }

    [Theory]
    [InlineData(40, 40)]
    [InlineData(130, 20)]
    public void Float32_matches_the_reference_loosely(int n, int k)
    {
        var plan = Plan(n, k, 1, duration: 10, Precision.Float32);
        var reference = new ReferenceLyapunov().Estimate(plan);
        using var large = new LargeNetworkLyapunov();
        var les = large.Estimate(plan);
        // Float32 rounding (6e-8 per operation) in the state, the tangents and each log |R_ii|, averaged over 100
        // intervals: measured ≤ 7.4e-7. 2e-5 leaves room for the e^{λ₁ t} growth on other seeds and compilers.
        Compare.Close(les.Exponents, reference.Exponents, 2e-5, $"float32, n = {n}, k = {k}");
        Assert.Equal(Precision.Float32, les.Precision);
    }

    [Fact]
    public void Full_spectrum_obeys_the_sum_rule()
    {
        // Zero diagonal: tr J = −n/τ at every point, so Σλ = −n/τ for the flow. The k = n sum of log |R_ii| is the
        // log det of the RK4 tangent map, which differs from dt · tr J by O(dt⁵ ‖J‖⁵) per step: measured 2.4e-7
        // relative at dt = 0.1, g = 4; a lost or doubled direction would miss by O(1/n) = 1e-2.
        int n = 96;
        var plan = Plan(n, null, 1, duration: 20, Precision.Float64, g: 4);
        using var large = new LargeNetworkLyapunov();
        var les = large.Estimate(plan);
        double sum = les.Spectrum(0).Sum();
        Assert.True(Math.Abs(sum - (-n / 1.5)) <= 1e-6 * n / 1.5, $"Σλ = {sum}, −n/τ = {-n / 1.5}");
        Assert.InRange(Math.Abs(les.SumRuleResidual[0]), 0, 1e-6 * n / 1.5);
        Assert.Equal(-n / 1.5, les.Contraction[0], 1e-9);
    }

    [Fact]
    public void Supports_only_few_large_shared_TanhRnn_flows()
    {
        Assert.True(LargeNetworkLyapunov.Supports(Plan(128, 8, 1, 10, Precision.Float32)));
        Assert.False(LargeNetworkLyapunov.Supports(Plan(64, 8, 1, 10, Precision.Float32)));
        Assert.False(LargeNetworkLyapunov.Supports(Plan(128, 8, 5, 10, Precision.Float32)));
        var perMember = new EnsembleProblem(TanhRnn.Random(128, 2, 1, 2, 1), InitialStates.Normal(128, 2, 1, 1), 2);
        var plan = LyapunovPlan.Create(perMember, new Rk4(0.1), new LyapunovOptions { Duration = 10, Exponents = 4 });
        Assert.False(LargeNetworkLyapunov.Supports(plan));
        using var large = new LargeNetworkLyapunov();
        var e = Assert.Throws<ArgumentException>(() => large.Estimate(plan));
        Assert.Contains("per-member", e.Message);
    }
}
