using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using ILGPU;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>
/// Benettin QR for flows, thread per member: classic RK4 on (x, Q) jointly, each stage's tangent slope
/// KQ_s = J(X_s)(Q + dt Σ a_sj KQ_j) with J linearised once at the stage state X_s (the exact linearisation of the
/// RK4 map, as the reference), the contraction integral dt Σ b_s tr J(X_s) in float64, and after every interval of
/// <see cref="LyapunovSchedule.Every"/> steps a thin QR by MGS2 whose log R_ii go into the member's block sums.
/// A member whose x or Q goes non-finite is flagged with its global step and not stepped again.
/// </summary>
public static class LyapunovFlowKernel
{
    /// <summary>
    /// Kernel entry: runs member <paramref name="member"/> through the QR intervals of <paramref name="range"/> under
    /// classic RK4 with step sizes <paramref name="c"/>.
    /// </summary>
    public static void Run<T, TModel>(Index1D member, TModel model, LyapunovState<T> s, Rk4Coefficients<T> c, LyapunovSchedule schedule, IntervalRange range)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T>
    {
        int m = member;
        if (m >= s.Members || s.Status[m] != MemberStatusCode.Ok)
            return;
        int n = model.Dimension, k = schedule.K;
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
            for (int step = 0; step < schedule.Every; step++)
            {
                contraction += TangentRk4.Stage(model, s, m, 0, c.HalfDt, c.SixthDt, integrate ? schedule.SixthDt : 0.0, k);
                contraction += TangentRk4.Stage(model, s, m, 1, c.HalfDt, c.ThirdDt, integrate ? schedule.ThirdDt : 0.0, k);
                contraction += TangentRk4.Stage(model, s, m, 2, c.Dt, c.ThirdDt, integrate ? schedule.ThirdDt : 0.0, k);
                contraction += TangentRk4.Stage(model, s, m, 3, c.Dt, c.SixthDt, integrate ? schedule.SixthDt : 0.0, k);
                if (!LyapunovSteps.TryCommit(s, m, interval * schedule.Every + step, contraction, x, q, nextX, nextQ, n, k))
                    return;
            }
            LyapunovSteps.Orthonormalise(s, q, m, n, k, block);
        }
        s.Contraction[m] = contraction;
    }
}
