using FastAttractors.Adjoint;
using FastAttractors.Adjoint.Estimators;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>
/// Simd gradients read the tableau: the reversed stage loop agrees with the Reference discrete adjoint for every
/// method, RK4 through it gives the unrolled adjoint's bits, and a poisoned member leaves its tile-mates untouched.
/// </summary>
public class SimdAdjointStagesTests
{
    public static IEnumerable<object[]> NonRk4() => MethodSupportTests.NonRk4();

    private const int N = 6, Members = 11, Steps = 60;

    private static EnsembleProblem Rnn(int seed) =>
        new(TanhRnn.Random(N, g: 1.5, connectivity: 1, members: Members, seed: seed), InitialStates.Normal(N, Members, 1, seed + 1), Members);

    private static Loss TwoTerms()
    {
        double[] target = [.. Enumerable.Range(0, N).Select(i => 0.1 * Math.Sin(i))];
        return new Loss([new LossTerm(null, new SquaredError(target, N)), new LossTerm(Steps / 2, new SquaredError(target, N))]);
    }

    /// <summary>
    /// 1e-9: the same discrete adjoint in a different association (FMA, the SIMD tanh and its hand-written VJP) over 60
    /// bounded steps; loss, ∂L/∂x₀ and every parameter block (W, b, τ) are compared.
    /// </summary>
    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Simd_gradients_match_the_reference_adjoint(string name)
    {
        var problem = Rnn(11);
        var solver = new ExplicitRk(FastAttractors.Methods.ByName(name), 0.05);
        // Checkpoints every 7 steps: several recomputed segments and a short last one.
        var options = new GradientOptions { CheckpointInterval = 7, Precision = Precision.Float64 };
        var reference = EngineCache.Get(Backend.Reference).Gradient(problem, solver, Steps, TwoTerms(), options);
        var simd = EngineCache.Get(Backend.Simd).Gradient(problem, solver, Steps, TwoTerms(), options);
        Assert.Equal(reference.Status, simd.Status);
        Compare.Close(simd.Loss, reference.Loss, 1e-9, $"{name}: loss");
        Compare.Close(simd.InitialStates, reference.InitialStates, 1e-9, $"{name}: dL/dx0");
        for (int b = 0; b < reference.Parameters.Count; b++)
            Compare.Close(simd.Parameters[b].Values, reference.Parameters[b].Values, 1e-9, $"{name}: parameter block {b}");
    }

    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void Reversed_stage_loop_on_rk4s_tableau_equals_the_unrolled_adjoint_bit_for_bit(Precision precision)
    {
        var problem = Rnn(3);
        var options = new GradientOptions { CheckpointInterval = 7, AdjointNormEvery = 1, Precision = precision };
        GradientPlan Plan() => GradientPlan.Create(problem, new ExplicitRk(FastAttractors.Methods.ClassicRk4, 0.05), Steps, TwoTerms(), options);
        using var unrolled = new SimdGradient();
        using var generic = new SimdGradient { UnrolledRk4 = false };
        var expected = unrolled.Gradient(Plan());
        var actual = generic.Gradient(Plan());
        // Same FMAs and products in the same order with the same weights (h/2, h, h/6, h/3): equal bits.
        Assert.Equal(expected.Loss, actual.Loss);
        Assert.Equal(expected.InitialStates, actual.InitialStates);
        Assert.Equal(expected.AdjointNorms, actual.AdjointNorms);
        for (int b = 0; b < expected.Parameters.Count; b++)
            Assert.Equal(expected.Parameters[b].Values, actual.Parameters[b].Values);
    }

    [Theory]
    [InlineData(Precision.Float64)]
    [InlineData(Precision.Float32)]
    public void A_poisoned_member_leaves_its_tile_mates_bit_identical(Precision precision)
    {
        const int poisoned = 4;
        var benignProblem = Rnn(5);
        var bad = (double[])benignProblem.InitialStates.Clone();
        bad[poisoned] = 1e300;
        var poisonProblem = new EnsembleProblem(benignProblem.Model, bad, Members);
        var solver = new ExplicitRk(FastAttractors.Methods.Tsit5, 0.05);
        var options = new GradientOptions { CheckpointInterval = 7, Precision = precision };
        var engine = EngineCache.Get(Backend.Simd);
        var benign = engine.Gradient(benignProblem, solver, Steps, TwoTerms(), options);
        var poison = engine.Gradient(poisonProblem, solver, Steps, TwoTerms(), options);
        for (int m = 0; m < Members; m++)
        {
            if (m == poisoned)
                continue;
            Assert.Equal(benign.Loss[m], poison.Loss[m]);
            Assert.Equal(benign.Status[m], poison.Status[m]);
            for (int i = 0; i < N; i++)
                Assert.Equal(benign.InitialStates[(long)i * Members + m], poison.InitialStates[(long)i * Members + m]);
            for (int b = 0; b < benign.Parameters.Count; b++)
            {
                var values = benign.Parameters[b].Values;
                for (long p = m; p < values.Length; p += Members)
                    Assert.Equal(values[p], poison.Parameters[b].Values[p]);
            }
        }
    }
}
