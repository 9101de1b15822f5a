using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using ILGPU;

namespace FastAttractors.Kernels.Ode;

/// <summary>Iterates a map x ← F(x), thread per member, with the freeze-and-flag rule of <see cref="MemberSteps"/>.</summary>
public static class MapKernel
{
    /// <summary>
    /// Kernel entry: iterates member <paramref name="member"/>'s map over the steps of <paramref name="range"/>, in
    /// place in <see cref="EnsembleState{T}.X"/>.
    /// </summary>
    public static void Run<T, TModel>(Index1D member, TModel model, EnsembleState<T> s, StepRange range)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IModel<T>
    {
        int m = member;
        if (m >= s.Members || s.Status[m] != MemberStatusCode.Ok)
            return;
        int n = model.Dimension;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var next = new SoaVector<T>(s.Accumulator, s.Members, m);
        var scratch = new SoaVector<T>(s.Scratch, s.Members, m);
        for (int step = 0; step < range.Steps; step++)
        {
            model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, x, next, scratch);
            if (!MemberSteps.TryCommit(x, next, n, s.Status, s.FailedStep, m, MemberStatusCode.NonFinite, range.FirstStep + step))
                return;
        }
    }
}
