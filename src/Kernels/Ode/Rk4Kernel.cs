using FastAttractors.Kernels.Models;
using FastAttractors.Kernels.Numerics;
using ILGPU;

namespace FastAttractors.Kernels.Ode;

/// <summary>
/// Classic RK4 (1/6, 1/3, 1/3, 1/6), thread per member, hand-unrolled; tests prove it equals the tableau path of
/// the reference integrator. All work vectors are SoA in global memory, so any n works and accesses coalesce.
/// </summary>
public static class Rk4Kernel
{
    /// <summary>
    /// Kernel entry: advances member <paramref name="member"/> by classic RK4 over the steps of
    /// <paramref name="range"/>, with step sizes <paramref name="c"/>.
    /// </summary>
    public static void Run<T, TModel>(Index1D member, TModel model, EnsembleState<T> s, Rk4Coefficients<T> c, StepRange range)
        where T : unmanaged, IReal<T>, ILift<T, T>
        where TModel : struct, IModel<T>
    {
        int m = member;
        if (m >= s.Members || s.Status[m] != MemberStatusCode.Ok)
            return;
        int n = model.Dimension;
        var x = new SoaVector<T>(s.X, s.Members, m);
        var stage = new SoaVector<T>(s.Stage, s.Members, m);
        var k = new SoaVector<T>(s.Slope, s.Members, m);
        var acc = new SoaVector<T>(s.Accumulator, s.Members, m);
        var scratch = new SoaVector<T>(s.Scratch, s.Members, m);

        for (int step = 0; step < range.Steps; step++)
        {
            model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, x, k, scratch);
            for (int i = 0; i < n; i++)
            {
                acc.Set(i, x[i] + c.SixthDt * k[i]);
                stage.Set(i, x[i] + c.HalfDt * k[i]);
            }
            model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, stage, k, scratch);
            for (int i = 0; i < n; i++)
            {
                acc.Set(i, acc[i] + c.ThirdDt * k[i]);
                stage.Set(i, x[i] + c.HalfDt * k[i]);
            }
            model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, stage, k, scratch);
            for (int i = 0; i < n; i++)
            {
                acc.Set(i, acc[i] + c.ThirdDt * k[i]);
                stage.Set(i, x[i] + c.Dt * k[i]);
            }
            model.Evaluate<T, SoaVector<T>, SoaVector<T>, SoaVector<T>>(m, stage, k, scratch);
            bool finite = true;
            for (int i = 0; i < n; i++)
            {
                var next = acc[i] + c.SixthDt * k[i];
                acc.Set(i, next);
                finite &= T.IsFinite(next);
            }
            if (!finite)
            {
                // Freeze: x keeps the last finite state, the member is flagged and skipped from now on.
                s.Status[m] = MemberStatusCode.NonFinite;
                s.FailedStep[m] = range.FirstStep + step;
                return;
            }
            for (int i = 0; i < n; i++)
                x.Set(i, acc[i]);
        }
    }
}
