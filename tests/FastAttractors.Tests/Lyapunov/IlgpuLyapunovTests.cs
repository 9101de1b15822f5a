using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Tests.Models;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Lyapunov;

/// <summary>The ILGPU estimator's chunk independence and its dual-number tangents for user models.</summary>
public class IlgpuLyapunovTests
{
    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void Results_do_not_depend_on_chunk_members(Precision precision)
    {
        // Per-member weights, a chaotic gain, divergence-free: every member's arithmetic is its own, so bit for bit.
        const int members = 13;
        var problem = new EnsembleProblem(TanhRnn.Random(7, 1.8, 0.6, members, seed: 11), InitialStates.Normal(7, members, 1, 12), members);
        var engine = EngineCache.Get(Backend.IlgpuCpu);
        LyapunovSpectra Run(int? chunk) => engine.Lyapunov(problem, new Rk4(0.02),
            new LyapunovOptions { Transient = 1, Duration = 4, Every = 5, Precision = precision, ChunkMembers = chunk });
        var whole = Run(null);
        foreach (var chunk in new[] { 1, 4, 5 })
        {
            var split = Run(chunk);
            Assert.Equal(whole.Exponents, split.Exponents);
            Assert.Equal(whole.StandardErrors, split.StandardErrors);
            Assert.Equal(whole.Contraction, split.Contraction);
            Assert.Equal(whole.Status, split.Status);
        }
        Assert.All(whole.Exponents, e => Assert.True(double.IsFinite(e)));
    }

    public static IEnumerable<object[]> UserModels() =>
    [
        [new UserModel<RosslerField<Real64>, RosslerField<Real32>>(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "Rossler"),
            new Rk4(0.02), new double[] { 1, 1, 0 }],
        [new UserModel<CoupledTanhMap<Real64>, CoupledTanhMap<Real32>>(new(), new(), DynamicsKind.Map, "CoupledTanhMap"),
            MapIteration.Instance, new double[] { 0.3, -0.2, 0.1 }],
    ];

    [Theory]
    [MemberData(nameof(UserModels))]
    public void User_model_tangents_by_dual_numbers_match_the_reference(IEnsembleModel model, ISolver solver, double[] x0)
    {
        var problem = new EnsembleProblem(model, x0, 1);
        var options = new LyapunovOptions { Transient = 20 * solver.StepSize, Duration = 400 * solver.StepSize, Every = 4 };
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, solver, options);
        var actual = EngineCache.Get(Backend.IlgpuCpu).Lyapunov(problem, solver, options);
        // float64 on both sides, same dual-number J v; the kernel's map contraction is an LU of J assembled in the
        // kernel (the reference's too), the flow's a trace of n products. 420 steps of λ ≲ 0.1 (Rössler) or a
        // contracting map keep rounding far below 1e-9.
        Compare.Close(actual.Spectrum(0), reference.Spectrum(0), 1e-9, $"{model.Name} exponents");
        Compare.Close([actual.Contraction[0]], [reference.Contraction[0]], 1e-9, $"{model.Name} contraction");
        Assert.InRange(Math.Abs(actual.SumRuleResidual[0]), 0, 0.05);
    }
}

/// <summary>
/// A user map of three coupled tanh units with a non-symmetric mixing matrix whose J needs row pivoting in LU
/// (a small leading entry): x ← tanh(M x) + c.
/// </summary>
public readonly struct CoupledTanhMap<T> : IModel<T> where T : unmanaged, IReal<T>
{
    public int Dimension => 3;
    public int ScratchLength => 1;

    public void Evaluate<TNum, TIn, TOut, TScratch>(int member, TIn x, TOut y, TScratch scratch)
        where TNum : unmanaged, IReal<TNum>, ILift<TNum, T>
        where TIn : struct, IVectorIn<TNum>
        where TOut : struct, IVectorOut<TNum>
        where TScratch : struct, IVectorIn<TNum>, IVectorOut<TNum>
    {
        TNum x0 = x[0], x1 = x[1], x2 = x[2];
        // The scratch slot exercises the dual-number work buffer.
        scratch.Set(0, TNum.FromDouble(0.05) * x0 + TNum.FromDouble(1.3) * x1);
        y.Set(0, TNum.Tanh(scratch[0] - TNum.FromDouble(0.4) * x2) + TNum.FromDouble(0.1));
        y.Set(1, TNum.Tanh(TNum.FromDouble(1.1) * x0 + TNum.FromDouble(0.2) * x2));
        y.Set(2, TNum.Tanh(TNum.FromDouble(-0.7) * x0 + TNum.FromDouble(0.5) * x1 + TNum.FromDouble(0.9) * x2) - TNum.FromDouble(0.05));
    }
}
