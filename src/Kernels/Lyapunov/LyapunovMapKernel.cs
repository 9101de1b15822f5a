using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using ILGPU;

namespace FastAttractors.Kernels.Lyapunov;

/// <summary>
/// Benettin QR for maps, thread per member: x ← F(x), Q ← J(x) Q with J linearised once at the pre-image x; the
/// contraction log |det J(x)| (model part plus the host's per-member constant) in float64; MGS2 QR after every
/// interval as in <see cref="LyapunovRkKernel"/>.
/// </summary>
public static class LyapunovMapKernel
{
    /// <summary>
    /// Kernel entry: runs member <paramref name="member"/> through the QR intervals of <paramref name="range"/>, one
    /// map iterate per step.
    /// </summary>
    public static void Run<T, TModel>(Index1D member, TModel model, LyapunovState<T> s, LyapunovSchedule schedule, IntervalRange range)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T>
    {
        int m = member;
        if (m >= s.Members || s.Status[m] != MemberStatusCode.Ok)
            return;
        int n = model.Dimension, k = schedule.K;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var nextX = new SoaVector<T>(s.NextX, s.Members, m);
        var lin = new SoaVector<T>(s.Linearisation, s.Members, m);
        var scratch = new SoaVector<T>(s.Scratch, s.Members, m);
        var q = new SoaFrame<T>(s.Q, s.Members, m, n);
        var nextQ = new SoaFrame<T>(s.NextQ, s.Members, m, n);
        double contraction = s.Contraction[m];
        double offset = s.ContractionOffset[m];
        for (int done = 0; done < range.Count; done++)
        {
            long interval = range.First + done;
            int block = schedule.BlockOf(interval);
            bool integrate = block >= 0 && schedule.FullSpectrum != 0;
            for (int step = 0; step < schedule.Every; step++)
            {
                model.Linearise(m, x, lin);
                if (integrate)
                    contraction += model.Contraction(m, x, lin) + offset;
                model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, x, nextX, scratch);
                for (int c = 0; c < k; c++)
                    model.Jvp(m, x, lin, q.Column(c), nextQ.Column(c));
                if (!LyapunovSteps.TryCommit(s, m, interval * schedule.Every + step, contraction, x, q, nextX, nextQ, n, k))
                    return;
            }
            LyapunovSteps.Orthonormalise(s, q, m, n, k, block);
        }
        s.Contraction[m] = contraction;
    }
}
