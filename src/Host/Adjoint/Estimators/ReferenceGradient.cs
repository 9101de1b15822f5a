using FastAttractors.Models;
using FastAttractors.Ode;

namespace FastAttractors.Adjoint.Estimators;

/// <summary>
/// The oracle: scalar float64, one member at a time. Forward pass storing every C-th state; backward pass segment by
/// segment, each recomputed forward from its checkpoint (never integrated backward, which is unstable for dissipative networks), then the exact adjoint of
/// each RK4 step through the Butcher tableau (reverse-mode differentiation of x' = x + h Σ b_s K_s with
/// K_s = f(x + h Σ_j a_sj K_j)), or x̄ = J(x)ᵀ ā for maps.
/// </summary>
internal sealed class ReferenceGradient : IGradientEstimator
{
    public Backend Backend => Backend.Reference;

    public EnsembleGradients Gradient(GradientPlan plan)
    {
        var result = new EnsembleGradients(plan.N, plan.Members, plan.Steps, plan.CheckpointInterval, plan.Binding.GradientParameters,
            plan.NormEvery, plan.Dt, Backend, Precision.Float64);
        var tableau = plan.Tableau;
        Parallel.For(0, plan.Members, () => new Workspace(plan, tableau.Stages), (m, _, w) =>
        {
            Run(plan, tableau, result, m, w);
            return w;
        }, _ => { });
        return result;
    }

    private static void Run(GradientPlan plan, ButcherTableau tableau, EnsembleGradients result, int m, Workspace w)
    {
        int n = plan.N, c = plan.CheckpointInterval;
        for (int i = 0; i < n; i++)
            w.X[i] = plan.Problem.InitialStates[(long)i * plan.Members + m];
        // Forward: checkpoints at steps 0, C, 2C, …; the final state for the terminal loss.
        for (long t = 0; t < plan.Steps; t++)
        {
            if (t % c == 0)
                Array.Copy(w.X, 0, w.Checkpoints, (t / c) * n, n);
            Step(plan, tableau, w, m);
            if (!w.Next.All(double.IsFinite))
            {
                GradientFailure.Fail(result, m, GradientStatus.ForwardDiverged, t);
                return;
            }
            (w.X, w.Next) = (w.Next, w.X);
        }
        Array.Clear(w.A);
        double loss = 0;
        int term = plan.LossTerms.Count - 1;
        loss += AddLossAt(plan, plan.Steps, w.X, w, m, ref term);
        RecordNorm(plan, result, plan.Steps, w.A, m);
        foreach (var g in w.ParameterBars)
            Array.Clear(g);
        for (long segment = plan.Checkpoints - 1; segment >= 0; segment--)
        {
            long first = segment * c, end = Math.Min(first + c, plan.Steps);
            Array.Copy(w.Checkpoints, segment * n, w.Segment, 0, n);
            for (long t = first; t + 1 < end; t++)
            {
                Array.Copy(w.Segment, (t - first) * n, w.X, 0, n);
                Step(plan, tableau, w, m);
                Array.Copy(w.Next, 0, w.Segment, (t + 1 - first) * n, n);
            }
            for (long t = end - 1; t >= first; t--)
            {
                Array.Copy(w.Segment, (t - first) * n, w.X, 0, n);
                BackwardStep(plan, tableau, w, m);
                loss += AddLossAt(plan, t, w.X, w, m, ref term);
                if (!w.A.All(double.IsFinite))
                {
                    GradientFailure.Fail(result, m, GradientStatus.GradientNonFinite, t);
                    return;
                }
                RecordNorm(plan, result, t, w.A, m);
            }
        }
        result.Loss[m] = loss;
        for (int i = 0; i < n; i++)
            result.InitialStates[(long)i * plan.Members + m] = w.A[i];
        for (int b = 0; b < w.ParameterBars.Length; b++)
        {
            var bar = w.ParameterBars[b];
            if (!bar.All(double.IsFinite))
            {
                GradientFailure.Fail(result, m, GradientStatus.GradientNonFinite, 0);
                return;
            }
            for (int p = 0; p < bar.Length; p++)
                result.Parameters[b].Values[(long)p * plan.Members + m] = bar[p];
        }
    }

    /// <summary>ā(t) += ∂ℓ/∂x(t) for every loss term at step t (terms sorted by step, consumed from the last).</summary>
    private static double AddLossAt(GradientPlan plan, long t, double[] x, Workspace w, int m, ref int term)
    {
        double loss = 0;
        while (term >= 0 && plan.LossTerms[term].Step == t)
        {
            loss += plan.LossTerms[term].Function.Evaluate(m, x, w.LossGradient);
            for (int i = 0; i < plan.N; i++)
                w.A[i] += w.LossGradient[i];
            term--;
        }
        return loss;
    }

    private static void RecordNorm(GradientPlan plan, EnsembleGradients result, long t, double[] a, int m)
    {
        if (plan.NormEvery is not { } every || t % every != 0)
            return;
        result.AdjointNorms![(t / every) * plan.Members + m] = AdjointNorm.Of(a, a.Length);
    }

    /// <summary>x → Next by one RK4 step (stage states and slopes kept in the workspace) or one map iteration.</summary>
    private static void Step(GradientPlan plan, ButcherTableau tableau, Workspace w, int m)
    {
        int n = plan.N;
        if (plan.IsMap)
        {
            w.Field.Evaluate(m, w.X, w.Next);
            return;
        }
        for (int s = 0; s < tableau.Stages; s++)
        {
            ReferenceRk.Combine(w.X, w.K, tableau.A[s].AsSpan(), plan.Dt, w.Stages[s], 0, n);
            w.Field.Evaluate(m, w.Stages[s], w.K[s]);
        }
        ReferenceRk.Combine(w.X, w.K, tableau.B.AsSpan(), plan.Dt, w.Next, 0, n);
    }

    /// <summary>
    /// ā ← ∂L/∂x(t) from ā = ∂L/∂x(t+1). RK4: K̄_s = h b_s ā, then for s from last to first X̄_s = J(X_s)ᵀ K̄_s,
    /// x̄ += X̄_s, K̄_j += h a_sj X̄_s (j &lt; s), θ̄ += (∂f/∂θ(X_s))ᵀ K̄_s; x̄ = ā + Σ X̄_s. Maps: x̄ = J(x)ᵀ ā.
    /// </summary>
    private static void BackwardStep(GradientPlan plan, ButcherTableau tableau, Workspace w, int m)
    {
        int n = plan.N;
        if (plan.IsMap)
        {
            w.Field.AddParameterCotangent(m, w.X, w.A, w.ParameterBars);
            w.Field.Vjp(m, w.X, w.A, w.Bar);
            Array.Copy(w.Bar, w.A, n);
            return;
        }
        Step(plan, tableau, w, m); // recompute the stage states X_s of this step
        double h = plan.Dt;
        for (int s = 0; s < tableau.Stages; s++)
            for (int i = 0; i < n; i++)
                w.KBar[s][i] = h * tableau.B[s] * w.A[i];
        for (int s = tableau.Stages - 1; s >= 0; s--)
        {
            w.Field.Vjp(m, w.Stages[s], w.KBar[s], w.Bar);
            w.Field.AddParameterCotangent(m, w.Stages[s], w.KBar[s], w.ParameterBars);
            for (int i = 0; i < n; i++)
            {
                w.A[i] += w.Bar[i];
                for (int j = 0; j < s; j++)
                    w.KBar[j][i] += h * tableau.A[s][j] * w.Bar[i];
            }
        }
    }

    public void Dispose()
    {
    }

    private sealed class Workspace
    {
        public Workspace(GradientPlan plan, int stages)
        {
            int n = plan.N;
            Field = plan.Binding.CreateReferenceField();
            X = new double[n];
            Next = new double[n];
            A = new double[n];
            Bar = new double[n];
            LossGradient = new double[n];
            Stages = Enumerable.Range(0, stages).Select(_ => new double[n]).ToArray();
            K = Enumerable.Range(0, stages).Select(_ => new double[n]).ToArray();
            KBar = Enumerable.Range(0, stages).Select(_ => new double[n]).ToArray();
            Checkpoints = new double[plan.Checkpoints * n];
            Segment = new double[(long)plan.CheckpointInterval * n];
            ParameterBars = plan.Binding.GradientParameters.Select(b => new double[b.Length]).ToArray();
        }

        public readonly IReferenceField Field;
        public double[] X, Next;
        public readonly double[] A, Bar, LossGradient, Checkpoints, Segment;
        public readonly double[][] Stages, K, KBar, ParameterBars;
    }
}
