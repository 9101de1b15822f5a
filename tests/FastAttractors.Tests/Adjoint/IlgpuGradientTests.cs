using FastAttractors.Kernels.Numerics;
using FastAttractors.Tests.Lyapunov;
using FastAttractors.Tests.Models;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>The ILGPU adjoint on user models, failing members and long horizons, against the Reference adjoint.</summary>
public class IlgpuGradientTests
{
    public static IEnumerable<object[]> UserModels() =>
    [
        [new UserModel<RosslerField<Real64>, RosslerField<Real32>>(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "Rossler"),
            new Rk4(0.02), new double[] { 1, 1, 0 }, 300L],
        [new UserModel<CoupledTanhMap<Real64>, CoupledTanhMap<Real32>>(new(), new(), DynamicsKind.Map, "CoupledTanhMap"),
            MapIteration.Instance, new double[] { 0.3, -0.2, 0.1 }, 40L],
    ];

    /// <summary>
    /// J assembled from dual-number products on both sides in the same order; f is the same functor, so the only
    /// differences are the RK4 roundings: 1e-10 scaled over 300 Rössler steps (λ1 ≈ 0.07, T = 6) or 40 map iterates.
    /// </summary>
    [Theory]
    [MemberData(nameof(UserModels))]
    public void User_model_gradients_by_dual_numbers_match_the_reference(IEnsembleModel model, ISolver solver, double[] x0, long steps)
    {
        const int members = 5;
        var initial = new double[3 * members];
        for (int i = 0; i < 3; i++)
            for (int m = 0; m < members; m++)
                initial[i * members + m] = x0[i] + 0.01 * m;
        var problem = new EnsembleProblem(model, initial, members);
        var loss = new Loss([new LossTerm(steps / 3, new SquaredError([0.5, 0.1, 0.2], 3)), new LossTerm(null, new SquaredError([0.1, 0.2, 0.3], 3))]);
        var options = new GradientOptions { CheckpointInterval = 17, AdjointNormEvery = 10 };
        var reference = EngineCache.Get(Backend.Reference).Gradient(problem, solver, steps, loss, options);
        var actual = EngineCache.Get(Backend.IlgpuCpu).Gradient(problem, solver, steps, loss, options);
        Assert.All(actual.Status, s => Assert.Equal(GradientStatus.Ok, s));
        Assert.Empty(actual.Parameters);
        Compare.Close(actual.Loss, reference.Loss, 1e-10, "loss");
        Compare.Close(actual.InitialStates, reference.InitialStates, 1e-10, "dL/dx0");
        Compare.Close(actual.AdjointNorms!, reference.AdjointNorms!, 1e-10, "|a(t)|");
        Assert.True(actual.InitialStates.Any(v => Math.Abs(v) > 1e-3), "the gradient is trivially zero");
    }

    [Fact]
    public void A_member_that_blows_up_forward_is_flagged_with_its_step_and_the_others_are_unaffected()
    {
        // Hénon from x = 1e200: x² overflows at the first iterate; member 1 starts on the attractor's basin.
        var problem = new EnsembleProblem(new Henon(), [1e200, 0.1, 0, 0.05], 2);
        var loss = Loss.Terminal([0.2, 0.1], 2);
        var reference = EngineCache.Get(Backend.Reference).Gradient(problem, MapIteration.Instance, 10, loss);
        var actual = EngineCache.Get(Backend.IlgpuCpu).Gradient(problem, MapIteration.Instance, 10, loss);
        Assert.Equal([GradientStatus.ForwardDiverged, GradientStatus.Ok], actual.Status);
        Assert.Equal(reference.FailedStep, actual.FailedStep);
        Assert.True(double.IsNaN(actual.Loss[0]) && double.IsNaN(actual.InitialStates[0]) && double.IsNaN(actual.Parameters[0].Get(0, 0)));
        Assert.Equal(reference.Loss[1], actual.Loss[1], 12);
        Assert.Equal(reference.InitialStates[1], actual.InitialStates[1], 12);
    }

    [Fact]
    public void An_overflowing_adjoint_is_gradient_non_finite_at_the_step_the_reference_reports()
    {
        // x ← 1e10 x from 1e-200 stays finite for 30 iterates (x(30) = 1e100), but ā grows by 1e10 per step back
        // from 1e100 and overflows near step 10; member 1 (A = 0.5 I) is well behaved.
        var a = ParameterBlock.PerMemberRows("A", [[1e10, 0, 0, 1e10], [0.5, 0, 0, 0.5]]);
        var problem = new EnsembleProblem(new Linear(a, kind: DynamicsKind.Map), [1e-200, 0.3, 1e-200, -0.2], 2);
        var loss = Loss.Terminal([0, 0], 2);
        var reference = EngineCache.Get(Backend.Reference).Gradient(problem, MapIteration.Instance, 30, loss);
        var actual = EngineCache.Get(Backend.IlgpuCpu).Gradient(problem, MapIteration.Instance, 30, loss);
        Assert.Equal(GradientStatus.GradientNonFinite, reference.Status[0]);
        Assert.Equal(reference.Status, actual.Status);
        Assert.Equal(reference.FailedStep, actual.FailedStep);
        Assert.True(double.IsNaN(actual.Loss[0]));
        Compare.Close(actual.Parameters[0].Values.Where((_, k) => k % 2 == 1).ToArray(),
            reference.Parameters[0].Values.Where((_, k) => k % 2 == 1).ToArray(), 1e-12, "member 1's dL/dA");
    }

    [Fact]
    public void Float32_gradients_are_reported_as_float32_and_close_on_a_tanh_rnn()
    {
        var c = new IlgpuGradientCase(new EnsembleCase("tanh-rnn", N: 16, Members: 8, PerMember: true, Seed: 3, Dt: 0.02, Steps: 100, Gain: 1.5),
            CheckpointInterval: 9, RunningSteps: [0, 50, 50, 100], NormEvery: 25);
        // 100 steps (T = 2) at g = 1.5: a float32 trajectory drifts ≲ 1e-5 relative; 1e-3 scaled bounds its gradients.
        double worst = IlgpuGradientProperties.Check(c, Precision.Float32, 1e-3);
        Assert.True(worst > 0, "float32 agreed to the last bit with float64: the precision was not applied");
    }
}
