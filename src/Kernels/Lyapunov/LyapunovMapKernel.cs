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
        LyapunovSteps.RunIntervals(m, model.Dimension, s, schedule, range, new MapStep<T, TModel>(model, s.ContractionOffset[m]));
    }

    /// <summary>
    /// One iterate: linearise at x, add log |det J(x)| (the model's part plus the host's per-member
    /// <paramref name="offset"/>) when integrating, x' = F(x), and each column J(x) q.
    /// </summary>
    private readonly struct MapStep<T, TModel>(TModel model, double offset) : ITangentStep<T>
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, ITangentModel<T>
    {
        public double Step(LyapunovState<T> s, int m, int k, bool integrate, double contraction)
        {
            var x = new SoaVector<T>(s.X, s.Members, m);
            var lin = new SoaVector<T>(s.Linearisation, s.Members, m);
            var q = new SoaFrame<T>(s.Q, s.Members, m, model.Dimension);
            var nextQ = new SoaFrame<T>(s.NextQ, s.Members, m, model.Dimension);
            model.Linearise(m, x, lin);
            if (integrate)
                contraction += model.Contraction(m, x, lin) + offset;
            model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, x, new SoaVector<T>(s.NextX, s.Members, m), new SoaVector<T>(s.Scratch, s.Members, m));
            for (int c = 0; c < k; c++)
                model.Jvp(m, x, lin, q.Column(c), nextQ.Column(c));
            return contraction;
        }
    }
}
