using FastAttractors.Lyapunov;
using FastAttractors.Lyapunov.Estimators;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>
/// Simd Lyapunov reads the tableau: every method agrees with the Reference oracle, a linear flow's exponents are the
/// real parts of its eigenvalues, RK4 through the stage loop gives the unrolled RK4's bits, and a poisoned member
/// leaves its tile-mates untouched.
/// </summary>
public class SimdTangentStagesTests
{
    public static IEnumerable<object[]> NonRk4WithPrecision() =>
        from m in FastAttractors.Methods.All
        where m != FastAttractors.Methods.ClassicRk4
        from p in new[] { Precision.Float64, Precision.Float32 }
        select new object[] { m.Name, p };

    public static IEnumerable<object[]> NonRk4() => MethodSupportTests.NonRk4();

    private static EnsembleProblem Rnn(int n, int members, int seed) =>
        new(TanhRnn.Random(n, g: 1.5, connectivity: 1, members: members, seed: seed), InitialStates.Normal(n, members, 1, seed + 1), members);

    private static LyapunovOptions Short(int k, Precision precision) =>
        new() { Transient = 1, Duration = 5, Every = 5, Exponents = k, Blocks = 10, Precision = precision };

    /// <summary>
    /// float64 1e-9: the same scheme in a different association (FMA, the SIMD tanh, MGS against Householder) over
    /// 100 bounded steps. float32 5e-4, as in the Simd float32 Lyapunov property and for the same reason: a length-6 dot
    /// product loses a few ulps (6e-8 each) per stage in x and in each tangent column, and log R_ii inherits ≲ 1e-5 per
    /// interval, divided by T = 5.
    /// </summary>
    [Theory]
    [MemberData(nameof(NonRk4WithPrecision))]
    public void Simd_exponents_match_the_reference_oracle(string name, Precision precision)
    {
        const int n = 6, members = 11;
        var problem = Rnn(n, members, 7);
        var solver = new ExplicitRk(FastAttractors.Methods.ByName(name), 0.05);
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, solver, Short(n, Precision.Float64));
        var simd = EngineCache.Get(Backend.Simd).Lyapunov(problem, solver, Short(n, precision));
        double tolerance = precision == Precision.Float64 ? 1e-9 : 5e-4;
        for (int m = 0; m < members; m++)
        {
            Assert.NotEqual(LyapunovStatus.Diverged, simd.Status[m]);
            Compare.Close(simd.Spectrum(m), reference.Spectrum(m), tolerance, $"{name} {precision}: exponents of member {m}");
            // Full spectrum: the sum rule's ∫ tr J must be the method's own quadrature on both sides.
            Compare.Close([simd.Contraction[m]], [reference.Contraction[m]], tolerance, $"{name} {precision}: contraction of member {m}");
        }
    }

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Simd_exponents_of_a_linear_flow_are_the_real_parts_of_its_eigenvalues(string name)
    {
        const int n = 5;
        var (a, re) = KnownSpectra.Build(n, 1, nonNormality: 0.5, r => -1.5 + 2 * r.NextDouble());
        var les = EngineCache.Get(Backend.Simd).Lyapunov(new EnsembleProblem(new Linear(ParameterBlock.Shared("A", a)), InitialStates.Normal(n, 1, 1, 1), 1),
            new ExplicitRk(FastAttractors.Methods.ByName(name), 0.002), new LyapunovOptions { Transient = 50, Duration = 1000, Every = 10 });
        // As on Reference: finite-time bias ≈ 1e-3 at T = 1000, plus the method's own O(h^p ‖A‖^(p+1)) bias in
        // log |growth| per unit time, about h·|λ|²/2 ≲ 9e-3 for Euler.
        double tolerance = name == "euler" ? 1e-2 : 2e-3;
        Compare.Close(les.Spectrum(0), re, tolerance, name);
    }

    [Theory]
    [InlineData(Precision.Float64, 1)]
    [InlineData(Precision.Float64, 37)]
    [InlineData(Precision.Float32, 1)]
    [InlineData(Precision.Float32, 37)]
    public void Stage_loop_on_rk4s_tableau_equals_the_unrolled_rk4_bit_for_bit(Precision precision, int members)
    {
        // n = 8 and k = 8: two tangent column blocks, the full spectrum (so the contraction integral runs too).
        const int n = 8;
        var problem = Rnn(n, members, 3);
        LyapunovPlan Plan() => LyapunovPlan.Create(problem, new ExplicitRk(FastAttractors.Methods.ClassicRk4, 0.05), Short(n, precision));
        using var unrolled = new SimdLyapunov();
        using var generic = new SimdLyapunov { UnrolledRk4 = false };
        var expected = unrolled.Estimate(Plan());
        var actual = generic.Estimate(Plan());
        // Same FMAs in the same order with the same weights (h/2, h/3, h/6 by one division each; dt/6, dt/3 for the
        // contraction quadrature): equal bits.
        Assert.Equal(expected.Exponents, actual.Exponents);
        Assert.Equal(expected.Contraction, actual.Contraction);
        Assert.Equal(expected.StandardErrors, actual.StandardErrors);
    }

    [Fact]
    public void A_large_shared_network_with_another_method_takes_the_tiles_not_the_rk4_gemm_path()
    {
        // n = 128, one member, shared W: RK4 would go to the GEMM estimator, which runs only RK4; Heun must not.
        const int n = 128;
        var problem = new EnsembleProblem(TanhRnn.Random(n, 3, 1.0, null, 5, tau: 1.5, zeroDiagonal: true), InitialStates.Normal(n, 1, 1.0, 6), 1);
        Assert.True(LargeNetworkLyapunov.Supports(LyapunovPlan.Create(problem, new Rk4(0.1), Short(4, Precision.Float64))));
        var solver = new ExplicitRk(FastAttractors.Methods.Heun, 0.1);
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, solver, Short(4, Precision.Float64));
        var simd = EngineCache.Get(Backend.Simd).Lyapunov(problem, solver, Short(4, Precision.Float64));
        // 1e-9 as above: same scheme, 50 steps, a length-128 dot product per row in another association.
        Compare.Close(simd.Spectrum(0), reference.Spectrum(0), 1e-9, "heun, n = 128");
    }

    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void A_poisoned_member_leaves_its_tile_mates_bit_identical(Precision precision)
    {
        // Lorenz from 1e30 overflows within a step; with Tsit5's seven-stage loop its lane must stay its own.
        const int n = 3, members = 13, poisoned = 5;
        var x0 = InitialStates.Normal(n, members, 1, 9);
        var bad = (double[])x0.Clone();
        bad[poisoned] = 1e30;
        var solver = new ExplicitRk(FastAttractors.Methods.Tsit5, 0.01);
        var options = new LyapunovOptions { Transient = 1, Duration = 5, Every = 10, Precision = precision };
        var engine = EngineCache.Get(Backend.Simd);
        var benign = engine.Lyapunov(new EnsembleProblem(new Lorenz(), x0, members), solver, options);
        var poison = engine.Lyapunov(new EnsembleProblem(new Lorenz(), bad, members), solver, options);
        Assert.Equal(LyapunovStatus.Diverged, poison.Status[poisoned]);
        for (int m = 0; m < members; m++)
        {
            if (m == poisoned)
                continue;
            Assert.Equal(benign.Spectrum(m), poison.Spectrum(m));
            Assert.Equal(benign.Contraction[m], poison.Contraction[m]);
            Assert.Equal(benign.Status[m], poison.Status[m]);
        }
    }
}
