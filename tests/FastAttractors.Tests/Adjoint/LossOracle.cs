using FastAttractors.Models;
using FastAttractors.Tests.Support;

namespace FastAttractors.Tests.Adjoint;

/// <summary>
/// The loss recomputed from Engine.Integrate on the Reference backend (float64), independent of the adjoint code, and
/// models rebuilt with one parameter nudged: the raw material of the finite-difference checks.
/// </summary>
public static class LossOracle
{
    /// <summary>Σ_terms ½ |x(step) − target|² per member (targets of n values shared by all members).</summary>
    public static double[] Losses(EnsembleProblem problem, ISolver solver, IReadOnlyList<(long Step, double[] Target)> terms)
    {
        int n = problem.Dimension, members = problem.Members;
        var losses = new double[members];
        foreach (var (step, target) in terms)
        {
            var x = step == 0 ? problem.InitialStates : EngineCache.Get(Backend.Reference).Integrate(problem, solver, step).FinalStates;
            for (int m = 0; m < members; m++)
            {
                for (int i = 0; i < n; i++)
                {
                    double d = x[(long)i * members + m] - target[i];
                    losses[m] += 0.5 * d * d;
                }
            }
        }
        return losses;
    }

    /// <summary>The same problem with component i of every member's initial state moved by delta.</summary>
    public static EnsembleProblem WithInitialShift(EnsembleProblem problem, int i, double delta)
    {
        var x0 = (double[])problem.InitialStates.Clone();
        for (int m = 0; m < problem.Members; m++)
            x0[(long)i * problem.Members + m] += delta;
        return new EnsembleProblem(problem.Model, x0, problem.Members);
    }

    /// <summary>
    /// The same problem with component p of gradient block <paramref name="block"/> moved by delta: for every member
    /// when the block is per member (members are independent, so one run differentiates them all), and the one shared
    /// value otherwise (each member's loss then moves by its own contribution, which is what the gradient reports).
    /// </summary>
    public static EnsembleProblem WithParameterShift(EnsembleProblem problem, int block, int p, double delta)
    {
        var original = ((IModelBinding)problem.Model).GradientParameters[block];
        var values = (double[])original.Values.Clone();
        if (original.PerMember)
        {
            for (int m = 0; m < original.Members; m++)
                values[(long)p * original.Members + m] += delta;
        }
        else
        {
            values[p] += delta;
        }
        var shifted = original.PerMember
            ? ParameterBlock.PerMemberSoa(original.Name, original.Length, original.Members, values)
            : ParameterBlock.Shared(original.Name, values);
        return new EnsembleProblem(Rebuilt(problem.Model, block, shifted), problem.InitialStates, problem.Members);
    }

    private static IEnsembleModel Rebuilt(IEnsembleModel model, int block, ParameterBlock shifted)
    {
        ParameterBlock Pick(int index, ParameterBlock current) => index == block ? shifted : current;
        return model switch
        {
            TanhRnn t => new TanhRnn(Pick(0, t.W), Pick(1, t.B), Pick(2, t.Tau)),
            ReluRnn r => new ReluRnn(Pick(0, r.W), Pick(1, r.B)),
            TanhOfLinear t => new TanhOfLinear(Pick(0, t.W), t.Kind),
            Linear l => new Linear(Pick(0, l.A), Pick(1, l.B), l.Kind),
            Lorenz => new Lorenz(shifted),
            Henon => new Henon(shifted),
            _ => throw new ArgumentException($"model: no rebuild rule for {model.Name}.", nameof(model)),
        };
    }
}
