using FastAttractors.Models;
using FastAttractors.Ode;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// The oracle: scalar float64, one member at a time, state and tangents through the Butcher tableau (the exact
/// linearisation of the RK4 map: each stage's tangent slope is J at that stage's state applied to that stage's
/// tangent input), Householder QR, and the sum-rule integral by the same RK4 quadrature weights.
/// </summary>
internal sealed class ReferenceLyapunov : ILyapunovEstimator
{
    public Backend Backend => Backend.Reference;

    public LyapunovSpectra Estimate(LyapunovPlan plan)
    {
        var acc = new SpectrumAccumulators(plan);
        var q0 = plan.InitialTangents();
        var tableau = plan.Tableau;
        Parallel.For(0, plan.Members, () => new Workspace(plan.N, plan.K, tableau.Stages, plan.Binding.CreateReferenceField()), (m, _, w) =>
        {
            Run(plan, acc, q0, tableau, m, w);
            return w;
        }, _ => { });
        return SpectrumDiagnostics.Finish(acc, Backend, Precision.Float64);
    }

    private static void Run(LyapunovPlan plan, SpectrumAccumulators acc, double[] q0, ButcherTableau tableau, int m, Workspace w)
    {
        int n = plan.N, k = plan.K;
        for (int i = 0; i < n; i++)
            w.X[i] = plan.Problem.InitialStates[(long)i * plan.Members + m];
        q0.CopyTo(w.Q, 0);
        for (long interval = 0; interval < plan.TotalIntervals; interval++)
        {
            bool accumulating = interval >= plan.TransientIntervals;
            bool contraction = accumulating && plan.FullSpectrum;
            for (int s = 0; s < plan.Every; s++)
            {
                long step = interval * plan.Every + s;
                if (plan.IsMap)
                    MapStep(plan, w, m, contraction ? acc.ContractionIntegral : null);
                else
                    RkStep(plan, tableau, w, m, contraction ? acc.ContractionIntegral : null);
                if (!w.NextX.All(double.IsFinite) || !w.NextQ.All(double.IsFinite))
                {
                    acc.MarkDiverged(m, step);
                    return;
                }
                (w.X, w.NextX) = (w.NextX, w.X);
                (w.Q, w.NextQ) = (w.NextQ, w.Q);
            }
            HouseholderQr.Factor(w.Q, n, k, w.R, w.QrWork);
            if (accumulating)
            {
                var row = acc.BlockRow(m, plan.BlockOf(interval - plan.TransientIntervals));
                for (int i = 0; i < k; i++)
                    row[i] += Math.Log(Math.Abs(w.R[i]));
            }
        }
    }

    /// <summary>x ← F(x), Q ← J(x) Q; the contraction log |det J(x)| is taken at the pre-image x.</summary>
    private static void MapStep(LyapunovPlan plan, Workspace w, int m, double[]? contraction)
    {
        int n = plan.N;
        if (contraction is not null)
            contraction[m] += w.Field.Contraction(m, w.X);
        w.Field.Evaluate(m, w.X, w.NextX);
        for (int c = 0; c < plan.K; c++)
        {
            Array.Copy(w.Q, c * n, w.V, 0, n);
            w.Field.Jvp(m, w.X, w.V, w.Jv);
            Array.Copy(w.Jv, 0, w.NextQ, c * n, n);
        }
    }

    /// <summary>
    /// Stage s: X_s = x + dt Σ_j a_sj Kx_j, V_s = Q + dt Σ_j a_sj KQ_j, Kx_s = f(X_s), KQ_s = J(X_s) V_s; then
    /// x' = x + dt Σ b_s Kx_s and Q' = Q + dt Σ b_s KQ_s. The contraction integral gains dt Σ b_s tr J(X_s).
    /// </summary>
    private static void RkStep(LyapunovPlan plan, ButcherTableau tableau, Workspace w, int m, double[]? contraction)
    {
        int n = plan.N, k = plan.K;
        double dt = plan.Dt;
        for (int s = 0; s < tableau.Stages; s++)
        {
            ReferenceRk.Combine(w.X, w.Kx, tableau.A[s].AsSpan(), dt, w.Stage, 0, n);
            w.Field.Evaluate(m, w.Stage, w.Kx[s]);
            if (contraction is not null)
                contraction[m] += dt * tableau.B[s] * w.Field.Contraction(m, w.Stage);
            for (int c = 0; c < k; c++)
            {
                ReferenceRk.Combine(w.Q, w.Kq, tableau.A[s].AsSpan(), dt, w.V, c * n, n);
                w.Field.Jvp(m, w.Stage, w.V, w.Jv);
                Array.Copy(w.Jv, 0, w.Kq[s], c * n, n);
            }
        }
        ReferenceRk.Combine(w.X, w.Kx, tableau.B.AsSpan(), dt, w.NextX, 0, n);
        ReferenceRk.Combine(w.Q, w.Kq, tableau.B.AsSpan(), dt, w.NextQ, 0, n * k);
    }

    public void Dispose()
    {
    }

    private sealed class Workspace(int n, int k, int stages, IReferenceField field)
    {
        public double[] X = new double[n], NextX = new double[n], Q = new double[n * k], NextQ = new double[n * k];
        public readonly double[] Stage = new double[n], V = new double[n], Jv = new double[n], R = new double[k];
        public readonly double[] QrWork = new double[n * k + n];
        public readonly double[][] Kx = Enumerable.Range(0, stages).Select(_ => new double[n]).ToArray();
        public readonly double[][] Kq = Enumerable.Range(0, stages).Select(_ => new double[n * k]).ToArray();
        public readonly IReferenceField Field = field;
    }
}
