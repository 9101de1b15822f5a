using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Stability;

/// <summary>Weight-noise ensembles: counter-based determinism, the N(0, σ²/n) statistics and bad input.</summary>
public class WeightNoiseTests
{
    private static double[] MemberWeights(WeightNoiseEnsemble e, int member)
    {
        var w = ((TanhRnn)e.Model).W;
        return Enumerable.Range(0, w.Length).Select(k => w.Get(k, member)).ToArray();
    }

    [Fact]
    public void Noise_of_a_member_does_not_depend_on_the_rest_of_the_grid_or_the_members_per_sigma()
    {
        var ring = RingAttractor.Create(n: 8);
        var small = new WeightNoiseEnsemble(ring, [0.1, 0.2], 2, seed: 5);
        var large = new WeightNoiseEnsemble(ring, [0.1, 0.2, 0.4], 5, seed: 5);
        // (point 1, draw 1) is member 3 of the first and member 6 of the second.
        Assert.Equal(MemberWeights(small, 3), MemberWeights(large, 6));
        Assert.Equal(MemberWeights(small, 0), MemberWeights(large, 0));
        Assert.NotEqual(MemberWeights(small, 0), MemberWeights(small, 1));
        // Another seed gives other noise.
        Assert.NotEqual(MemberWeights(small, 3), MemberWeights(new WeightNoiseEnsemble(ring, [0.1, 0.2], 2, seed: 6), 3));
    }

    [Fact]
    public void Zero_sigma_is_the_base_network_and_common_directions_scale_one_draw()
    {
        var ring = RingAttractor.Create(n: 8);
        var e = new WeightNoiseEnsemble(ring, [0, 0.1, 0.3], 2, seed: 1, NoiseDraws.CommonDirections);
        Assert.Equal(ring.W.Values, MemberWeights(e, 1));
        var w1 = MemberWeights(e, 2 + 1); // σ = 0.1, draw 1
        var w3 = MemberWeights(e, 4 + 1); // σ = 0.3, draw 1
        for (int k = 0; k < w1.Length; k++)
            Assert.Equal(3 * (w1[k] - ring.W.Values[k]), w3[k] - ring.W.Values[k], 12);
        var independent = new WeightNoiseEnsemble(ring, [0, 0.1, 0.3], 2, seed: 1);
        Assert.NotEqual(3 * (MemberWeights(independent, 3)[0] - ring.W.Values[0]), MemberWeights(independent, 5)[0] - ring.W.Values[0], 6);
    }

    [Fact]
    public void Noise_entries_have_mean_zero_and_variance_sigma_squared_over_n()
    {
        const int n = 64;
        const double sigma = 0.5;
        var ring = RingAttractor.Create(n);
        var e = new WeightNoiseEnsemble(ring, [sigma], 8, seed: 3);
        var deltas = Enumerable.Range(0, e.Members).SelectMany(m => MemberWeights(e, m).Select((v, k) => v - ring.W.Values[k])).ToArray();
        double mean = deltas.Average(), variance = deltas.Select(d => (d - mean) * (d - mean)).Average();
        double expected = sigma * sigma / n;
        // 32,768 samples: the mean's SE is √(var/N) ≈ 3.9e-4, the variance's relative SE √(2/N) ≈ 0.8 %; 5 SE each.
        Assert.InRange(mean, -5 * Math.Sqrt(expected / deltas.Length), 5 * Math.Sqrt(expected / deltas.Length));
        Assert.InRange(variance / expected, 1 - 5 * Math.Sqrt(2.0 / deltas.Length), 1 + 5 * Math.Sqrt(2.0 / deltas.Length));
    }

    [Fact]
    public void Spectra_of_a_noisy_ensemble_do_not_depend_on_chunking()
    {
        var system = StabilitySystems.Line;
        var problem = system.Ensemble([0, 0.05], 3, seed: 2).Problem(system.InitialState);
        var options = system.Options with { Transient = 10, Duration = 50 };
        var engine = EngineCache.Get(Backend.Simd);
        var whole = engine.Lyapunov(problem, system.Solver, options);
        var chunked = engine.Lyapunov(problem, system.Solver, options with { ChunkMembers = 2 });
        Assert.Equal(whole.Exponents, chunked.Exponents);
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, system.Solver, options);
        // Simd float64 against the scalar Reference: same arithmetic up to summation order (1e-10 as in LyapunovProperties).
        for (int i = 0; i < whole.Exponents.Length; i++)
            Assert.Equal(reference.Exponents[i], whole.Exponents[i], 1e-10);
    }

    [Fact]
    public void Quantiles_interpolate_between_order_statistics()
    {
        double[] values = [4, 1, 3, 2];
        Assert.Equal(1.75, SigmaStatistics.Quantile(values, 0.25), 12); // numpy.quantile([1,2,3,4], 0.25)
        Assert.Equal(2.5, SigmaStatistics.Quantile(values, 0.5), 12);
        Assert.Equal(4, SigmaStatistics.Quantile(values, 1), 12);
        Assert.True(double.IsNaN(SigmaStatistics.Quantile([], 0.5)));
        Assert.Equal(2, SigmaStatistics.ZeroCount([1e-4, -2e-3, -0.1, 0.5], 5e-3));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_sigma_is_named(double sigma)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new WeightNoiseEnsemble(RingAttractor.Create(8), [0, sigma], 2, 1));
        Assert.Equal("sigmas", e.ParamName);
        Assert.Contains("σ[1]", e.Message);
    }

    [Fact]
    public void Bad_grids_members_and_models_are_named()
    {
        var ring = RingAttractor.Create(8);
        Assert.Equal("sigmas", Assert.ThrowsAny<ArgumentException>(() => new WeightNoiseEnsemble(ring, [], 2, 1)).ParamName);
        Assert.Equal("membersPerSigma", Assert.ThrowsAny<ArgumentException>(() => new WeightNoiseEnsemble(ring, [0.1], 0, 1)).ParamName);
        Assert.Equal("baseModel", Assert.ThrowsAny<ArgumentException>(() => new WeightNoiseEnsemble(new Lorenz(), [0.1], 2, 1)).ParamName);
        var perMember = TanhRnn.Random(4, 1, 1, members: 2, seed: 1);
        Assert.Equal("baseModel", Assert.ThrowsAny<ArgumentException>(() => new WeightNoiseEnsemble(perMember, [0.1], 2, 1)).ParamName);
        var e = new WeightNoiseEnsemble(ring, [0.1], 2, 1);
        Assert.Equal("x0", Assert.ThrowsAny<ArgumentException>(() => e.Problem(new double[7])).ParamName);
        Assert.Equal("sigma", Assert.ThrowsAny<ArgumentException>(() => WeightNoise.Perturbed(new double[4], 2, -1, 1, 0, CounterRandom.Purpose.WeightNoise)).ParamName);
        Assert.Equal("key", Assert.ThrowsAny<ArgumentException>(() => StabilitySystems.Get("torus")).ParamName);
    }
}
