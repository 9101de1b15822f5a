using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Stability;

/// <summary>
/// Issue 10: without noise each base system has its expected zero exponents (ring 1, line 1, PTA m, limit cycle 1),
/// and under weight noise the continuous attractors lose theirs while the PTA and the limit cycle keep theirs.
/// </summary>
public class StabilitySystemsTests
{
    // |λ| below this counts as zero. The systems' nearest non-zero exponents are −0.10 (limit cycle), −0.47 (PTA),
    // −0.59 (ring) and −2 (line) per τ, so any threshold in between separates them; the estimates' own error for a
    // zero exponent is the O(1/T) wobble of a periodic orbit (T = 500–1000 τ: measured ≤ 1e-4), far below it.
    private const double Threshold = 5e-3;

    private static double[] Spectrum(StabilitySystem system, double sigma = 0, int members = 1) =>
        EngineCache.Get(Backend.Simd).Lyapunov(system.Ensemble([sigma], members, seed: 1).Problem(system.InitialState), system.Solver, system.Options).Exponents;

    [Fact]
    public void Ring_attractor_has_one_zero_exponent_and_the_mean_field_amplitude_exponent()
    {
        var les = Spectrum(StabilitySystems.Ring);
        Assert.Equal(1, SigmaStatistics.ZeroCount(les, Threshold));
        // The ring of fixed points is exact to ~1e-10 (RingAttractor): the zero exponent only carries rounding.
        Assert.InRange(les[0], -1e-6, 1e-6);
        // Across the ring: −1 + J₁ ⟨cos² φ sech²(I₀ + B cos φ)⟩ over the 64 grid angles, computed here independently.
        double b = RingAttractor.Amplitude();
        double mean = Enumerable.Range(0, 64).Select(j => 2 * Math.PI * j / 64)
            .Average(p => Math.Cos(p) * Math.Cos(p) / Math.Pow(Math.Cosh(-2 + b * Math.Cos(p)), 2));
        Assert.Equal(-1 + 8 * mean, les[1], 3);
        Assert.InRange(les[2], -1.0001, -0.9999); // outside the cos/sin plane W is 0: J = −I
    }

    [Fact]
    public void Line_attractor_has_one_zero_exponent()
    {
        var les = Spectrum(StabilitySystems.Line);
        Assert.Equal(1, SigmaStatistics.ZeroCount(les, Threshold));
        Assert.Equal(-2, les[1], 3);
    }

    [Fact]
    public void Toroidal_attractor_has_one_zero_exponent_per_block()
    {
        var les = Spectrum(StabilitySystems.Pta);
        Assert.Equal(StabilitySystems.PtaBlocks, SigmaStatistics.ZeroCount(les, Threshold));
        Assert.All(les.Take(3), v => Assert.InRange(v, -1e-3, 1e-3)); // measured |λ| ≤ 1e-4 at T = 1000
        Assert.All(les.Skip(3), v => Assert.True(v < -0.3, $"transverse exponent {v}"));
    }

    [Fact]
    public void Random_limit_cycle_has_lambda1_zero_and_lambda2_negative()
    {
        var les = Spectrum(StabilitySystems.LimitCycle);
        Assert.Equal(1, SigmaStatistics.ZeroCount(les, Threshold));
        Assert.InRange(les[0], -1e-3, 1e-3);
        // The canonical cycle (τ = 10 ms) has λ2 = −10.22 s⁻¹, i.e. −0.1022 per τ at τ = 1.
        Assert.InRange(les[1], -0.11, -0.095);
    }

    [Fact]
    public void Under_weight_noise_the_ring_loses_its_zero_exponent_and_the_torus_keeps_its_three()
    {
        // σ = 0.1: the ring's λ1 was −0.018 … −0.034 per τ over 8 draws (README figure), the PTA kept 3 zeros in 8 of 8.
        var ring = Spectrum(StabilitySystems.Ring, sigma: 0.1, members: 3);
        for (int m = 0; m < 3; m++)
            Assert.True(ring[m * 4] < -Threshold, $"ring member {m}: λ1 = {ring[m * 4]}");
        var pta = Spectrum(StabilitySystems.Pta, sigma: 0.1, members: 3);
        for (int m = 0; m < 3; m++)
            Assert.Equal(3, SigmaStatistics.ZeroCount(pta.AsSpan(m * 6, 6), Threshold));
    }
}
