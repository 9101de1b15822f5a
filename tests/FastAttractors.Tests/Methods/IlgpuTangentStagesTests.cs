using FastAttractors.Backends;
using FastAttractors.Kernels.Numerics;
using FastAttractors.Lyapunov;
using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>
/// ILGPU Lyapunov reads the tableau (LyapunovRkKernel, run here on the CPU accelerator) for every flow method: each,
/// classic RK4 included, agrees with the Reference oracle, models without a linearisation buffer
/// (Lorenz) and dual-number user models (Rössler) take the same stage loop, and a diverging member is flagged as on Reference.
/// </summary>
public class IlgpuTangentStagesTests
{
    public static IEnumerable<object[]> MethodsWithPrecision() =>
        from m in FastAttractors.Methods.All
        from p in new[] { Precision.Float64, Precision.Float32 }
        select new object[] { m.Name, p };

    public static IEnumerable<object[]> NonRk4() => MethodSupportTests.NonRk4();

    private static EnsembleProblem Rnn(int n, int members, int seed) =>
        new(TanhRnn.Random(n, g: 1.5, connectivity: 1, members: members, seed: seed), InitialStates.Normal(n, members, 1, seed + 1), members);

    private static LyapunovOptions Short(int k, Precision precision) =>
        new() { Transient = 1, Duration = 5, Every = 5, Exponents = k, Blocks = 10, Precision = precision };

    /// <summary>
    /// float64 1e-9 relative: the same scheme (stages, J at X_s, h b_s quadrature) in another order only where the QR
    /// differs (MGS2 against Householder), over 120 bounded steps. float32 5e-4, as the float32 Lyapunov properties
    /// and for the same reason: a length-6 dot product loses a few ulps (6e-8 each) per stage in x and in each
    /// tangent column, and log R_ii inherits ≲ 1e-5 per interval, divided by T = 5.
    /// </summary>
    [Theory]
    [MemberData(nameof(MethodsWithPrecision))]
    public void Ilgpu_exponents_match_the_reference_oracle(string name, Precision precision)
    {
        const int n = 6, members = 11;
        var problem = Rnn(n, members, 7);
        var solver = new ExplicitRk(FastAttractors.Methods.ByName(name), 0.05);
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, solver, Short(n, Precision.Float64));
        var ilgpu = EngineCache.Get(Backend.IlgpuCpu).Lyapunov(problem, solver, Short(n, precision));
        double tolerance = precision == Precision.Float64 ? 1e-9 : 5e-4;
        for (int m = 0; m < members; m++)
        {
            Assert.NotEqual(LyapunovStatus.Diverged, ilgpu.Status[m]);
            Compare.Close(ilgpu.Spectrum(m), reference.Spectrum(m), tolerance, $"{name} {precision}: exponents of member {m}");
            // Full spectrum: the sum rule's ∫ tr J must be the method's own quadrature on both sides.
            Compare.Close([ilgpu.Contraction[m]], [reference.Contraction[m]], tolerance, $"{name} {precision}: contraction of member {m}");
        }
    }

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Lorenz_and_a_dual_number_user_model_match_the_reference_oracle(string name)
    {
        // Lorenz keeps no linearisation (the kernel's zero-length case); the user model's J v comes from dual numbers.
        const int members = 5;
        var x0 = InitialStates.Normal(3, members, 1, 11);
        var solver = new ExplicitRk(FastAttractors.Methods.ByName(name), 0.01);
        var options = new LyapunovOptions { Transient = 1, Duration = 2, Every = 10 };
        foreach (var problem in new[] { new EnsembleProblem(new Lorenz(), x0, members), new EnsembleProblem(new UserModel<RosslerField<Real64>, RosslerField<Real32>>(new(0.2, 0.2, 5.7), new(0.2, 0.2, 5.7), DynamicsKind.Flow, "Rossler"), x0, members) })
        {
            var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, solver, options);
            var ilgpu = EngineCache.Get(Backend.IlgpuCpu).Lyapunov(problem, solver, options);
            // 1e-9 as above: 300 steps of a chaotic flow (λ₁ ≲ 0.9, growth ≲ e^3) in float64.
            for (int m = 0; m < members; m++)
            {
                Compare.Close(ilgpu.Spectrum(m), reference.Spectrum(m), 1e-9, $"{name} {problem.Model}: member {m}");
                Compare.Close([ilgpu.Contraction[m]], [reference.Contraction[m]], 1e-9, $"{name} {problem.Model}: contraction of member {m}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(NonRk4))]
    public void A_diverging_member_is_flagged_at_the_reference_step_and_its_neighbours_run_on(string name)
    {
        const int n = 3, members = 7, poisoned = 4;
        var x0 = InitialStates.Normal(n, members, 1, 9);
        x0[poisoned] = 1e30;
        var problem = new EnsembleProblem(new Lorenz(), x0, members);
        var solver = new ExplicitRk(FastAttractors.Methods.ByName(name), 0.01);
        var options = new LyapunovOptions { Transient = 1, Duration = 2, Every = 10 };
        var reference = EngineCache.Get(Backend.Reference).Lyapunov(problem, solver, options);
        var ilgpu = EngineCache.Get(Backend.IlgpuCpu).Lyapunov(problem, solver, options);
        Assert.Equal(LyapunovStatus.Diverged, ilgpu.Status[poisoned]);
        Assert.Equal(reference.Status, ilgpu.Status);
        for (int m = 0; m < members; m++)
            if (m != poisoned)
                Compare.Close(ilgpu.Spectrum(m), reference.Spectrum(m), 1e-9, $"{name}: member {m}");
    }
}
