using FastAttractors.Tests.Support;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>The Reference adjoint against central finite differences of the loss, computed through Engine.Integrate.</summary>
public class ReferenceGradientTests
{
    private static double LossOf(EnsembleProblem problem, ISolver solver, long steps, double[] target, int member)
    {
        var sol = EngineCache.Get(Backend.Reference).Integrate(problem, solver, steps);
        double loss = 0;
        for (int i = 0; i < problem.Dimension; i++)
        {
            double d = sol.FinalStates[(long)i * problem.Members + member] - target[i];
            loss += 0.5 * d * d;
        }
        return loss;
    }

    [Theory]
    [InlineData("tanh-rnn")]
    [InlineData("relu-rnn")]
    [InlineData("lorenz")]
    [InlineData("henon")]
    [InlineData("tanh-of-linear-map")]
    public void Gradients_match_central_differences(string kind)
    {
        // Hénon is chaotic (λ1 ≈ 0.42 per iteration): after 40 iterations |dL/dx0| ~ 1e4 and central differences at
        // ε = 1e-6 carry curvature errors of the same order; 12 iterations keep them below the 1e-6 tolerance.
        var c = new EnsembleCase(kind, N: 5, Members: 2, PerMember: true, Seed: 7, Dt: 0.02, Steps: kind == "henon" ? 12 : 40, Gain: 1.3);
        var problem = c.Problem();
        int n = c.Dimension;
        var target = Enumerable.Range(0, n).Select(i => 0.1 * i).ToArray();
        var grads = EngineCache.Get(Backend.Reference).Gradient(problem, c.Solver, c.Steps, Loss.Terminal(target, n),
            new GradientOptions { CheckpointInterval = 7 });
        const double eps = 1e-6;
        for (int m = 0; m < 2; m++)
        {
            Assert.Equal(GradientStatus.Ok, grads.Status[m]);
            Assert.Equal(LossOf(problem, c.Solver, c.Steps, target, m), grads.Loss[m], 10);
            for (int i = 0; i < n; i++)
            {
                double Shifted(double delta)
                {
                    var x0 = (double[])problem.InitialStates.Clone();
                    x0[(long)i * problem.Members + m] += delta;
                    return LossOf(new EnsembleProblem(problem.Model, x0, problem.Members), c.Solver, c.Steps, target, m);
                }
                double fd = (Shifted(eps) - Shifted(-eps)) / (2 * eps);
                double ad = grads.InitialStates[(long)i * problem.Members + m];
                Assert.True(Math.Abs(fd - ad) <= 1e-6 * Math.Max(1, Math.Abs(fd)), $"{kind} member {m} dL/dx0[{i}]: adjoint {ad}, finite differences {fd}");
            }
        }
    }
}
