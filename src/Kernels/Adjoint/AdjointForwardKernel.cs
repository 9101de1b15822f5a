using FastAttractors.Kernels.Numerics;
using FastAttractors.Kernels.Ode;
using ILGPU;

namespace FastAttractors.Kernels.Adjoint;

/// <summary>
/// Forward pass of the discrete adjoint, thread per member: steps x by RK4 or the map, storing the states the range
/// asks for (checkpoints every C steps in the full forward pass, every state when a segment is recomputed). A member
/// whose state goes non-finite is flagged ForwardDiverged with its step and not stepped again.
/// </summary>
public static class AdjointForwardKernel
{
    /// <summary>
    /// Kernel entry: the forward launch <paramref name="range"/> for member <paramref name="member"/> (RK4 with
    /// <paramref name="c"/>, or the map when c.Map is 1).
    /// </summary>
    public static void Run<T, TModel>(Index1D member, TModel model, AdjointState<T> s, AdjointCoefficients<T> c, ForwardRange range)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T>
    {
        int m = member;
        if (m >= s.Members || s.Status[m] != AdjointStatusCode.Ok)
            return;
        int n = model.Dimension;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var next = new SoaVector<T>(s.Next, s.Members, m);
        var store = range.ToSegment != 0 ? s.Segment : s.Checkpoints;
        for (int done = 0; done <= range.Count; done++)
        {
            long t = range.First + done;
            long offset = t - range.Origin;
            if (offset % range.Every == 0 && offset / range.Every < range.Slots)
            {
                var slot = AdjointSteps.Slot(store, offset / range.Every, n, s.Members, m);
                for (int i = 0; i < n; i++)
                    slot.Set(i, x[i]);
            }
            if (done == range.Count)
                return;
            AdjointSteps.Forward(model, s, c, m, x);
            if (!MemberSteps.TryCommit(x, next, n, s.Status, s.FailedStep, m, AdjointStatusCode.ForwardDiverged, t))
                return;
        }
    }
}
