using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>The per-member pieces the flow and map Lyapunov kernels share: the divergence check and the QR with block sums.</summary>
internal static class LyapunovSteps
{
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
