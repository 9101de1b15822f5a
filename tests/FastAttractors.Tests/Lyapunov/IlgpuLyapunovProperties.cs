using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>
/// The ILGPU estimator (on the CPU accelerator: the same kernels as Cuda and OpenCL) against the Reference estimator
/// over random built-in models, shapes, k, QR intervals and seeds. Errors are |a − b| / (1 + |b|) per exponent (plus
/// the frame's conditioning allowance, <see cref="CloseExponents"/>) and, for k = n, the contraction.
/// </summary>
public class IlgpuLyapunovProperties
{
    public static class Arbs
    {
        // The CPU accelerator emulates warps with threads: small ensembles keep the suite fast.
        public static Arbitrary<ShortLyapunovCase> Cases() => LyapunovGenerators.Cases(maxN: 16, maxMembers: 24);
    }

    public static class ShortMapArbs
    {
        public static Arbitrary<ShortLyapunovCase> Cases() => LyapunovGenerators.Cases(maxN: 16, maxMembers: 24, shortMaps: true);
    }

    /// <summary>
    /// float64, 1e-10 (worst of 300 sampled cases: 1.3e-13): both sides round at 1e-16 per operation, f and J v in
    /// the same order; what differs is the QR (MGS2 vs Householder, both orthonormal to ~n·1e-16) and summation order,
    /// whose effect the frame's conditioning can amplify for the smallest exponents (<see cref="CloseExponents"/>). Over ≤ 48 flow steps or ≤ 28 map iterations the trajectories
    /// separate by ≲ 1e-16 · e^(λ t) ≤ 1e-11 relative (Hénon's worst case), and the exponents divide log |R_ii|
    /// differences by T ≥ 10 intervals.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void IlgpuCpu_float64_matches_reference(ShortLyapunovCase c) => Check(c, Precision.Float64, 1e-10);

    [Property(Arbitrary = [typeof(ShortMapArbs)], MaxTest = 40)]
    public void IlgpuCpu_float32_matches_reference(ShortLyapunovCase c) => Check(c, Precision.Float32, Float32Tolerance(c));

    /// <summary>The Simd estimator under the same bounds: the same arithmetic per lane, MGS2 in the tile's precision.</summary>
    [Property(Arbitrary = [typeof(Arbs)], MaxTest = 40)]
    public void Simd_float64_matches_reference(ShortLyapunovCase c) => Check(c, Precision.Float64, 1e-10, Backend.Simd);

    [Property(Arbitrary = [typeof(ShortMapArbs)], MaxTest = 40)]
    public void Simd_float32_matches_reference(ShortLyapunovCase c) => Check(c, Precision.Float32, Float32Tolerance(c), Backend.Simd);

    /// <summary>
    /// float32 rounds at 6e-8. Flows, 5e-4 (worst of 300 sampled: 1.2e-5): a length-16 dot product loses ≲ 16 ulps
    /// (1e-6) per stage in x and in each tangent column; log R_ii inherits ≲ 1e-5 per interval over ≤ 48 steps, divided
    /// by T ≥ 10 intervals of ≥ 0.005 time units. Maps, 5e-3 (worst sampled: 3.9e-4, tanh maps), run for exactly 10
    /// iterations (chaos amplifies by ≤ e^(0.6·10) ≈ 400): sech² = 1 − tanh² of a saturated unit (|W x| ≈ 5, sech² ≈ 2e-4)
    /// keeps only ε/sech² ≈ 3e-4 of relative precision in float32, and that row's log R carries it.
    /// </summary>
    private static double Float32Tolerance(ShortLyapunovCase c) => c.Ensemble.Solver is MapIteration ? 5e-3 : 5e-4;

    /// <summary>
    /// Each exponent within <paramref name="tolerance"/> · (1 + |λ_i|), plus what the frame's conditioning allows. The
    /// QR recovers R_ii, the part of column i orthogonal to columns 1 … i − 1, from columns up to e^((λ1 − λi) τ) times
    /// longer (τ the time between QRs), so every interval's log R_ii carries a relative rounding error of about
    /// n · ε · e^((λ1 − λi) τ) whichever QR computes it (Householder on Reference, MGS twice on Simd and ILGPU), and
    /// the exponent that error over τ. It is negligible on the usual frames (spread 1, τ = 0.04: 2·10⁻¹³) and dominant
    /// for a saturated tanh map with k = n: a random case with λ16 = −7.3 against λ1 = −0.07 and τ = 2 iterations
    /// (e^14.5 = 2·10⁶) had Reference, Simd and IlgpuCpu apart by 1.2–1.5·10⁻⁹ in λ16 alone, all other exponents within
    /// 5·10⁻¹⁵. The bound below takes 4 n ε e^((λ1 − λi) τ) / τ: 7·10⁻⁹ there.
    /// </summary>
    private static void CloseExponents(double[] actual, double[] expected, double tolerance, ShortLyapunovCase c, Precision precision, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double epsilon = precision == Precision.Float64 ? Math.Pow(2, -52) : Math.Pow(2, -23);
        double largest = expected.Max();
        double tau = c.Interval;
        for (int i = 0; i < expected.Length; i++)
        {
            double conditioning = 4 * c.Ensemble.Dimension * epsilon * Math.Exp((largest - expected[i]) * tau) / tau;
            double bound = tolerance * (1 + Math.Abs(expected[i])) + conditioning;
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(error <= bound, $"{what}: exponent {i} off by {error:E3} > {bound:E3} ({actual[i]:R} vs {expected[i]:R})");
        }
    }

    private static void Check(ShortLyapunovCase c, Precision precision, double tolerance, Backend backend = Backend.IlgpuCpu)
    {
        var problem = c.Ensemble.Problem();
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, c.Ensemble.Solver, c.Options(Precision.Float64));
        var actual = EngineCache.Get(backend).Lyapunov(problem, c.Ensemble.Solver, c.Options(precision));
        if (precision == Precision.Float64)
        {
            Assert.Equal(reference.Status, actual.Status);
            Assert.Equal(reference.FailedStep, actual.FailedStep);
        }
        for (int m = 0; m < problem.Members; m++)
        {
            if (reference.Status[m] == LyapunovStatus.Diverged || actual.Status[m] == LyapunovStatus.Diverged)
                continue;
            CloseExponents(actual.Spectrum(m), reference.Spectrum(m), tolerance, c, precision, $"{c} {precision}: exponents of member {m}");
            if (c.K == c.Ensemble.Dimension)
                Compare.Close([actual.Contraction[m]], [reference.Contraction[m]], tolerance, $"{c} {precision}: contraction of member {m}");
        }
    }
}
