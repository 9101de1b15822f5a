using FastAttractors.Ode.Integrators;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>The Simd stage loop read from RK4's tableau gives the unrolled RK4's bits, lane by lane, in both precisions.</summary>
public class SimdStageLoopTests
{
    [Theory]
    [InlineData(Precision.Float64, 1)]
    [InlineData(Precision.Float64, 37)]
    [InlineData(Precision.Float32, 1)]
    [InlineData(Precision.Float32, 37)]
    public void Tableau_path_equals_unrolled_rk4_bit_for_bit(Precision precision, int members)
    {
        const int n = 8;
        var model = TanhRnn.Random(n, g: 1.5, connectivity: 1, members: members, seed: 3);
        var problem = new EnsembleProblem(model, InitialStates.Normal(n, members, 1, 4), members);
        var options = new IntegrateOptions { Precision = precision };
        RunPlan Plan() => RunPlan.Create(problem, new ExplicitRk(FastAttractors.Methods.ClassicRk4, 0.05), 200, SaveAt.EveryNthStep(50), options);
        using var unrolled = new SimdIntegrator();
        using var generic = new SimdIntegrator { UnrolledRk4 = false };
        var expected = unrolled.Integrate(Plan());
        var actual = generic.Integrate(Plan());
        // Same FMAs in the same order with the same weights (h/2, h/3, h/6 by one division each): equal bits.
        Assert.Equal(expected.FinalStates, actual.FinalStates);
        Assert.Equal(expected.Trajectory, actual.Trajectory);
    }

    [Fact]
    public void Tsit5_on_simd_matches_the_reference_oracle()
    {
        const int n = 8, members = 21;
        var model = TanhRnn.Random(n, g: 1.5, connectivity: 1, members: members, seed: 5);
        var problem = new EnsembleProblem(model, InitialStates.Normal(n, members, 1, 6), members);
        var solver = new ExplicitRk(FastAttractors.Methods.Tsit5, 0.05);
        var reference = EngineCache.Get(Backend.Reference).Integrate(problem, solver, 200);
        var simd = EngineCache.Get(Backend.Simd).Integrate(problem, solver, 200);
        // Same method, different arithmetic (FMA, the SIMD tanh): agreement to rounding over 200 bounded steps.
        for (int m = 0; m < members; m++)
            Compare.Close(simd.FinalState(m), reference.FinalState(m), 1e-8, $"member {m}");
    }
}
