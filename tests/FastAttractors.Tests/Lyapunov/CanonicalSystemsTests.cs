using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>The five systems of Fig. 3 (docs/results/five-systems.md) give the spectra their definitions imply.</summary>
public class CanonicalSystemsTests
{
    public static IEnumerable<object[]> Backends() => BackendCases.Float64();

    private static LyapunovSpectra Estimate(Backend backend, CanonicalSystem system, LyapunovOptions? options = null) =>
        EngineCache.Get(backend).Lyapunov(system.Problem(), system.Solver, options ?? system.Options);

    private static void AssertWithin(double[] actual, double[] expected, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance,
                $"{what}: λ{i + 1} = {actual[i]:R}, expected {expected[i]} ± {tolerance} (spectrum {string.Join(", ", actual.Select(v => v.ToString("0.0000")))})");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Two_fixed_points_spectrum_is_the_jacobian_at_either_fixed_point(Backend backend)
    {
        var system = CanonicalSystems.TwoFixedPoints;
        double[] expected = [-0.65, -1, -1.01, -1.01, -1.02, -1.03];
        Assert.Equal(expected, system.ExpectedSpectrum);
        // The five systems' tolerance (5e-3). The residual is the alignment bias of exponents only 0.01 apart, which the system's 500 τ
        // transient removes (measured 6e-5); a 50 τ transient gave 4.5e-3, so this test fails if the transient is cut.
        AssertWithin(Estimate(backend, system).Spectrum(0), expected, 5e-3, "two fixed points");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Line_attractor_has_one_zero_exponent(Backend backend)
    {
        var system = CanonicalSystems.LineAttractor;
        double[] expected = [0, -2, -3, -3, -3, -3];
        Assert.Equal(expected, system.ExpectedSpectrum);
        var les = Estimate(backend, system);
        AssertWithin(les.Spectrum(0), expected, 5e-3, "line attractor");
        // The flow on the line stops, so the sum rule holds to the bias of the estimate: Σλ = ⟨tr J⟩ = −14.
        Assert.InRange(Math.Abs(les.SumRuleResidual[0]), 0, 5e-3);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void One_fixed_point_exponents_are_the_real_parts_of_eig_A(Backend backend)
    {
        var system = CanonicalSystems.OneFixedPoint;
        var a = ((Linear)system.Model).A.Values;
        var re = UnshiftedQr.RealParts(a, 6);
        // Two independent eigen-solvers (library: characteristic polynomial; test: QR iteration) agree to rounding.
        AssertWithin(system.ExpectedSpectrum!, re, 1e-9, "library Re eig(A)");
        // Same bound as the linear-flow oracle (LyapunovOracleTests): the alignment bias at T = 1000 is below 1e-3.
        AssertWithin(Estimate(backend, system).Spectrum(0), re, 1e-3, "one fixed point");
        Assert.All(re, v => Assert.InRange(v, -1.5, 0)); // stable: −0.5 shifted by the N(0, 0.1²) entries (|shift| ≲ ‖noise‖ ≈ 0.6)
    }

    [Theory]
    [InlineData(Backend.Reference)]
    [InlineData(Backend.Simd)]
    public void Limit_cycle_has_one_zero_exponent_and_the_rest_negative(Backend backend)
    {
        var system = CanonicalSystems.LimitCycle;
        var les = Estimate(backend, system, system.Options with { Duration = 20 });
        var spectrum = les.Spectrum(0);
        var errors = les.Errors(0);
        // λ1 is the phase direction: zero within 3 standard errors (+1e-3 s⁻¹ for the O(1/T) end effect that block
        // errors do not see: log of the speed ratio at the ends, ≲ 0.02 over T = 20 s).
        Assert.True(Math.Abs(spectrum[0]) <= 3 * errors[0] + 1e-3, $"λ1 = {spectrum[0]} ± {errors[0]}");
        for (int i = 1; i < spectrum.Length; i++)
            Assert.True(spectrum[i] < -3 * errors[i], $"λ{i + 1} = {spectrum[i]} ± {errors[i]} is not negative");
        Assert.Equal(20, spectrum.Length);
    }

    [Theory]
    [InlineData(Backend.Reference)]
    [InlineData(Backend.Simd)]
    public void Chaos_has_a_positive_and_a_zero_exponent(Backend backend)
    {
        var system = CanonicalSystems.Chaos;
        var les = Estimate(backend, system, system.Options with { Duration = 20, Exponents = 3 });
        var spectrum = les.Spectrum(0);
        var errors = les.Errors(0);
        Assert.True(spectrum[0] > 3 * errors[0], $"λ1 = {spectrum[0]} ± {errors[0]} is not positive");
        Assert.Contains(Enumerable.Range(0, 3), i => Math.Abs(spectrum[i]) <= 3 * errors[i]);
        Assert.True(les.PositiveSum[0] >= spectrum[0]);
    }

    [Fact]
    public void Member_zero_is_the_same_for_every_ensemble_size()
    {
        foreach (var system in CanonicalSystems.All)
        {
            var one = system.InitialStates(1);
            var five = system.InitialStates(5);
            for (int i = 0; i < system.Dimension; i++)
                Assert.Equal(one[i], five[i * 5]);
            Assert.NotEqual(five[0], five[1]); // the members differ
            Assert.Same(system, CanonicalSystems.Get(system.Key));
        }
    }
}
