using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Simd;

/// <summary>
/// The Simd gradient flushes states and cotangents below 2⁻¹⁰⁰⁰ (float64) or 2⁻¹⁰⁰ (float32) to 0 after each step, for
/// fields smooth at 0, as the forward paths do (TinyFlushTests). Stable foci at 0: the cotangent ā of a terminal loss
/// decays backward in time through the subnormal range. Reference, which never flushes, shows it there; Simd holds 0
/// exactly from the threshold on, and agrees with Reference wherever |ā| is far above the threshold, and on the
/// gradient of a loss term early in the run, which the flush does not touch.
/// </summary>
public class TinyFlushGradientTests
{
    /// <summary>α cos θ &lt; 1: stable foci at 0 (decay rates 1 − α cos θ from 0.19 to 0.81 per time unit).</summary>
    private static EnsembleProblem Foci()
    {
        (double Alpha, double Theta)[] points = [(0.2, 0.3), (0.5, 1.0), (0.9, 0.4), (0.1, 2.5)];
        var rows = points.Select(p => Weights.BlockRotation([p.Alpha], [p.Theta], 2)).ToArray();
        var model = new TanhOfLinear(ParameterBlock.PerMemberRows("W", rows), DynamicsKind.Flow);
        return new EnsembleProblem(model, InitialStates.Normal(2, points.Length, 1, 5), points.Length);
    }

    private const long Steps = 12_000;
    private const int NormEvery = 10;

    private static EnsembleGradients Run(Backend backend, Precision precision, Loss loss) =>
        EngineCache.Get(backend).Gradient(Foci(), new Rk4(0.1), Steps, loss,
            new GradientOptions { Precision = precision, AdjointNormEvery = NormEvery });

    /// <summary>
    /// |ā(t)| per frame: where Reference's is positive but below <paramref name="tiny"/> (well under the threshold), Simd's
    /// is exactly 0; where Reference's exceeds <paramref name="large"/>, Simd's agrees to <paramref name="tolerance"/>
    /// relative (float64: rounding differences in 12,000 contracting steps stay near 1e-14; float32: its unit roundoff
    /// 6e-8 times the few hundred operations a contraction does not damp). At least 20 frames of each kind exist, so
    /// the test sees the flush act.
    /// </summary>
    [Theory]
    [InlineData(Precision.Float64, 1e-303, 1e-290, 1e-9)]
    [InlineData(Precision.Float32, 1e-32, 1e-25, 1e-4)]
    public void Cotangents_that_decay_past_the_threshold_are_zero_and_the_rest_match_Reference(Precision precision, double tiny, double large, double tolerance)
    {
        var loss = Loss.Terminal([1.0, -0.5], 2);
        var flushed = Run(Backend.Simd, precision, loss);
        var reference = Run(Backend.Reference, Precision.Float64, loss);
        int members = flushed.Members, zeroed = 0, compared = 0;
        for (int frame = 0; frame * members < reference.AdjointNorms!.Length; frame++)
        {
            for (int m = 0; m < members; m++)
            {
                double expected = reference.AdjointNorms[frame * members + m], actual = flushed.AdjointNorms![frame * members + m];
                if (expected > 0 && expected < tiny)
                {
                    Assert.True(actual == 0, $"{precision} member {m} frame {frame}: |ā| = {actual:R} on Simd where Reference has {expected:R}");
                    zeroed++;
                }
                else if (expected > large)
                {
                    Assert.True(Math.Abs(actual - expected) <= tolerance * expected, $"{precision} member {m} frame {frame}: {actual:R} vs {expected:R}");
                    compared++;
                }
            }
        }
        Assert.True(zeroed >= 20, $"only {zeroed} frames with Reference's |ā| in (0, {tiny:R}): the test would not see the flush");
        Assert.True(compared >= 20, $"only {compared} frames with Reference's |ā| above {large:R}");
    }

    /// <summary>
    /// A loss term at step 30 (time 3) and one at the end: the gradient with respect to x(0) and W comes from the early
    /// term (the terminal one's share has decayed below every threshold), and equals Reference's to the tolerances
    /// above. The forward states decay below the threshold long before the end, so the flush acts on them too.
    /// </summary>
    [Theory]
    [InlineData(Precision.Float64, 1e-9)]
    [InlineData(Precision.Float32, 1e-4)]
    public void An_early_loss_terms_gradient_is_unchanged_by_the_flush(Precision precision, double tolerance)
    {
        var loss = new Loss([new LossTerm(30, new SquaredError([0.3, 0.1], 2)), new LossTerm(null, new SquaredError([0.0, 0.0], 2))]);
        var flushed = Run(Backend.Simd, precision, loss);
        var reference = Run(Backend.Reference, Precision.Float64, loss);
        Compare.Close(flushed.InitialStates, reference.InitialStates, tolerance, $"{precision} dL/dx0");
        Compare.Close(flushed.Parameter("W").Values, reference.Parameter("W").Values, tolerance, $"{precision} dL/dW");
        Assert.All(flushed.InitialStates, g => Assert.True(Math.Abs(g) > 1e-6, $"dL/dx0 component {g:R} should come from the early term"));
    }
}
