using FastAttractors.Lyapunov;
using FastAttractors.Lyapunov.Estimators;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>
/// The Simd plane path (the 2-D flow dx/dt = −x + tanh(W x) with its state and frame in registers) against the general
/// tile step it replaces, bit for bit, and against the Reference oracle; over random W (rotation blocks α R(θ) and
/// general matrices), initial states, seeds, member counts (partial tiles), QR intervals and decaying members.
/// </summary>
public class PlanePathTests
{
    private static EnsembleProblem RandomPlane(int members, int seed, bool rotations, double x0Std)
    {
        var random = new Random(seed);
        var rows = new double[members][];
        for (int m = 0; m < members; m++)
        {
            if (rotations)
            {
                // Both sides of the stable-focus boundary α cos θ = 1: decay to 0, limit cycles, fixed points.
                rows[m] = Weights.BlockRotation([4 * random.NextDouble()], [Math.PI * random.NextDouble()], 2);
            }
            else
            {
                rows[m] = Enumerable.Range(0, 4).Select(_ => 6 * random.NextDouble() - 3).ToArray();
            }
        }
        var model = new TanhOfLinear(ParameterBlock.PerMemberRows("W", rows), DynamicsKind.Flow);
        return new EnsembleProblem(model, InitialStates.Normal(2, members, x0Std, seed + 1), members);
    }

    public static IEnumerable<object[]> Cases() =>
        from seed in new[] { 1, 2, 3 }
        from members in new[] { 1, 5, 37 }
        from rotations in new[] { true, false }
        select new object[] { seed, members, rotations };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plane_path_gives_the_general_steps_bits(int seed, int members, bool rotations)
    {
        var problem = RandomPlane(members, seed, rotations, 1);
        var options = new LyapunovOptions { Transient = 2, Duration = 10, Every = 1 + seed % 3, Blocks = 10, Precision = Precision.Float64 };
        LyapunovPlan Plan() => LyapunovPlan.Create(problem, new Rk4(0.05), options);
        using var plane = new SimdLyapunov();
        using var general = new SimdLyapunov { PlanePath = false };
        var expected = general.Estimate(Plan());
        var actual = plane.Estimate(Plan());
        // The same operations in the same order: equal bits, including the sum rule's contraction and the errors.
        Assert.Equal(expected.Exponents, actual.Exponents);
        Assert.Equal(expected.StandardErrors, actual.StandardErrors);
        Assert.Equal(expected.Contraction, actual.Contraction);
        Assert.Equal(expected.Status, actual.Status);
    }

    /// <summary>
    /// A decaying ensemble (α cos θ &lt; 1 everywhere, run long enough that the states pass 2⁻¹⁰⁰⁰ and are flushed
    /// to 0 by Simd, while Reference keeps every subnormal): exponents within 1e-9 of Reference's, the same tolerance
    /// as any float64 Simd-vs-Reference comparison of a short bounded run (FMA and the lane tanh against Math.Tanh),
    /// and equal to the analytic −1 + α cos θ within the finite-time bias.
    /// </summary>
    [Fact]
    public void Decaying_members_flushed_to_zero_keep_the_reference_exponents()
    {
        const int members = 9;
        var alphas = Enumerable.Range(0, members).Select(m => 0.1 + 0.1 * m).ToArray();
        var rows = alphas.Select(a => Weights.BlockRotation([a], [0.4], 2)).ToArray();
        var problem = new EnsembleProblem(new TanhOfLinear(ParameterBlock.PerMemberRows("W", rows), DynamicsKind.Flow),
            InitialStates.Normal(2, members, 1, 4), members);
        // Decay rate ≤ 1 − 0.1·cos 0.4 ≈ 0.91 per unit time: 2⁻¹⁰⁰⁰ (e^−693) is passed before t = 800.
        var options = new LyapunovOptions { Transient = 800, Duration = 50, Every = 2, Blocks = 10, Precision = Precision.Float64 };
        var simd = EngineCache.Get(Backend.Simd).Lyapunov(problem, new Rk4(0.05), options);
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, new Rk4(0.05), options);
        for (int m = 0; m < members; m++)
        {
            Compare.Close(simd.Spectrum(m), reference.Spectrum(m), 1e-9, $"member {m}");
            double expected = -1 + alphas[m] * Math.Cos(0.4);
            Compare.Close(simd.Spectrum(m), [expected, expected], 1e-3, $"member {m}, analytic");
        }
    }
}
