using FastAttractors.Models;
using FastAttractors.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace FastAttractors.Tests.Adjoint;

/// <summary>
/// Engine.Gradient on every backend (float64) against central differences of the loss recomputed through the
/// Reference Engine.Integrate: random models, sizes, horizons, terminal and running losses, checkpoint intervals.
/// </summary>
public class GradientProperties
{
    public static IEnumerable<object[]> Backends() => BackendCases.Float64();

    /// <summary>A random ensemble plus a loss shape: running terms at random steps, a terminal term, and C.</summary>
    public sealed record GradientCase(EnsembleCase Ensemble, long[] RunningSteps, bool Terminal, int? CheckpointInterval)
    {
        /// <summary>
        /// Hénon stretches by e^0.42 per iteration on average (more locally): 12 iterations keep the loss's higher
        /// derivatives small enough for the finite difference below (each derivative order adds a factor of the
        /// stretching, ≈ 150 over 12 iterations). Every other member is integrated over at most 20 steps of dt ≤ 0.05
        /// (T ≤ 1), under one Lorenz Lyapunov time.
        /// </summary>
        public long Steps => Ensemble.Kind == "henon" ? Math.Min(Ensemble.Steps, 12) : Ensemble.Steps;

        public override string ToString() =>
            $"{Ensemble} running [{string.Join(", ", RunningSteps)}] terminal {Terminal} C {CheckpointInterval?.ToString() ?? "default"}";
    }

    private static Arbitrary<GradientCase> Cases() =>
        (from ensemble in Generators.Cases(maxN: 6, maxMembers: 3).Generator
         from count in Gen.Choose(0, 3)
         from running in Gen.Choose(0, 1000).ArrayOf(count)
         from terminal in Gen.Elements(true, false)
         from interval in Gen.Elements<int?>(null, 1, 2, 3, 5, 8, 100)
         let steps = ensemble.Kind == "henon" ? Math.Min(ensemble.Steps, 12) : ensemble.Steps
         // Running terms at steps 1..steps (step 0 would be a loss on x0 alone); at least one term overall.
         let runningSteps = running.Select(r => 1 + (long)r % steps).ToArray()
         select new GradientCase(ensemble, runningSteps, terminal || runningSteps.Length == 0, interval)).ToArbitrary();

    /// <summary>
    /// |adjoint − finite difference| ≤ 1e-6 · max(1, |fd|) per component (relative 1e-6; absolute below 1,
    /// where a relative bound on a near-zero component would test only the difference's rounding). The difference is
    /// the five-point stencil at ε = 1e-6: its truncation error ε⁴ |L⁽⁵⁾|/30 is negligible on these horizons (the
    /// plain central difference's ε² |L'''|/6 was not: 1.4e-5 relative on a 12-iteration Hénon member, where L'''
    /// grows like the cube of the ≈ e^(0.42 · 12) stretching). Its rounding error is 1.5 δ / ε, where δ is the rounding
    /// error of each loss value: several u |L| after up to 20 RK4 steps, not one. A Lorenz member with |L| = 863 showed
    /// δ ≈ 7 u |L|: its dL/dx0 component −0.14578606 (Reference, Simd and IlgpuCpu agreeing to 1e-13) differed from the
    /// difference by 4e-6 at ε = 1e-7, 1.05e-6 at 1e-6, 2.4e-8 at 1e-5 and 1.5e-9 at 1e-4, the error falling as 1/ε. So
    /// the bound adds 1.5 · 32 u |L| / ε (4.6e-6 at |L| = 863; Lorenz states of size 20 with targets near 0 give the
    /// largest losses here): a relative bound on a small component cannot absorb noise that scales with |L|. ReLU members: a
    /// difference that straddles a kink of some stage's pre-activation is not a derivative, and that component is
    /// skipped (a one-in-thousands event at ε = 1e-6).
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void Gradients_match_central_differences_on_random_members(Backend backend)
    {
        Prop.ForAll(Cases(), c => Check(backend, c)).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    /// <summary>u = 2⁻⁵³, float64's unit roundoff.</summary>
    private const double UnitRoundoff = 1.1102230246251565e-16;

    private static void Check(Backend backend, GradientCase c)
    {
        const double eps = 1e-6;
        var problem = c.Ensemble.Problem();
        var solver = c.Ensemble.Solver;
        int n = problem.Dimension, members = problem.Members;
        var terms = new List<(long Step, double[] Target)>();
        for (int k = 0; k < c.RunningSteps.Length; k++)
            terms.Add((c.RunningSteps[k], Enumerable.Range(0, n).Select(i => 0.1 * (i + k) - 0.2).ToArray()));
        if (c.Terminal)
            terms.Add((c.Steps, Enumerable.Range(0, n).Select(i => 0.05 * i).ToArray()));
        // The terminal term is given as step null (the engine resolves it to the horizon), the running ones by step.
        var loss = new Loss(terms.Select((t, k) => new LossTerm(c.Terminal && k == terms.Count - 1 ? null : t.Step,
            new SquaredError(t.Target, n))).ToArray());
        var grads = EngineCache.Get(backend).Gradient(problem, solver, c.Steps, loss,
            new GradientOptions { CheckpointInterval = c.CheckpointInterval, Precision = Precision.Float64 });

        var baseline = LossOracle.Losses(problem, solver, terms);
        for (int m = 0; m < members; m++)
        {
            Assert.True(grads.Status[m] == GradientStatus.Ok, $"{c} member {m}: status {grads.Status[m]} on {backend}");
            Assert.True(Math.Abs(grads.Loss[m] - baseline[m]) <= 1e-10 * Math.Max(1, Math.Abs(baseline[m])),
                $"{c} member {m}: loss {grads.Loss[m]}, Integrate gives {baseline[m]}");
        }

        void Compare(string what, Func<double, EnsembleProblem> shifted, Func<int, double> adjoint)
        {
            var plus = LossOracle.Losses(shifted(eps), solver, terms);
            var minus = LossOracle.Losses(shifted(-eps), solver, terms);
            var plus2 = LossOracle.Losses(shifted(2 * eps), solver, terms);
            var minus2 = LossOracle.Losses(shifted(-2 * eps), solver, terms);
            for (int m = 0; m < members; m++)
            {
                // Five-point stencil: the ε² L''' error of the plain central difference cancels (Richardson).
                double fd = (8 * (plus[m] - minus[m]) - (plus2[m] - minus2[m])) / (12 * eps);
                // A ReLU kink between x − 2ε and x + 2ε: the one-sided slopes, or the central differences over ε and 2ε,
                // then differ by O(1) of the slope's jump instead of O(ε) and O(ε²); such a component is not checked.
                double forward = (plus[m] - baseline[m]) / eps, backward = (baseline[m] - minus[m]) / eps;
                double narrow = (plus[m] - minus[m]) / (2 * eps), wide = (plus2[m] - minus2[m]) / (4 * eps);
                double slope = Math.Max(1, Math.Abs(fd));
                if (c.Ensemble.Kind == "relu-rnn" && (Math.Abs(forward - backward) > 1e-3 * slope || Math.Abs(narrow - wide) > 1e-7 * slope))
                    continue;
                double ad = adjoint(m);
                double rounding = 1.5 * 32 * UnitRoundoff * Math.Abs(baseline[m]) / eps;
                Assert.True(Math.Abs(fd - ad) <= 1e-6 * Math.Max(1, Math.Abs(fd)) + rounding,
                    $"{c} member {m} {what}: adjoint {ad:R}, finite difference {fd:R} on {backend}");
            }
        }

        for (int i = 0; i < n; i++)
            Compare($"dL/dx0[{i}]", d => LossOracle.WithInitialShift(problem, i, d), m => grads.InitialStates[(long)i * members + m]);

        var blocks = ((IModelBinding)problem.Model).GradientParameters;
        var rng = new Random((int)c.Ensemble.Seed);
        for (int b = 0; b < blocks.Count; b++)
        {
            var gradient = grads.Parameters[b];
            Assert.Equal(blocks[b].Name, gradient.Name);
            // Every component of small blocks; four random ones of an n × n weight matrix (each costs two integrations).
            var components = blocks[b].Length <= 6 ? Enumerable.Range(0, blocks[b].Length) : Enumerable.Range(0, 4).Select(_ => rng.Next(blocks[b].Length));
            foreach (int p in components.Distinct())
            {
                int block = b;
                Compare($"dL/d{gradient.Name}[{p}]", d => LossOracle.WithParameterShift(problem, block, p, d), m => gradient.Get(p, m));
            }
        }
    }
}
