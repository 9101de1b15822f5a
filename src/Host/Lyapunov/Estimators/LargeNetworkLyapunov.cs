using System.Numerics;
using System.Numerics.Tensors;
using FastAttractors.Lyapunov.Large;

namespace FastAttractors.Lyapunov.Estimators;

/// <summary>
/// The leading k exponents of one (or a few) large networks on the CPU: where thread-per-member code has nothing to
/// spread, the tangent update of each RK4 stage is one multi-threaded GEMM (<see cref="TanhRnnTangentRk4{T}"/>) and
/// the re-orthonormalisation a vectorised CGS2 (<see cref="GramSchmidtQr"/>). Same integration semantics and the same
/// accumulators and diagnostics as <see cref="ReferenceLyapunov"/>; state and tangents in the plan's precision, the
/// log |R_ii| and the contraction integral in float64. Members run one after another, each using every core.
/// </summary>
internal sealed class LargeNetworkLyapunov : ILyapunovEstimator
{
    /// <summary>Above this many members the thread-per-member estimators are the better fit.</summary>
    public const int MaxMembers = 4;

    /// <summary>Below this n one GEMM is too small to share across cores and the per-member path wins.</summary>
    public const int MinDimension = 128;

    public Backend Backend => Backend.Simd;

    /// <summary>The model and parameters this estimator can integrate: a TanhRnn flow with W, b and τ shared by all members.</summary>
    public static bool CanRun(LyapunovPlan plan) =>
        plan.Binding is TanhRnn { W.PerMember: false, B.PerMember: false, Tau.PerMember: false } && !plan.IsMap;

    /// <summary>Whether this estimator should be chosen for the plan: it can run it, and the plan is few large networks.</summary>
    public static bool Supports(LyapunovPlan plan) => CanRun(plan) && plan.Members <= MaxMembers && plan.N >= MinDimension;

    /// <summary>Time in tangent propagation (packing and GEMM) of the last <see cref="Estimate"/>.</summary>
    public TimeSpan GemmTime { get; private set; }

    /// <summary>Time in the QR of the last <see cref="Estimate"/>.</summary>
    public TimeSpan QrTime { get; private set; }

    public LyapunovSpectra Estimate(LyapunovPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!CanRun(plan))
            throw new ArgumentException(
                $"plan: the large-network estimator integrates TanhRnn flows with shared W, b and τ; got model '{plan.Problem.Model.Name}'"
                + (plan.Binding is TanhRnn ? " with per-member parameters." : "."), nameof(plan));
        var acc = new SpectrumAccumulators(plan);
        GemmTime = QrTime = TimeSpan.Zero;
        if (plan.Precision == Precision.Float32)
            Run<float>(plan, acc);
        else
            Run<double>(plan, acc);
        return SpectrumDiagnostics.Finish(acc, Backend, plan.Precision);
    }

    private void Run<T>(LyapunovPlan plan, SpectrumAccumulators acc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = plan.N, k = plan.K;
        var stepper = new TanhRnnTangentRk4<T>((TanhRnn)plan.Binding, k, plan.Dt);
        var q0 = TanhRnnTangentRk4<T>.Convert(plan.InitialTangents());
        T[] x = new T[n], nextX = new T[n], q = new T[n * k], nextQ = new T[n * k], projections = new T[k];
        var r = new double[k];
        long qrTicks = 0;
        for (int m = 0; m < plan.Members; m++)
        {
            for (int i = 0; i < n; i++)
                x[i] = T.CreateChecked(plan.Problem.InitialStates[(long)i * plan.Members + m]);
            q0.CopyTo(q, 0);
            for (long interval = 0; interval < plan.TotalIntervals && !acc.Diverged[m]; interval++)
            {
                bool accumulating = interval >= plan.TransientIntervals;
                bool contraction = accumulating && plan.FullSpectrum;
                for (int s = 0; s < plan.Every; s++)
                {
                    double trace = stepper.Step(x, q, nextX, nextQ, contraction);
                    if (!TensorPrimitives.IsFiniteAll<T>(nextX) || !TensorPrimitives.IsFiniteAll<T>(nextQ))
                    {
                        acc.MarkDiverged(m, interval * plan.Every + s);
                        break;
                    }
                    acc.ContractionIntegral[m] += trace;
                    (x, nextX) = (nextX, x);
                    (q, nextQ) = (nextQ, q);
                }
                if (acc.Diverged[m])
                    break;
                long start = System.Diagnostics.Stopwatch.GetTimestamp();
                GramSchmidtQr.Factor<T>(q, n, k, r, projections);
                qrTicks += System.Diagnostics.Stopwatch.GetTimestamp() - start;
                if (accumulating)
                {
                    var row = acc.BlockRow(m, plan.BlockOf(interval - plan.TransientIntervals));
                    for (int i = 0; i < k; i++)
                        row[i] += Math.Log(r[i]);
                }
            }
        }
        GemmTime = stepper.GemmTime;
        QrTime = TimeSpan.FromSeconds((double)qrTicks / System.Diagnostics.Stopwatch.Frequency);
    }

    public void Dispose()
    {
    }
}
