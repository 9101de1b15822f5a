using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>The sum-rule oracle: Σλ = ⟨tr J⟩ on random TanhRnn members (full spectrum), and ⟨tr J⟩ = −n/τ for a zero diagonal.</summary>
public class SumRuleTests
{
    public static IEnumerable<object[]> Float64Backends() => BackendCases.Float64();

    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    /// <summary>
    /// Σ log |R_ii| over the accumulation is log |det| of the product of the RK4 tangent maps whatever the frame
    /// (|det Q| = 1), and ⟨tr J⟩ is the same RK4 quadrature of Liouville's ∫ tr J dt; both are the exact log-volume
    /// growth to O(dt⁴) per unit time. With dt = 0.01 and ‖J‖ ≤ (1 + g√n)/τ ≈ 10, (dt ‖J‖)⁴/120 ≈ 1e-8 per unit time
    /// against |⟨tr J⟩| ≥ n/(2τ): the oracle's 1e-6 relative holds with margin; rounding is 1e-16 per operation.
    /// </summary>
    [Theory]
    [MemberData(nameof(Float64Backends))]
    public void Sum_of_exponents_is_the_mean_trace_on_random_tanh_rnns(Backend backend)
    {
        foreach (var (n, g, seed) in new[] { (3, 0.8, 11L), (5, 1.8, 12L), (8, 2.5, 13L) })
        {
            const int members = 4;
            var w = Weights.SparseGaussian(n, g, 0.7, members, seed);
            var b = ParameterBlock.PerMemberRows("b", Enumerable.Range(0, members).Select(m => Enumerable.Range(0, n).Select(i => 0.2 * Math.Sin(i + m)).ToArray()).ToArray());
            var model = new TanhRnn(w, b, ParameterBlock.Shared("tau", [0.5 + seed % 3]));
            var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(model, InitialStates.Normal(n, members, 1, seed), members), new Rk4(0.01),
                new LyapunovOptions { Transient = 10, Duration = 50, Every = 5 });
            for (int m = 0; m < members; m++)
            {
                double sum = les.Spectrum(m).Sum();
                Assert.True(double.IsFinite(les.Contraction[m]), $"n = {n}, member {m}: contraction {les.Contraction[m]}");
                Assert.True(Math.Abs(sum - les.Contraction[m]) <= 1e-6 * Math.Abs(les.Contraction[m]),
                    $"n = {n}, g = {g}, member {m}: Σλ = {sum} vs ⟨tr J⟩ = {les.Contraction[m]}");
                Assert.Equal(sum - les.Contraction[m], les.SumRuleResidual[m], 1e-12);
            }
        }
    }

    /// <summary>
    /// tr J = Σ_i (W_ii (1 − tanh² x_i) − 1)/τ = −n/τ at every point when W_ii = 0, so the average is −n/τ up to the
    /// rounding of summing a constant: 1e-12 relative in float64. float32 backends may form 1/τ in float32 (6e-8
    /// relative) before summing in float64: 1e-6. The exponents must add up to it (the test above, here in float32
    /// too): 1e-3 relative covers a float32 frame's 6e-8 rounding per step over 2,000 steps of n columns.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Zero_diagonal_contraction_is_minus_n_over_tau(Backend backend, Precision precision)
    {
        const int n = 7, members = 3;
        const double tau = 0.7;
        var model = TanhRnn.Random(n, 2.0, 1.0, members, seed: 5, tau: tau, zeroDiagonal: true);
        var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(model, InitialStates.Normal(n, members, 1, 6), members), new Rk4(0.02),
            new LyapunovOptions { Transient = 5, Duration = 40, Every = 10, Precision = precision });
        double expected = -n / tau;
        double tolerance = precision == Precision.Float64 ? 1e-12 : 1e-6;
        for (int m = 0; m < members; m++)
        {
            Assert.True(Math.Abs(les.Contraction[m] - expected) <= tolerance * Math.Abs(expected), $"member {m}: {les.Contraction[m]} vs {expected}");
            Assert.True(Math.Abs(les.Spectrum(m).Sum() - expected) <= 1e-3 * Math.Abs(expected), $"member {m}: Σλ = {les.Spectrum(m).Sum()} vs {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Float64Backends))]
    public void Sum_rule_is_not_reported_for_a_partial_spectrum(Backend backend)
    {
        var model = TanhRnn.Random(4, 1.5, 1.0, 2, seed: 1);
        var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(model, InitialStates.Normal(4, 2, 1, 2), 2), new Rk4(0.05),
            new LyapunovOptions { Transient = 5, Duration = 20, Exponents = 2 });
        Assert.All(les.Contraction, c => Assert.True(double.IsNaN(c)));
        Assert.All(les.SumRuleResidual, c => Assert.True(double.IsNaN(c)));
    }
}
