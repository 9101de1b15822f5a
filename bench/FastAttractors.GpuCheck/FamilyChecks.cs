using System.Globalization;
using FastAttractors;

/// <summary>
/// Every kernel family of the engine on the checked backend against the Reference path, in float64 and float32:
/// integration with every method of the registry, Lyapunov spectra of flows (every method) and maps, one large shared
/// network, and gradients. Short runs, so that rounding differences are not amplified by chaos; the tolerances are the
/// property tests' (tests/FastAttractors.Tests: IlgpuLyapunovProperties, IlgpuGradientProperties, MethodAgreement):
/// scaled error max |a − b| / (1 + |b|).
/// </summary>
internal static class FamilyChecks
{
    public static bool Run(Engine engine, Engine reference, int members)
    {
        bool ok = true;
        foreach (var method in Methods.All)
        {
            var solver = new ExplicitRk(method, 0.01);
            ok &= Integrate(engine, reference, $"integrate {method.Name} TanhRnn n=16", Rnn(16, members), solver);
            ok &= Integrate(engine, reference, $"integrate {method.Name} Lorenz", Lorenz(members), new ExplicitRk(method, 0.001));
            ok &= Lyapunov(engine, reference, $"lyapunov {method.Name} TanhRnn n=8 k=8", Rnn(8, members), new ExplicitRk(method, 0.05), every: 2);
        }
        ok &= Lyapunov(engine, reference, "lyapunov rk4 rotation flow n=2", Rotations(members, DynamicsKind.Flow), new Rk4(0.05), every: 2);
        ok &= Lyapunov(engine, reference, "lyapunov rk4 Lorenz", Lorenz(members), new Rk4(0.01), every: 2);
        ok &= Lyapunov(engine, reference, "lyapunov map Henon", Henon(members), MapIteration.Instance, every: 1);
        ok &= Lyapunov(engine, reference, "lyapunov map rotation n=2", Rotations(members, DynamicsKind.Map), MapIteration.Instance, every: 1);
        var large = new EnsembleProblem(TanhRnn.Random(128, 3, 1.0, null, 5, tau: 1.5, zeroDiagonal: true), InitialStates.Normal(128, 1, 1.0, 6), 1);
        ok &= Lyapunov(engine, reference, "lyapunov large shared TanhRnn n=128 k=8", large, new Rk4(0.1), every: 5, k: 8);
        ok &= Gradient(engine, reference, "gradient rk4 TanhRnn n=12", Rnn(12, members));
        ok &= Gradient(engine, reference, "gradient rk4 Lorenz", Lorenz(members));
        return ok;
    }

    private static EnsembleProblem Rnn(int n, int members) =>
        new(TanhRnn.Random(n, 1.5, 1.0, members, 11), InitialStates.Normal(n, members, 1.0, 12), members);

    private static EnsembleProblem Lorenz(int members) =>
        new(FastAttractors.Lorenz.RhoSweep(members, 0, 28), InitialStates.Normal(3, members, 5.0, 13, mean: 1.0), members);

    private static EnsembleProblem Henon(int members) =>
        new(new FastAttractors.Henon(), InitialStates.Normal(2, members, 0.05, 14), members);

    private static EnsembleProblem Rotations(int members, DynamicsKind kind) =>
        new(new TanhOfLinear(Weights.Pta(2, (0.5, 3), (0, Math.PI), members, 15), kind), InitialStates.Normal(2, members, 1.0, 16), members);

    private static bool Integrate(Engine engine, Engine reference, string name, EnsembleProblem problem, ISolver solver)
    {
        var expected = reference.Integrate(problem, solver, 20);
        bool ok = true;
        foreach (var precision in Precisions)
        {
            var actual = engine.Integrate(problem, solver, 20, options: new IntegrateOptions { Precision = precision });
            ok &= Report(name, precision, Worst(actual.FinalStates, expected.FinalStates), precision == Precision.Float64 ? 1e-9 : 2e-3,
                actual.Status.SequenceEqual(expected.Status));
        }
        return ok;
    }

    /// <summary>Tolerances as IlgpuLyapunovProperties: float64 1e-10 (we allow 1e-9 over more members), float32 5e-4 flows, 5e-3 maps.</summary>
    private static bool Lyapunov(Engine engine, Engine reference, string name, EnsembleProblem problem, ISolver solver, int every, int? k = null)
    {
        double interval = every * (solver is MapIteration ? 1.0 : solver.StepSize);
        LyapunovOptions Options(Precision precision) => new()
        {
            Exponents = k, Every = every, Transient = (solver is MapIteration ? 0 : 2) * interval, Duration = 10 * interval, Precision = precision,
        };
        var expected = reference.Lyapunov(problem, solver, Options(Precision.Float64));
        bool ok = true;
        foreach (var precision in Precisions)
        {
            var actual = engine.Lyapunov(problem, solver, Options(precision));
            var finite = Enumerable.Range(0, problem.Members).Where(m => expected.Status[m] != LyapunovStatus.Diverged && actual.Status[m] != LyapunovStatus.Diverged);
            double worst = finite.Select(m => Worst(actual.Spectrum(m), expected.Spectrum(m))).DefaultIfEmpty(0).Max();
            double tolerance = precision == Precision.Float64 ? 1e-9 : solver is MapIteration ? 5e-3 : 5e-4;
            ok &= Report(name, precision, worst, tolerance, precision == Precision.Float32 || actual.Status.SequenceEqual(expected.Status));
        }
        return ok;
    }

    /// <summary>Terminal squared error after 20 RK4 steps; loss, ∂L/∂x(0) and every parameter block. float64 1e-10, float32 2e-3.</summary>
    private static bool Gradient(Engine engine, Engine reference, string name, EnsembleProblem problem)
    {
        int n = problem.Dimension;
        var target = InitialStates.Normal(n, problem.Members, 0.5, 17);
        var loss = Loss.Terminal(target, n);
        var solver = new Rk4(0.01);
        var expected = reference.Gradient(problem, solver, 20, loss);
        bool ok = true;
        foreach (var precision in Precisions)
        {
            var actual = engine.Gradient(problem, solver, 20, loss, new GradientOptions { Precision = precision });
            double worst = Math.Max(Worst(actual.Loss, expected.Loss), Worst(actual.InitialStates, expected.InitialStates));
            for (int b = 0; b < expected.Parameters.Count; b++)
                worst = Math.Max(worst, Worst(actual.Parameters[b].Values, expected.Parameters[b].Values));
            ok &= Report(name, precision, worst, precision == Precision.Float64 ? 1e-10 : 2e-3, actual.Status.SequenceEqual(expected.Status));
        }
        return ok;
    }

    private static readonly Precision[] Precisions = [Precision.Float64, Precision.Float32];

    private static double Worst(double[] actual, double[] expected)
    {
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]) / (1 + Math.Abs(expected[i])));
        return worst;
    }

    private static bool Report(string name, Precision precision, double worst, double tolerance, bool statusesAgree)
    {
        bool ok = worst <= tolerance && statusesAgree;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agree {(ok ? "OK  " : "FAIL")} {name,-44} {precision,-7} max scaled error {worst:E2} (tol {tolerance:E0}){(statusesAgree ? "" : ", statuses differ")}"));
        return ok;
    }
}
