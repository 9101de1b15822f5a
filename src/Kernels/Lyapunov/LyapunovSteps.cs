using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>
/// One step of one member's (x, Q) for <see cref="LyapunovSteps.RunIntervals"/>: NextX and NextQ (k columns) from X and Q, and the
/// contraction with the step's part added when integrate is true (the QR schedule is accumulating
/// the full spectrum). A struct type parameter, so the call is static (no virtual call per step).
/// </summary>
internal interface ITangentStep<T> where T : unmanaged, IReal<T>
{
    /// <summary>Takes the step into NextX and NextQ; returns <paramref name="contraction"/> plus the step's part when integrating.</summary>
    double Step(LyapunovState<T> s, int m, int k, bool integrate, double contraction);
}

/// <summary>
/// The per-member pieces the flow and map Lyapunov kernels share: the QR-interval loop around their step, the
/// divergence check and the QR with block sums.
/// </summary>
internal static class LyapunovSteps
{
    /// <summary>
    /// Member <paramref name="m"/> through the QR intervals of <paramref name="range"/>: <see cref="LyapunovSchedule.Every"/>
    /// steps of <paramref name="step"/> each committed (or the member flagged and left), then a QR whose log R_ii go
    /// into the interval's block (none during the transient); the contraction integral is read and written back once.
    /// </summary>
    public static void RunIntervals<T, TStep>(int m, int n, LyapunovState<T> s, LyapunovSchedule schedule, IntervalRange range, TStep step)
        where T : unmanaged, IReal<T>
        where TStep : struct, ITangentStep<T>
    {
        int k = schedule.K;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var nextX = new SoaVector<T>(s.NextX, s.Members, m);
        var q = new SoaFrame<T>(s.Q, s.Members, m, n);
        var nextQ = new SoaFrame<T>(s.NextQ, s.Members, m, n);
        double contraction = s.Contraction[m];
        for (int done = 0; done < range.Count; done++)
        {
            long interval = range.First + done;
            int block = schedule.BlockOf(interval);
            bool integrate = block >= 0 && schedule.FullSpectrum != 0;
            for (int i = 0; i < schedule.Every; i++)
            {
                contraction = step.Step(s, m, k, integrate, contraction);
                if (!TryCommit(s, m, interval * schedule.Every + i, contraction, x, q, nextX, nextQ, n, k))
                    return;
            }
            Orthonormalise(s, q, m, n, k, block);
        }
        s.Contraction[m] = contraction;
    }

    /// <summary>True when the next state and frame are finite (otherwise the member is diverged).</summary>
    public static bool Finite<T>(SoaVector<T> nextX, SoaFrame<T> nextQ, int n, int k) where T : unmanaged, IReal<T>
    {
        bool finite = true;
        for (int i = 0; i < n; i++)
            finite &= T.IsFinite(nextX[i]);
        for (int col = 0; col < k; col++)
            for (int i = 0; i < n; i++)
                finite &= T.IsFinite(nextQ.Get(i, col));
        return finite;
    }

    /// <summary>
    /// Takes the step into (x, Q) if it is finite; otherwise flags the member with its global step and records the
    /// contraction so far (frozen members keep their last finite state and are not stepped again).
    /// </summary>
    public static bool TryCommit<T>(LyapunovState<T> s, int m, long globalStep, double contraction,
        SoaVector<T> x, SoaFrame<T> q, SoaVector<T> nextX, SoaFrame<T> nextQ, int n, int k) where T : unmanaged, IReal<T>
    {
        if (!Finite(nextX, nextQ, n, k))
        {
            s.Status[m] = MemberStatusCode.NonFinite;
            s.FailedStep[m] = globalStep;
            s.Contraction[m] = contraction;
            return false;
        }
        for (int i = 0; i < n; i++)
            x.Set(i, nextX[i]);
        for (int c = 0; c < k; c++)
            for (int i = 0; i < n; i++)
                q.Set(i, c, nextQ.Get(i, c));
        return true;
    }

    /// <summary>QR of the frame; log R_ii added to block <paramref name="block"/> unless it is −1 (transient).</summary>
    public static void Orthonormalise<T>(LyapunovState<T> s, SoaFrame<T> q, int m, int n, int k, int block) where T : unmanaged, IReal<T>
    {
        for (int j = 0; j < k; j++)
        {
            double logR = GramSchmidt.Column<T, SoaFrame<T>>(q, n, j);
            if (block >= 0)
                s.BlockLogSums[((long)block * k + j) * s.Members + m] += logR;
        }
    }
}
