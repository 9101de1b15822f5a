using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Methods;

/// <summary>
/// Gradients on the ILGPU backends read the tableau: the kernel's reversed stage loop agrees with the Reference
/// discrete adjoint for every method, for a hand-written network (tuned Jᵀa), a built-in written once (Lorenz, whose
/// parameter derivatives come from dual numbers) and a user model (Rössler, Jᵀa from dual numbers).
/// </summary>
public class IlgpuAdjointStagesTests
{
    public static IEnumerable<object[]> NonRk4() => MethodSupportTests.NonRk4();

    private const int Steps = 60;

    private static Loss TwoTerms(int n)
    {
        double[] target = [.. Enumerable.Range(0, n).Select(i => 0.1 * Math.Sin(i))];
        return new Loss([new LossTerm(null, new SquaredError(target, n)), new LossTerm(Steps / 2, new SquaredError(target, n))]);
    }

    /// <summary>
    /// 1e-10: the same discrete adjoint in float64 with the same terms, summed in another order in places (the kernel
    /// adds stage cotangents as it meets them), over 60 bounded steps; loss, ∂L/∂x₀ and every parameter block.
    /// </summary>
    [Theory]
    [MemberData(nameof(NonRk4))]
    public void Ilgpu_gradients_match_the_reference_adjoint(string name)
    {
        const int members = 7;
        var problems = new (string What, EnsembleProblem Problem, double Dt)[]
        {
            ("tanh-rnn", new(TanhRnn.Random(5, g: 1.5, connectivity: 1, members: members, seed: 4), InitialStates.Normal(5, members, 1, 5), members), 0.05),
            ("lorenz", new(Lorenz.RhoSweep(members, 5, 28), InitialStates.Normal(3, members, 1, 6, mean: 1.0), members), 0.005),
            ("rossler", new(Rossler.Create(), InitialStates.Normal(3, members, 1, 7, mean: 1.0), members), 0.02),
        };
        foreach (var (what, problem, dt) in problems)
        {
            var solver = new ExplicitRk(FastAttractors.Methods.ByName(name), dt);
            var options = new GradientOptions { CheckpointInterval = 7, Precision = Precision.Float64 };
            var loss = TwoTerms(problem.Dimension);
            var reference = EngineCache.Get(Backend.Reference).Gradient(problem, solver, Steps, loss, options);
            var ilgpu = EngineCache.Get(Backend.IlgpuCpu).Gradient(problem, solver, Steps, loss, options);
            Assert.Equal(reference.Status, ilgpu.Status);
            Assert.All(ilgpu.Status, s => Assert.Equal(GradientStatus.Ok, s));
            Compare.Close(ilgpu.Loss, reference.Loss, 1e-10, $"{name} {what}: loss");
            Compare.Close(ilgpu.InitialStates, reference.InitialStates, 1e-10, $"{name} {what}: dL/dx0");
            for (int b = 0; b < reference.Parameters.Count; b++)
                Compare.Close(ilgpu.Parameters[b].Values, reference.Parameters[b].Values, 1e-10, $"{name} {what}: parameter block {b}");
        }
    }

    [Fact]
    public void Float32_gradients_follow_the_float64_ones()
    {
        const int members = 5;
        var problem = new EnsembleProblem(TanhRnn.Random(4, g: 1.2, connectivity: 1, members: members, seed: 8), InitialStates.Normal(4, members, 1, 9), members);
        var solver = new ExplicitRk(FastAttractors.Methods.Tsit5, 0.05);
        GradientOptions Options(Precision p) => new() { CheckpointInterval = 9, Precision = p };
        var engine = EngineCache.Get(Backend.IlgpuCpu);
        var f64 = engine.Gradient(problem, solver, Steps, TwoTerms(4), Options(Precision.Float64));
        var f32 = engine.Gradient(problem, solver, Steps, TwoTerms(4), Options(Precision.Float32));
        // float32 rounding (6e-8) amplified by at most a few hundred operations per component over 60 stable steps.
        Compare.Close(f32.InitialStates, f64.InitialStates, 2e-3, "Tsit5 float32 vs float64 dL/dx0");
    }
}
