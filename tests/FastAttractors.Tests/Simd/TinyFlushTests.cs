using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Simd;

/// <summary>
/// Decaying states reach exactly 0 on Simd, where the state components below 2⁻¹⁰⁰⁰ (float64) or 2⁻¹⁰⁰ (float32) of
/// fields smooth at 0 are flushed after each step, while Reference, which does not flush, holds a subnormal or 0;
/// members that do not decay agree with Reference as without a flush (their states never come near the threshold).
/// </summary>
public class TinyFlushTests
{
    /// <summary>α cos θ &lt; 1: a stable focus at 0 (decay rate 1 − α cos θ ≥ 0.5); α cos θ &gt; 1 at small θ: a stable fixed point away from 0.</summary>
    private static EnsembleProblem Rotations(params (double Alpha, double Theta)[] points)
    {
        var rows = points.Select(p => Weights.BlockRotation([p.Alpha], [p.Theta], 2)).ToArray();
        var model = new TanhOfLinear(ParameterBlock.PerMemberRows("W", rows), DynamicsKind.Flow);
        return new EnsembleProblem(model, InitialStates.Normal(2, points.Length, 1, 3), points.Length);
    }

    [Theory]
    [InlineData(Backend.Simd, Precision.Float64)]
    [InlineData(Backend.Simd, Precision.Float32)]
    public void A_decaying_state_ends_at_exactly_zero_and_the_others_are_unchanged(Backend backend, Precision precision)
    {
        var problem = Rotations((0.2, 0.3), (0.5, 1.0), (3.0, 0.05), (2.0, 0.1), (0.1, 2.5));
        // 1,600 time units: e^−800 ≈ 2^−1154 is below float64's smallest subnormal, so Reference has reached 0 or holds a
        // few subnormal units, stuck by rounding; 16,000 RK4 steps.
        var options = new IntegrateOptions { Precision = precision };
        var flushed = EngineCache.Get(backend).Integrate(problem, new Rk4(0.1), 16_000, null, options);
        var reference = EngineCache.Get(Backend.Reference).Integrate(problem, new Rk4(0.1), 16_000, null, new IntegrateOptions { Precision = Precision.Float64 });
        foreach (int m in new[] { 0, 1, 4 })
        {
            for (int i = 0; i < 2; i++)
            {
                Assert.Equal(0.0, Math.Abs(flushed.Final(m, i)));
                Assert.True(Math.Abs(reference.Final(m, i)) < 1e-300, $"Reference member {m} component {i}: {reference.Final(m, i):R}");
            }
        }
        double tolerance = precision == Precision.Float64 ? 1e-9 : 1e-4;
        foreach (int m in new[] { 2, 3 })
        {
            // The other members settle on a fixed point of size O(1): the flush never acts on them.
            Assert.True(Math.Abs(reference.Final(m, 0)) + Math.Abs(reference.Final(m, 1)) > 0.1, $"member {m} should not decay");
            Compare.Close([flushed.Final(m, 0), flushed.Final(m, 1)], [reference.Final(m, 0), reference.Final(m, 1)], tolerance, $"member {m}");
        }
    }
}
