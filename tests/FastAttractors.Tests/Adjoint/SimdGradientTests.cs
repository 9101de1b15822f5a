using FastAttractors.Kernels.Numerics;
using FastAttractors.Tests.Models;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>The Simd adjoint on a user model, on diverging lanes and on a longer horizon with default checkpointing.</summary>
public class SimdGradientTests
{
    private static GradientOptions Options(Precision precision, int? interval = null, int recordBudgetMiB = 256) =>
        new() { CheckpointInterval = interval, AdjointNormEvery = 5, Precision = precision, RecordBudgetMiB = recordBudgetMiB };

    /// <summary>
    /// Rössler (user model, VJP assembled lane by lane from dual-number JVPs) over 60 steps of dt 0.02 (t = 1.2,
    /// λ1 ≈ 0.07: no growth to speak of): float64 within 1e-9 relative (ulp-level rounding differences only), float32
    /// within 1e-4 (≈ 240 stage evaluations of 6e-8 relative rounding each, no tanh involved).
    /// </summary>
    [Theory]
    [InlineData(Precision.Float64, 1e-9)]
    [InlineData(Precision.Float32, 1e-4)]
    public void User_model_matches_the_reference(Precision precision, double tolerance)
    {
        var model = new UserModel<RosslerField<Real64>, RosslerField<Real32>>(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "Rossler");
        int members = 13; // not a multiple of any lane count: padding lanes in the last tile
        var problem = new EnsembleProblem(model, InitialStates.Normal(3, members, 1.0, 5, mean: 1.0), members);
        var loss = Loss.Running([0, 17, 60], [[1, 0, 0], [0, 1, 0], [0.5, 0.5, 0.5]], 3);
        var reference = EngineCache.Get(Backend.Reference).Gradient(problem, new Rk4(0.02), 60, loss, Options(Precision.Float64, 7));
        var simd = EngineCache.Get(Backend.Simd).Gradient(problem, new Rk4(0.02), 60, loss, Options(precision, 7));
        Assert.All(simd.Status, s => Assert.Equal(GradientStatus.Ok, s));
        GradientAssert.Match(reference, simd, tolerance, $"Rossler {precision}", exactStatus: true);
    }

    /// <summary>
    /// One Hénon member starts far out and escapes to infinity: it alone reads ForwardDiverged at the reference's step
    /// with NaN results; its tile neighbours match the reference to 1e-9 (lanes never mix).
    /// </summary>
    [Fact]
    public void A_diverging_lane_fails_alone()
    {
        int members = 9;
        var x0 = InitialStates.Normal(2, members, 0.05, 3);
        x0[4] = 10; // member 4, component 0
        var problem = new EnsembleProblem(new Henon(), x0, members);
        var loss = Loss.Terminal([0.1, 0.1], 2);
        var reference = EngineCache.Get(Backend.Reference).Gradient(problem, MapIteration.Instance, 30, loss, Options(Precision.Float64, 4));
        var simd = EngineCache.Get(Backend.Simd).Gradient(problem, MapIteration.Instance, 30, loss, Options(Precision.Float64, 4));
        Assert.Equal(GradientStatus.ForwardDiverged, simd.Status[4]);
        Assert.Equal(reference.FailedStep[4], simd.FailedStep[4]);
        Assert.True(double.IsNaN(simd.Loss[4]) && double.IsNaN(simd.Parameters[0].Get(0, 4)) && double.IsNaN(simd.InitialStates[members + 4]));
        Assert.Equal(8, simd.Status.Count(s => s == GradientStatus.Ok));
        GradientAssert.Match(reference, simd, 1e-9, "Henon with an escaping member", exactStatus: true);
    }

    /// <summary>
    /// TanhRnn n = 24, 300 steps of dt 0.01 with the default interval (C = 17: a short last segment), per-member W:
    /// float64 within 1e-9 relative, the gain 0.9 network being contracting (no growth of rounding differences).
    /// RecordBudgetMiB = 0 keeps this on the checkpointed path, which these records would otherwise fit and skip
    /// (StoredRecordsGradientTests holds the kept records to the same bits).
    /// </summary>
    [Fact]
    public void Longer_horizon_with_default_checkpointing_matches_the_reference()
    {
        var c = new EnsembleCase("tanh-rnn", N: 24, Members: 10, PerMember: true, Seed: 11, Dt: 0.01, Steps: 300, Gain: 0.9);
        var problem = c.Problem();
        var loss = Loss.Terminal(Enumerable.Range(0, 24).Select(i => 0.05 * i).ToArray(), 24);
        var reference = EngineCache.Get(Backend.Reference).Gradient(problem, c.Solver, c.Steps, loss, Options(Precision.Float64));
        var simd = EngineCache.Get(Backend.Simd).Gradient(problem, c.Solver, c.Steps, loss, Options(Precision.Float64, recordBudgetMiB: 0));
        Assert.Equal(17, simd.CheckpointInterval);
        GradientAssert.Match(reference, simd, 1e-9, "TanhRnn 300 steps", exactStatus: true);
    }
}
