using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>The oracles with known answers (docs/reference/layout-and-tests.md), on every backend.</summary>
public class LyapunovOracleTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.Float64();

    [Theory]
    [MemberData(nameof(Backends))]
    public void Linear_flow_exponents_are_the_sorted_real_parts_of_the_eigenvalues(Backend backend)
    {
        for (int seed = 1; seed <= 3; seed++)
        {
            int n = 3 + seed * 2;
            var (a, re) = KnownSpectra.Build(n, seed, nonNormality: 0.5, r => -1.5 + 2 * r.NextDouble());
            var model = new Linear(ParameterBlock.Shared("A", a));
            var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(model, InitialStates.Normal(n, 2, 1, seed), 2), new Rk4(0.01),
                new LyapunovOptions { Transient = 50, Duration = 1000, Every = 10 });
            // A linear flow has no noise in its exponents, only the finite-time bias O(log κ / T) of the frame's
            // alignment with the Schur vectors (κ from the non-normal part): 2.6e-3 at T = 200, so T = 1000 for 1e-3.
            for (int m = 0; m < 2; m++)
                Compare.Close(les.Spectrum(m), re, 1e-3, $"n = {n}, seed {seed}, member {m}");
            // Σλ = tr A exactly for the flow; the RK4 map's log det differs by O(dt⁴ ‖A‖⁵) per unit time.
            Assert.InRange(Math.Abs(les.SumRuleResidual[0]), 0, 1e-6);
            Assert.Equal(re.Sum(), les.Contraction[0], 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Linear_map_exponents_are_log_moduli_of_the_eigenvalues(Backend backend)
    {
        var diagonal = Linear.Shared(new double[,] { { 1.1, 0 }, { 0, 0.8 } }, kind: DynamicsKind.Map);
        var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(diagonal, [1, 1], 1), MapIteration.Instance,
            new LyapunovOptions { Transient = 10, Duration = 1000, Every = 5 });
        // The random frame's component along e1 in column 2 decays as (0.8/1.1)^t; its residue after a 10-iteration
        // transient, averaged over 1000 iterations, is 3e-7 (measured): 1e-6 bounds it.
        Compare.Close(les.Spectrum(0), [Math.Log(1.1), Math.Log(0.8)], 1e-6, "diag(1.1, 0.8)");

        // Rotation-scaled blocks: eigenvalues r e^{±iφ} give log r twice.
        var (m4, _) = KnownSpectra.Build(6, 5, nonNormality: 0.3, r => 0.5 + r.NextDouble());
        var logModuli = LogModuliOfBlocks(6, 5, 0.3);
        var map = new Linear(ParameterBlock.Shared("A", m4), kind: DynamicsKind.Map);
        var les2 = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(map, new double[6], 1), MapIteration.Instance,
            new LyapunovOptions { Transient = 100, Duration = 4000, Every = 4 });
        Compare.Close(les2.Spectrum(0), logModuli, 2e-3, "random map");
        Assert.InRange(Math.Abs(les2.SumRuleResidual[0]), 0, 1e-9);
    }

    /// <summary>
    /// A diagonal map diag(2^s, 2^−s) held at its fixed point 0, so only the frame moves: the exponents are ±s ln 2 to
    /// the last digits. Each QR interval's R_ii is 2^(±s·every), up to 2^±450 here (the QR's column norms square
    /// them, so 2^±511 is as far as any backend goes): the Simd path multiplies them into its per-block product with the
    /// exponent moved out after each factor, so this checks that bookkeeping far from 1 as well as near it (s = 1).
    /// 1e-12 relative: the block sums are exact multiples of ln 2, so only the final rounding of E ln 2 + log m and of
    /// the mean remain. The 30-iteration transient aligns the random frame with e1 (its e1 part in column 2 shrinks by
    /// 2^(−2s) per iteration: below 10⁻¹⁷ after 30 at s = 1).
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Diagonal_map_with_huge_and_tiny_factors_gives_exact_exponents(Backend backend)
    {
        foreach (int s in new[] { 150, 1 })
        {
            double up = Math.ScaleB(1.0, s), down = Math.ScaleB(1.0, -s);
            var map = Linear.Shared(new double[,] { { up, 0 }, { 0, down } }, kind: DynamicsKind.Map);
            var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(map, new double[2 * 3], 3), MapIteration.Instance,
                new LyapunovOptions { Transient = 30, Duration = 3000, Every = 3 });
            double expected = s * Math.Log(2);
            for (int m = 0; m < 3; m++)
            {
                Assert.Equal(LyapunovStatus.Ok, les.Status[m]);
                Assert.Equal(expected, les.Spectrum(m)[0], expected * 1e-12);
                Assert.Equal(-expected, les.Spectrum(m)[1], expected * 1e-12);
            }
        }
    }

    /// <summary>The core D of <see cref="KnownSpectra.Build"/> has entries a on the diagonal and ±b off it: modulus √(a² + b²).</summary>
    private static double[] LogModuliOfBlocks(int n, long seed, double nonNormality)
    {
        var rng = new System.Random((int)seed);
        var logs = new List<double>();
        int i = 0;
        while (i < n)
        {
            double a = 0.5 + rng.NextDouble();
            if (i + 1 < n && rng.NextDouble() < 0.5)
            {
                double b = 0.2 + rng.NextDouble();
                logs.Add(0.5 * Math.Log(a * a + b * b));
                logs.Add(0.5 * Math.Log(a * a + b * b));
                i += 2;
            }
            else
            {
                logs.Add(Math.Log(Math.Abs(a)));
                i += 1;
            }
        }
        return logs.OrderByDescending(v => v).ToArray();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Lorenz_spectrum_matches_the_literature(Backend backend)
    {
        var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(new Lorenz(), [1, 1, 20], 1), new Rk4(0.01),
            new LyapunovOptions { Transient = 50, Duration = 10_000, Every = 10, Blocks = 20 });
        var spectrum = les.Spectrum(0);
        // The Lorenz oracle: (0.9056, 0, −14.5723) ± 5e-3; the error bar of λ1 after 10⁴ time units is ≈ 2e-3 (measured).
        Compare.Close(spectrum, [0.9056, 0, -14.5723], 5e-3, "Lorenz");
        Assert.Equal(-13.6667, spectrum.Sum(), 3);
        Assert.InRange(Math.Abs(spectrum[1]), 0, 3 * les.Errors(0)[1] + 1e-4);
        Assert.Equal(LyapunovStatus.Ok, les.Status[0]);
        Assert.InRange(les.KaplanYorkeDimension[0], 2.06, 2.07);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Rossler_spectrum_matches_the_literature(Backend backend)
    {
        // The built-in written once over a generic number type (its Jacobian from dual numbers).
        var les = EngineCache.Get(backend).Lyapunov(new EnsembleProblem(Rossler.Create(), [1, 1, 0], 1), new Rk4(0.01),
            new LyapunovOptions { Transient = 100, Duration = 10_000, Every = 10, Blocks = 20 });
        var spectrum = les.Spectrum(0);
        // Sprott (2003), a = b = 0.2, c = 5.7: (0.0714, 0, −5.3943), D_KY = 2.0132. The error bar of λ1 after 10⁴ time
        // units is ≈ 1.5e-3 (measured), so 5e-3 is about 3 standard errors.
        Compare.Close(spectrum, [0.0714, 0, -5.3943], 5e-3, "Rössler");
        Assert.InRange(Math.Abs(spectrum[1]), 0, 3 * les.Errors(0)[1] + 1e-4);
        Assert.Equal(LyapunovStatus.Ok, les.Status[0]);
        Assert.InRange(les.KaplanYorkeDimension[0], 2.011, 2.016);
    }
}
