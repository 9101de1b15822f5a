using FastAttractors.Backends;
using FastAttractors.Ode.Integrators;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>
/// The ILGPU kernel that reads a tableau (RkKernel, run here on the CPU accelerator): RK4's tableau gives the unrolled
/// kernel's bits, and every other registered method agrees with the Reference oracle.
/// </summary>
public class IlgpuStageLoopTests
{
    public static IEnumerable<object[]> NonRk4() =>
        from method in FastAttractors.Methods.All.Where(m => m != FastAttractors.Methods.ClassicRk4)
        from precision in new[] { Precision.Float64, Precision.Float32 }
        select new object[] { method.Name, precision };

    [Theory]
    [InlineData(Precision.Float64, 1)]
    [InlineData(Precision.Float64, 37)]
    [InlineData(Precision.Float32, 1)]
    [InlineData(Precision.Float32, 37)]
    public void Tableau_kernel_equals_unrolled_rk4_bit_for_bit(Precision precision, int members)
    {
        const int n = 8;
        var model = TanhRnn.Random(n, g: 1.5, connectivity: 1, members: members, seed: 3);
        var problem = new EnsembleProblem(model, InitialStates.Normal(n, members, 1, 4), members);
        var options = new IntegrateOptions { Precision = precision };
        RunPlan Plan() => RunPlan.Create(problem, new ExplicitRk(FastAttractors.Methods.ClassicRk4, 0.05), 200, SaveAt.EveryNthStep(50), options);
        using var device = new IlgpuDevice(Backend.IlgpuCpu);
        using var unrolled = new IlgpuIntegrator(device);
        using var generic = new IlgpuIntegrator(device) { UnrolledRk4 = false };
        var expected = unrolled.Integrate(Plan());
        var actual = generic.Integrate(Plan());
        // Same mul + add in the same order with the same weights (h/2, h/3, h/6 rounded once from float64): equal bits.
        Assert.Equal(expected.FinalStates, actual.FinalStates);
        Assert.Equal(expected.Trajectory, actual.Trajectory);
    }

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Other_methods_on_ilgpu_cpu_match_the_reference_oracle(string name, Precision precision)
    {
        const int n = 8, members = 21, steps = 20;
        var model = TanhRnn.Random(n, g: 1.5, connectivity: 1, members: members, seed: 5);
        var problem = new EnsembleProblem(model, InitialStates.Normal(n, members, 1, 6), members);
        var solver = new ExplicitRk(FastAttractors.Methods.ByName(name), 0.05);
        var save = SaveAt.EveryNthStep(5);
        var reference = EngineCache.Get(Backend.Reference).Integrate(problem, solver, steps, save);
        var ilgpu = EngineCache.Get(Backend.IlgpuCpu).Integrate(problem, solver, steps, save, new IntegrateOptions { Precision = precision });
        // As BackendAgreementProperties: float64 rounds at 1e-16 per operation, so 20 steps of ≤ 7 stages of a length-8
        // dot product stay far below 1e-9. float32 rounds at 6e-8 and a dot product can lose a few ulps per stage;
        // over 20 steps of dt = 0.05 with growth ≤ e^(20·0.05·1.5) ≈ 4.5 that is ≲ 1e-4, and 2e-3 leaves margin
        // (Tsit5's coefficients up to |a| ≈ 13 cancel, costing another factor of ~10 in float32 rounding).
        double tolerance = precision == Precision.Float64 ? 1e-9 : 2e-3;
        Assert.Equal(reference.Status, ilgpu.Status);
        Compare.Close(ilgpu.FinalStates, reference.FinalStates, tolerance, $"{name}/{precision}: final states");
        Compare.Close(ilgpu.Trajectory!, reference.Trajectory!, tolerance, $"{name}/{precision}: trajectory");
    }

    [Fact]
    public void A_member_that_overflows_is_frozen_and_flagged_as_on_reference()
    {
        // x' = 100x from x0 = 1e308 overflows in the first step under every method (h·λ = 10); the tableau kernel must
        // freeze that member at its last finite state and report step 0, while the other member runs on.
        var problem = new EnsembleProblem(Linear.Shared(new double[,] { { 100.0 } }), [1e308, 1.0], 2);
        foreach (var method in FastAttractors.Methods.All)
        {
            var solver = new ExplicitRk(method, 0.1);
            var ilgpu = EngineCache.Get(Backend.IlgpuCpu).Integrate(problem, solver, 5);
            var reference = EngineCache.Get(Backend.Reference).Integrate(problem, solver, 5);
            Assert.Equal(reference.Status, ilgpu.Status);
            Assert.Equal(reference.FailedStep, ilgpu.FailedStep);
            Assert.Equal(0, ilgpu.FailedStep[0]);
            Assert.Equal(reference.FinalState(0), ilgpu.FinalState(0));
            Compare.Close(ilgpu.FinalState(1), reference.FinalState(1), 1e-12, method.Name);
        }
    }
}
