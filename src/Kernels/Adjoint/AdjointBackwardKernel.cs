using FastAttractors.Kernels.Numerics;
using ILGPU;

namespace FastAttractors.Kernels.Adjoint;

/// <summary>
/// Backward pass through (part of) one recomputed segment, thread per member, exactly as ReferenceGradient: per step
/// t from the top down, the adjoint step at x(t) (read from the segment buffer), then the host's loss gradients at t
/// added to ā, then a non-finite check (GradientNonFinite with the step) and the norm |ā(t)| on its frames.
/// </summary>
public static class AdjointBackwardKernel
{
    /// <summary>
    /// Kernel entry: the backward launch <paramref name="range"/> for member <paramref name="member"/>.
    /// </summary>
    public static void Run<T, TModel>(Index1D member, TModel model, AdjointState<T> s, AdjointCoefficients<T> c, BackwardRange range)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IAdjointModel<T>
    {
        int m = member;
        if (m >= s.Members || s.Status[m] != AdjointStatusCode.Ok)
            return;
        int n = model.Dimension, members = s.Members;
        var a = new SoaVector<T>(s.Adjoint, members, m);
        int cursor = range.LossCursor;
        for (int done = 0; done < range.Count; done++)
        {
            long t = range.Top - done;
            var x = AdjointSteps.Slot(s.Segment, t - range.SegmentFirst, n, members, m);
            AdjointSteps.Backward(model, s, c, m, x);
            while (cursor < range.LossCount && s.LossSteps[cursor] == t)
            {
                var g = AdjointSteps.Slot(s.LossGradients, cursor, n, members, m);
                for (int i = 0; i < n; i++)
                    a.Set(i, a[i] + g[i]);
                cursor++;
            }
            bool finite = true;
            double scale = 0;
            for (int i = 0; i < n; i++)
            {
                var v = a[i];
                finite &= T.IsFinite(v);
                scale = Math.Max(scale, Math.Abs(v.ToDouble()));
            }
            if (!finite)
            {
                s.Status[m] = AdjointStatusCode.GradientNonFinite;
                s.FailedStep[m] = t;
                return;
            }
            if (range.NormEvery != 0 && t % range.NormEvery == 0)
            {
                // Scaled by the largest |ā_i| first, as the host's AdjointNorm: the squares of a cotangent below 1e-154
                // would underflow and report a vanishing gradient as exactly 0.
                double sum = 0;
                for (int i = 0; scale > 0 && i < n; i++)
                {
                    double r = a[i].ToDouble() / scale;
                    sum += r * r;
                }
                s.Norms[(t / range.NormEvery) * members + m] = scale * Math.Sqrt(sum);
            }
        }
    }
}
