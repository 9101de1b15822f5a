using FastAttractors.Lyapunov;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>
/// The per-member diagnostics (docs/explanations/qr-method.md): Kaplan–Yorke dimension, positive sum, standard errors and status, on
/// hand-made block sums (exact answers) and on runs (errors shrink like 1/√T; tiny tolerance; divergence).
/// </summary>
public class DiagnosticsTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.AllWithPrecision();

    [Theory]
    [InlineData(new[] { 0.9056, 0.0, -14.5723 }, 3, 2 + 0.9056 / 14.5723)]
    [InlineData(new[] { -0.1, -1.0 }, 2, 0.0)]
    [InlineData(new[] { 1.0, -3.0 }, 2, 1 + 1.0 / 3)]
    [InlineData(new[] { 1.0, 0.5, -0.5 }, 3, 3.0)]
    [InlineData(new[] { 0.5, 0.2, -0.3, -1.0 }, 4, 3 + 0.4 / 1.0)]
    [InlineData(new[] { 0.0, -1.0 }, 2, 1.0)]
    public void Kaplan_yorke_dimension_of_hand_made_spectra(double[] descending, int n, double expected) =>
        Assert.Equal(expected, SpectrumDiagnostics.KaplanYorke(descending, n), 14);

    [Fact]
    public void Kaplan_yorke_is_unknown_for_a_partial_spectrum_with_non_negative_partial_sums()
    {
        Assert.True(double.IsNaN(SpectrumDiagnostics.KaplanYorke([1.0, 0.5], 5)));
        Assert.Equal(1 + 1.0 / 2, SpectrumDiagnostics.KaplanYorke([1.0, -2.0], 5), 14); // known once a partial sum turns negative
    }

    /// <summary>
    /// Block sums written by hand into the accumulators for a 3-exponent, 10-block plan of 0.1 time units per block:
    /// exponents are the sums / T, sorted descending with their errors, errors the block spread / √B, the positive sum
    /// and Kaplan–Yorke follow, and a member whose spread exceeds the tolerance is NotConverged.
    /// </summary>
    [Fact]
    public void Hand_made_block_sums_give_exact_exponents_errors_and_diagnostics()
    {
        var model = new Linear(ParameterBlock.Shared("A", new double[9]));
        var plan = LyapunovPlan.Create(new EnsembleProblem(model, new double[6], 2), new Rk4(0.1),
            new LyapunovOptions { Transient = 0, Duration = 1, Every = 1, Blocks = 10, Tolerance = 0.5 });
        Assert.Equal(10, plan.AccumulateIntervals);
        var acc = new SpectrumAccumulators(plan);
        // Member 0: rates (−2, 0.5 ± 0.3 alternating, 0.25) per block of 0.1: given out of order to test the sort.
        // Member 1: rates (1 ± 2 alternating, −1, −3): the first error is 2/√10 ≈ 0.63 > 0.5.
        for (int b = 0; b < 10; b++)
        {
            double sign = b % 2 == 0 ? 1 : -1;
            double[] m0 = [-2, 0.5 + 0.3 * sign, 0.25];
            double[] m1 = [1 + 2 * sign, -1, -3];
            for (int i = 0; i < 3; i++)
            {
                acc.BlockRow(0, b)[i] = m0[i] * 0.1;
                acc.BlockRow(1, b)[i] = m1[i] * 0.1;
            }
        }
        acc.ContractionIntegral[0] = -1.25 * 1.0 + 0.001; // ⟨tr J⟩ T, off Σλ by 0.001 / T
        var les = SpectrumDiagnostics.Finish(acc, Backend.Reference, Precision.Float64);

        Assert.Equal([0.5, 0.25, -2], les.Spectrum(0).Select(v => Math.Round(v, 12)));
        // Alternating ±0.3 about the mean: sample variance 0.09 · 10/9, error √(0.1 / 10) = 0.1.
        Assert.Equal(0.3 * Math.Sqrt(10.0 / 9) / Math.Sqrt(10), les.Errors(0)[0], 12);
        Assert.Equal(0, les.Errors(0)[1], 12);
        Assert.Equal(0.75, les.PositiveSum[0], 12);
        Assert.Equal(2 + 0.75 / 2, les.KaplanYorkeDimension[0], 12);
        Assert.Equal(-1.25 + 0.001, les.Contraction[0], 12);
        Assert.Equal(-0.001, les.SumRuleResidual[0], 12);
        Assert.Equal(LyapunovStatus.Ok, les.Status[0]);

        Assert.Equal([1, -1, -3], les.Spectrum(1).Select(v => Math.Round(v, 12)));
        Assert.Equal(1, les.PositiveSum[1], 12);
        Assert.Equal(2, les.KaplanYorkeDimension[1], 12); // partial sums 1, 0, −3: j = 2, 2 + 0/3
        Assert.Equal(LyapunovStatus.NotConverged, les.Status[1]);
        Assert.Equal(-1, les.FailedStep[1]);
    }

    /// <summary>
    /// The errors come from <c>SpectrumDiagnostics</c>, shared by all estimators, so two fast backends suffice: the
    /// 8 × 10⁶ Lorenz steps take 36 s on ILGPU's CPU accelerator, whose agreement with Reference the properties check.
    /// </summary>
    public static IEnumerable<object[]> FastBackends() =>
        [[Backend.Reference, Precision.Float64], [Backend.Simd, Precision.Float64], [Backend.Simd, Precision.Float32]];

    /// <summary>
    /// For a chaotic member a block's log-stretch is a diffusive part (variance ∝ block time) plus a bounded boundary
    /// term (the local stretching at the block's ends); once blocks are long enough for the first to dominate, the
    /// error of the mean falls like 1/√T. Lorenz needs long blocks for that (measured, 10 blocks, 3 members: errors of
    /// 0.022–0.030 at T = 250, 0.011–0.016 at 500, 0.0035–0.0052 at 2,000, 0.0014–0.0021 at 8,000: faster than 1/√T
    /// below 200-unit blocks), so T = 2,000 and 8,000: 4× the duration gives 2× smaller errors. With 10 blocks each
    /// error is known to ±1/√(2 · 9) ≈ 24 %, the ratio of two to ±33 %, their geometric mean over 8 members to ±12 %
    /// (3 members gave ±19 %, and one run in ~20 reached 3.6 against a [1.15, 3.5] band): [1.3, 3.1] is ±3.5σ of that
    /// noise around 2, and still excludes both "no shrinking" (1) and 1/T (4).
    /// </summary>
    [Theory]
    [MemberData(nameof(FastBackends))]
    public void Standard_errors_shrink_like_one_over_root_t(Backend backend, Precision precision)
    {
        const int members = 8;
        var problem = new EnsembleProblem(new Lorenz(), InitialStates.Normal(3, members, 5, 3, mean: 1), members);
        LyapunovSpectra Run(double duration) => EngineCache.Get(backend).Lyapunov(problem, new Rk4(0.01),
            new LyapunovOptions { Transient = 20, Duration = duration, Every = 10, Blocks = 10, Precision = precision });
        var shortRun = Run(2000);
        var longRun = Run(8000);
        double logRatio = Enumerable.Range(0, members).Average(m => Math.Log(shortRun.Errors(m)[0] / longRun.Errors(m)[0]));
        Assert.InRange(Math.Exp(logRatio), 1.3, 3.1);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void A_tiny_tolerance_flags_not_converged(Backend backend, Precision precision)
    {
        var problem = new EnsembleProblem(new Lorenz(), [1, 1, 20], 1);
        var options = new LyapunovOptions { Transient = 10, Duration = 100, Every = 10, Precision = precision };
        var strict = EngineCache.Get(backend).Lyapunov(problem, new Rk4(0.01), options with { Tolerance = 1e-9 });
        var loose = EngineCache.Get(backend).Lyapunov(problem, new Rk4(0.01), options with { Tolerance = 10 });
        Assert.Equal(LyapunovStatus.NotConverged, strict.Status[0]);
        Assert.Equal(LyapunovStatus.Ok, loose.Status[0]);
        Assert.Equal(loose.Spectrum(0), strict.Spectrum(0)); // flagged, still reported
    }

    /// <summary>
    /// x ← a x with per-member a: a = 3 overflows (float64 after log(1.8e308 / |x0|) / log 3 ≈ 646 iterations, float32
    /// after ≈ 81) and is Diverged with NaN exponents and its failing step; the stable members are bit-identical to a
    /// run without it (members never share state).
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void A_blowing_up_map_member_is_diverged_and_leaves_the_others_alone(Backend backend, Precision precision)
    {
        double[] gains = [0.5, 3, 0.8];
        var engine = EngineCache.Get(backend);
        var options = new LyapunovOptions { Transient = 10, Duration = 1000, Every = 5, Precision = precision };
        var les = engine.Lyapunov(ScalarMaps(gains), MapIteration.Instance, options);
        var without = engine.Lyapunov(ScalarMaps([0.5, 0.8]), MapIteration.Instance, options);

        Assert.Equal(LyapunovStatus.Diverged, les.Status[1]);
        Assert.True(double.IsNaN(les.Spectrum(1)[0]));
        Assert.True(double.IsNaN(les.KaplanYorkeDimension[1]));
        // The precision the result says it ran in (Reference runs float64 whatever was asked).
        double limit = les.Precision == Precision.Float64 ? double.MaxValue : float.MaxValue;
        long overflow = (long)Math.Ceiling(Math.Log(limit / 1.0) / Math.Log(3)); // |x0| = 1
        Assert.InRange(les.FailedStep[1], overflow - options.Every - 1, overflow + options.Every);
        foreach (var (m, alone) in new[] { (0, 0), (2, 1) })
        {
            Assert.Equal(without.Spectrum(alone), les.Spectrum(m));
            Assert.Equal(without.Status[alone], les.Status[m]);
            Assert.Equal(-1, les.FailedStep[m]);
            Assert.Equal(Math.Log(gains[m]), les.Spectrum(m)[0], 6);
        }
    }

    /// <summary>
    /// dx/dt = 50 x overflows float32 near t = log(3.4e38) / 50 ≈ 1.8 and float64 near t ≈ 14.2, the RK4 stage slopes
    /// 50 · x up to log(50 · 1.1) / 50 ≈ 0.08 earlier; the stable member does not.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void A_blowing_up_flow_member_is_diverged(Backend backend, Precision precision)
    {
        var a = ParameterBlock.PerMemberRows("A", [[50.0], [-1.0]]);
        var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(new Linear(a), [1, 1], 2), new Rk4(0.001),
            new LyapunovOptions { Transient = 1, Duration = 20, Every = 10, Precision = precision });
        Assert.Equal(LyapunovStatus.Diverged, les.Status[0]);
        double limit = les.Precision == Precision.Float64 ? double.MaxValue : float.MaxValue;
        Assert.InRange(les.FailedStep[0] * 0.001, Math.Log(limit) / 50 - 0.1, Math.Log(limit) / 50 + 0.01);
        Assert.Equal(LyapunovStatus.Ok, les.Status[1]);
        // float32: each QR interval's R_11 carries a relative rounding of ~6e-8, i.e. up to 6e-6 per time unit at
        // Every·dt = 0.01 if it were all bias; 4 decimals bound it. float64: 1e-16 per interval, 6 decimals is loose.
        Assert.Equal(-1, les.Spectrum(1)[0], les.Precision == Precision.Float64 ? 6 : 4);
    }

    private static EnsembleProblem ScalarMaps(double[] gains)
    {
        var model = new Linear(ParameterBlock.PerMemberRows("A", gains.Select(g => new[] { g }).ToArray()), kind: DynamicsKind.Map);
        return new EnsembleProblem(model, Enumerable.Repeat(1.0, gains.Length).ToArray(), gains.Length);
    }
}
