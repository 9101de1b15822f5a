namespace FastAttractors.Ode.Integrators;

/// <summary>
/// The oracle: scalar float64, one member at a time, any explicit method driven by its Butcher tableau (never
/// hand-unrolled), so it shares no arithmetic code with the kernels or the Simd path.
/// </summary>
internal sealed class ReferenceIntegrator : IEnsembleIntegrator
{
    public Backend Backend => Backend.Reference;

    public EnsembleSolution Integrate(RunPlan plan)
    {
        var solution = new EnsembleSolution(plan.N, plan.Members, plan.Steps, plan.Dt, plan.RecordEvery, Backend, Precision.Float64);
        var tableau = plan.Tableau;
        Parallel.For(0, plan.Members, () => new Workspace(plan.N, tableau.Stages, plan.Binding.CreateReferenceField()), (m, _, w) =>
        {
            int n = plan.N, members = plan.Members;
            for (int i = 0; i < n; i++)
                w.X[i] = plan.Problem.InitialStates[(long)i * members + m];
            Record(solution, w.X, m, 0);
            for (long step = 0; step < plan.Steps; step++)
            {
                if (plan.IsMap)
                    w.Field.Evaluate(m, w.X, w.Next);
                else
                    RkStep(tableau, plan.Dt, w, m);
                if (!w.Next.All(double.IsFinite))
                {
                    solution.Status[m] = MemberStatus.NonFinite;
                    solution.FailedStep[m] = step;
                    RecordFrozen(plan, solution, w.X, m, step);
                    break;
                }
                Array.Copy(w.Next, w.X, n);
                if (plan.RecordEvery is { } every && (step + 1) % every == 0)
                    Record(solution, w.X, m, (step + 1) / every);
            }
            for (int i = 0; i < n; i++)
                solution.FinalStates[(long)i * members + m] = w.X[i];
            return w;
        }, _ => { });
        return solution;
    }

    /// <summary>k_s = f(x + dt Σ_j a_sj k_j); x_next = x + dt Σ_s b_s k_s.</summary>
    private static void RkStep(ButcherTableau tableau, double dt, Workspace w, int m)
    {
        int n = w.X.Length;
        for (int s = 0; s < tableau.Stages; s++)
        {
            ReferenceRk.Combine(w.X, w.K, tableau.A[s].AsSpan(), dt, w.Stage, 0, n);
            w.Field.Evaluate(m, w.Stage, w.K[s]);
        }
        ReferenceRk.Combine(w.X, w.K, tableau.B.AsSpan(), dt, w.Next, 0, n);
    }

    /// <summary>A frozen member stays at its last finite state in every later frame, as on the other backends.</summary>
    private static void RecordFrozen(RunPlan plan, EnsembleSolution solution, double[] x, int m, long failedStep)
    {
        if (plan.RecordEvery is not { } every)
            return;
        for (long frame = failedStep / every + 1; frame < solution.Frames; frame++)
            Record(solution, x, m, frame);
    }

    private static void Record(EnsembleSolution solution, double[] x, int m, long frame)
    {
        if (solution.Trajectory is null)
            return;
        for (int i = 0; i < x.Length; i++)
            solution.Trajectory[(frame * solution.Dimension + i) * solution.Members + m] = x[i];
    }

    public void Dispose()
    {
    }

    private sealed class Workspace(int n, int stages, Models.IReferenceField field)
    {
        public readonly double[] X = new double[n], Next = new double[n], Stage = new double[n];
        public readonly double[][] K = Enumerable.Range(0, stages).Select(_ => new double[n]).ToArray();
        public readonly Models.IReferenceField Field = field;
    }
}
